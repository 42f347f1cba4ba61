package nn

import (
	"fmt"

	"github.com/gograd/gograd/core"
)

// Named is a tensor with the dotted name PyTorch's state_dict would give it,
// such as "0.weight".
type Named struct {
	Name   string
	Tensor *core.Tensor
}

// Module is a layer or a network of layers.
type Module interface {
	// Forward maps a batch of inputs to a batch of outputs.
	Forward(x *core.Tensor) *core.Tensor
	// Parameters lists the trainable tensors in a fixed order.
	Parameters() []Named
	// Buffers lists state that is saved but not trained, such as
	// BatchNorm's running statistics.
	Buffers() []Named
	// SetTraining switches between training and inference behaviour.
	SetTraining(on bool)
}

// Params returns m's trainable tensors, ready for an optimizer.
func Params(m Module) []*core.Tensor {
	var out []*core.Tensor
	for _, p := range m.Parameters() {
		out = append(out, p.Tensor)
	}
	return out
}

// ZeroGrad forgets the gradients of all of m's parameters.
func ZeroGrad(m Module) {
	for _, p := range m.Parameters() {
		p.Tensor.ZeroGrad()
	}
}

// Train puts m in training mode and returns it.
func Train(m Module) Module { m.SetTraining(true); return m }

// Eval puts m in inference mode and returns it.
func Eval(m Module) Module { m.SetTraining(false); return m }

// CountParameters returns the number of trainable numbers in m.
func CountParameters(m Module) int {
	n := 0
	for _, p := range m.Parameters() {
		n += p.Tensor.Numel()
	}
	return n
}

// leaf is embedded by layers to give them the training flag and empty
// parameter and buffer lists.
type leaf struct{ training bool }

func (l *leaf) SetTraining(on bool) { l.training = on }
func (l *leaf) Parameters() []Named { return nil }
func (l *leaf) Buffers() []Named    { return nil }

// Sequential runs its layers one after another.
type Sequential struct {
	Layers []Module
}

// NewSequential returns the layers chained in order, in training mode.
func NewSequential(layers ...Module) *Sequential {
	s := &Sequential{Layers: layers}
	s.SetTraining(true)
	return s
}

// Forward implements Module.
func (s *Sequential) Forward(x *core.Tensor) *core.Tensor {
	for _, l := range s.Layers {
		x = l.Forward(x)
	}
	return x
}

// Parameters implements Module; names are prefixed by the layer's index.
func (s *Sequential) Parameters() []Named { return s.prefixed(Module.Parameters) }

// Buffers implements Module.
func (s *Sequential) Buffers() []Named { return s.prefixed(Module.Buffers) }

func (s *Sequential) prefixed(list func(Module) []Named) []Named {
	var out []Named
	for i, l := range s.Layers {
		for _, p := range list(l) {
			out = append(out, Named{Name: fmt.Sprintf("%d.%s", i, p.Name), Tensor: p.Tensor})
		}
	}
	return out
}

// SetTraining implements Module.
func (s *Sequential) SetTraining(on bool) {
	for _, l := range s.Layers {
		l.SetTraining(on)
	}
}
