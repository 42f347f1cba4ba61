package ui

// Dropdown picks one of Options. Clicking it (or Enter, Space, Down while
// focused) opens a list below it; the list takes every click until it
// closes, so a click outside it only closes it. With no options it is
// disabled and shows Placeholder.
type Dropdown struct {
	Options     []string
	Selected    int // -1: none
	Placeholder string
	TipText     string
	Rect        Rect
	ItemHeight  float64
	OnChange    func(i int)

	open      bool
	highlight int
	hover     bool
}

// Bounds returns the hit area.
func (d *Dropdown) Bounds() Rect { return d.Rect }

// Focusable reports whether Tab may stop here.
func (d *Dropdown) Focusable() bool { return len(d.Options) > 0 }

// Tip returns the tooltip text.
func (d *Dropdown) Tip() string { return d.TipText }

// OverlayOpen reports whether the option list is showing.
func (d *Dropdown) OverlayOpen() bool { return d.open }

// Highlighted is the option under the pointer or keyboard cursor while open.
func (d *Dropdown) Highlighted() int { return d.highlight }

// itemRect is option i's row in the open list.
func (d *Dropdown) itemRect(i int) Rect {
	h := d.ItemHeight
	if h <= 0 {
		h = d.Rect.H
	}
	return Rect{d.Rect.X, d.Rect.Bottom() + float64(i)*h, d.Rect.W, h}
}

func (d *Dropdown) listRect() Rect {
	first := d.itemRect(0)
	return Rect{first.X, first.Y, first.W, first.H * float64(len(d.Options))}
}

func (d *Dropdown) choose(i int) {
	d.open = false
	if i != d.Selected {
		d.Selected = i
		if d.OnChange != nil {
			d.OnChange(i)
		}
	}
}

// Update reads one frame of input.
func (d *Dropdown) Update(in *Input, focused bool) {
	d.hover = in.HoverIn(d.Rect)
	if len(d.Options) == 0 {
		d.open = false
		return
	}
	if d.open {
		if in.HoverIn(d.listRect()) {
			for i := range d.Options {
				if d.itemRect(i).Contains(in.X, in.Y) {
					d.highlight = i
				}
			}
		}
		if in.Pressed && in.PointerFree() {
			in.ConsumePointer()
			if d.listRect().Contains(in.X, in.Y) {
				d.choose(d.highlight)
			} else {
				d.open = false
			}
			return
		}
		if !focused {
			return
		}
		switch {
		case in.Key(KeyUp):
			d.highlight = max(d.highlight-1, 0)
		case in.Key(KeyDown):
			d.highlight = min(d.highlight+1, len(d.Options)-1)
		case in.Key(KeyEnter) || in.Key(KeySpace):
			d.choose(d.highlight)
		case in.Key(KeyEscape):
			d.open = false
		default:
			return
		}
		in.ConsumeKeys()
		return
	}
	if in.PressIn(d.Rect) {
		in.ConsumePointer()
		d.openList()
		return
	}
	if focused && (in.Key(KeyEnter) || in.Key(KeySpace) || in.Key(KeyDown)) {
		in.ConsumeKeys()
		d.openList()
	}
}

func (d *Dropdown) openList() {
	d.open = true
	d.highlight = max(d.Selected, 0)
}

// Draw draws the widget in its state; focused adds the focus ring.
func (d *Dropdown) Draw(c Canvas, th *Theme, focused bool) {
	disabled := len(d.Options) == 0
	drawFrame(c, th, d.Rect, d.hover, d.open, focused, disabled)
	label := d.Placeholder
	if d.Selected >= 0 && d.Selected < len(d.Options) {
		label = d.Options[d.Selected]
	}
	size := th.S(th.FontSize)
	_, h := c.MeasureText(label, size)
	pad := th.S(th.Padding)
	c.Text(label, d.Rect.X+pad, d.Rect.Y+(d.Rect.H-h)/2, size, textColor(th, disabled), AlignLeft)
	// A small chevron drawn with two lines, so no glyph is needed.
	cx, cy, a := d.Rect.Right()-pad-th.S(4), d.Rect.Y+d.Rect.H/2, th.S(4)
	col := textColor(th, disabled)
	c.Line(cx-a, cy-a/2, cx, cy+a/2, th.S(1.5), col)
	c.Line(cx, cy+a/2, cx+a, cy-a/2, th.S(1.5), col)
}

// DrawOverlay draws the open list above everything else.
func (d *Dropdown) DrawOverlay(c Canvas, th *Theme) {
	if !d.open {
		return
	}
	c.FillRect(d.listRect(), th.Surface)
	size := th.S(th.FontSize)
	for i, o := range d.Options {
		r := d.itemRect(i)
		if i == d.highlight {
			c.FillRect(r, th.SurfaceActive)
		}
		_, h := c.MeasureText(o, size)
		c.Text(o, r.X+th.S(th.Padding), r.Y+(r.H-h)/2, size, th.Text, AlignLeft)
	}
	c.StrokeRect(d.listRect(), th.S(1), th.Border)
}
