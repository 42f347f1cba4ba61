package optim

import (
	"fmt"

	"github.com/gograd/gograd/core"
)

// AdagradOptions are torch.optim.Adagrad's settings. A zero Eps is replaced
// by PyTorch's default 1e-10.
type AdagradOptions struct {
	LR                      float64
	LRDecay                 float64
	WeightDecay             float64
	InitialAccumulatorValue float64
	Eps                     float64
}

// Adagrad scales each weight's step by the root of its summed squared
// gradients, as torch.optim.Adagrad. With t the parameter's step count,
// starting at 1:
//
//	g = g + weight_decay·w
//	clr = lr / (1 + (t-1)·lr_decay)
//	s = s + g²                 (s starts at initial_accumulator_value)
//	w = w - clr·g / (√s + eps)
type Adagrad struct {
	base
	opts  AdagradOptions
	sums  []*core.Tensor
	steps []int
}

// NewAdagrad returns an Adagrad optimizer over params.
func NewAdagrad(params []*core.Tensor, opts AdagradOptions) *Adagrad {
	if opts.Eps == 0 {
		opts.Eps = 1e-10
	}
	if opts.LRDecay < 0 || opts.WeightDecay < 0 || opts.InitialAccumulatorValue < 0 || opts.Eps < 0 {
		panic(fmt.Sprintf("optim.Adagrad: negative setting in %+v", opts))
	}
	b := newBase("Adagrad", params, opts.LR)
	o := &Adagrad{base: b, opts: opts, sums: make([]*core.Tensor, len(b.params)), steps: make([]int, len(b.params))}
	// PyTorch fills the accumulators when the optimizer is made.
	for i, p := range b.params {
		o.sums[i] = core.ZerosLike(p).AddScalar(opts.InitialAccumulatorValue)
	}
	return o
}

// Step implements Optimizer.
func (o *Adagrad) Step() {
	core.NoGrad(func() {
		for i, p := range o.params {
			g := p.Grad()
			if g == nil {
				continue
			}
			o.steps[i]++
			if o.opts.WeightDecay != 0 {
				g = g.Add(p.MulScalar(o.opts.WeightDecay))
			}
			clr := o.lr / (1 + float64(o.steps[i]-1)*o.opts.LRDecay)
			o.sums[i] = o.sums[i].Add(g.Mul(g))
			std := o.sums[i].Sqrt().AddScalar(o.opts.Eps)
			p.Assign(p.Sub(g.Div(std).MulScalar(clr)))
		}
	})
}
