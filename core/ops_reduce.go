package core

import "github.com/gograd/gograd/core/kernel"

// split views shape as [outer, shape[dim], inner] around dim.
func split(shape []int, dim int) (outer, n, inner int) {
	return kernel.Numel(shape[:dim]), shape[dim], kernel.Numel(shape[dim+1:])
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

// extreme returns the values and indices of the largest (or smallest)
// entries along dim. The values' gradient goes to the chosen entry only.
func (t *Tensor) extreme(op string, val, arg kernel.ReduceOp, dim int, keepdim bool) (values, indices *Tensor) {
	d := normDim(op, dim, len(t.shape))
	values = reduce(op, val, t, d, keepdim)
	indices = reduce(op, arg, t, d, keepdim)
	outer, n, inner := split(t.shape, d)
	values = record(op, values, func(g *Tensor) []*Tensor {
		dx := empty(t.backend, cloneShape(t.shape))
		t.backend.ScatterAdd(dx.buf, g.buf, indices.buf, outer, n, inner, 1)
		return []*Tensor{dx}
	}, t)
	return values, indices
}

// MaxDim returns the largest entries along dim and their indices (as
// numbers), like torch.max(t, dim). Ties pick the first index.
func (t *Tensor) MaxDim(dim int, keepdim bool) (values, indices *Tensor) {
	return t.extreme("MaxDim", kernel.Max, kernel.ArgMax, dim, keepdim)
}

// MinDim returns the smallest entries along dim and their indices.
func (t *Tensor) MinDim(dim int, keepdim bool) (values, indices *Tensor) {
	return t.extreme("MinDim", kernel.Min, kernel.ArgMin, dim, keepdim)
}

// Max returns the largest element as a zero-dimensional tensor.
func (t *Tensor) Max() *Tensor {
	v, _ := t.Reshape(t.Numel()).MaxDim(0, false)
	return v
}

// Min returns the smallest element as a zero-dimensional tensor.
func (t *Tensor) Min() *Tensor {
	v, _ := t.Reshape(t.Numel()).MinDim(0, false)
	return v
}

// ArgMax returns the index of the first largest entry along dim; it has no
// gradient.
func (t *Tensor) ArgMax(dim int, keepdim bool) *Tensor {
	return reduce("ArgMax", kernel.ArgMax, t, normDim("ArgMax", dim, len(t.shape)), keepdim)
}

// ArgMin returns the index of the first smallest entry along dim.
func (t *Tensor) ArgMin(dim int, keepdim bool) *Tensor {
	return reduce("ArgMin", kernel.ArgMin, t, normDim("ArgMin", dim, len(t.shape)), keepdim)
}

// VarDim returns the variance along dim: the mean squared deviation from
// the mean, divided by n-1 instead of n when unbiased is set (Bessel's
// correction, PyTorch's default).
func (t *Tensor) VarDim(dim int, keepdim, unbiased bool) *Tensor {
	n := t.Size(dim)
	dev := t.Sub(t.MeanDim(dim, true))
	div := float64(n)
	if unbiased {
		div--
	}
	return dev.Mul(dev).SumDim(dim, keepdim).MulScalar(1 / div)
}

// Var returns the variance of all elements.
func (t *Tensor) Var(unbiased bool) *Tensor { return t.Reshape(t.Numel()).VarDim(0, false, unbiased) }

// StdDim returns the standard deviation along dim, the square root of VarDim.
func (t *Tensor) StdDim(dim int, keepdim, unbiased bool) *Tensor {
	return t.VarDim(dim, keepdim, unbiased).Sqrt()
}

// Std returns the standard deviation of all elements.
func (t *Tensor) Std(unbiased bool) *Tensor { return t.Var(unbiased).Sqrt() }
