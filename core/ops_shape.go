package core

import "github.com/gograd/gograd/core/kernel"

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
	if kernel.Numel(shape) != t.Numel() || infer >= 0 && known == 0 {
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
	t.backend.Copy(out.buf, 0, kernel.ContiguousStrides(shape), t.buf, 0, broadcastStrides(t.shape, shape), shape)
	return record("Expand", out, func(g *Tensor) []*Tensor { return []*Tensor{sumTo(g, t.shape)} }, t)
}

// strided copies the strided view (offset, strides) of t's storage into a
// new contiguous tensor of the given shape, without recording a graph.
func strided(t *Tensor, shape []int, offset int, strides []int) *Tensor {
	out := empty(t.backend, shape)
	t.backend.Copy(out.buf, 0, kernel.ContiguousStrides(shape), t.buf, offset, strides, shape)
	return out
}

// permute reorders t's dimensions so that dimension i of the result is
// dimension perm[i] of t; op names the caller in the graph and in panics.
func (t *Tensor) permute(op string, perm []int) *Tensor {
	r := len(t.shape)
	if len(perm) != r {
		panicf(op, ErrShape, [][]int{t.shape}, "%d dimensions given for a tensor of rank %d", len(perm), r)
	}
	src := kernel.ContiguousStrides(t.shape)
	shape, st, inv := make([]int, r), make([]int, r), make([]int, r)
	seen := make([]bool, r)
	for i, d := range perm {
		p := normDim(op, d, r)
		if seen[p] {
			panicf(op, ErrIndex, [][]int{t.shape}, "dimension %d repeated in %v", p, perm)
		}
		seen[p] = true
		shape[i], st[i], inv[p] = t.shape[p], src[p], i
	}
	out := strided(t, shape, 0, st)
	return record(op, out, func(g *Tensor) []*Tensor { return []*Tensor{g.permute(op, inv)} }, t)
}

// Permute returns t with its dimensions reordered: dimension i of the result
// is dimension dims[i] of t. It copies, since storage is always contiguous.
func (t *Tensor) Permute(dims ...int) *Tensor { return t.permute("Permute", dims) }

// Transpose swaps dimensions d0 and d1.
func (t *Tensor) Transpose(d0, d1 int) *Tensor {
	r := len(t.shape)
	a, b := normDim("Transpose", d0, r), normDim("Transpose", d1, r)
	perm := make([]int, r)
	for i := range perm {
		perm[i] = i
	}
	perm[a], perm[b] = b, a
	return t.permute("Transpose", perm)
}

// T returns the transpose of a 2-D tensor.
func (t *Tensor) T() *Tensor {
	if len(t.shape) != 2 {
		panicf("T", ErrShape, [][]int{t.shape}, "needs a 2-D tensor; use Transpose or Permute")
	}
	return t.Transpose(0, 1)
}

// Squeeze removes dimension dim when its size is 1; otherwise the result has
// t's shape, as in PyTorch.
func (t *Tensor) Squeeze(dim int) *Tensor {
	if len(t.shape) == 0 {
		normDim("Squeeze", dim, 1)
		return t.Reshape()
	}
	d := normDim("Squeeze", dim, len(t.shape))
	if t.shape[d] != 1 {
		return t.Reshape(t.shape...)
	}
	return t.Reshape(reducedShape(t.shape, d, false)...)
}

// Unsqueeze inserts a dimension of size 1 at position dim, which ranges over
// [-Dim()-1, Dim()].
func (t *Tensor) Unsqueeze(dim int) *Tensor {
	d := normDim("Unsqueeze", dim, len(t.shape)+1)
	shape := append(cloneShape(t.shape[:d]), 1)
	return t.Reshape(append(shape, t.shape[d:]...)...)
}

// Flatten merges dimensions start through end (inclusive) into one.
func (t *Tensor) Flatten(start, end int) *Tensor {
	r := max(len(t.shape), 1)
	s, e := normDim("Flatten", start, r), normDim("Flatten", end, r)
	if s > e {
		panicf("Flatten", ErrIndex, [][]int{t.shape}, "start dimension %d after end dimension %d", start, end)
	}
	if len(t.shape) == 0 {
		return t.Reshape(1)
	}
	shape := append(cloneShape(t.shape[:s]), kernel.Numel(t.shape[s:e+1]))
	return t.Reshape(append(shape, t.shape[e+1:]...)...)
}

// Narrow returns length elements of dimension dim starting at start (which
// may be negative, counting from the end).
func (t *Tensor) Narrow(dim, start, length int) *Tensor {
	d := normDim("Narrow", dim, len(t.shape))
	n := t.shape[d]
	if start < 0 {
		start += n
	}
	if start < 0 || length < 0 || start+length > n {
		panicf("Narrow", ErrIndex, [][]int{t.shape}, "start %d length %d in dimension %d of size %d", start, length, dim, n)
	}
	return t.slice("Narrow", d, start, length, 1)
}

// Slice returns elements start, start+step, ... before end of dimension dim,
// like t[..., start:end:step] in Python: negative start and end count from
// the end and both are clamped to the dimension. step must be positive.
func (t *Tensor) Slice(dim, start, end, step int) *Tensor {
	d := normDim("Slice", dim, len(t.shape))
	if step <= 0 {
		panicf("Slice", ErrIndex, [][]int{t.shape}, "step %d is not positive", step)
	}
	n := t.shape[d]
	clampIdx := func(i int) int {
		if i < 0 {
			i += n
		}
		return min(max(i, 0), n)
	}
	start, end = clampIdx(start), clampIdx(end)
	length := 0
	if end > start {
		length = (end - start + step - 1) / step
	}
	return t.slice("Slice", d, start, length, step)
}

// slice takes length elements of dimension d from start on, step apart. Its
// backward writes the gradient into the same strided region of zeros.
func (t *Tensor) slice(op string, d, start, length, step int) *Tensor {
	shape := cloneShape(t.shape)
	shape[d] = length
	st := kernel.ContiguousStrides(t.shape)
	offset := start * st[d]
	st[d] *= step
	out := strided(t, shape, offset, st)
	return record(op, out, func(g *Tensor) []*Tensor {
		dx := empty(t.backend, cloneShape(t.shape))
		t.backend.Copy(dx.buf, offset, st, g.buf, 0, kernel.ContiguousStrides(shape), shape)
		return []*Tensor{dx}
	}, t)
}
