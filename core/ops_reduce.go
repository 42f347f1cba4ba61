package core

import "github.com/gograd/gograd/core/kernel"

// split views shape as [outer, shape[dim], inner] around dim.
func split(shape []int, dim int) (outer, n, inner int) {
	return numel(shape[:dim]), shape[dim], numel(shape[dim+1:])
}

// reducedShape is shape with dim set to 1 (keepdim) or removed.
func reducedShape(shape []int, dim int, keepdim bool) []int {
	if keepdim {
		s := cloneShape(shape)
		s[dim] = 1
		return s
	}
	return append(cloneShape(shape[:dim]), shape[dim+1:]...)
}

func reduce(op string, k kernel.ReduceOp, t *Tensor, dim int, keepdim bool) *Tensor {
	dim = normDim(op, dim, len(t.shape))
	outer, n, inner := split(t.shape, dim)
	if n == 0 && k != kernel.Sum {
		panicf(op, ErrShape, [][]int{t.shape}, "reduction over an empty dimension %d", dim)
	}
	out := empty(t.backend, reducedShape(t.shape, dim, keepdim))
	t.backend.Reduce(k, out.buf, t.buf, outer, n, inner)
	return out
}

// SumDim sums over dimension dim, keeping it as size 1 when keepdim is set.
func (t *Tensor) SumDim(dim int, keepdim bool) *Tensor {
	d := normDim("SumDim", dim, len(t.shape))
	return record("Sum", reduce("SumDim", kernel.Sum, t, d, keepdim), func(g *Tensor) []*Tensor {
		return []*Tensor{g.Reshape(reducedShape(t.shape, d, true)...).Expand(t.shape...)}
	}, t)
}

// Sum returns the sum of all elements as a zero-dimensional tensor.
func (t *Tensor) Sum() *Tensor {
	return t.Reshape(t.Numel()).SumDim(0, false)
}

// MeanDim averages over dimension dim.
func (t *Tensor) MeanDim(dim int, keepdim bool) *Tensor {
	n := t.Size(dim)
	return t.SumDim(dim, keepdim).MulScalar(1 / float64(n))
}

// Mean returns the mean of all elements as a zero-dimensional tensor.
func (t *Tensor) Mean() *Tensor { return t.Sum().MulScalar(1 / float64(t.Numel())) }
