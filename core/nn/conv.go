package nn

import (
	"math"

	"github.com/gograd/gograd/core"
)

// Conv2d is a 2-D convolution over N×C×H×W inputs with square kernels.
type Conv2d struct {
	leaf
	Weight          *core.Tensor // [out, in, k, k]
	Bias            *core.Tensor // [out], or nil
	Stride, Padding int
}

// NewConv2d returns a Conv2d layer initialised as PyTorch does: uniform in
// ±1/√(in·k·k).
func NewConv2d(g *core.Generator, in, out, kernel, stride, padding int, bias bool) *Conv2d {
	bound := 1 / math.Sqrt(float64(in*kernel*kernel))
	c := &Conv2d{
		Weight: core.Uniform(g, -bound, bound, out, in, kernel, kernel).SetRequiresGrad(true),
		Stride: stride, Padding: padding,
	}
	if bias {
		c.Bias = core.Uniform(g, -bound, bound, out).SetRequiresGrad(true)
	}
	return c
}

// Forward implements Module.
func (c *Conv2d) Forward(x *core.Tensor) *core.Tensor {
	return core.Conv2d(x, c.Weight, c.Bias, c.Stride, c.Padding)
}

// Parameters implements Module.
func (c *Conv2d) Parameters() []Named { return weightAndBias(c.Weight, c.Bias) }

// MaxPool2d takes the maximum over square windows.
type MaxPool2d struct {
	leaf
	Kernel, Stride, Padding int
}

// Forward implements Module.
func (p *MaxPool2d) Forward(x *core.Tensor) *core.Tensor {
	return core.MaxPool2d(x, p.Kernel, p.Stride, p.Padding)
}

// AvgPool2d averages over square windows.
type AvgPool2d struct {
	leaf
	Kernel, Stride, Padding int
}

// Forward implements Module.
func (p *AvgPool2d) Forward(x *core.Tensor) *core.Tensor {
	return core.AvgPool2d(x, p.Kernel, p.Stride, p.Padding)
}

// Flatten turns each sample into a vector: [N, ...] → [N, prod(...)].
type Flatten struct{ leaf }

// Forward implements Module.
func (f *Flatten) Forward(x *core.Tensor) *core.Tensor { return x.Reshape(x.Size(0), -1) }
