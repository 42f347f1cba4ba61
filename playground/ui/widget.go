package ui

// Widget is one control in a Form.
type Widget interface {
	// Bounds is the widget's hit area.
	Bounds() Rect
	// Update reads this frame's input; focused says whether the widget has
	// keyboard focus.
	Update(in *Input, focused bool)
	Draw(c Canvas, th *Theme, focused bool)
	// Focusable reports whether Tab may stop here (false when disabled).
	Focusable() bool
	// Tip is the tooltip text, or "".
	Tip() string
}

// overlayer is a widget that can draw above the others (an open dropdown)
// and then gets the pointer first.
type overlayer interface {
	OverlayOpen() bool
	DrawOverlay(c Canvas, th *Theme)
}

// drawFrame draws the common box of a control in its state.
func drawFrame(c Canvas, th *Theme, r Rect, hover, active, focused, disabled bool) {
	bg := th.Surface
	switch {
	case disabled:
	case active:
		bg = th.SurfaceActive
	case hover:
		bg = th.SurfaceHover
	}
	c.FillRect(r, bg)
	c.StrokeRect(r, th.S(1), th.Border)
	if focused {
		c.StrokeRect(r.Inset(-th.S(2)), th.S(2), th.Focus)
	}
}

// textColor is the label colour for an enabled or disabled control.
func textColor(th *Theme, disabled bool) Color {
	if disabled {
		return th.TextDim
	}
	return th.Text
}

// centreText draws s centred in r.
func centreText(c Canvas, s string, r Rect, size float64, col Color) {
	_, h := c.MeasureText(s, size)
	c.Text(s, r.X+r.W/2, r.Y+(r.H-h)/2, size, col, AlignCenter)
}

// activated reports Enter or Space on a focused widget and consumes them.
func activated(in *Input, focused bool) bool {
	if focused && (in.Key(KeyEnter) || in.Key(KeySpace)) {
		in.ConsumeKeys()
		return true
	}
	return false
}
