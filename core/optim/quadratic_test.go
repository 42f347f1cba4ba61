package optim

import (
	"math"
	"testing"

	"github.com/gograd/gograd/core"
)

// TestMinimizeQuadratic trains one weight on (w - 3)² from w = 0 with each
// optimizer, on the default float32 backend, the way a training loop does.
func TestMinimizeQuadratic(t *testing.T) {
	cases := []struct {
		name  string
		mk    func([]*core.Tensor) Optimizer
		steps int
	}{
		{"SGD", func(ps []*core.Tensor) Optimizer { return NewSGD(ps, SGDOptions{LR: 0.1}) }, 100},
		{"SGD momentum", func(ps []*core.Tensor) Optimizer { return NewSGD(ps, SGDOptions{LR: 0.05, Momentum: 0.9}) }, 200},
		{"SGD nesterov", func(ps []*core.Tensor) Optimizer {
			return NewSGD(ps, SGDOptions{LR: 0.05, Momentum: 0.9, Nesterov: true})
		}, 200},
		{"Adam", func(ps []*core.Tensor) Optimizer { return NewAdam(ps, AdamOptions{LR: 0.1}) }, 500},
		{"AdamW", func(ps []*core.Tensor) Optimizer { return NewAdamW(ps, AdamOptions{LR: 0.1, WeightDecay: 1e-4}) }, 500},
		{"Adagrad", func(ps []*core.Tensor) Optimizer { return NewAdagrad(ps, AdagradOptions{LR: 1}) }, 300},
		{"Adadelta", func(ps []*core.Tensor) Optimizer { return NewAdadelta(ps, AdadeltaOptions{LR: 1, Eps: 1e-3}) }, 1000},
		{"RMSprop", func(ps []*core.Tensor) Optimizer { return NewRMSprop(ps, RMSpropOptions{LR: 0.01}) }, 1000},
		{"RMSprop centered momentum", func(ps []*core.Tensor) Optimizer {
			return NewRMSprop(ps, RMSpropOptions{LR: 0.01, Momentum: 0.5, Centered: true})
		}, 1000},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := core.Zeros(1).SetRequiresGrad(true)
			opt := c.mk([]*core.Tensor{w})
			for range c.steps {
				opt.ZeroGrad()
				d := w.AddScalar(-3)
				d.Mul(d).Sum().Backward()
				opt.Step()
			}
			got := float64(w.Item())
			t.Logf("w = %.7f after %d steps", got, c.steps)
			if math.Abs(got-3) > 1e-3 {
				t.Errorf("after %d steps w = %g, want 3", c.steps, got)
			}
		})
	}
}
