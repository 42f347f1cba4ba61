package ui_test

import (
	"testing"

	"github.com/gograd/gograd/playground/ui"
	"github.com/gograd/gograd/playground/ui/uitest"
)

// frame builds one frame of input.
func move(x, y float64) *ui.Input { return &ui.Input{X: x, Y: y, Hover: true} }
func press(x, y float64) *ui.Input {
	return &ui.Input{X: x, Y: y, Hover: true, Down: true, Pressed: true}
}
func release(x, y float64) *ui.Input {
	return &ui.Input{X: x, Y: y, Hover: true, Released: true}
}
func keys(k ...ui.Key) *ui.Input { return &ui.Input{Keys: k} }

func TestButtonClickNeedsPressAndReleaseInside(t *testing.T) {
	n := 0
	b := &ui.Button{Label: "Go", Rect: ui.Rect{X: 10, Y: 10, W: 80, H: 30}, OnClick: func() { n++ }}
	f := &ui.Form{Widgets: []ui.Widget{b}}
	f.Update(move(20, 20))
	if !b.Hovered() {
		t.Error("not hovered with the pointer over it")
	}
	f.Update(press(20, 20))
	if !b.Armed() || n != 0 {
		t.Fatalf("after press: armed=%v clicks=%d", b.Armed(), n)
	}
	f.Update(release(25, 25))
	if n != 1 {
		t.Fatalf("clicks = %d, want 1", n)
	}
	// Pressed inside, released outside: no click.
	f.Update(press(20, 20))
	f.Update(release(200, 200))
	if n != 1 {
		t.Errorf("release outside clicked: %d", n)
	}
	// Pressed outside, released inside: no click.
	f.Update(press(200, 200))
	f.Update(release(20, 20))
	if n != 1 {
		t.Errorf("press outside clicked: %d", n)
	}
	b.Disabled = true
	f.Update(press(20, 20))
	f.Update(release(20, 20))
	if n != 1 {
		t.Errorf("disabled button clicked")
	}
}

func TestTabMovesFocusAndEnterSpaceActivate(t *testing.T) {
	var got []string
	mk := func(name string, x float64) *ui.Button {
		return &ui.Button{Label: name, Rect: ui.Rect{X: x, Y: 0, W: 50, H: 20}, OnClick: func() { got = append(got, name) }}
	}
	a, b, c := mk("a", 0), mk("b", 60), mk("c", 120)
	b.Disabled = true
	f := &ui.Form{Widgets: []ui.Widget{a, b, c}}
	f.Update(&ui.Input{})
	if f.Focused() != nil {
		t.Fatal("focus before any Tab")
	}
	f.Update(keys(ui.KeyTab))
	if f.Focused() != a {
		t.Fatalf("first Tab focused %v", f.Focused())
	}
	f.Update(keys(ui.KeyTab))
	if f.Focused() != c {
		t.Fatalf("Tab did not skip the disabled button")
	}
	f.Update(keys(ui.KeyEnter))
	f.Update(&ui.Input{Keys: []ui.Key{ui.KeyTab}, Shift: true})
	if f.Focused() != a {
		t.Fatalf("Shift+Tab went to %v", f.Focused())
	}
	f.Update(keys(ui.KeySpace))
	f.Update(keys(ui.KeyTab))
	f.Update(keys(ui.KeyTab)) // wraps around
	if f.Focused() != a {
		t.Fatalf("Tab did not wrap")
	}
	if len(got) != 2 || got[0] != "c" || got[1] != "a" {
		t.Errorf("activations %v, want [c a]", got)
	}
	// A press on empty space clears focus.
	f.Update(press(500, 500))
	if f.Focused() != nil {
		t.Error("focus kept after pressing outside")
	}
	// Focused widget draws a focus ring in the focus colour.
	th := ui.DefaultTheme(2)
	f.SetFocus(c)
	var rec uitest.Recorder
	f.Draw(&rec, &th, 800)
	ring := false
	for _, op := range rec.Ops {
		if op.Kind == "stroke" && op.Color == th.Focus && op.Rect.X < c.Rect.X && op.Rect.X > c.Rect.X-10 {
			ring = true
		}
	}
	if !ring {
		t.Error("no focus ring drawn around the focused button")
	}
}

