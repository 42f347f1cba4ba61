package core_test

import (
	"fmt"

	"github.com/gograd/gograd/core"
)

// Trace the shopping graph before Backward, export it after: each node
// carries its value and the gradient of the price with respect to it.
func ExampleTrace() {
	apple := core.Scalar(100).SetRequiresGrad(true).SetName("apple")
	appleNum := core.Scalar(2).SetRequiresGrad(true).SetName("apple_num")
	tax := core.Scalar(1.1).SetRequiresGrad(true).SetName("tax")
	price := apple.Mul(appleNum).Mul(tax).SetName("price")

	graph := core.Trace(price)
	price.Backward()
	data := graph.Export()
	for _, n := range data.Nodes {
		fmt.Printf("%d %-4s %-9s value %.4g grad %.4g\n", n.ID, n.Op, n.Name, n.Value[0], n.Grad[0])
	}
	fmt.Println(data.Edges)
	// Output:
	// 0 leaf apple     value 100 grad 2.2
	// 1 leaf apple_num value 2 grad 110
	// 2 Mul            value 200 grad 1.1
	// 3 leaf tax       value 1.1 grad 200
	// 4 Mul  price     value 220 grad 1
	// [{0 2} {1 2} {2 4} {3 4}]
}

func ExampleGraphData_JSON() {
	x := core.Scalar(3).SetRequiresGrad(true).SetName("x")
	y := x.Mul(x).SetName("y")
	graph := core.Trace(y)
	y.Backward()
	b, _ := graph.Export().JSON()
	fmt.Println(string(b))
	// Output:
	// {"nodes":[{"id":0,"op":"leaf","name":"x","shape":[],"requires_grad":true,"value":[3],"grad":[6]},{"id":1,"op":"Mul","name":"y","shape":[],"requires_grad":true,"value":[9],"grad":[1]}],"edges":[{"from":0,"to":1},{"from":0,"to":1}]}
}
