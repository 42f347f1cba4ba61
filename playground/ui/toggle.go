package ui

// Toggle is an on/off switch with a label to its right.
type Toggle struct {
	Label    string
	TipText  string
	Rect     Rect
	On       bool
	Disabled bool
	OnChange func(on bool)

	hover bool
}

// Bounds returns the hit area.
func (t *Toggle) Bounds() Rect { return t.Rect }

// Focusable reports whether Tab may stop here.
func (t *Toggle) Focusable() bool { return !t.Disabled }

// Tip returns the tooltip text.
func (t *Toggle) Tip() string { return t.TipText }

// Update reads one frame of input.
func (t *Toggle) Update(in *Input, focused bool) {
	t.hover = in.HoverIn(t.Rect)
	if t.Disabled {
		return
	}
	if in.PressIn(t.Rect) {
		in.ConsumePointer()
		t.flip()
	}
	if activated(in, focused) {
		t.flip()
	}
}

func (t *Toggle) flip() {
	t.On = !t.On
	if t.OnChange != nil {
		t.OnChange(t.On)
	}
}

// Draw draws the widget in its state; focused adds the focus ring.
func (t *Toggle) Draw(c Canvas, th *Theme, focused bool) {
	h := t.Rect.H
	track := Rect{t.Rect.X, t.Rect.Y + h*0.2, h * 1.6, h * 0.6}
	bg := th.Surface
	if t.On {
		bg = th.Accent
	}
	if t.hover && !t.Disabled && !t.On {
		bg = th.SurfaceHover
	}
	c.FillRect(track, bg)
	c.StrokeRect(track, th.S(1), th.Border)
	knob := track.X + track.H/2
	if t.On {
		knob = track.Right() - track.H/2
	}
	c.FillCircle(knob, track.Y+track.H/2, track.H*0.4, th.Text)
	if focused {
		c.StrokeRect(track.Inset(-th.S(2)), th.S(2), th.Focus)
	}
	size := th.S(th.FontSize)
	_, lh := c.MeasureText(t.Label, size)
	c.Text(t.Label, track.Right()+th.S(th.Padding), t.Rect.Y+(h-lh)/2, size, textColor(th, t.Disabled), AlignLeft)
}