func TestSliderDragAndKeys(t *testing.T) {
	var last float64
	s := &ui.Slider{Rect: ui.Rect{X: 100, Y: 0, W: 200, H: 30}, Min: 0, Max: 1, Step: 0.1, OnChange: func(v float64) { last = v }}
	f := &ui.Form{Widgets: []ui.Widget{s}}
	f.Update(press(150, 10))
	if s.Value != 0.3 && (s.Value < 0.2999 || s.Value > 0.3001) {
		t.Fatalf("press at 25%%: value %v, want 0.3 (snapped from 0.25)", s.Value)
	}
	// Dragging keeps following the pointer even outside the track, clamped.
	f.Update(&ui.Input{X: 1000, Y: 300, Hover: true, Down: true})
	if s.Value != 1 || last != 1 {
		t.Fatalf("drag past the end: %v", s.Value)
	}
	f.Update(release(1000, 300))
	if s.Dragging() {
		t.Error("still dragging after release")
	}
	f.Update(press(1000, 300)) // blur
	f.Update(keys(ui.KeyLeft))
	if s.Value != 1 {
		t.Error("arrow changed an unfocused slider")
	}
	f.SetFocus(s)
	f.Update(keys(ui.KeyLeft))
	if s.Value < 0.8999 || s.Value > 0.9001 {
		t.Errorf("Left: %v, want 0.9", s.Value)
	}
	f.Update(keys(ui.KeyHome))
	if s.Value != 0 {
		t.Errorf("Home: %v", s.Value)
	}
	f.Update(keys(ui.KeyDown))
	if s.Value != 0 {
		t.Errorf("Down below Min: %v", s.Value)
	}
}

func TestDropdown(t *testing.T) {
	sel := -1
	d := &ui.Dropdown{Options: []string{"MLP", "CNN"}, Selected: 0, Rect: ui.Rect{X: 0, Y: 0, W: 100, H: 20}, OnChange: func(i int) { sel = i }}
	under := 0
	b := &ui.Button{Rect: ui.Rect{X: 0, Y: 40, W: 100, H: 20}, OnClick: func() { under++ }}
	f := &ui.Form{Widgets: []ui.Widget{d, b}}
	f.Update(press(10, 10))
	f.Update(release(10, 10))
	if !d.OverlayOpen() {
		t.Fatal("click did not open")
	}
	// Item 1 lies at y 40..60, on top of the button: the list wins.
	f.Update(move(10, 45))
	if d.Highlighted() != 1 {
		t.Errorf("highlight %d, want 1", d.Highlighted())
	}
	f.Update(press(10, 45))
	f.Update(release(10, 45))
	if sel != 1 || d.OverlayOpen() || under != 0 {
		t.Fatalf("select: sel=%d open=%v button clicks=%d", sel, d.OverlayOpen(), under)
	}
	// A click outside closes without choosing.
	f.Update(press(10, 10))
	f.Update(release(10, 10))
	f.Update(press(500, 500))
	if d.OverlayOpen() || d.Selected != 1 {
		t.Errorf("outside click: open=%v selected=%d", d.OverlayOpen(), d.Selected)
	}
	// Keyboard: focus, open with Enter, move Up, choose with Space.
	f.SetFocus(d)
	f.Update(keys(ui.KeyEnter))
	f.Update(keys(ui.KeyUp))
	f.Update(keys(ui.KeySpace))
	if d.Selected != 0 || sel != 0 {
		t.Errorf("keyboard choice %d", d.Selected)
	}
	f.Update(keys(ui.KeyEnter))
	f.Update(keys(ui.KeyEscape))
	if d.OverlayOpen() {
		t.Error("Escape did not close")
	}
	// No options: disabled, shows the placeholder, never opens.
	e := &ui.Dropdown{Placeholder: "no models", Selected: -1, Rect: ui.Rect{W: 100, H: 20}}
	g := &ui.Form{Widgets: []ui.Widget{e}}
	g.Update(press(5, 5))
	g.Update(keys(ui.KeyTab))
	if e.OverlayOpen() || g.Focused() != nil {
		t.Error("empty dropdown opened or took focus")
	}
	th := ui.DefaultTheme(1)
	var rec uitest.Recorder
	g.Draw(&rec, &th, 800)
	if !rec.HasText("no models") {
		t.Errorf("placeholder not drawn: %q", rec.Texts())
	}
}

func TestToggle(t *testing.T) {
	var got []bool
	tg := &ui.Toggle{Label: "grid", Rect: ui.Rect{W: 100, H: 20}, OnChange: func(on bool) { got = append(got, on) }}
	f := &ui.Form{Widgets: []ui.Widget{tg}}
	f.Update(press(5, 5))
	f.Update(release(5, 5))
	f.SetFocus(tg)
	f.Update(keys(ui.KeySpace))
	if len(got) != 2 || !got[0] || got[1] || tg.On {
		t.Errorf("toggle changes %v, on=%v", got, tg.On)
	}
}

