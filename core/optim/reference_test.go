package optim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/cpu"
)

// refStep is a plain float64 implementation of one optimizer's update of one
// parameter, written element by element from the PyTorch documentation's
// pseudocode, independent of the tensor code under test.
type refStep interface {
	step(w, g []float64, lr float64)
}

type refSGD struct {
	o   SGDOptions
	buf []float64
}

func (r *refSGD) step(w, g []float64, lr float64) {
	first := r.buf == nil
	if first {
		r.buf = make([]float64, len(w))
	}
	for i := range w {
		d := g[i] + r.o.WeightDecay*w[i]
		if r.o.Momentum != 0 {
			if first {
				r.buf[i] = d
			} else {
				r.buf[i] = r.o.Momentum*r.buf[i] + (1-r.o.Dampening)*d
			}
			if r.o.Nesterov {
				d += r.o.Momentum * r.buf[i]
			} else {
				d = r.buf[i]
			}
		}
		w[i] -= lr * d
	}
}

type refAdam struct {
	o         AdamOptions
	decoupled bool
	m, v      []float64
	t         int
}

func (r *refAdam) step(w, g []float64, lr float64) {
	if r.m == nil {
		r.m, r.v = make([]float64, len(w)), make([]float64, len(w))
	}
	r.t++
	b1, b2 := r.o.Beta1, r.o.Beta2
	for i := range w {
		gi := g[i]
		if r.decoupled {
			w[i] *= 1 - lr*r.o.WeightDecay
		} else {
			gi += r.o.WeightDecay * w[i]
		}
		r.m[i] = b1*r.m[i] + (1-b1)*gi
		r.v[i] = b2*r.v[i] + (1-b2)*gi*gi
		mHat := r.m[i] / (1 - math.Pow(b1, float64(r.t)))
		vHat := r.v[i] / (1 - math.Pow(b2, float64(r.t)))
		w[i] -= lr * mHat / (math.Sqrt(vHat) + r.o.Eps)
	}
}

type refAdagrad struct {
	o   AdagradOptions
	sum []float64
	t   int
}

func (r *refAdagrad) step(w, g []float64, lr float64) {
	if r.sum == nil {
		r.sum = make([]float64, len(w))
		for i := range r.sum {
			r.sum[i] = r.o.InitialAccumulatorValue
		}
	}
	r.t++
	clr := lr / (1 + float64(r.t-1)*r.o.LRDecay)
	for i := range w {
		gi := g[i] + r.o.WeightDecay*w[i]
		r.sum[i] += gi * gi
		w[i] -= clr * gi / (math.Sqrt(r.sum[i]) + r.o.Eps)
	}
}

type refAdadelta struct {
	o    AdadeltaOptions
	v, u []float64
}

func (r *refAdadelta) step(w, g []float64, lr float64) {
	if r.v == nil {
		r.v, r.u = make([]float64, len(w)), make([]float64, len(w))
	}
	rho, eps := r.o.Rho, r.o.Eps
	for i := range w {
		gi := g[i] + r.o.WeightDecay*w[i]
		r.v[i] = rho*r.v[i] + (1-rho)*gi*gi
		d := math.Sqrt(r.u[i]+eps) / math.Sqrt(r.v[i]+eps) * gi
		r.u[i] = rho*r.u[i] + (1-rho)*d*d
		w[i] -= lr * d
	}
}

type refRMSprop struct {
	o       RMSpropOptions
	v, a, b []float64
}

func (r *refRMSprop) step(w, g []float64, lr float64) {
	if r.v == nil {
		r.v, r.a, r.b = make([]float64, len(w)), make([]float64, len(w)), make([]float64, len(w))
	}
	al := r.o.Alpha
	for i := range w {
		gi := g[i] + r.o.WeightDecay*w[i]
		r.v[i] = al*r.v[i] + (1-al)*gi*gi
		variance := r.v[i]
		if r.o.Centered {
			r.a[i] = al*r.a[i] + (1-al)*gi
			variance -= r.a[i] * r.a[i]
		}
		s := gi / (math.Sqrt(variance) + r.o.Eps)
		if r.o.Momentum > 0 {
			r.b[i] = r.o.Momentum*r.b[i] + s
			s = r.b[i]
		}
		w[i] -= lr * s
	}
}

// refCase pairs an optimizer with its reference. Options are written out in
// full (no zero-means-default) so that both sides see the same numbers.
type refCase struct {
	name string
	mk   func([]*core.Tensor) Optimizer
	ref  func() refStep
}

