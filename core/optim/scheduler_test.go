package optim

import (
	"fmt"
	"math"
	"testing"

	"github.com/gograd/gograd/core"
)

// optAt returns an optimizer whose learning rate is lr, for schedulers.
func optAt(lr float64) Optimizer { return NewSGD([]*core.Tensor{param(0)}, SGDOptions{LR: lr}) }

// expectSchedule checks LRAt at the given steps, then checks that Step
// walks the optimizer's learning rate through the same values.
func expectSchedule(t *testing.T, opt Optimizer, s Scheduler, want map[int]float64) {
	t.Helper()
	last := 0
	for step, lr := range want {
		if got := s.LRAt(step); !near(got, lr, 1e-12) {
			t.Errorf("LRAt(%d) = %.15g, want %.15g", step, got, lr)
		}
		last = max(last, step)
	}
	if s.LastStep() != 0 || opt.LR() != s.LRAt(0) {
		t.Errorf("after construction: LastStep %d, optimizer LR %g, want 0 and %g", s.LastStep(), opt.LR(), s.LRAt(0))
	}
	for step := 1; step <= last; step++ {
		s.Step()
		if s.LastStep() != step || opt.LR() != s.LRAt(step) {
			t.Errorf("after %d Steps: LastStep %d, optimizer LR %g, want %g", step, s.LastStep(), opt.LR(), s.LRAt(step))
		}
	}
}

// halfCos is (1 + cos(π·a/b))/2, the cosine schedules' factor.
func halfCos(a, b float64) float64 { return (1 + math.Cos(math.Pi*a/b)) / 2 }

func TestStepLR(t *testing.T) {
	opt := optAt(0.1)
	expectSchedule(t, opt, NewStepLR(opt, 3, 0.5), map[int]float64{
		0: 0.1, 2: 0.1, 3: 0.05, 5: 0.05, 6: 0.025, 10: 0.0125})
}

func TestMultiStepLR(t *testing.T) {
	opt := optAt(1)
	// Milestones out of order, and 5 twice: γ applies twice there.
	expectSchedule(t, opt, NewMultiStepLR(opt, []int{5, 2, 5}, 0.1), map[int]float64{
		0: 1, 1: 1, 2: 0.1, 4: 0.1, 5: 0.001, 9: 0.001})
}

func TestExponentialLR(t *testing.T) {
	opt := optAt(0.1)
	expectSchedule(t, opt, NewExponentialLR(opt, 0.9), map[int]float64{
		0: 0.1, 1: 0.09, 2: 0.081, 3: 0.0729})
}

func TestCosineAnnealingLR(t *testing.T) {
	opt := optAt(1)
	// η_min = 0.1, T_max = 4: 0.1 + 0.9·(1+cos(π·t/4))/2.
	expectSchedule(t, opt, NewCosineAnnealingLR(opt, 4, 0.1), map[int]float64{
		0: 1,
		1: 0.1 + 0.9*(1+math.Sqrt2/2)/2,
		2: 0.55,
		3: 0.1 + 0.9*(1-math.Sqrt2/2)/2,
		4: 0.1,
		// Past T_max the closed form rises again, as in PyTorch.
		6: 0.55,
		8: 1,
	})
}

func TestCosineAnnealingWarmRestarts(t *testing.T) {
	t.Run("T_mult 2", func(t *testing.T) {
		// Cycles [0,2), [2,6), [6,14), [14,30): restarts at 2, 6 and 14.
		opt := optAt(1)
		expectSchedule(t, opt, NewCosineAnnealingWarmRestarts(opt, 2, 2, 0), map[int]float64{
			0: 1, 1: 0.5,
			2: 1, 3: halfCos(1, 4), 4: 0.5, 5: halfCos(3, 4),
			6: 1, 10: 0.5, 13: halfCos(7, 8),
			14: 1, 29: halfCos(15, 16), 30: 1,
		})
	})
	t.Run("T_mult 1", func(t *testing.T) {
		opt := optAt(0.5)
		// η_min = 0.05, T_0 = 3: 0.05 + 0.45·(1+cos(π·(t mod 3)/3))/2.
		expectSchedule(t, opt, NewCosineAnnealingWarmRestarts(opt, 3, 1, 0.05), map[int]float64{
			0: 0.5, 1: 0.05 + 0.45*0.75, 2: 0.05 + 0.45*0.25,
			3: 0.5, 4: 0.05 + 0.45*0.75, 5: 0.05 + 0.45*0.25, 6: 0.5, 300: 0.5,
		})
	})
	t.Run("Cycle", func(t *testing.T) {
		s := NewCosineAnnealingWarmRestarts(optAt(1), 10, 3, 0)
		// Cycles [0,10), [10,40), [40,130).
		for _, c := range [][4]int{{0, 0, 0, 10}, {9, 0, 9, 10}, {10, 1, 0, 30}, {39, 1, 29, 30}, {40, 2, 0, 90}, {129, 2, 89, 90}, {130, 3, 0, 270}} {
			cycle, tCur, tI := s.Cycle(c[0])
			if cycle != c[1] || tCur != c[2] || tI != c[3] {
				t.Errorf("Cycle(%d) = %d, %d, %d, want %d, %d, %d", c[0], cycle, tCur, tI, c[1], c[2], c[3])
			}
		}
	})
}

