package core

import "github.com/gograd/gograd/core/kernel"

// Linear returns x·wᵀ + b, the affine map of a fully connected layer, for x
// of shape [..., in], w of shape [out, in] and b of shape [out] (or nil).
// It multiplies by w without materialising its transpose, and its backward
// is the two products the course derives for the Affine node.
func Linear(x, w, b *Tensor) *Tensor {
	if w.Dim() != 2 || x.Dim() == 0 || x.Size(-1) != w.shape[1] {
		panicf("Linear", ErrShape, [][]int{x.shape, w.shape}, "input features must match weight columns")
	}
	if b != nil && (b.Dim() != 1 || b.shape[0] != w.shape[0]) {
		panicf("Linear", ErrShape, [][]int{w.shape, b.shape}, "bias must have one value per output")
	}
	lead := x.shape[:len(x.shape)-1]
	x2 := newTensor(x.backend, x.buf, []int{kernel.Numel(lead), w.shape[1]})
	out := mm2(x2, w, false, true)
	if b != nil {
		out = binary("Linear", kernel.Add, out, b)
	}
	out.shape = append(cloneShape(lead), w.shape[0])
	inputs := []*Tensor{x, w}
	if b != nil {
		inputs = append(inputs, b)
	}
	return record("Linear", out, func(g *Tensor) []*Tensor {
		g2 := newTensor(g.backend, g.buf, []int{x2.shape[0], w.shape[0]})
		grads := []*Tensor{nil, mm2(g2, x2, true, false)}
		// The input is usually data: skip its (largest) product when unneeded.
		if x.requiresGrad {
			dx := mm2(g2, w, false, false)
			dx.shape = cloneShape(x.shape)
			grads[0] = dx
		}
		if b != nil {
			grads = append(grads, g2.SumDim(0, false))
		}
		return grads
	}, inputs...)
}
