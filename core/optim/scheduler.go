package optim

import (
	"fmt"
	"math"
	"slices"
	"sort"
)

// Scheduler changes an optimizer's learning rate as training goes on, like
// the schedulers in torch.optim.lr_scheduler. Making a scheduler sets the
// optimizer's learning rate to LRAt(0); each Step advances one step (an
// epoch or a batch, as the caller chooses) and sets it to LRAt of the new
// step count.
type Scheduler interface {
	// LRAt returns the learning rate at the given step (from 0). It does
	// not change anything, so a whole schedule can be drawn ahead of time.
	LRAt(step int) float64
	// Step advances the schedule and sets the optimizer's learning rate.
	Step()
	// LastStep is the number of Steps taken so far.
	LastStep() int
}

// stepper is the state every scheduler shares: the optimizer it drives and
// how many steps it has taken.
type stepper struct {
	opt  Optimizer
	last int
	at   func(step int) float64
}

// start records at as the schedule and applies its first value.
func (s *stepper) start(opt Optimizer, at func(step int) float64) {
	s.opt, s.at = opt, at
	opt.SetLR(at(0))
}

// Step implements Scheduler.
func (s *stepper) Step() {
	s.last++
	s.opt.SetLR(s.at(s.last))
}

// LastStep implements Scheduler.
func (s *stepper) LastStep() int { return s.last }

func checkStep(name string, step int) {
	if step < 0 {
		panic(fmt.Sprintf("optim.%s: negative step %d", name, step))
	}
}

// StepLR multiplies the learning rate by Gamma every StepSize steps:
// lr = base·γ^⌊step/step_size⌋.
type StepLR struct {
	stepper
	BaseLR   float64
	StepSize int
	Gamma    float64
}

// NewStepLR returns a StepLR starting from opt's current learning rate.
func NewStepLR(opt Optimizer, stepSize int, gamma float64) *StepLR {
	if stepSize <= 0 {
		panic(fmt.Sprintf("optim.StepLR: step size %d is not positive", stepSize))
	}
	s := &StepLR{BaseLR: opt.LR(), StepSize: stepSize, Gamma: gamma}
	s.start(opt, s.LRAt)
	return s
}

// LRAt implements Scheduler.
func (s *StepLR) LRAt(step int) float64 {
	checkStep("StepLR", step)
	return s.BaseLR * math.Pow(s.Gamma, float64(step/s.StepSize))
}

// MultiStepLR multiplies the learning rate by Gamma at each milestone step:
// lr = base·γ^(number of milestones ≤ step).
type MultiStepLR struct {
	stepper
	BaseLR     float64
	Milestones []int
	Gamma      float64
}

// NewMultiStepLR returns a MultiStepLR starting from opt's current learning
// rate. Milestones may come in any order; a repeated milestone applies Gamma
// once per repetition, as in PyTorch.
func NewMultiStepLR(opt Optimizer, milestones []int, gamma float64) *MultiStepLR {
	m := slices.Clone(milestones)
	slices.Sort(m)
	s := &MultiStepLR{BaseLR: opt.LR(), Milestones: m, Gamma: gamma}
	s.start(opt, s.LRAt)
	return s
}

// LRAt implements Scheduler.
func (s *MultiStepLR) LRAt(step int) float64 {
	checkStep("MultiStepLR", step)
	passed := sort.SearchInts(s.Milestones, step+1) // milestones ≤ step
	return s.BaseLR * math.Pow(s.Gamma, float64(passed))
}

// ExponentialLR multiplies the learning rate by Gamma every step:
// lr = base·γ^step.
type ExponentialLR struct {
	stepper
	BaseLR float64
	Gamma  float64
}

// NewExponentialLR returns an ExponentialLR starting from opt's current
// learning rate.
func NewExponentialLR(opt Optimizer, gamma float64) *ExponentialLR {
	s := &ExponentialLR{BaseLR: opt.LR(), Gamma: gamma}
	s.start(opt, s.LRAt)
	return s
}

// LRAt implements Scheduler.
func (s *ExponentialLR) LRAt(step int) float64 {
	checkStep("ExponentialLR", step)
	return s.BaseLR * math.Pow(s.Gamma, float64(step))
}
