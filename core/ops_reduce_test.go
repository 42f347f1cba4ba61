package core_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/gograd/gograd/core"
)

// reduceRef folds dimension dim of a with f, which sees the values along it
// and returns the result; keepdim keeps the dimension as size 1.
func reduceRef(a nd, dim int, keepdim bool, f func(vs []float64) float64) nd {
	shape := append([]int(nil), a.shape...)
	shape[dim] = 1
	out := newND(shape...)
	vs := make([]float64, a.shape[dim])
	for i := range out.data {
		idx := unravel(i, shape)
		for j := range vs {
			idx[dim] = j
			vs[j] = a.at(idx...)
		}
		out.data[i] = f(vs)
	}
	if !keepdim {
		out.shape = append(shape[:dim:dim], shape[dim+1:]...)
	}
	return out
}

func sumRef(vs []float64) float64 {
	s := 0.0
	for _, v := range vs {
		s += v
	}
	return s
}

func argRef(better func(v, best float64) bool) func(vs []float64) float64 {
	return func(vs []float64) float64 {
		b := 0
		for j, v := range vs {
			if better(v, vs[b]) {
				b = j
			}
		}
		return float64(b)
	}
}

func varRef(unbiased bool) func(vs []float64) float64 {
	return func(vs []float64) float64 {
		m := sumRef(vs) / float64(len(vs))
		s := 0.0
		for _, v := range vs {
			s += (v - m) * (v - m)
		}
		n := float64(len(vs))
		if unbiased {
			n--
		}
		return s / n
	}
}

func TestSumMean(t *testing.T) {
	x := randT(40, 3, 4, 5)
	a := ndOf(x)
	for _, dim := range []int{0, 1, 2, -1} {
		d := (dim + 3) % 3
		for _, keep := range []bool{false, true} {
			near(t, "SumDim", x.SumDim(dim, keep), reduceRef(a, d, keep, sumRef), 1e-5)
			near(t, "MeanDim", x.MeanDim(dim, keep), reduceRef(a, d, keep, func(vs []float64) float64 {
				return sumRef(vs) / float64(len(vs))
			}), 1e-5)
		}
	}
	near(t, "Sum", x.Sum(), nd{[]int{}, []float64{sumRef(a.data)}}, 1e-5)
	near(t, "Mean", x.Mean(), nd{[]int{}, []float64{sumRef(a.data) / 60}}, 1e-5)

	gradOK(t, "SumDim", func(in []*core.Tensor) *core.Tensor { return in[0].SumDim(1, false) }, randT(41, 3, 4, 2))
	gradOK(t, "MeanDim keepdim", func(in []*core.Tensor) *core.Tensor { return in[0].MeanDim(-1, true) }, randT(42, 3, 5))
	gradOK(t, "Sum", func(in []*core.Tensor) *core.Tensor { return in[0].Sum() }, randT(43, 2, 3))
	gradOK(t, "Mean", func(in []*core.Tensor) *core.Tensor { return in[0].Mean() }, randT(44, 3, 1, 2))

	panicsWith(t, "SumDim range", core.ErrIndex, func() { x.SumDim(3, false) })
}

