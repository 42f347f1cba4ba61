package optim

import (
	"fmt"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/kernel"
)

// AdamOptions are torch.optim.Adam's (and AdamW's) settings. Zero Beta1,
// Beta2 and Eps are replaced by PyTorch's defaults 0.9, 0.999 and 1e-8; to
// ask for a true zero, use a tiny positive number.
type AdamOptions struct {
	LR           float64
	Beta1, Beta2 float64
	Eps          float64
	WeightDecay  float64
}

// Adam is torch.optim.Adam, or AdamW when weight decay is decoupled. With
// t the parameter's step count, starting at 1:
//
//	g = g + weight_decay·w               (Adam)
//	w = w - lr·weight_decay·w            (AdamW)
//	m = β1·m + (1-β1)·g
//	v = β2·v + (1-β2)·g²
//	w = w - lr·(m/(1-β1^t)) / (√(v/(1-β2^t)) + eps)
type Adam struct {
	base
	opts      AdamOptions
	decoupled bool
	m, v      []kernel.Buffer
	steps     []int
}

// NewAdam returns an Adam optimizer over params; weight decay is added to
// the gradient (L2 regularisation).
func NewAdam(params []*core.Tensor, opts AdamOptions) *Adam {
	return newAdam("Adam", params, opts, false)
}

// NewAdamW returns an AdamW optimizer over params: weight decay shrinks the
// weights directly instead of passing through the adaptive scaling. PyTorch's
// default weight decay for AdamW is 0.01; here zero means zero.
func NewAdamW(params []*core.Tensor, opts AdamOptions) *Adam {
	return newAdam("AdamW", params, opts, true)
}

func newAdam(name string, params []*core.Tensor, opts AdamOptions, decoupled bool) *Adam {
	if opts.Beta1 == 0 {
		opts.Beta1 = 0.9
	}
	if opts.Beta2 == 0 {
		opts.Beta2 = 0.999
	}
	if opts.Eps == 0 {
		opts.Eps = 1e-8
	}
	if opts.Beta1 < 0 || opts.Beta1 >= 1 || opts.Beta2 < 0 || opts.Beta2 >= 1 {
		panic(fmt.Sprintf("optim.%s: betas (%g, %g) outside [0, 1)", name, opts.Beta1, opts.Beta2))
	}
	if opts.Eps < 0 || opts.WeightDecay < 0 {
		panic(fmt.Sprintf("optim.%s: negative eps %g or weight decay %g", name, opts.Eps, opts.WeightDecay))
	}
	b := newBase(name, params, opts.LR)
	n := len(b.params)
	return &Adam{base: b, opts: opts, decoupled: decoupled,
		m: make([]kernel.Buffer, n), v: make([]kernel.Buffer, n), steps: make([]int, n)}
}

// Options returns the settings in use, defaults filled in.
func (o *Adam) Options() AdamOptions { return o.opts }

// Step implements Optimizer.
func (o *Adam) Step() {
	for i, p := range o.params {
		g := p.Grad()
		if g == nil {
			continue
		}
		be := p.Backend()
		if o.m[i] == nil {
			o.m[i], o.v[i] = be.New(p.Numel()), be.New(p.Numel())
		}
		// Like PyTorch, each parameter counts its own steps, so one that
		// had no gradient for a while still gets the right bias correction.
		o.steps[i]++
		be.AdamStep(p.Buffer(), g.Buffer(), o.m[i], o.v[i], kernel.AdamParams{
			LR: o.lr, Beta1: o.opts.Beta1, Beta2: o.opts.Beta2, Eps: o.opts.Eps,
			WeightDecay: o.opts.WeightDecay, Decoupled: o.decoupled, Step: o.steps[i]})
	}
}
