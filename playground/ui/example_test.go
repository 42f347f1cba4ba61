package ui_test

import (
	"fmt"

	"github.com/gograd/gograd/playground/ui"
)

func ExampleForm() {
	undo := &ui.Button{Label: "Undo", Rect: ui.Rect{X: 0, Y: 0, W: 80, H: 30},
		OnClick: func() { fmt.Println("undo") }}
	clr := &ui.Button{Label: "Clear", Rect: ui.Rect{X: 90, Y: 0, W: 80, H: 30},
		OnClick: func() { fmt.Println("clear") }}
	form := &ui.Form{Widgets: []ui.Widget{undo, clr}}

	form.Update(&ui.Input{Keys: []ui.Key{ui.KeyTab}}) // focus Undo
	form.Update(&ui.Input{Keys: []ui.Key{ui.KeyTab}}) // focus Clear
	form.Update(&ui.Input{Keys: []ui.Key{ui.KeyEnter}})
	// A click: press and release over Undo.
	form.Update(&ui.Input{X: 40, Y: 15, Hover: true, Down: true, Pressed: true})
	form.Update(&ui.Input{X: 40, Y: 15, Hover: true, Released: true})
	// Output:
	// clear
	// undo
}
