package core

import "github.com/gograd/gograd/core/kernel"

// Dropout zeroes each element of x with probability p and scales the rest by
// 1/(1-p), so that the expected value is unchanged (training-mode inverted
// dropout, as torch's nn.functional.dropout). Element i is kept when
// kernel.CounterUniform(seed, offset+i) >= p, so the same seed and offset
// give the same mask on every backend; a caller that wants a fresh mask per
// step advances offset by x.Numel(). The gradient is multiplied by the same
// mask. A p outside [0, 1] panics with ErrIndex.
func Dropout(x *Tensor, p float64, seed, offset uint64) *Tensor {
	mask := dropoutMask("Dropout", x.backend, p, seed, offset, cloneShape(x.shape))
	return applyMask("Dropout", x, mask)
}

// Dropout2d zeroes whole channels: one draw per (n, c) plane of x
// (N×C×H×W), kept when kernel.CounterUniform(seed, offset+n·C+c) >= p and
// scaled by 1/(1-p), as torch's nn.functional.dropout2d in training mode.
// It uses N·C numbers of the stream.
func Dropout2d(x *Tensor, p float64, seed, offset uint64) *Tensor {
	if x.Dim() != 4 {
		panicf("Dropout2d", ErrShape, [][]int{x.shape}, "input must be 4-D (N×C×H×W), got %d-D", x.Dim())
	}
	mask := dropoutMask("Dropout2d", x.backend, p, seed, offset, []int{x.shape[0], x.shape[1], 1, 1})
	return applyMask("Dropout2d", x, mask)
}

// dropoutMask returns a tensor of the given shape holding 1/(1-p) where the
// element is kept and 0 where it is dropped.
func dropoutMask(op string, be Backend, p float64, seed, offset uint64, shape []int) *Tensor {
	if !(p >= 0 && p <= 1) {
		panicf(op, ErrIndex, nil, "probability p=%g outside [0, 1]", p)
	}
	n := kernel.Numel(shape)
	u := be.New(n)
	be.RandomUniform(u, seed, offset)
	keep := be.New(n)
	be.Binary(kernel.GreaterEqual, keep, u, be.FromFloat64([]float64{p}), []int{n}, []int{1}, []int{0})
	scale := 0.0 // with p = 1 every element is dropped; avoid 0·∞.
	if p < 1 {
		scale = 1 / (1 - p)
	}
	mask := empty(be, shape)
	be.Unary(kernel.Affine, mask.buf, keep, scale, 0)
	return mask
}

// applyMask multiplies x by mask (broadcasting) and records the op.
func applyMask(op string, x, mask *Tensor) *Tensor {
	out := binary(op, kernel.Mul, x, mask)
	return record(op, out, func(g *Tensor) []*Tensor { return []*Tensor{g.Mul(mask)} }, x)
}