func TestNumberField(t *testing.T) {
	var got []float64
	n := &ui.NumberField{Rect: ui.Rect{W: 100, H: 20}, Value: 0.1, Min: 0, Max: 1, Step: 0.1, Decimals: 2, OnChange: func(v float64) { got = append(got, v) }}
	f := &ui.Form{Widgets: []ui.Widget{n}}
	if n.Text() != "0.10" {
		t.Errorf("text %q", n.Text())
	}
	f.Update(&ui.Input{Chars: []rune("0.5")})
	if n.Editing() {
		t.Fatal("typing into an unfocused field")
	}
	f.Update(press(5, 5))
	f.Update(&ui.Input{Chars: []rune("0.55x")})
	if !n.Editing() || n.Text() != "0.55" {
		t.Fatalf("editing=%v text=%q", n.Editing(), n.Text())
	}
	f.Update(keys(ui.KeyBackspace))
	f.Update(keys(ui.KeyEnter))
	if n.Value != 0.5 || n.Editing() {
		t.Fatalf("commit: value %v editing %v", n.Value, n.Editing())
	}
	f.Update(&ui.Input{Chars: []rune("7")})
	f.Update(keys(ui.KeyEnter))
	if n.Err() == "" || n.Value != 0.5 || !n.Editing() {
		t.Errorf("out of range accepted: value %v err %q", n.Value, n.Err())
	}
	f.Update(keys(ui.KeyEscape))
	if n.Editing() || n.Err() != "" || n.Text() != "0.50" {
		t.Errorf("Escape: editing %v err %q text %q", n.Editing(), n.Err(), n.Text())
	}
	f.Update(keys(ui.KeyUp))
	if n.Value < 0.5999 || n.Value > 0.6001 {
		t.Errorf("Up: %v", n.Value)
	}
	// Leaving the field commits valid text.
	f.Update(&ui.Input{Chars: []rune("0.25")})
	f.Update(press(500, 500))
	if n.Value != 0.25 || n.Editing() {
		t.Errorf("blur commit: %v editing %v", n.Value, n.Editing())
	}
	if len(got) != 3 {
		t.Errorf("changes %v", got)
	}
}

func TestTooltipAfterDelay(t *testing.T) {
	b := &ui.Button{Label: "Undo", TipText: "remove the last stroke", Rect: ui.Rect{X: 10, Y: 10, W: 50, H: 20}}
	f := &ui.Form{Widgets: []ui.Widget{b}}
	for range ui.TooltipDelay - 1 {
		f.Update(move(20, 20))
	}
	if f.Tooltip.Text() != "" {
		t.Fatal("tooltip before the delay")
	}
	f.Update(move(20, 20))
	if f.Tooltip.Text() != "remove the last stroke" {
		t.Fatalf("tooltip %q", f.Tooltip.Text())
	}
	th := ui.DefaultTheme(1)
	var rec uitest.Recorder
	f.Draw(&rec, &th, 200)
	op, err := rec.FindText("remove the last stroke")
	if err != nil {
		t.Fatal(err)
	}
	if op.Rect.Y < b.Rect.Bottom() || op.Rect.Right() > 200 {
		t.Errorf("tooltip at %+v, want below the button and inside the screen", op.Rect)
	}
	f.Update(move(300, 300))
	if f.Tooltip.Text() != "" {
		t.Error("tooltip stays after the pointer left")
	}
	// Keyboard focus shows the tip at once.
	f.Update(keys(ui.KeyTab))
	if f.Tooltip.Text() == "" {
		t.Error("no tooltip on keyboard focus")
	}
}

func TestRect(t *testing.T) {
	r := ui.Rect{X: 1, Y: 2, W: 3, H: 4}
	if !r.Contains(1, 2) || r.Contains(4, 2) || r.Contains(1, 6) {
		t.Error("Contains edges")
	}
	if in := r.Inset(1); in != (ui.Rect{X: 2, Y: 3, W: 1, H: 2}) {
		t.Errorf("Inset %+v", in)
	}
}

func TestKeyRepeats(t *testing.T) {
	var fired []int
	for d := 0; d <= ui.RepeatDelay+2*ui.RepeatEvery; d++ {
		if ui.KeyRepeats(d) {
			fired = append(fired, d)
		}
	}
	want := []int{1, ui.RepeatDelay + ui.RepeatEvery, ui.RepeatDelay + 2*ui.RepeatEvery}
	if len(fired) != len(want) || fired[0] != want[0] || fired[1] != want[1] || fired[2] != want[2] {
		t.Errorf("fired at %v, want %v", fired, want)
	}
}

func TestGrayImageColours(t *testing.T) {
	g := &ui.GrayImage{W: 5, H: 1, Pix: []float32{0, 1, 0.5, -1, 2},
		Paper: ui.RGB(0, 0, 0), Ink: ui.RGB(200, 100, 0), Neg: ui.RGB(0, 0, 250)}
	buf := make([]byte, 4*5)
	g.RGBA(buf)
	// Unsigned: -1 clamps to paper, 2 to ink.
	want := []byte{0, 0, 0, 255, 200, 100, 0, 255, 100, 50, 0, 255, 0, 0, 0, 255, 200, 100, 0, 255}
	if string(buf) != string(want) {
		t.Errorf("unsigned %v, want %v", buf, want)
	}
	g.Signed = true
	g.Pix[4] = -0.5
	g.RGBA(buf)
	want = []byte{0, 0, 0, 255, 200, 100, 0, 255, 100, 50, 0, 255, 0, 0, 250, 255, 0, 0, 125, 255}
	if string(buf) != string(want) {
		t.Errorf("signed %v, want %v", buf, want)
	}
}
