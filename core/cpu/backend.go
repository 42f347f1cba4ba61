package cpu

import (
	"fmt"
	"slices"

	"github.com/gograd/gograd/core/kernel"
)

// Float is an element type the CPU backend computes in.
type Float interface{ ~float32 | ~float64 }

// Buffer is the CPU backend's storage: a Go slice.
type Buffer[T Float] struct{ Data []T }

// Len implements kernel.Buffer.
func (b *Buffer[T]) Len() int { return len(b.Data) }

// Backend runs every kernel on the calling goroutine (matrix products also
// fan out across cores).
type Backend[T Float] struct{ name string }

// New returns the float32 CPU backend.
func New() *Backend[float32] { return &Backend[float32]{name: "cpu"} }

// New64 returns the float64 CPU backend.
func New64() *Backend[float64] { return &Backend[float64]{name: "cpu64"} }

// Name implements kernel.Backend.
func (be *Backend[T]) Name() string { return be.name }

func (be *Backend[T]) data(b kernel.Buffer) []T {
	buf, ok := b.(*Buffer[T])
	if !ok {
		panic(fmt.Sprintf("cpu: buffer of type %T does not belong to backend %s", b, be.name))
	}
	return buf.Data
}

// New implements kernel.Backend.
func (be *Backend[T]) New(n int) kernel.Buffer { return &Buffer[T]{Data: make([]T, n)} }

// FromFloat32 implements kernel.Backend.
func (be *Backend[T]) FromFloat32(data []float32) kernel.Buffer {
	out := make([]T, len(data))
	for i, v := range data {
		out[i] = T(v)
	}
	return &Buffer[T]{Data: out}
}

// FromFloat64 implements kernel.Backend.
func (be *Backend[T]) FromFloat64(data []float64) kernel.Buffer {
	out := make([]T, len(data))
	for i, v := range data {
		out[i] = T(v)
	}
	return &Buffer[T]{Data: out}
}

// ReadFloat32 implements kernel.Backend.
func (be *Backend[T]) ReadFloat32(b kernel.Buffer, dst []float32) {
	for i, v := range be.data(b) {
		dst[i] = float32(v)
	}
}

// ReadFloat64 implements kernel.Backend.
func (be *Backend[T]) ReadFloat64(b kernel.Buffer, dst []float64) {
	for i, v := range be.data(b) {
		dst[i] = float64(v)
	}
}

// Fill implements kernel.Backend.
func (be *Backend[T]) Fill(dst kernel.Buffer, v float64) {
	d := be.data(dst)
	for i := range d {
		d[i] = T(v)
	}
}

// Copy implements kernel.Backend.
func (be *Backend[T]) Copy(dst kernel.Buffer, dstOffset int, dstStrides []int, src kernel.Buffer, srcOffset int, srcStrides []int, shape []int) {
	d, s := be.data(dst), be.data(src)
	if len(shape) == 0 {
		d[dstOffset] = s[srcOffset]
		return
	}
	shape, st := kernel.Coalesce(shape, dstStrides, srcStrides)
	last := len(shape) - 1
	n, ds, ss := shape[last], st[0][last], st[1][last]
	// A destination with a zero stride is written more than once; only
	// distinct destinations may be written from several goroutines.
	parallel := !slices.Contains(st[0], 0)
	forRows(shape, st, parallel, func(_ int, offs []int) {
		di, si := dstOffset+offs[0], srcOffset+offs[1]
		if ds == 1 && ss == 1 {
			copy(d[di:di+n], s[si:si+n])
			return
		}
		for j := 0; j < n; j++ {
			d[di+j*ds] = s[si+j*ss]
		}
	})
}
