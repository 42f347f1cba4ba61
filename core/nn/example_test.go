package nn_test

import (
	"fmt"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/nn"
	"github.com/gograd/gograd/core/optim"
)

// A Linear layer maps 3 features to 2, with weights set by hand.
func ExampleLinear() {
	l := nn.NewLinear(core.NewGenerator(1), 3, 2, true)
	l.Weight.SetData([]float32{1, 0, -1, 0.5, 0.5, 0.5})
	l.Bias.SetData([]float32{0, 1})
	x := core.FromSlice([]float32{1, 2, 3}, 1, 3)
	fmt.Println(l.Forward(x))
	// Output:
	// tensor([[-2.0000,  4.0000]], grad_fn=<LinearBackward>)
}

// Cross-entropy of raw scores against class indices: it is low when the
// true class has the largest score.
func ExampleCrossEntropyLoss() {
	logits := core.FromSlice([]float32{4, 0, 0, 0, 0, 4}, 2, 3)
	right := core.FromSlice([]float32{0, 2})
	wrong := core.FromSlice([]float32{1, 1})
	ce := nn.CrossEntropyLoss{}
	fmt.Printf("right %.4f wrong %.4f\n", ce.Loss(logits, right).Item(), ce.Loss(logits, wrong).Item())
	// Output:
	// right 0.0360 wrong 4.0360
}

// The course's XOR network, 2-3-1 with sigmoids, trained with SGD on the
// half-sum squared error.
func ExampleSpec_Build() {
	spec := nn.Spec{Input: []int{2}, Layers: []nn.LayerSpec{
		{Type: "linear", Out: 3}, {Type: "sigmoid"}, {Type: "linear", Out: 1}, {Type: "sigmoid"},
	}}
	net, err := spec.Build(7)
	if err != nil {
		panic(err)
	}
	x := core.FromSlice([]float32{0, 0, 0, 1, 1, 0, 1, 1}, 4, 2)
	y := core.FromSlice([]float32{0, 1, 1, 0}, 4, 1)
	opt := optim.NewSGD(nn.Params(net), optim.SGDOptions{LR: 2})
	for epoch := 0; epoch < 3000; epoch++ {
		opt.ZeroGrad()
		nn.MSELoss{Reduction: nn.HalfSum}.Loss(net.Forward(x), y).Backward()
		opt.Step()
	}
	out := net.Forward(x).Data()
	fmt.Printf("%.0f %.0f %.0f %.0f\n", out[0], out[1], out[2], out[3])
	// Output:
	// 0 1 1 0
}
