package digit_test

import (
	"errors"
	"fmt"

	"github.com/gograd/gograd/playground/digit"
)

func ExamplePreprocess() {
	pad := digit.NewPad(280, 280, 12)
	pad.AddStroke(digit.Stroke{Points: []digit.Point{{X: 60, Y: 40}, {X: 60, Y: 240}}})
	x, err := digit.Preprocess(pad.Pix(), 280, 280)
	if err != nil {
		fmt.Println(err)
		return
	}
	cx, cy, _ := digit.CenterOfMass(x, digit.Side, digit.Side)
	fmt.Printf("%d values, centre of mass (%.0f, %.0f)\n", len(x), cx, cy)

	pad.Clear()
	_, err = digit.Preprocess(pad.Pix(), 280, 280)
	fmt.Println(errors.Is(err, digit.ErrEmptyDrawing))
	// Output:
	// 784 values, centre of mass (14, 14)
	// true
}
