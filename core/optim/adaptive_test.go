package optim

import (
	"fmt"
	"math"
	"testing"

	"github.com/gograd/gograd/core"
)

// The tests below run each optimizer for three steps on f(w) = w² (gradient
// 2w) from w = 1, writing out the formulas with the numbers of each step.

func TestAdagradHandComputed(t *testing.T) {
	const eps = 1e-10
	t.Run("plain", func(t *testing.T) {
		// s1 = 4, w1 = 1 - 0.1·2/2 ≈ 0.9; s2 = 4 + (2w1)², s3 = s2 + (2w2)².
		w1 := 1 - 0.1*2/(2+eps)
		s2 := 4 + 4*w1*w1
		w2 := w1 - 0.1*2*w1/(math.Sqrt(s2)+eps)
		w3 := w2 - 0.1*2*w2/(math.Sqrt(s2+4*w2*w2)+eps)
		runHand(t, func(ps []*core.Tensor) Optimizer { return NewAdagrad(ps, AdagradOptions{LR: 0.1}) }, w1, w2, w3)
	})
	t.Run("decay", func(t *testing.T) {
		// lr_decay 0.5 gives clr = 0.1, 0.1/1.5, 0.1/2; weight decay 0.5
		// makes g = 2.5w; the accumulator starts at 1.
		w1 := 1 - 0.1*2.5/(math.Sqrt(1+6.25)+eps)
		s2 := 7.25 + 6.25*w1*w1
		w2 := w1 - 0.1/1.5*2.5*w1/(math.Sqrt(s2)+eps)
		s3 := s2 + 6.25*w2*w2
		w3 := w2 - 0.1/2*2.5*w2/(math.Sqrt(s3)+eps)
		runHand(t, func(ps []*core.Tensor) Optimizer {
			return NewAdagrad(ps, AdagradOptions{LR: 0.1, LRDecay: 0.5, WeightDecay: 0.5, InitialAccumulatorValue: 1})
		}, w1, w2, w3)
	})
}

func TestAdadeltaHandComputed(t *testing.T) {
	// ρ = 0.5, eps = 0.01, lr = 0.5, weight decay 0.5 (g = 2.5w).
	// Step 1: v = 0.5·6.25 = 3.125, Δ = √0.01/√3.135·2.5, u = 0.5Δ².
	d1 := 0.1 / math.Sqrt(3.135) * 2.5
	w1, u1 := 1-0.5*d1, 0.5*d1*d1
	g2 := 2.5 * w1
	v2 := 1.5625 + 0.5*g2*g2
	d2 := math.Sqrt(u1+0.01) / math.Sqrt(v2+0.01) * g2
	w2, u2 := w1-0.5*d2, 0.5*u1+0.5*d2*d2
	g3 := 2.5 * w2
	v3 := 0.5*v2 + 0.5*g3*g3
	d3 := math.Sqrt(u2+0.01) / math.Sqrt(v3+0.01) * g3
	w3 := w2 - 0.5*d3
	runHand(t, func(ps []*core.Tensor) Optimizer {
		return NewAdadelta(ps, AdadeltaOptions{LR: 0.5, Rho: 0.5, Eps: 0.01, WeightDecay: 0.5})
	}, w1, w2, w3)
}

func TestRMSpropHandComputed(t *testing.T) {
	const eps = 1e-8
	t.Run("plain", func(t *testing.T) {
		// α = 0.5: v1 = 2, w1 = 1 - 0.1·2/√2; v2 = 1 + 0.5·(2w1)².
		w1 := 1 - 0.1*2/(math.Sqrt(2)+eps)
		v2 := 1 + 2*w1*w1
		w2 := w1 - 0.1*2*w1/(math.Sqrt(v2)+eps)
		v3 := 0.5*v2 + 2*w2*w2
		w3 := w2 - 0.1*2*w2/(math.Sqrt(v3)+eps)
		runHand(t, func(ps []*core.Tensor) Optimizer { return NewRMSprop(ps, RMSpropOptions{LR: 0.1, Alpha: 0.5}) }, w1, w2, w3)
	})
	t.Run("centered momentum decay", func(t *testing.T) {
		// α = 0.5, momentum 0.9, weight decay 0.5 (g = 2.5w), centered:
		// step 1: v = 3.125, a = 1.25, √(v - a²) = √1.5625 = 1.25, b = 2.5/1.25 = 2.
		w1 := 1 - 0.1*2.5/(1.25+eps)
		g2 := 2.5 * w1
		v2, a2 := 1.5625+0.5*g2*g2, 0.625+0.5*g2
		b2 := 0.9*(2.5/(1.25+eps)) + g2/(math.Sqrt(v2-a2*a2)+eps)
		w2 := w1 - 0.1*b2
		g3 := 2.5 * w2
		v3, a3 := 0.5*v2+0.5*g3*g3, 0.5*a2+0.5*g3
		b3 := 0.9*b2 + g3/(math.Sqrt(v3-a3*a3)+eps)
		w3 := w2 - 0.1*b3
		runHand(t, func(ps []*core.Tensor) Optimizer {
			return NewRMSprop(ps, RMSpropOptions{LR: 0.1, Alpha: 0.5, Momentum: 0.9, WeightDecay: 0.5, Centered: true})
		}, w1, w2, w3)
	})
}

// runHand steps an optimizer on f(w) = w² from w = 1 and compares w after
// each step with want.
func runHand(t *testing.T, mk func([]*core.Tensor) Optimizer, want ...float64) {
	t.Helper()
	w := param(1)
	opt := mk([]*core.Tensor{w})
	for step, wv := range want {
		squareGrad(w)
		opt.Step()
		expectValues(t, fmt.Sprintf("step %d", step+1), w.Data64(), []float64{wv}, 1e-14)
	}
}
