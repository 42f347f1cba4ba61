package ui

// TooltipDelay is how many frames the pointer must rest on a widget before
// its tooltip shows (about half a second at 60 frames a second).
const TooltipDelay = 30

// Tooltip shows a widget's Tip text near it after the pointer has rested
// on it for TooltipDelay frames, or at once when keyboard focus lands on it.
type Tooltip struct {
	target Widget
	frames int
	x, y   float64
	shown  bool
}

// Text returns the tooltip being shown, or "".
func (t *Tooltip) Text() string {
	if !t.shown || t.target == nil {
		return ""
	}
	return t.target.Tip()
}

// Update follows the hovered widget (or, with none hovered, the one just
// focused by keyboard).
func (t *Tooltip) Update(hovered Widget, in *Input, keyFocused Widget) {
	switch {
	case hovered != nil && hovered.Tip() != "":
		if hovered != t.target {
			t.target, t.frames, t.shown = hovered, 0, false
		}
		t.frames++
		if t.frames >= TooltipDelay {
			t.shown = true
		}
		if in.Down {
			t.shown, t.frames = false, 0
		}
		b := hovered.Bounds()
		t.x, t.y = b.X, b.Bottom()
	case keyFocused != nil && keyFocused.Tip() != "":
		b := keyFocused.Bounds()
		t.target, t.shown, t.x, t.y = keyFocused, true, b.X, b.Bottom()
	case hovered == nil:
		t.target, t.frames, t.shown = nil, 0, false
	}
}

// Draw puts the tooltip below its widget, kept inside the screen width sw.
func (t *Tooltip) Draw(c Canvas, th *Theme, sw float64) {
	s := t.Text()
	if s == "" {
		return
	}
	size := th.S(th.SmallFontSize)
	w, h := c.MeasureText(s, size)
	pad := th.S(6)
	r := Rect{t.x, t.y + th.S(4), w + 2*pad, h + 2*pad}
	if r.Right() > sw {
		r.X = max(sw-r.W, 0)
	}
	c.FillRect(r, th.TooltipBg)
	c.StrokeRect(r, th.S(1), th.Border)
	c.Text(s, r.X+pad, r.Y+pad, size, th.Text, AlignLeft)
}
