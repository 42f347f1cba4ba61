//go:build js && wasm

package webgpu

import "github.com/gograd/gograd/core/kernel"

// indexOp records one of the index.wgsl kernels over total destination
// elements, reading srcLen elements of src and indexLen of index.
func (be *Backend) indexOp(entry string, dst, src, index kernel.Buffer, outer, n, inner, k, total, srcLen, indexLen int) {
	be.mu.Lock()
	defer be.mu.Unlock()
	ps := params{}.u(outer, n, inner, k, total)
	bufs := []*gpuBuffer{be.sized(entry, dst, total), be.sized(entry, src, srcLen), be.sized(entry, index, indexLen)}
	be.dispatch1D(famIndex, entry, ps, bufs, total)
}

// IndexSelect implements kernel.Backend. Indices outside [0, n) select 0
// (the CPU backend panics; a shader cannot).
func (be *Backend) IndexSelect(dst, x, index kernel.Buffer, outer, n, inner, k int) {
	be.indexOp("index_select", dst, x, index, outer, n, inner, k, outer*k*inner, outer*n*inner, k)
}

// IndexAdd implements kernel.Backend: each destination element sums the k
// rows that index names it, so no float atomics are needed.
func (be *Backend) IndexAdd(dst, g, index kernel.Buffer, outer, n, inner, k int) {
	be.indexOp("index_add", dst, g, index, outer, n, inner, k, outer*n*inner, outer*k*inner, k)
}

// Gather implements kernel.Backend.
func (be *Backend) Gather(dst, x, index kernel.Buffer, outer, n, inner, k int) {
	be.indexOp("gather", dst, x, index, outer, n, inner, k, outer*k*inner, outer*n*inner, outer*k*inner)
}

// ScatterAdd implements kernel.Backend, like IndexAdd one invocation per
// destination element.
func (be *Backend) ScatterAdd(dst, g, index kernel.Buffer, outer, n, inner, k int) {
	be.indexOp("scatter_add", dst, g, index, outer, n, inner, k, outer*n*inner, outer*k*inner, outer*k*inner)
}
