package cpu

import (
	"fmt"

	"github.com/gograd/gograd/core/kernel"
)

// IndexSelect implements kernel.Backend.
func (be *Backend[T]) IndexSelect(dst, x, index kernel.Buffer, outer, n, inner, k int) {
	d, s, ix := be.data(dst), be.data(x), be.data(index)
	for o := 0; o < outer; o++ {
		for j := 0; j < k; j++ {
			src := checkIndex(ix[j], n)
			copy(d[(o*k+j)*inner:(o*k+j+1)*inner], s[(o*n+src)*inner:(o*n+src+1)*inner])
		}
	}
}

// IndexAdd implements kernel.Backend.
func (be *Backend[T]) IndexAdd(dst, g, index kernel.Buffer, outer, n, inner, k int) {
	d, gs, ix := be.data(dst), be.data(g), be.data(index)
	for o := 0; o < outer; o++ {
		for j := 0; j < k; j++ {
			to := checkIndex(ix[j], n)
			row := d[(o*n+to)*inner : (o*n+to+1)*inner]
			for i, v := range gs[(o*k+j)*inner : (o*k+j+1)*inner] {
				row[i] += v
			}
		}
	}
}

// Gather implements kernel.Backend.
func (be *Backend[T]) Gather(dst, x, index kernel.Buffer, outer, n, inner, k int) {
	d, s, ix := be.data(dst), be.data(x), be.data(index)
	for o := 0; o < outer; o++ {
		for j := 0; j < k; j++ {
			for i := 0; i < inner; i++ {
				at := (o*k+j)*inner + i
				d[at] = s[(o*n+checkIndex(ix[at], n))*inner+i]
			}
		}
	}
}

// ScatterAdd implements kernel.Backend.
func (be *Backend[T]) ScatterAdd(dst, g, index kernel.Buffer, outer, n, inner, k int) {
	d, gs, ix := be.data(dst), be.data(g), be.data(index)
	for o := 0; o < outer; o++ {
		for j := 0; j < k; j++ {
			for i := 0; i < inner; i++ {
				at := (o*k+j)*inner + i
				d[(o*n+checkIndex(ix[at], n))*inner+i] += gs[at]
			}
		}
	}
}

// checkIndex turns a stored index into an int, panicking on one out of range:
// a silent out-of-bounds read would corrupt a training run without a trace.
func checkIndex[T Float](v T, n int) int {
	i := int(v)
	if T(i) != v || i < 0 || i >= n {
		panic(fmt.Sprintf("cpu: index %v out of range [0, %d)", v, n))
	}
	return i
}