func TestMaxMinArg(t *testing.T) {
	x := randT(45, 3, 5, 4)
	a := ndOf(x)
	gt := func(v, b float64) bool { return v > b }
	lt := func(v, b float64) bool { return v < b }
	for _, dim := range []int{0, 1, -1} {
		d := (dim + 3) % 3
		for _, keep := range []bool{false, true} {
			v, i := x.MaxDim(dim, keep)
			near(t, "MaxDim values", v, reduceRef(a, d, keep, func(vs []float64) float64 { return vs[int(argRef(gt)(vs))] }), 0)
			near(t, "MaxDim indices", i, reduceRef(a, d, keep, argRef(gt)), 0)
			near(t, "ArgMax", x.ArgMax(dim, keep), reduceRef(a, d, keep, argRef(gt)), 0)
			v, i = x.MinDim(dim, keep)
			near(t, "MinDim values", v, reduceRef(a, d, keep, func(vs []float64) float64 { return vs[int(argRef(lt)(vs))] }), 0)
			near(t, "MinDim indices", i, reduceRef(a, d, keep, argRef(lt)), 0)
			near(t, "ArgMin", x.ArgMin(dim, keep), reduceRef(a, d, keep, argRef(lt)), 0)
		}
	}
	hi, lo := math.Inf(-1), math.Inf(1)
	for _, v := range a.data {
		hi, lo = math.Max(hi, v), math.Min(lo, v)
	}
	near(t, "Max", x.Max(), nd{[]int{}, []float64{hi}}, 0)
	near(t, "Min", x.Min(), nd{[]int{}, []float64{lo}}, 0)
	// Ties go to the first index, as in PyTorch.
	tie := core.FromSlice([]float32{1, 3, 3, 0}, 4)
	if got := tie.ArgMax(0, false).Item(); got != 1 {
		t.Fatalf("ArgMax of a tie: %v, want 1", got)
	}

	gradOK(t, "MaxDim", func(in []*core.Tensor) *core.Tensor { v, _ := in[0].MaxDim(1, false); return v }, randT(46, 3, 5, 2))
	gradOK(t, "MinDim keepdim", func(in []*core.Tensor) *core.Tensor { v, _ := in[0].MinDim(-1, true); return v }, randT(47, 4, 3))
	gradOK(t, "Max", func(in []*core.Tensor) *core.Tensor { return in[0].Max() }, randT(48, 3, 3))
	gradOK(t, "Min", func(in []*core.Tensor) *core.Tensor { return in[0].Min() }, randT(49, 2, 5))

	panicsWith(t, "MaxDim of empty", core.ErrShape, func() { core.Zeros(2, 0).MaxDim(1, false) })
}

func TestVarStd(t *testing.T) {
	x := randT(50, 4, 3, 5)
	a := ndOf(x)
	for _, dim := range []int{0, 1, -1} {
		d := (dim + 3) % 3
		for _, keep := range []bool{false, true} {
			for _, unb := range []bool{false, true} {
				v := reduceRef(a, d, keep, varRef(unb))
				near(t, "VarDim", x.VarDim(dim, keep, unb), v, 1e-5)
				s := nd{v.shape, make([]float64, len(v.data))}
				for i, w := range v.data {
					s.data[i] = math.Sqrt(w)
				}
				near(t, "StdDim", x.StdDim(dim, keep, unb), s, 1e-5)
			}
		}
	}
	for _, unb := range []bool{false, true} {
		v := varRef(unb)(a.data)
		near(t, "Var", x.Var(unb), nd{[]int{}, []float64{v}}, 1e-5)
		near(t, "Std", x.Std(unb), nd{[]int{}, []float64{math.Sqrt(v)}}, 1e-5)
	}
	// Hand-computed: 1, 2, 3, 4 has mean 2.5 and squared deviations summing to 5.
	h := core.FromSlice([]float32{1, 2, 3, 4})
	if got := h.Var(true).Item64(); math.Abs(got-5.0/3) > 1e-6 {
		t.Fatalf("unbiased Var of 1..4: %v, want 5/3", got)
	}
	if got := h.Var(false).Item64(); got != 1.25 {
		t.Fatalf("biased Var of 1..4: %v, want 1.25", got)
	}

	gradOK(t, "VarDim", func(in []*core.Tensor) *core.Tensor { return in[0].VarDim(1, false, true) }, randT(51, 3, 4, 2))
	gradOK(t, "StdDim", func(in []*core.Tensor) *core.Tensor { return in[0].StdDim(-1, true, false) }, randT(52, 3, 5))
	gradOK(t, "Var", func(in []*core.Tensor) *core.Tensor { return in[0].Var(true) }, randT(53, 2, 3))
	gradOK(t, "Std", func(in []*core.Tensor) *core.Tensor { return in[0].Std(false) }, randT(54, 7))
}

// MaxDim gives each row's largest score and where it is: the predicted class.
func ExampleTensor_MaxDim() {
	scores := core.FromSlice([]float32{0.1, 0.7, 0.2, 0.5, 0.3, 0.2}, 2, 3)
	values, indices := scores.MaxDim(1, false)
	fmt.Println(values)
	fmt.Println(indices)
	// Output:
	// tensor([0.7000, 0.5000])
	// tensor([1.0000, 0.0000])
}
