package ui

// Form groups widgets and owns keyboard focus: Tab and Shift+Tab move it
// through the focusable widgets in order, a press on a widget focuses it,
// a press elsewhere clears it. An open overlay (dropdown list) sees the
// pointer before every other widget.
type Form struct {
	Widgets []Widget
	Tooltip Tooltip

	hovered  Widget
	focus    int // index into Widgets, -1 for none
	keyMoved bool
	started  bool
}

// Focused returns the widget with keyboard focus, or nil.
func (f *Form) Focused() Widget {
	if !f.started || f.focus < 0 || f.focus >= len(f.Widgets) {
		return nil
	}
	return f.Widgets[f.focus]
}

// Hovered returns the widget under the pointer after the last Update, or
// nil (also while an open overlay covers the pointer).
func (f *Form) Hovered() Widget { return f.hovered }

// SetFocus gives focus to w (nil clears it).
func (f *Form) SetFocus(w Widget) {
	f.started = true
	f.focus = -1
	for i, x := range f.Widgets {
		if x == w {
			f.focus = i
		}
	}
}

func (f *Form) moveFocus(dir int) {
	n := len(f.Widgets)
	if n == 0 {
		return
	}
	i := f.focus
	if i < 0 && dir < 0 {
		i = n
	}
	for range n {
		i = ((i+dir)%n + n) % n
		if f.Widgets[i].Focusable() {
			f.focus = i
			f.keyMoved = true
			return
		}
	}
	f.focus = -1
}

// Update routes one frame of input to the widgets.
func (f *Form) Update(in *Input) {
	if !f.started {
		f.started, f.focus = true, -1
	}
	if f.focus >= 0 && (f.focus >= len(f.Widgets) || !f.Widgets[f.focus].Focusable()) {
		f.focus = -1
	}
	if in.Key(KeyTab) {
		dir := 1
		if in.Shift {
			dir = -1
		}
		f.moveFocus(dir)
		in.ConsumeKeys()
	}
	// An open overlay first; while one stays open the rest see no hover.
	var open Widget
	for _, w := range f.Widgets {
		if o, ok := w.(overlayer); ok && o.OverlayOpen() {
			open = w
			w.Update(in, w == f.Focused())
		}
	}
	if in.Pressed && in.PointerFree() {
		f.focus = -1
		f.keyMoved = false
		for i, w := range f.Widgets {
			if w.Focusable() && w.Bounds().Contains(in.X, in.Y) {
				f.focus = i
			}
		}
	}
	hover := in.Hover
	if open != nil {
		if o := open.(overlayer); o.OverlayOpen() {
			in.Hover = false
		}
	}
	var hovered Widget
	for _, w := range f.Widgets {
		if w == open {
			continue
		}
		w.Update(in, w == f.Focused())
		if in.HoverIn(w.Bounds()) {
			hovered = w
		}
	}
	in.Hover = hover
	var kf Widget
	if f.keyMoved {
		kf = f.Focused()
	}
	f.hovered = hovered
	f.Tooltip.Update(hovered, in, kf)
}

// Draw draws the widgets, then any open overlay, then the tooltip; sw is
// the screen width that tooltips stay within.
func (f *Form) Draw(c Canvas, th *Theme, sw float64) {
	for _, w := range f.Widgets {
		w.Draw(c, th, w == f.Focused())
	}
	for _, w := range f.Widgets {
		if o, ok := w.(overlayer); ok && o.OverlayOpen() {
			o.DrawOverlay(c, th)
		}
	}
	f.Tooltip.Draw(c, th, sw)
}
