package train_test

import (
	"fmt"

	"github.com/gograd/gograd/core/train"
)

// A scene takes one step per frame; an epoch of 200 noisy XOR points in
// batches of 64 has ceil(200/64) = 4 iterations.
func ExampleTrainer_Step() {
	r, _ := train.Builtin("xor")
	r.Data = train.DataSpec{Name: "noisy_xor", N: 200}
	r.BatchSize = 64
	trainSet, _, err := r.Load("")
	if err != nil {
		fmt.Println(err)
		return
	}
	t, _ := r.NewTrainer(trainSet)
	for range 5 {
		s := t.Step()
		fmt.Printf("step %d: epoch %d, iteration %d/%d, end of epoch %v\n", s.Step, s.Epoch, s.Iteration, t.ItersPerEpoch(), s.EpochEnd)
	}
	// Output:
	// step 1: epoch 1, iteration 1/4, end of epoch false
	// step 2: epoch 1, iteration 2/4, end of epoch false
	// step 3: epoch 1, iteration 3/4, end of epoch false
	// step 4: epoch 1, iteration 4/4, end of epoch true
	// step 5: epoch 2, iteration 1/4, end of epoch false
}

// Validation names the field that is wrong.
func ExampleRecipe_Validate() {
	r, _ := train.Builtin("mlp")
	r.Optimizer.Name = "adamax"
	fmt.Println(r.Validate())
	r, _ = train.Builtin("mlp")
	r.BatchSize = 0
	fmt.Println(r.Validate())
	// Output:
	// optimizer.name: unknown optimizer "adamax" (want one of [sgd momentum nesterov adagrad adadelta rmsprop adam adamw])
	// batch_size: must be 1..65536, got 0
}
