package core_test

import (
	"fmt"

	"github.com/gograd/gograd/core"
)

// A cube op defined outside core: the forward value comes from other ops
// run without a graph, the gradient 3x² from its own rule.
func ExampleFunction() {
	x := core.FromSlice([]float32{1, 2, -3}).SetRequiresGrad(true)
	var cube *core.Tensor
	core.NoGrad(func() { cube = x.Mul(x).Mul(x) })
	y := core.Function("Cube", cube, func(g *core.Tensor) []*core.Tensor {
		return []*core.Tensor{g.Mul(x.Mul(x).MulScalar(3))}
	}, x)
	fmt.Println(y.GradFn(), y.Data())
	y.Sum().Backward()
	fmt.Println(x.Grad().Data())
	// Output:
	// Cube [1 8 -27]
	// [3 12 27]
}
