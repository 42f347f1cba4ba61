package core_test

import (
	"math"
	"testing"

	"github.com/gograd/gograd/core"
)

// binRef applies f to a and b broadcast to one shape, with plain loops.
func binRef(a, b nd, f func(x, y float64) float64) nd {
	r := max(len(a.shape), len(b.shape))
	shape := make([]int, r)
	for i := range shape {
		da, db := 1, 1
		if j := i - (r - len(a.shape)); j >= 0 {
			da = a.shape[j]
		}
		if j := i - (r - len(b.shape)); j >= 0 {
			db = b.shape[j]
		}
		shape[i] = da
		if da == 1 {
			shape[i] = db
		}
	}
	out := newND(shape...)
	for i := range out.data {
		idx := unravel(i, shape)
		out.data[i] = f(a.bcastAt(idx), b.bcastAt(idx))
	}
	return out
}

func b2f(c bool) float64 {
	if c {
		return 1
	}
	return 0
}

type binCase struct {
	name     string
	op       func(a, b *core.Tensor) *core.Tensor
	ref      func(x, y float64) float64
	positive bool // inputs must be positive (kept away from 0)
	grad     bool
}

var binCases = []binCase{
	{"Add", (*core.Tensor).Add, func(x, y float64) float64 { return x + y }, false, true},
	{"Sub", (*core.Tensor).Sub, func(x, y float64) float64 { return x - y }, false, true},
	{"Mul", (*core.Tensor).Mul, func(x, y float64) float64 { return x * y }, false, true},
	{"Div", (*core.Tensor).Div, func(x, y float64) float64 { return x / y }, true, true},
	{"PowTensor", (*core.Tensor).PowTensor, math.Pow, true, true},
	{"Maximum", (*core.Tensor).Maximum, math.Max, false, true},
	{"Minimum", (*core.Tensor).Minimum, math.Min, false, true},
	{"Greater", (*core.Tensor).Greater, func(x, y float64) float64 { return b2f(x > y) }, false, false},
	{"Equal", (*core.Tensor).Equal, func(x, y float64) float64 { return b2f(x == y) }, false, false},
}

// input returns a random tensor, positive (in [0.5, ∞)) when asked.
func input(seed uint64, positive bool, shape ...int) *core.Tensor {
	x := randT(seed, shape...)
	if positive {
		return x.Abs().AddScalar(0.5)
	}
	return x
}

func TestBinaryBroadcast(t *testing.T) {
	shapes := [][2][]int{
		{{3, 4}, {3, 4}},
		{{3, 1, 5}, {4, 5}},
		{{4, 1}, {1, 3}},
		{{2, 3}, {}},
		{{}, {5}},
		{{1}, {2, 1, 3}},
		{{2, 0, 3}, {3}},
	}
	for _, c := range binCases {
		for i, s := range shapes {
			x, y := input(uint64(200+i), c.positive, s[0]...), input(uint64(300+i), c.positive, s[1]...)
			near(t, c.name, c.op(x, y), binRef(ndOf(x), ndOf(y), c.ref), 1e-6)
			if c.grad && i < 6 {
				gradOK(t, c.name, func(in []*core.Tensor) *core.Tensor { return c.op(in[0], in[1]) },
					input(uint64(400+i), c.positive, s[0]...), input(uint64(500+i), c.positive, s[1]...))
			}
		}
	}
	// Equal values compare equal; Greater is strict.
	a := core.FromSlice([]float32{1, 2, 3})
	b := core.FromSlice([]float32{1, 5, 0})
	near(t, "Equal", a.Equal(b), nd{[]int{3}, []float64{1, 0, 0}}, 0)
	near(t, "Greater", a.Greater(b), nd{[]int{3}, []float64{0, 0, 1}}, 0)
}

// Where Maximum and Minimum tie, the whole gradient goes to the receiver.
func TestMaximumMinimumTies(t *testing.T) {
	for _, op := range []func(a, b *core.Tensor) *core.Tensor{(*core.Tensor).Maximum, (*core.Tensor).Minimum} {
		a := core.FromSlice([]float32{1, 2, 3}).SetRequiresGrad(true)
		b := core.FromSlice([]float32{1, 0, 5}).SetRequiresGrad(true)
		op(a, b).Sum().Backward()
		ga, gb := a.Grad().Data(), b.Grad().Data()
		if ga[0] != 1 || gb[0] != 0 || ga[1]+gb[1] != 1 || ga[2]+gb[2] != 1 {
			t.Fatalf("tie gradients %v and %v", ga, gb)
		}
	}
}

func TestBinaryErrors(t *testing.T) {
	panicsWith(t, "Add shapes", core.ErrShape, func() { randT(1, 2, 3).Add(randT(2, 4)) }, "Add", "[2 3]", "[4]")
	panicsWith(t, "Mul shapes", core.ErrShape, func() { randT(1, 3, 1, 2).Mul(randT(2, 4, 3)) }, "Mul", "[3 1 2]", "[4 3]")
}
