package train

import (
	"slices"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/optim"
)

// OptimizerNames lists the optimizers a Recipe accepts. "momentum" is SGD
// with momentum (0.9 unless set), "nesterov" SGD with Nesterov momentum.
var OptimizerNames = []string{"sgd", "momentum", "nesterov", "adagrad", "adadelta", "rmsprop", "adam", "adamw"}

// OptimizerSpec names an optimizer and its settings. Zero values take the
// optimizer's PyTorch defaults, except LR, which is required (Adadelta's may
// be 0, meaning 1).
type OptimizerSpec struct {
	Name        string  `json:"name"`
	LR          float64 `json:"lr"`
	Momentum    float64 `json:"momentum,omitempty"`     // sgd, momentum, nesterov, rmsprop
	WeightDecay float64 `json:"weight_decay,omitempty"` // all
	Beta1       float64 `json:"beta1,omitempty"`        // adam, adamw
	Beta2       float64 `json:"beta2,omitempty"`        // adam, adamw
	Eps         float64 `json:"eps,omitempty"`          // adaptive optimizers
	Alpha       float64 `json:"alpha,omitempty"`        // rmsprop smoothing (default 0.99)
	Rho         float64 `json:"rho,omitempty"`          // adadelta (default 0.9)
}

func (o OptimizerSpec) validate() error {
	switch {
	case !slices.Contains(OptimizerNames, o.Name):
		return fieldErr("optimizer.name", "unknown optimizer %q (want one of %v)", o.Name, OptimizerNames)
	case !(o.LR > 0 && o.LR <= 10) && !(o.LR == 0 && o.Name == "adadelta"):
		return fieldErr("optimizer.lr", "must be in (0, 10], got %g", o.LR)
	case !(o.Momentum >= 0 && o.Momentum < 1):
		return fieldErr("optimizer.momentum", "must be in [0, 1), got %g", o.Momentum)
	case !(o.WeightDecay >= 0 && o.WeightDecay < 1):
		return fieldErr("optimizer.weight_decay", "must be in [0, 1), got %g", o.WeightDecay)
	case !(o.Beta1 >= 0 && o.Beta1 < 1):
		return fieldErr("optimizer.beta1", "must be in [0, 1), got %g", o.Beta1)
	case !(o.Beta2 >= 0 && o.Beta2 < 1):
		return fieldErr("optimizer.beta2", "must be in [0, 1), got %g", o.Beta2)
	case !(o.Eps >= 0 && o.Eps < 1):
		return fieldErr("optimizer.eps", "must be in [0, 1), got %g", o.Eps)
	case !(o.Alpha >= 0 && o.Alpha < 1):
		return fieldErr("optimizer.alpha", "must be in [0, 1), got %g", o.Alpha)
	case !(o.Rho >= 0 && o.Rho < 1):
		return fieldErr("optimizer.rho", "must be in [0, 1), got %g", o.Rho)
	}
	return nil
}

// build returns the optimizer over params; o must be valid.
func (o OptimizerSpec) build(params []*core.Tensor) optim.Optimizer {
	orDefault := func(v, d float64) float64 {
		if v == 0 {
			return d
		}
		return v
	}
	switch o.Name {
	case "momentum", "nesterov":
		return optim.NewSGD(params, optim.SGDOptions{LR: o.LR, Momentum: orDefault(o.Momentum, 0.9),
			WeightDecay: o.WeightDecay, Nesterov: o.Name == "nesterov"})
	case "adagrad":
		return optim.NewAdagrad(params, optim.AdagradOptions{LR: o.LR, WeightDecay: o.WeightDecay, Eps: orDefault(o.Eps, 1e-10)})
	case "adadelta":
		return optim.NewAdadelta(params, optim.AdadeltaOptions{LR: orDefault(o.LR, 1), Rho: orDefault(o.Rho, 0.9),
			Eps: orDefault(o.Eps, 1e-6), WeightDecay: o.WeightDecay})
	case "rmsprop":
		return optim.NewRMSprop(params, optim.RMSpropOptions{LR: o.LR, Alpha: orDefault(o.Alpha, 0.99),
			Eps: orDefault(o.Eps, 1e-8), WeightDecay: o.WeightDecay, Momentum: o.Momentum})
	case "adam", "adamw":
		opts := optim.AdamOptions{LR: o.LR, Beta1: o.Beta1, Beta2: o.Beta2, Eps: o.Eps, WeightDecay: o.WeightDecay}
		if o.Name == "adamw" {
			return optim.NewAdamW(params, opts)
		}
		return optim.NewAdam(params, opts)
	}
	return optim.NewSGD(params, optim.SGDOptions{LR: o.LR, Momentum: o.Momentum, WeightDecay: o.WeightDecay})
}

// SchedulerNames lists the learning-rate schedules a Recipe accepts.
var SchedulerNames = []string{"step", "multistep", "exponential", "cosine", "cosine_warm_restarts", "onecycle"}

