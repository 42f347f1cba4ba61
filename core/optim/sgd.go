package optim

import (
	"fmt"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/kernel"
)

// SGDOptions are torch.optim.SGD's settings.
type SGDOptions struct {
	LR          float64
	Momentum    float64 // 0 turns momentum off
	Dampening   float64 // scales the new gradient's share of the momentum buffer
	WeightDecay float64 // L2 penalty added to the gradient
	Nesterov    bool    // look ahead along the momentum buffer
}

// SGD is stochastic gradient descent with optional momentum, Nesterov
// momentum and weight decay, as torch.optim.SGD:
//
//	d = g + weight_decay·w
//	b = d on a parameter's first step, else momentum·b + (1-dampening)·d
//	d = d + momentum·b with Nesterov, else d = b   (when momentum ≠ 0)
//	w = w - lr·d
type SGD struct {
	base
	opts SGDOptions
	// bufs holds each parameter's momentum buffer, made on its first step.
	bufs []kernel.Buffer
}

// NewSGD returns an SGD optimizer over params.
func NewSGD(params []*core.Tensor, opts SGDOptions) *SGD {
	if opts.Momentum < 0 || opts.WeightDecay < 0 {
		panic(fmt.Sprintf("optim.SGD: negative momentum %g or weight decay %g", opts.Momentum, opts.WeightDecay))
	}
	if opts.Nesterov && (opts.Momentum == 0 || opts.Dampening != 0) {
		panic("optim.SGD: Nesterov momentum needs momentum > 0 and zero dampening")
	}
	b := newBase("SGD", params, opts.LR)
	return &SGD{base: b, opts: opts, bufs: make([]kernel.Buffer, len(b.params))}
}

// Step implements Optimizer.
func (o *SGD) Step() {
	for i, p := range o.params {
		g := p.Grad()
		if g == nil {
			continue
		}
		be := p.Backend()
		sp := kernel.SGDParams{LR: o.lr, Momentum: o.opts.Momentum, Dampening: o.opts.Dampening,
			WeightDecay: o.opts.WeightDecay, Nesterov: o.opts.Nesterov}
		if sp.Momentum != 0 && o.bufs[i] == nil {
			o.bufs[i] = be.New(p.Numel())
			sp.First = true
		}
		// Without momentum the kernel never reads the buffer, so it stays nil.
		be.SGDStep(p.Buffer(), g.Buffer(), o.bufs[i], sp)
	}
}
