package core

import "github.com/gograd/gograd/core/kernel"

// Assign overwrites t's elements with src's, in place, keeping t's identity
// (its gradient, its place in an optimizer). Shapes must match. It records
// no graph: it is for initialisation and parameter updates.
func (t *Tensor) Assign(src *Tensor) {
	sameBackend("Assign", t, src)
	if !equalShape(t.shape, src.shape) {
		panicf("Assign", ErrShape, [][]int{t.shape, src.shape}, "shapes differ")
	}
	st := kernel.ContiguousStrides(t.shape)
	t.backend.Copy(t.buf, 0, st, src.buf, 0, st, t.shape)
}

// SetData overwrites t's elements with data, in place.
func (t *Tensor) SetData(data []float32) {
	if len(data) != t.Numel() {
		panicf("SetData", ErrShape, [][]int{t.shape}, "%d values for", len(data))
	}
	t.Assign(newTensor(t.backend, t.backend.FromFloat32(data), t.shape))
}
