package optim_test

import (
	"fmt"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/optim"
)

// Gradient descent on (w - 3)², starting from w = 0: every step takes w a
// fifth of the remaining way (w ← w - 0.1·2(w - 3)).
func ExampleSGD() {
	w := core.Zeros(1).SetRequiresGrad(true)
	opt := optim.NewSGD([]*core.Tensor{w}, optim.SGDOptions{LR: 0.1})
	for step := 1; step <= 20; step++ {
		opt.ZeroGrad()
		d := w.AddScalar(-3)
		loss := d.Mul(d).Sum()
		loss.Backward()
		opt.Step()
		if step%5 == 0 {
			fmt.Printf("step %2d  w %.4f  loss %.4f\n", step, w.Item(), loss.Item())
		}
	}
	// Output:
	// step  5  w 2.0170  loss 1.5099
	// step 10  w 2.6779  loss 0.1621
	// step 15  w 2.8944  loss 0.0174
	// step 20  w 2.9654  loss 0.0019
}

// Adam moves every weight at about the learning rate per step at first,
// whatever the scale of its gradient.
func ExampleAdam() {
	w := core.FromSlice([]float32{0, 0}).SetRequiresGrad(true)
	scale := core.FromSlice([]float32{1, 1000})
	opt := optim.NewAdam([]*core.Tensor{w}, optim.AdamOptions{LR: 0.1})
	for range 3 {
		opt.ZeroGrad()
		w.Mul(scale).Sum().Backward() // gradient 1 and 1000
		opt.Step()
	}
	fmt.Printf("%.4f\n", w.Data())
	// Output:
	// [-0.3000 -0.3000]
}

// SGDR with a first cycle of 2 steps, each next one twice as long: the
// learning rate restarts at steps 2, 6 and 14.
func ExampleCosineAnnealingWarmRestarts() {
	w := core.Zeros(1).SetRequiresGrad(true)
	opt := optim.NewSGD([]*core.Tensor{w}, optim.SGDOptions{LR: 0.1})
	sched := optim.NewCosineAnnealingWarmRestarts(opt, 2, 2, 0.001)
	for step := 0; step < 16; step++ {
		cycle, tCur, tI := sched.Cycle(step)
		fmt.Printf("step %2d  cycle %d (%d/%d)  lr %.4f\n", step, cycle, tCur, tI, sched.LRAt(step))
	}
	// Output:
	// step  0  cycle 0 (0/2)  lr 0.1000
	// step  1  cycle 0 (1/2)  lr 0.0505
	// step  2  cycle 1 (0/4)  lr 0.1000
	// step  3  cycle 1 (1/4)  lr 0.0855
	// step  4  cycle 1 (2/4)  lr 0.0505
	// step  5  cycle 1 (3/4)  lr 0.0155
	// step  6  cycle 2 (0/8)  lr 0.1000
	// step  7  cycle 2 (1/8)  lr 0.0962
	// step  8  cycle 2 (2/8)  lr 0.0855
	// step  9  cycle 2 (3/8)  lr 0.0694
	// step 10  cycle 2 (4/8)  lr 0.0505
	// step 11  cycle 2 (5/8)  lr 0.0316
	// step 12  cycle 2 (6/8)  lr 0.0155
	// step 13  cycle 2 (7/8)  lr 0.0048
	// step 14  cycle 3 (0/16)  lr 0.1000
	// step 15  cycle 3 (1/16)  lr 0.0990
}

// A 1cycle schedule over 10 steps: up from max/25 for 30% of the steps, then
// down to max/25/1e4. Step sets the optimizer's learning rate.
func ExampleOneCycleLR() {
	w := core.Zeros(1).SetRequiresGrad(true)
	opt := optim.NewSGD([]*core.Tensor{w}, optim.SGDOptions{})
	sched := optim.NewOneCycleLR(opt, optim.OneCycleOptions{MaxLR: 1, TotalSteps: 10})
	for range 10 {
		fmt.Printf("%.4f ", opt.LR())
		// ... one training step ...
		sched.Step()
	}
	fmt.Println()
	// Output:
	// 0.0400 0.5200 1.0000 0.9505 0.8117 0.6113 0.3887 0.1883 0.0495 0.0000
}

// Warm up linearly for 3 steps, then anneal along a cosine.
func ExampleLinearWarmup() {
	w := core.Zeros(1).SetRequiresGrad(true)
	opt := optim.NewSGD([]*core.Tensor{w}, optim.SGDOptions{LR: 0.1})
	cosine := optim.NewCosineAnnealingLR(opt, 4, 0)
	sched := optim.NewLinearWarmup(opt, 0.1, 3, cosine)
	for step := range 8 {
		fmt.Printf("%.4f ", sched.LRAt(step))
	}
	fmt.Println()
	// Output:
	// 0.0100 0.0400 0.0700 0.1000 0.0854 0.0500 0.0146 0.0000
}

// Clipping keeps the direction of the gradient and caps its length.
func ExampleClipGradNorm() {
	w := core.FromSlice([]float32{0, 0}).SetRequiresGrad(true)
	w.Mul(core.FromSlice([]float32{3, 4})).Sum().Backward() // gradient [3 4]
	norm := optim.ClipGradNorm([]*core.Tensor{w}, 1)
	fmt.Printf("norm %.1f, clipped gradient %.3f\n", norm, w.Grad().Data())
	// Output:
	// norm 5.0, clipped gradient [0.600 0.800]
}