func TestOneCycleLR(t *testing.T) {
	// max 1, 10 steps, pct_start 0.3: starts at 1/25 = 0.04, ends at
	// 0.04/1e4 = 4e-6. Phase ends: 0.3·10-1 = 2, and 9.
	const lo, end = 0.04, 4e-6
	t.Run("cos", func(t *testing.T) {
		opt := optAt(123) // ignored: the schedule sets its own start
		expectSchedule(t, opt, NewOneCycleLR(opt, OneCycleOptions{MaxLR: 1, TotalSteps: 10}), map[int]float64{
			0: lo,
			1: 1 + (lo-1)*halfCos(1, 2), // = 0.52
			2: 1,
			4: end + (1-end)*halfCos(2, 7),
			8: end + (1-end)*halfCos(6, 7),
			9: end,
			// Past the end the final rate holds.
			12: end,
		})
	})
	t.Run("three phase linear", func(t *testing.T) {
		// Phase ends 2, 0.6·10-2 = 4 and 9; straight lines between
		// 0.04 → 1 → 0.04 → 4e-6.
		opt := optAt(1)
		expectSchedule(t, opt, NewOneCycleLR(opt, OneCycleOptions{MaxLR: 1, TotalSteps: 10, ThreePhase: true, Linear: true}), map[int]float64{
			0: lo, 1: 0.52, 2: 1, 3: 0.52, 4: lo,
			5: lo + (end-lo)/5, 7: lo + (end-lo)*3/5, 9: end,
		})
	})
	t.Run("custom factors", func(t *testing.T) {
		// max 0.5, div 10, final div 100, pct 0.25 of 20 steps: starts at
		// 0.05, peaks at step 4, ends at 5e-4 at step 19.
		opt := optAt(1)
		s := NewOneCycleLR(opt, OneCycleOptions{MaxLR: 0.5, TotalSteps: 20, PctStart: 0.25, DivFactor: 10, FinalDivFactor: 100})
		expectSchedule(t, opt, s, map[int]float64{
			0: 0.05, 2: 0.5 + (0.05-0.5)*halfCos(2, 4), 4: 0.5,
			10: 5e-4 + (0.5-5e-4)*halfCos(6, 15), 19: 5e-4,
		})
	})
	t.Run("fractional phase end", func(t *testing.T) {
		// 0.3·7 - 1 = 1.1: the peak falls between steps 1 and 2.
		opt := optAt(1)
		expectSchedule(t, opt, NewOneCycleLR(opt, OneCycleOptions{MaxLR: 1, TotalSteps: 7}), map[int]float64{
			0: lo, 1: 1 + (lo-1)*halfCos(1, 1.1), 2: end + (1-end)*halfCos(0.9, 4.9), 6: end,
		})
	})
}

func TestLinearWarmup(t *testing.T) {
	t.Run("alone", func(t *testing.T) {
		opt := optAt(0.1)
		// 0.1·(0.25 + 0.75·t/4) for t < 4, then 0.1.
		expectSchedule(t, opt, NewLinearWarmup(opt, 0.25, 4, nil), map[int]float64{
			0: 0.025, 1: 0.04375, 2: 0.0625, 3: 0.08125, 4: 0.1, 9: 0.1})
	})
	t.Run("then cosine", func(t *testing.T) {
		opt := optAt(0.1)
		cos := NewCosineAnnealingLR(opt, 10, 0)
		// Warmup 0.1·(0 + t/5) over 5 steps, then the cosine from its step 0.
		expectSchedule(t, opt, NewLinearWarmup(opt, 0, 5, cos), map[int]float64{
			0: 0, 1: 0.02, 4: 0.08, 5: 0.1, 10: 0.05, 15: 0})
	})
}

func TestSchedulersRejectNegativeSteps(t *testing.T) {
	opt := optAt(1)
	for _, s := range []Scheduler{
		NewStepLR(opt, 1, 0.5), NewMultiStepLR(opt, []int{1}, 0.5), NewExponentialLR(opt, 0.5),
		NewCosineAnnealingLR(opt, 3, 0), NewCosineAnnealingWarmRestarts(opt, 3, 2, 0),
		NewOneCycleLR(opt, OneCycleOptions{MaxLR: 1, TotalSteps: 5}), NewLinearWarmup(opt, 0.5, 2, nil),
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%T.LRAt(-1) did not panic", s)
				}
			}()
			s.LRAt(-1)
		}()
	}
}

// Every scheduler sets the learning rate the optimizer actually uses.
func TestSchedulerDrivesOptimizer(t *testing.T) {
	w := param(1)
	opt := NewSGD([]*core.Tensor{w}, SGDOptions{LR: 0.25})
	s := NewStepLR(opt, 1, 0.5)
	// lr 0.25, 0.125, 0.0625 on f = w²: w ← w(1 - 2·lr).
	for step, want := range []float64{0.5, 0.375, 0.328125} {
		squareGrad(w)
		opt.Step()
		expectValues(t, fmt.Sprint("step ", step), w.Data64(), []float64{want}, 1e-15)
		s.Step()
	}
}
