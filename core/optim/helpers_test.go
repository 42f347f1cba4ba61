package optim

import (
	"math"
	"testing"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/cpu"
)

// be64 computes in float64, so optimizer results can be compared with
// float64 arithmetic in the tests to rounding error.
var be64 = cpu.New64()

// param returns a float64 parameter holding vals.
func param(vals ...float64) *core.Tensor {
	return core.FromFloat64(be64, vals).SetRequiresGrad(true)
}

// squareGrad leaves the gradient of Σw² (that is 2w) on each parameter.
func squareGrad(ps ...*core.Tensor) {
	for _, p := range ps {
		p.ZeroGrad()
		p.Mul(p).Sum().Backward()
	}
}

// setGrad leaves exactly g as p's gradient, as the gradient of Σ g⊙w.
func setGrad(p *core.Tensor, g []float64) {
	p.ZeroGrad()
	c := core.FromFloat64(p.Backend(), g, p.Shape()...)
	p.Mul(c).Sum().Backward()
}

// near reports whether got is within tol of want, relative to want's size
// once that exceeds one.
func near(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

func expectValues(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for i := range got {
		if !near(got[i], want[i], tol) {
			t.Errorf("%s[%d] = %.15g, want %.15g", what, i, got[i], want[i])
		}
	}
}