func refCases() []refCase {
	var cs []refCase
	for _, o := range []SGDOptions{
		{LR: 0.05},
		{LR: 0.05, WeightDecay: 0.1},
		{LR: 0.05, Momentum: 0.9},
		{LR: 0.05, Momentum: 0.8, Dampening: 0.3, WeightDecay: 0.01},
		{LR: 0.05, Momentum: 0.9, Nesterov: true, WeightDecay: 0.02},
	} {
		cs = append(cs, refCase{fmt.Sprintf("SGD%+v", o),
			func(ps []*core.Tensor) Optimizer { return NewSGD(ps, o) },
			func() refStep { return &refSGD{o: o} }})
	}
	for _, o := range []AdamOptions{
		{LR: 0.01, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8},
		{LR: 0.01, Beta1: 0.8, Beta2: 0.9, Eps: 1e-3, WeightDecay: 0.1},
	} {
		cs = append(cs, refCase{fmt.Sprintf("Adam%+v", o),
			func(ps []*core.Tensor) Optimizer { return NewAdam(ps, o) },
			func() refStep { return &refAdam{o: o} }})
		cs = append(cs, refCase{fmt.Sprintf("AdamW%+v", o),
			func(ps []*core.Tensor) Optimizer { return NewAdamW(ps, o) },
			func() refStep { return &refAdam{o: o, decoupled: true} }})
	}
	for _, o := range []AdagradOptions{
		{LR: 0.1, Eps: 1e-10},
		{LR: 0.1, LRDecay: 0.2, WeightDecay: 0.05, InitialAccumulatorValue: 0.5, Eps: 1e-6},
	} {
		cs = append(cs, refCase{fmt.Sprintf("Adagrad%+v", o),
			func(ps []*core.Tensor) Optimizer { return NewAdagrad(ps, o) },
			func() refStep { return &refAdagrad{o: o} }})
	}
	for _, o := range []AdadeltaOptions{
		{LR: 1, Rho: 0.9, Eps: 1e-6},
		{LR: 0.7, Rho: 0.6, Eps: 1e-3, WeightDecay: 0.1},
	} {
		cs = append(cs, refCase{fmt.Sprintf("Adadelta%+v", o),
			func(ps []*core.Tensor) Optimizer { return NewAdadelta(ps, o) },
			func() refStep { return &refAdadelta{o: o} }})
	}
	for _, o := range []RMSpropOptions{
		{LR: 0.01, Alpha: 0.99, Eps: 1e-8},
		{LR: 0.01, Alpha: 0.9, Eps: 1e-6, WeightDecay: 0.05, Momentum: 0.5},
		{LR: 0.01, Alpha: 0.8, Eps: 1e-8, Centered: true},
		{LR: 0.01, Alpha: 0.8, Eps: 1e-8, Centered: true, Momentum: 0.9, WeightDecay: 0.01},
	} {
		cs = append(cs, refCase{fmt.Sprintf("RMSprop%+v", o),
			func(ps []*core.Tensor) Optimizer { return NewRMSprop(ps, o) },
			func() refStep { return &refRMSprop{o: o} }})
	}
	return cs
}

// TestAgainstReference runs every optimizer for several steps on random
// parameters and gradients and compares with the float64 reference. Of the
// three parameters, the second has no gradient for the first two steps (so
// per-parameter state and step counts matter) and the third never has one
// (it must not move). The learning rate changes halfway, as a scheduler
// would change it.
func TestAgainstReference(t *testing.T) {
	backends := []struct {
		be  core.Backend
		tol float64
	}{{cpu.New64(), 1e-12}, {cpu.New(), 2e-5}}
	shapes := [][]int{{3, 4}, {5}, {2}}
	const steps = 8
	for _, c := range refCases() {
		for _, b := range backends {
			t.Run(c.name+"/"+b.be.Name(), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(1, 2))
				// Draw float32 numbers, so both backends hold them exactly.
				draw := func(n int, scale float64) []float64 {
					out := make([]float64, n)
					for i := range out {
						out[i] = float64(float32(scale * rng.NormFloat64()))
					}
					return out
				}
				var ps []*core.Tensor
				var ws [][]float64
				var refs []refStep
				for _, sh := range shapes {
					w := draw(numelOf(sh), 1)
					ps = append(ps, core.FromFloat64(b.be, w, sh...).SetRequiresGrad(true))
					ws = append(ws, append([]float64(nil), w...))
					refs = append(refs, c.ref())
				}
				opt := c.mk(ps)
				for step := 1; step <= steps; step++ {
					if step == steps/2 {
						opt.SetLR(opt.LR() / 2)
					}
					opt.ZeroGrad()
					for i, p := range ps {
						if i == 2 || (i == 1 && step <= 2) {
							continue
						}
						g := draw(len(ws[i]), 1)
						setGrad(p, g)
						refs[i].step(ws[i], g, opt.LR())
					}
					opt.Step()
					for i, p := range ps {
						expectValues(t, fmt.Sprintf("step %d param %d", step, i), p.Data64(), ws[i], b.tol)
					}
				}
			})
		}
	}
}

func numelOf(shape []int) int {
	n := 1
	for _, d := range shape {
		n *= d
	}
	return n
}
