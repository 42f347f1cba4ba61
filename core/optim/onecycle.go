package optim

import (
	"fmt"
	"math"
)

// OneCycleOptions are torch.optim.lr_scheduler.OneCycleLR's settings. Zero
// PctStart, DivFactor and FinalDivFactor are replaced by PyTorch's defaults
// 0.3, 25 and 1e4.
type OneCycleOptions struct {
	MaxLR      float64
	TotalSteps int
	// PctStart is the fraction of the steps spent raising the rate.
	PctStart float64
	// The rate starts at MaxLR/DivFactor and ends at
	// MaxLR/(DivFactor·FinalDivFactor).
	DivFactor, FinalDivFactor float64
	// ThreePhase comes back down to the starting rate symmetrically before
	// the final anneal, as fast.ai's schedule does.
	ThreePhase bool
	// Linear anneals along straight lines instead of half cosines.
	Linear bool
}

// OneCycleLR is the 1cycle policy (Smith & Topin, "Super-Convergence"), as
// PyTorch's OneCycleLR: the rate rises from MaxLR/DivFactor to MaxLR over the
// first PctStart of the steps, then falls to MaxLR/(DivFactor·FinalDivFactor)
// by step TotalSteps-1, each phase along a half cosine. PyTorch rejects steps
// past the end; here they keep the final rate. PyTorch also cycles momentum
// inversely; Optimizer has no momentum setting, so this schedule does not.
type OneCycleLR struct {
	stepper
	opts   OneCycleOptions
	phases []cyclePhase
}

// cyclePhase anneals from one rate to another, ending at step end.
type cyclePhase struct {
	end      float64
	from, to float64
}

// NewOneCycleLR returns a 1cycle schedule; it ignores opt's current learning
// rate, as PyTorch does.
func NewOneCycleLR(opt Optimizer, opts OneCycleOptions) *OneCycleLR {
	if opts.PctStart == 0 {
		opts.PctStart = 0.3
	}
	if opts.DivFactor == 0 {
		opts.DivFactor = 25
	}
	if opts.FinalDivFactor == 0 {
		opts.FinalDivFactor = 1e4
	}
	if opts.TotalSteps <= 0 || opts.PctStart < 0 || opts.PctStart > 1 || opts.MaxLR < 0 {
		panic(fmt.Sprintf("optim.OneCycleLR: invalid settings %+v", opts))
	}
	initial := opts.MaxLR / opts.DivFactor
	final := initial / opts.FinalDivFactor
	// Phase ends are fractional steps, computed as PyTorch does.
	rise := opts.PctStart * float64(opts.TotalSteps)
	last := float64(opts.TotalSteps - 1)
	phases := []cyclePhase{{rise - 1, initial, opts.MaxLR}, {last, opts.MaxLR, final}}
	if opts.ThreePhase {
		phases = []cyclePhase{{rise - 1, initial, opts.MaxLR}, {2*rise - 2, opts.MaxLR, initial}, {last, initial, final}}
	}
	s := &OneCycleLR{opts: opts, phases: phases}
	s.start(opt, s.LRAt)
	return s
}

// Options returns the settings in use, defaults filled in.
func (s *OneCycleLR) Options() OneCycleOptions { return s.opts }

// LRAt implements Scheduler.
func (s *OneCycleLR) LRAt(step int) float64 {
	checkStep("OneCycleLR", step)
	x := float64(min(step, s.opts.TotalSteps-1))
	begin := 0.0
	// The last phase also covers anything past its end, as in PyTorch.
	ph := s.phases[len(s.phases)-1]
	for _, p := range s.phases[:len(s.phases)-1] {
		if x <= p.end {
			ph = p
			break
		}
		begin = p.end
	}
	pct := 0.0
	if ph.end != begin {
		pct = (x - begin) / (ph.end - begin)
	}
	if s.opts.Linear {
		return ph.from + (ph.to-ph.from)*pct
	}
	return ph.to + (ph.from-ph.to)/2*(1+math.Cos(math.Pi*pct))
}
