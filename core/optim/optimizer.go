package optim

import (
	"fmt"

	"github.com/gograd/gograd/core"
)

// Optimizer updates a list of parameters from their gradients.
type Optimizer interface {
	// Step updates every parameter that has a gradient. Parameters whose
	// Grad is nil are left alone, as in PyTorch.
	Step()
	// ZeroGrad forgets every parameter's gradient (PyTorch's
	// zero_grad(set_to_none=True)).
	ZeroGrad()
	// LR is the learning rate the next Step uses.
	LR() float64
	// SetLR changes the learning rate; schedulers call it.
	SetLR(lr float64)
	// Params returns the parameters the optimizer updates.
	Params() []*core.Tensor
}

// base holds what every optimizer shares: the parameters and the learning
// rate.
type base struct {
	params []*core.Tensor
	lr     float64
}

func newBase(name string, params []*core.Tensor, lr float64) base {
	if lr < 0 {
		panic(fmt.Sprintf("optim.%s: negative learning rate %g", name, lr))
	}
	for i, p := range params {
		if p == nil {
			panic(fmt.Sprintf("optim.%s: parameter %d is nil", name, i))
		}
	}
	return base{params: append([]*core.Tensor(nil), params...), lr: lr}
}

// ZeroGrad implements Optimizer.
func (b *base) ZeroGrad() {
	for _, p := range b.params {
		p.ZeroGrad()
	}
}

// LR implements Optimizer.
func (b *base) LR() float64 { return b.lr }

// SetLR implements Optimizer.
func (b *base) SetLR(lr float64) { b.lr = lr }

// Params implements Optimizer.
func (b *base) Params() []*core.Tensor { return append([]*core.Tensor(nil), b.params...) }
