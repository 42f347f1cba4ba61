package optim

import (
	"fmt"
	"math"
)

// cosineBetween is the half-cosine from hi (t = 0) down to lo (t = period).
func cosineBetween(lo, hi float64, t, period int) float64 {
	return lo + (hi-lo)*(1+math.Cos(math.Pi*float64(t)/float64(period)))/2
}

// CosineAnnealingLR follows half a cosine from the base learning rate down
// to EtaMin over TMax steps, using PyTorch's closed form
// lr = η_min + (base - η_min)·(1 + cos(π·step/T_max))/2. Past TMax the
// cosine keeps going, back up towards the base rate, as in PyTorch.
type CosineAnnealingLR struct {
	stepper
	BaseLR float64
	TMax   int
	EtaMin float64
}

// NewCosineAnnealingLR returns a CosineAnnealingLR starting from opt's
// current learning rate.
func NewCosineAnnealingLR(opt Optimizer, tMax int, etaMin float64) *CosineAnnealingLR {
	if tMax <= 0 {
		panic(fmt.Sprintf("optim.CosineAnnealingLR: T_max %d is not positive", tMax))
	}
	s := &CosineAnnealingLR{BaseLR: opt.LR(), TMax: tMax, EtaMin: etaMin}
	s.start(opt, s.LRAt)
	return s
}

// LRAt implements Scheduler.
func (s *CosineAnnealingLR) LRAt(step int) float64 {
	checkStep("CosineAnnealingLR", step)
	return cosineBetween(s.EtaMin, s.BaseLR, step, s.TMax)
}

// CosineAnnealingWarmRestarts is SGDR (Loshchilov & Hutter, "SGDR:
// Stochastic Gradient Descent with Warm Restarts"), as PyTorch's scheduler of
// that name: the learning rate follows a half cosine from the base rate
// down towards EtaMin, then jumps back to the base rate. The first cycle
// lasts T0 steps and each later one TMult times longer than the one before.
// Within a cycle of length T_i, at T_cur steps since the restart,
// lr = η_min + (base - η_min)·(1 + cos(π·T_cur/T_i))/2.
type CosineAnnealingWarmRestarts struct {
	stepper
	BaseLR float64
	T0     int
	TMult  int
	EtaMin float64
}

// NewCosineAnnealingWarmRestarts returns an SGDR schedule starting from
// opt's current learning rate. T0 must be positive and TMult at least 1.
func NewCosineAnnealingWarmRestarts(opt Optimizer, t0, tMult int, etaMin float64) *CosineAnnealingWarmRestarts {
	if t0 <= 0 || tMult < 1 {
		panic(fmt.Sprintf("optim.CosineAnnealingWarmRestarts: T_0 %d must be positive and T_mult %d at least 1", t0, tMult))
	}
	s := &CosineAnnealingWarmRestarts{BaseLR: opt.LR(), T0: t0, TMult: tMult, EtaMin: etaMin}
	s.start(opt, s.LRAt)
	return s
}

// Cycle returns which cycle step falls in (from 0), the step's position
// T_cur within it and the cycle's length T_i.
func (s *CosineAnnealingWarmRestarts) Cycle(step int) (cycle, tCur, tI int) {
	checkStep("CosineAnnealingWarmRestarts", step)
	if s.TMult == 1 {
		return step / s.T0, step % s.T0, s.T0
	}
	// Cycle lengths grow geometrically, so this loop runs O(log step) times.
	tCur, tI = step, s.T0
	for tCur >= tI {
		tCur -= tI
		tI *= s.TMult
		cycle++
	}
	return cycle, tCur, tI
}

// LRAt implements Scheduler.
func (s *CosineAnnealingWarmRestarts) LRAt(step int) float64 {
	_, tCur, tI := s.Cycle(step)
	return cosineBetween(s.EtaMin, s.BaseLR, tCur, tI)
}
