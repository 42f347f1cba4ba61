package optim

import "fmt"

// LinearWarmup raises the learning rate linearly from StartFactor·base to
// base over the first Steps steps, like PyTorch's LinearLR with end_factor 1;
// lr = base·(start + (1 - start)·step/steps). After the warmup it hands over
// to Then, if set, which starts from its own step 0 (as PyTorch's SequentialLR
// does with a milestone at Steps); otherwise the rate stays at base. With Then
// set, base is Then.LRAt(0), so the warmup climbs to where Then begins.
type LinearWarmup struct {
	stepper
	BaseLR      float64
	StartFactor float64
	Steps       int
	Then        Scheduler
}

// NewLinearWarmup returns a warmup over steps steps, starting from opt's
// current learning rate or, when then is not nil, from then's first one.
// then should drive the same optimizer; the warmup only reads its LRAt and
// never calls its Step.
func NewLinearWarmup(opt Optimizer, startFactor float64, steps int, then Scheduler) *LinearWarmup {
	if steps <= 0 || startFactor < 0 || startFactor > 1 {
		panic(fmt.Sprintf("optim.LinearWarmup: need steps > 0 (got %d) and start factor in [0, 1] (got %g)", steps, startFactor))
	}
	base := opt.LR()
	if then != nil {
		base = then.LRAt(0)
	}
	s := &LinearWarmup{BaseLR: base, StartFactor: startFactor, Steps: steps, Then: then}
	s.start(opt, s.LRAt)
	return s
}

// LRAt implements Scheduler.
func (s *LinearWarmup) LRAt(step int) float64 {
	checkStep("LinearWarmup", step)
	if step < s.Steps {
		return s.BaseLR * (s.StartFactor + (1-s.StartFactor)*float64(step)/float64(s.Steps))
	}
	if s.Then != nil {
		return s.Then.LRAt(step - s.Steps)
	}
	return s.BaseLR
}
