package optim

import (
	"fmt"
	"math"
	"testing"

	"github.com/gograd/gograd/core"
)

// TestAdamConstantGradient uses a gradient that never changes. Then the
// bias-corrected moments are exactly g and g², so every Adam step moves
// w by lr·g/(|g|+eps): a value that can be checked by hand, and one that is
// wrong if either bias correction is.
func TestAdamConstantGradient(t *testing.T) {
	const lr, eps = 0.1, 1e-8
	w := param(1, -2)
	opt := NewAdam([]*core.Tensor{w}, AdamOptions{LR: lr})
	want := []float64{1, -2}
	for step := 1; step <= 3; step++ {
		setGrad(w, []float64{4, -0.5})
		opt.Step()
		want[0] -= lr * 4 / (4 + eps)
		want[1] += lr * 0.5 / (0.5 + eps)
		expectValues(t, fmt.Sprintf("step %d", step), w.Data64(), want, 1e-14)
	}
}

// TestAdamWConstantGradient: AdamW first shrinks w by lr·weight_decay·w,
// then takes the same step as Adam.
func TestAdamWConstantGradient(t *testing.T) {
	const lr, wd, eps = 0.1, 0.5, 1e-8
	w := param(1)
	opt := NewAdamW([]*core.Tensor{w}, AdamOptions{LR: lr, WeightDecay: wd})
	want := 1.0
	for step := 1; step <= 3; step++ {
		setGrad(w, []float64{2})
		opt.Step()
		want = want*(1-lr*wd) - lr*2/(2+eps)
		expectValues(t, fmt.Sprintf("step %d", step), w.Data64(), []float64{want}, 1e-14)
	}
}

// TestAdamHandComputed runs Adam on f(w) = w² with weight decay 0.5 (so
// the gradient is 2.5w), betas 0.5 and 0.75 and eps 0.01, writing out each
// step of the formulas.
func TestAdamHandComputed(t *testing.T) {
	w := param(1)
	opt := NewAdam([]*core.Tensor{w}, AdamOptions{LR: 0.1, Beta1: 0.5, Beta2: 0.75, Eps: 0.01, WeightDecay: 0.5})

	// Step 1: g = 2.5, m = 1.25, v = 1.5625, m̂ = 2.5, v̂ = 6.25.
	w1 := 1 - 0.1*2.5/(2.5+0.01)
	// Step 2: g = 2.5·w1, m = 0.625 + 0.5g, v = 1.171875 + 0.25g²,
	// corrections 1-0.25 = 0.75 and 1-0.5625 = 0.4375.
	g2 := 2.5 * w1
	m2, v2 := 0.625+0.5*g2, 1.171875+0.25*g2*g2
	w2 := w1 - 0.1*(m2/0.75)/(math.Sqrt(v2/0.4375)+0.01)
	// Step 3: corrections 1-0.125 = 0.875 and 1-0.421875 = 0.578125.
	g3 := 2.5 * w2
	m3, v3 := 0.5*m2+0.5*g3, 0.75*v2+0.25*g3*g3
	w3 := w2 - 0.1*(m3/0.875)/(math.Sqrt(v3/0.578125)+0.01)

	for step, want := range []float64{w1, w2, w3} {
		squareGrad(w)
		opt.Step()
		expectValues(t, fmt.Sprintf("step %d", step+1), w.Data64(), []float64{want}, 1e-14)
	}
}

func TestAdamDefaults(t *testing.T) {
	o := NewAdam([]*core.Tensor{param(1)}, AdamOptions{LR: 1e-3}).Options()
	if o.Beta1 != 0.9 || o.Beta2 != 0.999 || o.Eps != 1e-8 || o.WeightDecay != 0 {
		t.Errorf("defaults %+v", o)
	}
}
