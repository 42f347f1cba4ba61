package gradcheck

import (
	"fmt"
	"math"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/cpu"
)

// Float64 is the float64 CPU backend every check runs on.
var Float64 = cpu.New64()

// Options tune a check; the zero value uses the defaults.
type Options struct {
	Step float64 // finite-difference step, default 1e-6
	ATol float64 // absolute tolerance, default 1e-6
	RTol float64 // relative tolerance, default 1e-5
	Seed uint64  // seed of the random projection of non-scalar outputs
}

// Check computes f(inputs) and compares the gradient of a fixed random
// projection of its output with respect to every input that requires a
// gradient against central finite differences. It returns an error naming
// the first input and element that disagree.
func Check(f func(in []*core.Tensor) *core.Tensor, inputs []*core.Tensor, opt Options) error {
	if opt.Step == 0 {
		opt.Step = 1e-6
	}
	if opt.ATol == 0 {
		opt.ATol = 1e-6
	}
	if opt.RTol == 0 {
		opt.RTol = 1e-5
	}
	xs := make([]*core.Tensor, len(inputs))
	for i, in := range inputs {
		xs[i] = core.FromFloat64(Float64, in.Data64(), in.Shape()...).SetRequiresGrad(in.RequiresGrad())
	}
	out := f(xs)
	g := core.NewGenerator(opt.Seed + 1)
	w := make([]float64, out.Numel())
	for i := range w {
		w[i] = g.Float64()*2 - 1
	}
	weights := core.FromFloat64(Float64, w, out.Shape()...)
	loss := func(xs []*core.Tensor) float64 {
		var l float64
		core.NoGrad(func() { l = f(xs).Mul(weights).Sum().Item64() })
		return l
	}
	out.Mul(weights).Sum().Backward()

	for i, x := range xs {
		if !x.RequiresGrad() {
			continue
		}
		var analytic []float64
		if x.Grad() == nil {
			analytic = make([]float64, x.Numel())
		} else {
			analytic = x.Grad().Data64()
		}
		data := x.Data64()
		for j := range data {
			orig := data[j]
			probe := func(v float64) float64 {
				data[j] = v
				moved := append([]*core.Tensor(nil), xs...)
				moved[i] = core.FromFloat64(Float64, data, x.Shape()...)
				return loss(moved)
			}
			numeric := (probe(orig+opt.Step) - probe(orig-opt.Step)) / (2 * opt.Step)
			data[j] = orig
			if diff := math.Abs(numeric - analytic[j]); !(diff <= opt.ATol+opt.RTol*math.Abs(numeric)) {
				return fmt.Errorf("input %d element %d: autograd %.9g, finite difference %.9g", i, j, analytic[j], numeric)
			}
		}
	}
	return nil
}