// SchedulerSpec names a learning-rate schedule and its settings. Its steps
// are optimizer steps, or epochs when PerEpoch is set.
type SchedulerSpec struct {
	Name       string  `json:"name"`
	PerEpoch   bool    `json:"per_epoch,omitempty"`
	StepSize   int     `json:"step_size,omitempty"`  // step
	Milestones []int   `json:"milestones,omitempty"` // multistep
	Gamma      float64 `json:"gamma,omitempty"`      // step, multistep, exponential
	TMax       int     `json:"t_max,omitempty"`      // cosine
	T0         int     `json:"t_0,omitempty"`        // cosine_warm_restarts
	TMult      int     `json:"t_mult,omitempty"`     // cosine_warm_restarts (default 1)
	EtaMin     float64 `json:"eta_min,omitempty"`    // cosine, cosine_warm_restarts
	// onecycle (PyTorch's OneCycleLR): the rate rises from
	// MaxLR/DivFactor to MaxLR over the first PctStart of TotalSteps, then
	// falls to MaxLR/(DivFactor·FinalDivFactor). Zero values take
	// PyTorch's defaults (0.3, 25, 1e4); MaxLR 0 is the optimizer's lr and
	// TotalSteps 0 the whole run, so -epochs and -limit keep the shape.
	MaxLR          float64 `json:"max_lr,omitempty"`
	PctStart       float64 `json:"pct_start,omitempty"`
	DivFactor      float64 `json:"div_factor,omitempty"`
	FinalDivFactor float64 `json:"final_div_factor,omitempty"`
	TotalSteps     int     `json:"total_steps,omitempty"`
}

func (s SchedulerSpec) validate() error {
	switch {
	case !slices.Contains(SchedulerNames, s.Name):
		return fieldErr("scheduler.name", "unknown schedule %q (want one of %v)", s.Name, SchedulerNames)
	case s.Name == "step" && s.StepSize < 1:
		return fieldErr("scheduler.step_size", "must be at least 1, got %d", s.StepSize)
	case s.Name == "multistep" && len(s.Milestones) == 0:
		return fieldErr("scheduler.milestones", "a multistep schedule needs milestones")
	case (s.Name == "step" || s.Name == "multistep" || s.Name == "exponential") && !(s.Gamma > 0 && s.Gamma <= 1):
		return fieldErr("scheduler.gamma", "must be in (0, 1], got %g", s.Gamma)
	case s.Name == "cosine" && s.TMax < 1:
		return fieldErr("scheduler.t_max", "must be at least 1, got %d", s.TMax)
	case s.Name == "cosine_warm_restarts" && s.T0 < 1:
		return fieldErr("scheduler.t_0", "must be at least 1, got %d", s.T0)
	case s.TMult < 0:
		return fieldErr("scheduler.t_mult", "must not be negative, got %d", s.TMult)
	case s.EtaMin < 0:
		return fieldErr("scheduler.eta_min", "must not be negative, got %g", s.EtaMin)
	case !(s.MaxLR >= 0 && s.MaxLR <= 10):
		return fieldErr("scheduler.max_lr", "must be in [0, 10], got %g", s.MaxLR)
	case !(s.PctStart >= 0 && s.PctStart < 1):
		return fieldErr("scheduler.pct_start", "must be in [0, 1), got %g", s.PctStart)
	case s.DivFactor != 0 && !(s.DivFactor >= 1 && s.DivFactor <= 1e6):
		return fieldErr("scheduler.div_factor", "must be 1..1e6, got %g", s.DivFactor)
	case s.FinalDivFactor != 0 && !(s.FinalDivFactor >= 1 && s.FinalDivFactor <= 1e8):
		return fieldErr("scheduler.final_div_factor", "must be 1..1e8, got %g", s.FinalDivFactor)
	case s.TotalSteps < 0:
		return fieldErr("scheduler.total_steps", "must not be negative, got %d", s.TotalSteps)
	}
	for _, m := range s.Milestones {
		if m < 1 {
			return fieldErr("scheduler.milestones", "must be positive, got %d", m)
		}
	}
	return nil
}

// build returns the schedule driving opt; s must be valid. runSteps is the
// number of scheduler steps in the whole run (optimizer steps, or epochs
// when PerEpoch is set).
func (s SchedulerSpec) build(opt optim.Optimizer, runSteps int) optim.Scheduler {
	switch s.Name {
	case "onecycle":
		total := s.TotalSteps
		if total == 0 {
			total = runSteps
		}
		maxLR := s.MaxLR
		if maxLR == 0 {
			maxLR = opt.LR()
		}
		return optim.NewOneCycleLR(opt, optim.OneCycleOptions{MaxLR: maxLR, TotalSteps: max(total, 1),
			PctStart: s.PctStart, DivFactor: s.DivFactor, FinalDivFactor: s.FinalDivFactor})
	case "step":
		return optim.NewStepLR(opt, s.StepSize, s.Gamma)
	case "multistep":
		return optim.NewMultiStepLR(opt, s.Milestones, s.Gamma)
	case "exponential":
		return optim.NewExponentialLR(opt, s.Gamma)
	case "cosine":
		return optim.NewCosineAnnealingLR(opt, s.TMax, s.EtaMin)
	}
	return optim.NewCosineAnnealingWarmRestarts(opt, s.T0, max(s.TMult, 1), s.EtaMin)
}
