package optim

import (
	"fmt"
	"testing"

	"github.com/gograd/gograd/core"
)

// TestSGDHandComputed runs three steps on f(w) = w² (gradient 2w) from
// w = 1 with lr 0.1 and checks each against arithmetic done by hand.
func TestSGDHandComputed(t *testing.T) {
	cases := []struct {
		name string
		opts SGDOptions
		want []float64
	}{
		// w ← w - 0.1·2w = 0.8w.
		{"plain", SGDOptions{LR: 0.1}, []float64{0.8, 0.64, 0.512}},
		// b1 = 2, w1 = 0.8; g = 1.6, b2 = 1.8+1.6 = 3.4, w2 = 0.46;
		// g = 0.92, b3 = 3.06+0.92 = 3.98, w3 = 0.062.
		{"momentum", SGDOptions{LR: 0.1, Momentum: 0.9}, []float64{0.8, 0.46, 0.062}},
		// b1 = 2, d = 2+1.8 = 3.8, w1 = 0.62;
		// g = 1.24, b2 = 3.04, d = 1.24+2.736 = 3.976, w2 = 0.2224;
		// g = 0.4448, b3 = 3.1808, d = 0.4448+2.86272 = 3.30752, w3 = -0.108352.
		{"nesterov", SGDOptions{LR: 0.1, Momentum: 0.9, Nesterov: true}, []float64{0.62, 0.2224, -0.108352}},
		// d = g + 0.5w. d1 = 2.5, b1 = 2.5 (no dampening on the first
		// step), w1 = 0.75; d2 = 1.5+0.375 = 1.875, b2 = 2.25+0.9375 =
		// 3.1875, w2 = 0.43125; d3 = 0.8625+0.215625 = 1.078125,
		// b3 = 2.86875+0.5390625 = 3.4078125, w3 = 0.09046875.
		{"decay+dampening", SGDOptions{LR: 0.1, Momentum: 0.9, Dampening: 0.5, WeightDecay: 0.5},
			[]float64{0.75, 0.43125, 0.09046875}},
		// d = 2w + 0.5w = 2.5w, w ← 0.75w.
		{"decay", SGDOptions{LR: 0.1, WeightDecay: 0.5}, []float64{0.75, 0.5625, 0.421875}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := param(1)
			opt := NewSGD([]*core.Tensor{w}, c.opts)
			for step, want := range c.want {
				squareGrad(w)
				opt.Step()
				expectValues(t, fmt.Sprintf("step %d", step+1), w.Data64(), []float64{want}, 1e-14)
			}
		})
	}
}
