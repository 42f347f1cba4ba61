package core_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/gograd/gograd/core"
)

// softmaxRef applies softmax (or log-softmax) along dim with plain loops.
func softmaxRef(a nd, dim int, log bool) nd {
	out := newND(a.shape...)
	for i := range out.data {
		idx := unravel(i, a.shape)
		x := a.data[i]
		m := math.Inf(-1)
		for j := 0; j < a.shape[dim]; j++ {
			idx[dim] = j
			m = math.Max(m, a.at(idx...))
		}
		s := 0.0
		for j := 0; j < a.shape[dim]; j++ {
			idx[dim] = j
			s += math.Exp(a.at(idx...) - m)
		}
		if log {
			out.data[i] = x - m - math.Log(s)
		} else {
			out.data[i] = math.Exp(x-m) / s
		}
	}
	return out
}

func TestSoftmax(t *testing.T) {
	x := randT(60, 3, 4, 5).MulScalar(3)
	a := ndOf(x)
	for _, dim := range []int{0, 1, 2, -1, -3} {
		d := (dim + 3) % 3
		near(t, "Softmax", x.Softmax(dim), softmaxRef(a, d, false), 1e-5)
		near(t, "LogSoftmax", x.LogSoftmax(dim), softmaxRef(a, d, true), 1e-5)
	}
	// Large logits must not overflow.
	big := core.FromSlice([]float32{1000, 1001, 999}, 1, 3)
	near(t, "Softmax of large logits", big.Softmax(-1), softmaxRef(ndOf(big), 1, false), 1e-6)
	near(t, "Softmax of a scalar", core.Scalar(5).Softmax(0), nd{[]int{}, []float64{1}}, 0)

	for _, dim := range []int{0, 1, -1} {
		gradOK(t, "Softmax", func(in []*core.Tensor) *core.Tensor { return in[0].Softmax(dim) }, randT(61, 2, 3, 4))
		gradOK(t, "LogSoftmax", func(in []*core.Tensor) *core.Tensor { return in[0].LogSoftmax(dim) }, randT(62, 3, 2, 5))
	}
	panicsWith(t, "Softmax dim", core.ErrIndex, func() { x.Softmax(3) })
}

// Softmax turns scores into probabilities: e^x / Σ e^x. Scores 0, ln 2 and
// ln 4 weigh 1, 2 and 4, so the probabilities are 1/7, 2/7 and 4/7.
func ExampleTensor_Softmax() {
	scores := core.FromFloat64(core.DefaultBackend(), []float64{0, math.Log(2), math.Log(4)}, 1, 3)
	p := scores.Softmax(-1)
	fmt.Println(p)
	fmt.Printf("sum %.4f\n", p.Sum().Item())
	// Output:
	// tensor([[0.1429, 0.2857, 0.5714]])
	// sum 1.0000
}
