package core_test

import (
	"fmt"

	"github.com/gograd/gograd/core"
)

// The course's first computational graph: buying 2 apples at 100 and 3
// oranges at 150 with a consumption tax of 1.1. Backward gives how the price
// changes with each input.
func Example_appleOrange() {
	apple := core.Scalar(100).SetRequiresGrad(true)
	appleNum := core.Scalar(2).SetRequiresGrad(true)
	orange := core.Scalar(150).SetRequiresGrad(true)
	orangeNum := core.Scalar(3).SetRequiresGrad(true)
	tax := core.Scalar(1.1).SetRequiresGrad(true)

	applePrice := apple.Mul(appleNum)
	orangePrice := orange.Mul(orangeNum)
	price := applePrice.Add(orangePrice).Mul(tax)
	price.Backward()

	fmt.Printf("price %.0f\n", price.Item())
	fmt.Printf("dapple %.1f dapple_num %.0f\n", apple.Grad().Item(), appleNum.Grad().Item())
	fmt.Printf("dorange %.1f dorange_num %.0f\n", orange.Grad().Item(), orangeNum.Grad().Item())
	fmt.Printf("dtax %.0f\n", tax.Grad().Item())
	// Output:
	// price 715
	// dapple 2.2 dapple_num 110
	// dorange 3.3 dorange_num 165
	// dtax 650
}
