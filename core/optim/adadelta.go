package optim

import (
	"fmt"

	"github.com/gograd/gograd/core"
)

// AdadeltaOptions are torch.optim.Adadelta's settings. Zero Rho and Eps are
// replaced by PyTorch's defaults 0.9 and 1e-6. PyTorch's default LR is 1.
type AdadeltaOptions struct {
	LR          float64
	Rho         float64
	Eps         float64
	WeightDecay float64
}

// Adadelta scales each step by the ratio of running RMS values of past
// updates and of gradients, as torch.optim.Adadelta:
//
//	g = g + weight_decay·w
//	v = ρ·v + (1-ρ)·g²
//	Δ = √(u + eps) / √(v + eps) · g
//	u = ρ·u + (1-ρ)·Δ²
//	w = w - lr·Δ
type Adadelta struct {
	base
	opts        AdadeltaOptions
	sq, updates []*core.Tensor
}

// NewAdadelta returns an Adadelta optimizer over params.
func NewAdadelta(params []*core.Tensor, opts AdadeltaOptions) *Adadelta {
	if opts.Rho == 0 {
		opts.Rho = 0.9
	}
	if opts.Eps == 0 {
		opts.Eps = 1e-6
	}
	if opts.Rho < 0 || opts.Rho > 1 || opts.Eps < 0 || opts.WeightDecay < 0 {
		panic(fmt.Sprintf("optim.Adadelta: invalid setting in %+v", opts))
	}
	b := newBase("Adadelta", params, opts.LR)
	n := len(b.params)
	return &Adadelta{base: b, opts: opts, sq: make([]*core.Tensor, n), updates: make([]*core.Tensor, n)}
}

// Step implements Optimizer.
func (o *Adadelta) Step() {
	rho, eps := o.opts.Rho, o.opts.Eps
	core.NoGrad(func() {
		for i, p := range o.params {
			g := p.Grad()
			if g == nil {
				continue
			}
			if o.sq[i] == nil {
				o.sq[i], o.updates[i] = core.ZerosLike(p), core.ZerosLike(p)
			}
			if o.opts.WeightDecay != 0 {
				g = g.Add(p.MulScalar(o.opts.WeightDecay))
			}
			o.sq[i] = o.sq[i].MulScalar(rho).Add(g.Mul(g).MulScalar(1 - rho))
			delta := o.updates[i].AddScalar(eps).Sqrt().Div(o.sq[i].AddScalar(eps).Sqrt()).Mul(g)
			o.updates[i] = o.updates[i].MulScalar(rho).Add(delta.Mul(delta).MulScalar(1 - rho))
			p.Assign(p.Sub(delta.MulScalar(o.lr)))
		}
	})
}
