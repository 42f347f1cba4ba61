package data_test

import (
	"fmt"

	"github.com/gograd/gograd/core/data"
)

// An epoch is one pass over the data and an iteration one mini-batch, so
// 60000 samples in batches of 100 take 600 iterations per epoch.
func ExampleDataLoader() {
	n := 60000 // as many samples as MNIST's training set
	ds := data.NewSet(make([]float32, n), []int{1}, make([]float32, n), []int{}, 0)
	dl := data.NewDataLoader(ds, 100, data.LoaderOptions{Shuffle: true, Seed: 1})
	fmt.Println("iterations per epoch:", dl.Len())

	for range 3 {
		for b := range dl.Batches() {
			_ = b // a training step on b.X and b.Y goes here
		}
	}
	fmt.Println("epochs:", dl.Epoch(), "iterations:", dl.Iteration())

	odd := data.NewDataLoader(data.First(ds, 10000), 64, data.LoaderOptions{})
	dropped := data.NewDataLoader(data.First(ds, 10000), 64, data.LoaderOptions{DropLast: true})
	fmt.Println("10000 samples, batch 64:", odd.Len(), "or", dropped.Len(), "with DropLast")
	// Output:
	// iterations per epoch: 600
	// epochs: 3 iterations: 1800
	// 10000 samples, batch 64: 157 or 156 with DropLast
}

// XOR is the four points of the truth table, for the course's 2-3-1 net.
func ExampleXOR() {
	x, y := data.XOR().Tensors()
	fmt.Println(x.Shape(), x.Data())
	fmt.Println(y.Shape(), y.Data())
	// Output:
	// [4 2] [0 0 0 1 1 0 1 1]
	// [4] [0 1 1 0]
}
