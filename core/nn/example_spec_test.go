package nn_test

import (
	"fmt"

	"github.com/gograd/gograd/core/nn"
)

// The MNIST MLP of the course, 784-256-10, described as data.
func ExampleSpec_Summary() {
	spec := nn.Spec{Input: []int{784}, Layers: []nn.LayerSpec{
		{Type: "linear", Out: 256}, {Type: "relu"}, {Type: "linear", Out: 10},
	}}
	s, err := spec.Summary()
	if err != nil {
		panic(err)
	}
	fmt.Print(s)
	// Output:
	// ----------------------------------------------------------------
	// Layer (type)                 Output Shape                Param #
	// ================================================================
	// Input                        [-1, 784]                         0
	// linear-1                     [-1, 256]                    200960
	// relu-2                       [-1, 256]                         0
	// linear-3                     [-1, 10]                       2570
	// ================================================================
	// Total params: 203530
	// ----------------------------------------------------------------
}
