package optim

import (
	"math"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/kernel"
)

// ClipGradNorm rescales the gradients of params so that their joint L2 norm
// (all gradients seen as one vector) is at most maxNorm, as
// torch.nn.utils.clip_grad_norm_, and returns the norm before clipping.
// Parameters without a gradient are skipped. Gradients are scaled by
// maxNorm/(norm+1e-6) in place when that factor is below one; a NaN norm
// leaves them unchanged.
//
// Backward may hand one gradient tensor to several tensors (both inputs of
// an Add get the same one), so the norm counts every parameter's gradient, as
// PyTorch would, but each distinct gradient buffer is scaled only once.
func ClipGradNorm(params []*core.Tensor, maxNorm float64) float64 {
	var total *core.Tensor
	var grads []*core.Tensor
	seen := map[kernel.Buffer]bool{}
	core.NoGrad(func() {
		for _, p := range params {
			g := p.Grad()
			if g == nil {
				continue
			}
			if !seen[g.Buffer()] {
				seen[g.Buffer()] = true
				grads = append(grads, g)
			}
			// Sum on the device and read back once at the end.
			s := g.Mul(g).Sum()
			if total == nil {
				total = s
			} else {
				total = total.Add(s)
			}
		}
	})
	if total == nil {
		return 0
	}
	norm := math.Sqrt(total.Item64())
	coef := maxNorm / (norm + 1e-6)
	if coef < 1 {
		core.NoGrad(func() {
			for _, g := range grads {
				g.Assign(g.MulScalar(coef))
			}
		})
	}
	return norm
}
