package core

// Reshape returns t with a new shape holding the same elements in the same
// order; one dimension may be -1 and is then inferred. It shares storage
// with t (like PyTorch's view on a contiguous tensor).
func (t *Tensor) Reshape(shape ...int) *Tensor {
	shape = cloneShape(shape)
	infer, known := -1, 1
	for i, d := range shape {
		switch {
		case d == -1 && infer < 0:
			infer = i
		case d < 0:
			panicf("Reshape", ErrShape, [][]int{t.shape, shape}, "invalid target shape")
		default:
			known *= d
		}
	}
	if infer >= 0 && known > 0 {
		shape[infer] = t.Numel() / known
	}
	if numel(shape) != t.Numel() || infer >= 0 && known == 0 {
		panicf("Reshape", ErrShape, [][]int{t.shape, shape}, "element counts differ")
	}
	out := newTensor(t.backend, t.buf, shape)
	return record("Reshape", out, func(g *Tensor) []*Tensor { return []*Tensor{g.Reshape(t.shape...)} }, t)
}

// View is Reshape, under PyTorch's other name.
func (t *Tensor) View(shape ...int) *Tensor { return t.Reshape(shape...) }

// Expand returns t broadcast to shape (a copy, since storage is always
// contiguous). Its gradient sums over the broadcast dimensions.
func (t *Tensor) Expand(shape ...int) *Tensor {
	shape = cloneShape(shape)
	if len(shape) < len(t.shape) {
		panicf("Expand", ErrShape, [][]int{t.shape, shape}, "cannot expand to fewer dimensions")
	}
	off := len(shape) - len(t.shape)
	for i, d := range t.shape {
		if shape[off+i] == -1 {
			shape[off+i] = d
		}
		if d != 1 && d != shape[off+i] {
			panicf("Expand", ErrShape, [][]int{t.shape, shape}, "dimension %d is %d, not 1", i, d)
		}
	}
	out := empty(t.backend, shape)
	t.backend.Copy(out.buf, 0, contiguousStrides(shape), t.buf, 0, broadcastStrides(t.shape, shape), shape)
	return record("Expand", out, func(g *Tensor) []*Tensor { return []*Tensor{sumTo(g, t.shape)} }, t)
}
