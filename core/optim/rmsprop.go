package optim

import (
	"fmt"

	"github.com/gograd/gograd/core"
)

// RMSpropOptions are torch.optim.RMSprop's settings. Zero Alpha and Eps are
// replaced by PyTorch's defaults 0.99 and 1e-8.
type RMSpropOptions struct {
	LR          float64
	Alpha       float64 // smoothing constant of the squared-gradient average
	Eps         float64
	WeightDecay float64
	Momentum    float64
	Centered    bool // divide by an estimate of the gradient's variance instead
}

// RMSprop divides each step by a running RMS of the gradient, as
// torch.optim.RMSprop:
//
//	g = g + weight_decay·w
//	v = α·v + (1-α)·g²
//	a = α·a + (1-α)·g;  d = √(v - a²) + eps   (centered)
//	d = √v + eps                               (otherwise)
//	b = momentum·b + g/d;  w = w - lr·b         (momentum > 0)
//	w = w - lr·g/d                              (otherwise)
type RMSprop struct {
	base
	opts               RMSpropOptions
	sq, avg, momentums []*core.Tensor
}

// NewRMSprop returns an RMSprop optimizer over params.
func NewRMSprop(params []*core.Tensor, opts RMSpropOptions) *RMSprop {
	if opts.Alpha == 0 {
		opts.Alpha = 0.99
	}
	if opts.Eps == 0 {
		opts.Eps = 1e-8
	}
	if opts.Alpha < 0 || opts.Alpha > 1 || opts.Eps < 0 || opts.WeightDecay < 0 || opts.Momentum < 0 {
		panic(fmt.Sprintf("optim.RMSprop: invalid setting in %+v", opts))
	}
	b := newBase("RMSprop", params, opts.LR)
	n := len(b.params)
	return &RMSprop{base: b, opts: opts,
		sq: make([]*core.Tensor, n), avg: make([]*core.Tensor, n), momentums: make([]*core.Tensor, n)}
}

// Step implements Optimizer.
func (o *RMSprop) Step() {
	alpha := o.opts.Alpha
	core.NoGrad(func() {
		for i, p := range o.params {
			g := p.Grad()
			if g == nil {
				continue
			}
			if o.sq[i] == nil {
				o.sq[i], o.avg[i], o.momentums[i] = core.ZerosLike(p), core.ZerosLike(p), core.ZerosLike(p)
			}
			if o.opts.WeightDecay != 0 {
				g = g.Add(p.MulScalar(o.opts.WeightDecay))
			}
			o.sq[i] = o.sq[i].MulScalar(alpha).Add(g.Mul(g).MulScalar(1 - alpha))
			variance := o.sq[i]
			if o.opts.Centered {
				o.avg[i] = o.avg[i].MulScalar(alpha).Add(g.MulScalar(1 - alpha))
				variance = variance.Sub(o.avg[i].Mul(o.avg[i]))
			}
			step := g.Div(variance.Sqrt().AddScalar(o.opts.Eps))
			if o.opts.Momentum > 0 {
				o.momentums[i] = o.momentums[i].MulScalar(o.opts.Momentum).Add(step)
				step = o.momentums[i]
			}
			p.Assign(p.Sub(step.MulScalar(o.lr)))
		}
	})
}
