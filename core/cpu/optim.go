package cpu

import (
	"math"

	"github.com/gograd/gograd/core/kernel"
)

// SGDStep implements kernel.Backend, following torch.optim.SGD.
func (be *Backend[T]) SGDStep(param, grad, momentum kernel.Buffer, p kernel.SGDParams) {
	w, g := be.data(param), be.data(grad)
	var buf []T
	if p.Momentum != 0 {
		buf = be.data(momentum)
	}
	for i := range w {
		d := float64(g[i]) + p.WeightDecay*float64(w[i])
		if p.Momentum != 0 {
			b := d
			if !p.First {
				b = p.Momentum*float64(buf[i]) + (1-p.Dampening)*d
			}
			buf[i] = T(b)
			if p.Nesterov {
				d += p.Momentum * b
			} else {
				d = b
			}
		}
		w[i] = T(float64(w[i]) - p.LR*d)
	}
}

// AdamStep implements kernel.Backend, following torch.optim.Adam and AdamW.
// Large parameters are updated in chunks across cores: with a divide and a
// square root per element the update costs as much as a matrix product's
// packing in a small network's step.
func (be *Backend[T]) AdamStep(param, grad, m, v kernel.Buffer, p kernel.AdamParams) {
	w, g, ms, vs := be.data(param), be.data(grad), be.data(m), be.data(v)
	c1 := 1 - math.Pow(p.Beta1, float64(p.Step))
	c2 := 1 - math.Pow(p.Beta2, float64(p.Step))
	parallelRanges(len(w), elementWorkers(len(w)), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			wi, gi := float64(w[i]), float64(g[i])
			if p.Decoupled {
				wi -= p.LR * p.WeightDecay * wi
			} else {
				gi += p.WeightDecay * wi
			}
			mi := p.Beta1*float64(ms[i]) + (1-p.Beta1)*gi
			vi := p.Beta2*float64(vs[i]) + (1-p.Beta2)*gi*gi
			ms[i], vs[i] = T(mi), T(vi)
			w[i] = T(wi - p.LR*(mi/c1)/(math.Sqrt(vi/c2)+p.Eps))
		}
	})
}
