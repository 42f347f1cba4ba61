package nn

import (
	"math"

	"github.com/gograd/gograd/core"
)

// Linear is a fully connected layer: y = x·Wᵀ + b.
type Linear struct {
	leaf
	Weight *core.Tensor // [out, in]
	Bias   *core.Tensor // [out], or nil
}

// NewLinear returns a Linear layer initialised as PyTorch does: weights and
// bias uniform in ±1/√in.
func NewLinear(g *core.Generator, in, out int, bias bool) *Linear {
	bound := 1 / math.Sqrt(float64(in))
	l := &Linear{Weight: core.Uniform(g, -bound, bound, out, in).SetRequiresGrad(true)}
	if bias {
		l.Bias = core.Uniform(g, -bound, bound, out).SetRequiresGrad(true)
	}
	return l
}

// Forward implements Module.
func (l *Linear) Forward(x *core.Tensor) *core.Tensor { return core.Linear(x, l.Weight, l.Bias) }

// Parameters implements Module.
func (l *Linear) Parameters() []Named { return weightAndBias(l.Weight, l.Bias) }

func weightAndBias(w, b *core.Tensor) []Named {
	out := []Named{{"weight", w}}
	if b != nil {
		out = append(out, Named{"bias", b})
	}
	return out
}
