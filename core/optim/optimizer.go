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

// assign writes src's values into dst's existing storage. Parameters must
// keep their buffer (modules and other optimizer state hold it), so an update
// computed as a new tensor is copied back rather than swapped in.
func assign(dst, src *core.Tensor) {
	n := dst.Numel()
	if src.Numel() != n || src.Backend() != dst.Backend() {
		panic(fmt.Sprintf("optim: cannot assign %v on %s to %v on %s",
			src.Shape(), src.Backend().Name(), dst.Shape(), dst.Backend().Name()))
	}
	// Both tensors are contiguous, so a flat view of each is enough.
	flat := []int{n}
	unit := []int{1}
	dst.Backend().Copy(dst.Buffer(), 0, unit, src.Buffer(), 0, unit, flat)
}
