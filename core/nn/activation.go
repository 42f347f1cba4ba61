package nn

import "github.com/gograd/gograd/core"

// ReLU is max(x, 0).
type ReLU struct{ leaf }

// Forward implements Module.
func (*ReLU) Forward(x *core.Tensor) *core.Tensor { return x.ReLU() }

// Sigmoid is 1/(1+e^-x).
type Sigmoid struct{ leaf }

// Forward implements Module.
func (*Sigmoid) Forward(x *core.Tensor) *core.Tensor { return x.Sigmoid() }

// Tanh is tanh x.
type Tanh struct{ leaf }

// Forward implements Module.
func (*Tanh) Forward(x *core.Tensor) *core.Tensor { return x.Tanh() }

// LeakyReLU is x for x > 0 and Slope·x otherwise.
type LeakyReLU struct {
	leaf
	Slope float64
}

// Forward implements Module.
func (a *LeakyReLU) Forward(x *core.Tensor) *core.Tensor { return x.LeakyReLU(a.Slope) }

// ELU is x for x > 0 and Alpha·(e^x-1) otherwise.
type ELU struct {
	leaf
	Alpha float64
}

// Forward implements Module.
func (a *ELU) Forward(x *core.Tensor) *core.Tensor { return x.ELU(a.Alpha) }

// Maxout takes the maximum of each group of Pieces consecutive features:
// [N, F] → [N, F/Pieces].
type Maxout struct {
	leaf
	Pieces int
}

// Forward implements Module.
func (m *Maxout) Forward(x *core.Tensor) *core.Tensor {
	n, f := x.Size(0), x.Size(1)
	if x.Dim() != 2 || f%m.Pieces != 0 {
		panic(&core.OpError{Op: "Maxout", Err: core.ErrShape, Detail: "features must be a multiple of the pieces", Shapes: [][]int{x.Shape(), {m.Pieces}}})
	}
	v, _ := x.Reshape(n, f/m.Pieces, m.Pieces).MaxDim(2, false)
	return v
}

// Softmax turns scores along Dim into probabilities.
type Softmax struct {
	leaf
	Dim int
}

// Forward implements Module.
func (s *Softmax) Forward(x *core.Tensor) *core.Tensor { return x.Softmax(s.Dim) }

// LogSoftmax turns scores along Dim into log-probabilities; NLLLoss after
// it is CrossEntropyLoss on the scores.
type LogSoftmax struct {
	leaf
	Dim int
}

// Forward implements Module.
func (s *LogSoftmax) Forward(x *core.Tensor) *core.Tensor { return x.LogSoftmax(s.Dim) }

// Identity passes its input through.
type Identity struct{ leaf }

// Forward implements Module.
func (*Identity) Forward(x *core.Tensor) *core.Tensor { return x }
