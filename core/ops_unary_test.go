package core_test

import (
	"math"
	"testing"

	"github.com/gograd/gograd/core"
)

type unaryCase struct {
	name     string
	op       func(x *core.Tensor) *core.Tensor
	ref      func(x float64) float64
	positive bool
}

var unaryCases = []unaryCase{
	{"AddScalar", func(x *core.Tensor) *core.Tensor { return x.AddScalar(1.5) }, func(x float64) float64 { return x + 1.5 }, false},
	{"MulScalar", func(x *core.Tensor) *core.Tensor { return x.MulScalar(-3) }, func(x float64) float64 { return -3 * x }, false},
	{"DivScalar", func(x *core.Tensor) *core.Tensor { return x.DivScalar(4) }, func(x float64) float64 { return x / 4 }, false},
	{"RSubScalar", func(x *core.Tensor) *core.Tensor { return x.RSubScalar(2) }, func(x float64) float64 { return 2 - x }, false},
	{"Neg", (*core.Tensor).Neg, func(x float64) float64 { return -x }, false},
	{"Pow 3", func(x *core.Tensor) *core.Tensor { return x.Pow(3) }, func(x float64) float64 { return x * x * x }, false},
	{"Pow 2", func(x *core.Tensor) *core.Tensor { return x.Pow(2) }, func(x float64) float64 { return x * x }, false},
	{"Pow -0.5", func(x *core.Tensor) *core.Tensor { return x.Pow(-0.5) }, func(x float64) float64 { return 1 / math.Sqrt(x) }, true},
	{"Exp", (*core.Tensor).Exp, math.Exp, false},
	{"Log", (*core.Tensor).Log, math.Log, true},
	{"Sqrt", (*core.Tensor).Sqrt, math.Sqrt, true},
	{"Abs", (*core.Tensor).Abs, math.Abs, false},
	{"Clamp", func(x *core.Tensor) *core.Tensor { return x.Clamp(-0.5, 0.7) }, func(x float64) float64 { return math.Min(math.Max(x, -0.5), 0.7) }, false},
	{"Sigmoid", (*core.Tensor).Sigmoid, func(x float64) float64 { return 1 / (1 + math.Exp(-x)) }, false},
	{"Tanh", (*core.Tensor).Tanh, math.Tanh, false},
	{"ReLU", (*core.Tensor).ReLU, func(x float64) float64 { return math.Max(x, 0) }, false},
	{"LeakyReLU", func(x *core.Tensor) *core.Tensor { return x.LeakyReLU(0.1) }, func(x float64) float64 {
		if x > 0 {
			return x
		}
		return 0.1 * x
	}, false},
	{"ELU", func(x *core.Tensor) *core.Tensor { return x.ELU(1.3) }, func(x float64) float64 {
		if x > 0 {
			return x
		}
		return 1.3 * (math.Exp(x) - 1)
	}, false},
}

func TestUnary(t *testing.T) {
	for i, c := range unaryCases {
		x := input(uint64(600+i), c.positive, 3, 7, 2)
		a := ndOf(x)
		want := newND(a.shape...)
		for j, v := range a.data {
			want.data[j] = c.ref(v)
		}
		near(t, c.name, c.op(x), want, 1e-6)
		gradOK(t, c.name, func(in []*core.Tensor) *core.Tensor { return c.op(in[0]) }, input(uint64(700+i), c.positive, 4, 5))
	}
}

// Hand-picked points where a gradient is defined by convention.
func TestUnaryKinks(t *testing.T) {
	x := core.FromSlice([]float32{-1, 0, 2}).SetRequiresGrad(true)
	x.ReLU().Sum().Backward()
	near(t, "ReLU gradient", x.Grad(), nd{[]int{3}, []float64{0, 0, 1}}, 0)
	x.ZeroGrad()
	x.Abs().Sum().Backward()
	near(t, "Abs gradient", x.Grad(), nd{[]int{3}, []float64{-1, 0, 1}}, 0)
	x.ZeroGrad()
	x.Clamp(-0.5, 1).Sum().Backward()
	near(t, "Clamp gradient", x.Grad(), nd{[]int{3}, []float64{0, 1, 0}}, 0)
}
