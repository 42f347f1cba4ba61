package gfx

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"github.com/gograd/gograd/playground/ui"
)

var keyMap = map[ebiten.Key]ui.Key{
	ebiten.KeyTab: ui.KeyTab, ebiten.KeyEnter: ui.KeyEnter, ebiten.KeyNumpadEnter: ui.KeyEnter,
	ebiten.KeySpace: ui.KeySpace, ebiten.KeyEscape: ui.KeyEscape, ebiten.KeyBackspace: ui.KeyBackspace,
	ebiten.KeyArrowLeft: ui.KeyLeft, ebiten.KeyArrowRight: ui.KeyRight, ebiten.KeyArrowUp: ui.KeyUp,
	ebiten.KeyArrowDown: ui.KeyDown, ebiten.KeyHome: ui.KeyHome, ebiten.KeyEnd: ui.KeyEnd,
}

// Poller reads Ebiten's input into a ui.Input once per frame. Mouse and pen
// (a pointer device to the browser) and the first finger of a touch all
// drive the single ui pointer; while a finger is down it wins.
type Poller struct {
	touch    ebiten.TouchID
	touching bool
	mouse    bool
	lastX    float64
	lastY    float64
	touchIDs []ebiten.TouchID
	in       ui.Input
}

// Poll returns this frame's input. The returned value is reused.
func (p *Poller) Poll() *ui.Input {
	in := &p.in
	*in = ui.Input{Keys: in.Keys[:0], Chars: ebiten.AppendInputChars(in.Chars[:0])}
	for ek, k := range keyMap {
		if ui.KeyRepeats(inpututil.KeyPressDuration(ek)) {
			in.Keys = append(in.Keys, k)
		}
	}
	in.Shift = ebiten.IsKeyPressed(ebiten.KeyShift)

	if !p.touching {
		p.touchIDs = inpututil.AppendJustPressedTouchIDs(p.touchIDs[:0])
		if len(p.touchIDs) > 0 {
			p.touch, p.touching = p.touchIDs[0], true
			in.Pressed = true
		}
	}
	if p.touching {
		if inpututil.IsTouchJustReleased(p.touch) {
			p.touching = false
			in.Released = true
		} else {
			x, y := ebiten.TouchPosition(p.touch)
			p.lastX, p.lastY = float64(x), float64(y)
			in.Down = true
		}
		// A released touch has no position: report where it was last.
		in.X, in.Y = p.lastX, p.lastY
		return in
	}

	x, y := ebiten.CursorPosition()
	in.X, in.Y, in.Hover = float64(x), float64(y), true
	in.Down = ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft)
	in.Pressed = inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft)
	in.Released = inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonLeft)
	return in
}
