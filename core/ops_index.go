package core

// IndexSelect picks the entries of dimension dim listed in the 1-D index
// (integer values stored as numbers): the result has index.Numel() entries
// along dim. Repeated indices repeat entries; their gradients add up.
func (t *Tensor) IndexSelect(dim int, index *Tensor) *Tensor {
	be := sameBackend("IndexSelect", t, index)
	d := normDim("IndexSelect", dim, len(t.shape))
	if index.Dim() > 1 {
		panicf("IndexSelect", ErrShape, [][]int{t.shape, index.shape}, "index must be 0-D or 1-D")
	}
	outer, n, inner := split(t.shape, d)
	k := index.Numel()
	shape := cloneShape(t.shape)
	shape[d] = k
	out := empty(be, shape)
	be.IndexSelect(out.buf, t.buf, index.buf, outer, n, inner, k)
	return record("IndexSelect", out, func(g *Tensor) []*Tensor {
		dx := empty(be, cloneShape(t.shape))
		be.IndexAdd(dx.buf, g.buf, index.buf, outer, n, inner, k)
		return []*Tensor{dx, nil}
	}, t, index)
}

// Gather returns out[..., j, ...] = t[..., index[..., j, ...], ...] along dim,
// with out shaped like index. index must have t's rank and t's sizes in
// every dimension but dim (PyTorch also allows smaller ones).
func (t *Tensor) Gather(dim int, index *Tensor) *Tensor {
	be := sameBackend("Gather", t, index)
	d := normDim("Gather", dim, len(t.shape))
	if len(index.shape) != len(t.shape) {
		panicf("Gather", ErrShape, [][]int{t.shape, index.shape}, "index rank differs")
	}
	for i := range t.shape {
		if i != d && index.shape[i] != t.shape[i] {
			panicf("Gather", ErrShape, [][]int{t.shape, index.shape}, "sizes differ in dimension %d", i)
		}
	}
	outer, n, inner := split(t.shape, d)
	k := index.shape[d]
	out := empty(be, cloneShape(index.shape))
	be.Gather(out.buf, t.buf, index.buf, outer, n, inner, k)
	return record("Gather", out, func(g *Tensor) []*Tensor {
		dx := empty(be, cloneShape(t.shape))
		be.ScatterAdd(dx.buf, g.buf, index.buf, outer, n, inner, k)
		return []*Tensor{dx, nil}
	}, t, index)
}
