package optim

import (
	"testing"

	"github.com/gograd/gograd/core"
)

func allOptimizers(ps []*core.Tensor) map[string]Optimizer {
	return map[string]Optimizer{
		"SGD":      NewSGD(ps, SGDOptions{LR: 0.1, Momentum: 0.9}),
		"Adam":     NewAdam(ps, AdamOptions{LR: 0.1}),
		"AdamW":    NewAdamW(ps, AdamOptions{LR: 0.1, WeightDecay: 0.1}),
		"Adagrad":  NewAdagrad(ps, AdagradOptions{LR: 0.1}),
		"Adadelta": NewAdadelta(ps, AdadeltaOptions{LR: 1}),
		"RMSprop":  NewRMSprop(ps, RMSpropOptions{LR: 0.1}),
	}
}

func TestOptimizerBasics(t *testing.T) {
	a, b := param(1, 2), param(3)
	ps := []*core.Tensor{a, b}
	for name, opt := range allOptimizers(ps) {
		if got := opt.Params(); len(got) != 2 || got[0] != a || got[1] != b {
			t.Errorf("%s: Params = %v", name, got)
		}
		// Params returns a copy: changing it does not change the optimizer.
		opt.Params()[0] = b
		if opt.Params()[0] != a {
			t.Errorf("%s: Params shares its slice", name)
		}
		opt.SetLR(0.25)
		if opt.LR() != 0.25 {
			t.Errorf("%s: LR %g after SetLR(0.25)", name, opt.LR())
		}
		squareGrad(a, b)
		opt.ZeroGrad()
		if a.Grad() != nil || b.Grad() != nil {
			t.Errorf("%s: ZeroGrad left a gradient", name)
		}
		// With no gradients Step changes nothing.
		opt.Step()
		expectValues(t, name+" a", a.Data64(), []float64{1, 2}, 0)
		expectValues(t, name+" b", b.Data64(), []float64{3}, 0)
	}
}

// Each optimizer writes into the parameter's own storage, so a module
// holding the tensor sees the update.
func TestStepUpdatesInPlace(t *testing.T) {
	for name := range allOptimizers(nil) {
		w := param(1, -1)
		buf := w.Buffer()
		opt := allOptimizers([]*core.Tensor{w})[name]
		squareGrad(w)
		opt.Step()
		if w.Buffer() != buf {
			t.Errorf("%s: parameter storage replaced", name)
		}
		if d := w.Data64(); d[0] >= 1 || d[1] <= -1 {
			t.Errorf("%s: step did not move towards 0: %v", name, d)
		}
	}
}

func TestConstructorsPanicOnBadOptions(t *testing.T) {
	ps := []*core.Tensor{param(1)}
	bad := map[string]func(){
		"SGD lr":            func() { NewSGD(ps, SGDOptions{LR: -1}) },
		"SGD momentum":      func() { NewSGD(ps, SGDOptions{LR: 0.1, Momentum: -0.5}) },
		"SGD nesterov":      func() { NewSGD(ps, SGDOptions{LR: 0.1, Nesterov: true}) },
		"SGD nesterov damp": func() { NewSGD(ps, SGDOptions{LR: 0.1, Momentum: 0.9, Dampening: 0.1, Nesterov: true}) },
		"nil parameter":     func() { NewSGD([]*core.Tensor{nil}, SGDOptions{LR: 0.1}) },
		"Adam beta1":        func() { NewAdam(ps, AdamOptions{LR: 0.1, Beta1: 1}) },
		"AdamW beta2":       func() { NewAdamW(ps, AdamOptions{LR: 0.1, Beta2: -0.1}) },
		"Adam decay":        func() { NewAdam(ps, AdamOptions{LR: 0.1, WeightDecay: -1}) },
		"Adagrad":           func() { NewAdagrad(ps, AdagradOptions{LR: 0.1, LRDecay: -1}) },
		"Adadelta":          func() { NewAdadelta(ps, AdadeltaOptions{LR: 1, Rho: 1.5}) },
		"RMSprop":           func() { NewRMSprop(ps, RMSpropOptions{LR: 0.1, Momentum: -1}) },
		"StepLR":            func() { NewStepLR(optAt(1), 0, 0.5) },
		"CosineAnnealingLR": func() { NewCosineAnnealingLR(optAt(1), 0, 0) },
		"SGDR T_0":          func() { NewCosineAnnealingWarmRestarts(optAt(1), 0, 1, 0) },
		"SGDR T_mult":       func() { NewCosineAnnealingWarmRestarts(optAt(1), 2, 0, 0) },
		"OneCycleLR steps":  func() { NewOneCycleLR(optAt(1), OneCycleOptions{MaxLR: 1}) },
		"OneCycleLR pct":    func() { NewOneCycleLR(optAt(1), OneCycleOptions{MaxLR: 1, TotalSteps: 5, PctStart: 1.5}) },
		"LinearWarmup":      func() { NewLinearWarmup(optAt(1), 2, 5, nil) },
	}
	for name, f := range bad {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}
