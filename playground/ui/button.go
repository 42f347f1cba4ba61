package ui

// Button runs OnClick when clicked (press and release inside it) or when
// Enter or Space is pressed while it has focus.
type Button struct {
	Label    string
	TipText  string
	Rect     Rect
	Disabled bool
	// Selected marks the button as the current choice of a group (a tab).
	Selected bool
	OnClick  func()

	hover, armed bool
}

// Bounds returns the hit area.
func (b *Button) Bounds() Rect { return b.Rect }

// Focusable reports whether Tab may stop here.
func (b *Button) Focusable() bool { return !b.Disabled }

// Tip returns the tooltip text.
func (b *Button) Tip() string { return b.TipText }

// Hovered reports whether the pointer is over the button.
func (b *Button) Hovered() bool { return b.hover }

// Armed reports whether the button is held down.
func (b *Button) Armed() bool { return b.armed }

// Update reads one frame of input.
func (b *Button) Update(in *Input, focused bool) {
	b.hover = in.HoverIn(b.Rect)
	if b.Disabled {
		b.armed = false
		return
	}
	if in.PressIn(b.Rect) {
		b.armed = true
		in.ConsumePointer()
	}
	if b.armed && in.Released {
		b.armed = false
		if b.Rect.Contains(in.X, in.Y) {
			b.click()
		}
	} else if b.armed && !in.Down && !in.Pressed {
		b.armed = false
	}
	if activated(in, focused) {
		b.click()
	}
}

func (b *Button) click() {
	if b.OnClick != nil {
		b.OnClick()
	}
}

// Draw draws the widget in its state; focused adds the focus ring.
func (b *Button) Draw(c Canvas, th *Theme, focused bool) {
	drawFrame(c, th, b.Rect, b.hover, b.armed && b.hover || b.Selected, focused, b.Disabled)
	if b.Selected {
		c.FillRect(Rect{b.Rect.X, b.Rect.Bottom() - th.S(3), b.Rect.W, th.S(3)}, th.Accent)
	}
	centreText(c, b.Label, b.Rect, th.S(th.FontSize), textColor(th, b.Disabled))
}
