package core

import "github.com/gograd/gograd/core/kernel"

// Cat joins tensors along dimension dim. They must have the same rank and
// the same sizes in every other dimension.
func Cat(ts []*Tensor, dim int) *Tensor {
	if len(ts) == 0 {
		panicf("Cat", ErrShape, nil, "no tensors to join")
	}
	be := sameBackend("Cat", ts...)
	first := ts[0].shape
	d := normDim("Cat", dim, len(first))
	shape := cloneShape(first)
	shape[d] = 0
	for _, t := range ts {
		if len(t.shape) != len(first) {
			panicf("Cat", ErrShape, [][]int{first, t.shape}, "ranks differ")
		}
		for i := range first {
			if i != d && t.shape[i] != first[i] {
				panicf("Cat", ErrShape, [][]int{first, t.shape}, "sizes differ in dimension %d", i)
			}
		}
		shape[d] += t.shape[d]
	}
	out := empty(be, shape)
	st := kernel.ContiguousStrides(shape)
	// starts[i] is where piece i begins along d.
	starts := make([]int, len(ts))
	at := 0
	for i, t := range ts {
		starts[i] = at
		be.Copy(out.buf, at*st[d], st, t.buf, 0, kernel.ContiguousStrides(t.shape), t.shape)
		at += t.shape[d]
	}
	return record("Cat", out, func(g *Tensor) []*Tensor {
		gs := make([]*Tensor, len(ts))
		for i, t := range ts {
			gs[i] = strided(g, cloneShape(t.shape), starts[i]*st[d], st)
		}
		return gs
	}, ts...)
}

// Stack joins tensors of one shape along a new dimension dim, which ranges
// over [-Dim()-1, Dim()].
func Stack(ts []*Tensor, dim int) *Tensor {
	if len(ts) == 0 {
		panicf("Stack", ErrShape, nil, "no tensors to stack")
	}
	d := normDim("Stack", dim, len(ts[0].shape)+1)
	parts := make([]*Tensor, len(ts))
	for i, t := range ts {
		if !equalShape(t.shape, ts[0].shape) {
			panicf("Stack", ErrShape, [][]int{ts[0].shape, t.shape}, "shapes differ")
		}
		parts[i] = t.Unsqueeze(d)
	}
	return Cat(parts, d)
}
