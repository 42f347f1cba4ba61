package ui

import (
	"fmt"
	"math"
)

// Slider picks a value in [Min, Max] in multiples of Step from Min, by
// dragging or with the arrow, Home and End keys.
type Slider struct {
	Label    string
	TipText  string
	Rect     Rect
	Min, Max float64
	Step     float64
	Value    float64
	Disabled bool
	OnChange func(v float64)

	hover, dragging bool
}

// Bounds returns the hit area.
func (s *Slider) Bounds() Rect { return s.Rect }

// Focusable reports whether Tab may stop here.
func (s *Slider) Focusable() bool { return !s.Disabled }

// Tip returns the tooltip text.
func (s *Slider) Tip() string { return s.TipText }

// Dragging reports whether the pointer holds the knob.
func (s *Slider) Dragging() bool { return s.dragging }

// snap clamps v to the range and rounds it to a step.
func (s *Slider) snap(v float64) float64 {
	if s.Step > 0 {
		v = s.Min + math.Round((v-s.Min)/s.Step)*s.Step
	}
	return math.Min(math.Max(v, s.Min), s.Max)
}

func (s *Slider) set(v float64) {
	v = s.snap(v)
	if v != s.Value {
		s.Value = v
		if s.OnChange != nil {
			s.OnChange(v)
		}
	}
}

func (s *Slider) fromX(x float64) float64 {
	f := (x - s.Rect.X) / s.Rect.W
	return s.Min + math.Min(math.Max(f, 0), 1)*(s.Max-s.Min)
}

// Update reads one frame of input.
func (s *Slider) Update(in *Input, focused bool) {
	s.hover = in.HoverIn(s.Rect)
	if s.Disabled {
		s.dragging = false
		return
	}
	if in.PressIn(s.Rect) {
		s.dragging = true
		in.ConsumePointer()
	}
	if s.dragging {
		s.set(s.fromX(in.X))
		if !in.Down {
			s.dragging = false
		}
	}
	if !focused {
		return
	}
	step := s.Step
	if step <= 0 {
		step = (s.Max - s.Min) / 100
	}
	switch {
	case in.Key(KeyLeft) || in.Key(KeyDown):
		s.set(s.Value - step)
	case in.Key(KeyRight) || in.Key(KeyUp):
		s.set(s.Value + step)
	case in.Key(KeyHome):
		s.set(s.Min)
	case in.Key(KeyEnd):
		s.set(s.Max)
	default:
		return
	}
	in.ConsumeKeys()
}

// Draw draws the widget in its state; focused adds the focus ring.
func (s *Slider) Draw(c Canvas, th *Theme, focused bool) {
	r := s.Rect
	size := th.S(th.SmallFontSize)
	label := fmt.Sprintf("%s  %g", s.Label, s.Value)
	c.Text(label, r.X, r.Y, size, textColor(th, s.Disabled), AlignLeft)
	_, lh := c.MeasureText(label, size)
	cy := r.Y + lh + (r.H-lh)/2
	track := Rect{r.X, cy - th.S(2), r.W, th.S(4)}
	c.FillRect(track, th.Border)
	f := 0.0
	if s.Max > s.Min {
		f = (s.Value - s.Min) / (s.Max - s.Min)
	}
	kx := r.X + f*r.W
	c.FillRect(Rect{r.X, track.Y, kx - r.X, track.H}, th.Accent)
	knob := th.Text
	if s.hover || s.dragging {
		knob = th.Focus
	}
	c.FillCircle(kx, cy, th.S(7), knob)
	if focused {
		c.StrokeRect(r.Inset(-th.S(2)), th.S(2), th.Focus)
	}
}
