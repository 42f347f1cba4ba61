package train

import (
	"testing"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/data"
)

// benchStep times one full Trainer step (batch gathering, ZeroGrad,
// forward, loss, Backward, optimizer step) of a built-in recipe on random
// images held in memory, so disk and decoding are not measured.
func benchStep(b *testing.B, recipe string) {
	r, err := Builtin(recipe)
	if err != nil {
		b.Fatal(err)
	}
	n := 2 * r.BatchSize
	g := core.NewGenerator(1)
	x := make([]float32, n*784)
	for i := range x {
		x[i] = float32(g.NormFloat64())
	}
	y := make([]float32, n)
	for i := range y {
		y[i] = float32(g.IntN(10))
	}
	ds := data.NewSet(x, r.Model.Input, y, []int{}, 10)
	tr, err := r.NewTrainer(ds)
	if err != nil {
		b.Fatal(err)
	}
	tr.Step() // first step allocates the optimizer state
	b.ResetTimer()
	for b.Loop() {
		tr.Step()
	}
}

// BenchmarkMLPStep is one step of the mlp recipe: 784-256-10 ReLU, batch
// 256, cross-entropy, Adam.
func BenchmarkMLPStep(b *testing.B) { benchStep(b, "mlp") }

// BenchmarkCNNStep is one step of the cnn recipe, batch 128; an epoch of
// MNIST is 469 such steps.
func BenchmarkCNNStep(b *testing.B) { benchStep(b, "cnn") }
