// Package uitest provides a Canvas that records drawing calls, so widget
// and scene drawing can be checked in tests without a display.
package uitest

import (
	"fmt"
	"strings"

	"github.com/gograd/gograd/playground/ui"
)

// Op is one recorded drawing call.
type Op struct {
	Kind  string // "fill", "stroke", "circle", "line", "text", "gray", "clip", "unclip"
	Rect  ui.Rect
	Text  string
	Size  float64
	Color ui.Color
	Image *ui.GrayImage
}

// Recorder is a ui.Canvas that keeps every call. Text is measured as
// 0.6*size per rune wide and 1.2*size high, a rough monospace stand-in.
type Recorder struct {
	Ops []Op
}

// FillRect implements ui.Canvas.
func (r *Recorder) FillRect(x ui.Rect, c ui.Color) {
	r.Ops = append(r.Ops, Op{Kind: "fill", Rect: x, Color: c})
}

// StrokeRect implements ui.Canvas.
func (r *Recorder) StrokeRect(x ui.Rect, w float64, c ui.Color) {
	r.Ops = append(r.Ops, Op{Kind: "stroke", Rect: x, Size: w, Color: c})
}

// FillCircle implements ui.Canvas.
func (r *Recorder) FillCircle(x, y, rad float64, c ui.Color) {
	r.Ops = append(r.Ops, Op{Kind: "circle", Rect: ui.Rect{X: x - rad, Y: y - rad, W: 2 * rad, H: 2 * rad}, Color: c})
}

// Line implements ui.Canvas.
func (r *Recorder) Line(x0, y0, x1, y1, w float64, c ui.Color) {
	r.Ops = append(r.Ops, Op{Kind: "line", Rect: ui.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}, Size: w, Color: c})
}

// Text implements ui.Canvas.
func (r *Recorder) Text(s string, x, y, size float64, c ui.Color, a ui.Align) {
	w, h := r.MeasureText(s, size)
	switch a {
	case ui.AlignCenter:
		x -= w / 2
	case ui.AlignRight:
		x -= w
	}
	r.Ops = append(r.Ops, Op{Kind: "text", Rect: ui.Rect{X: x, Y: y, W: w, H: h}, Text: s, Size: size, Color: c})
}

// MeasureText implements ui.Canvas.
func (r *Recorder) MeasureText(s string, size float64) (float64, float64) {
	return 0.6 * size * float64(len([]rune(s))), 1.2 * size
}

// Gray implements ui.Canvas.
func (r *Recorder) Gray(img *ui.GrayImage, dst ui.Rect) {
	r.Ops = append(r.Ops, Op{Kind: "gray", Rect: dst, Image: img})
}

// Clip records the clip rectangle, then the calls draw makes.
func (r *Recorder) Clip(x ui.Rect, draw func()) {
	r.Ops = append(r.Ops, Op{Kind: "clip", Rect: x})
	draw()
	r.Ops = append(r.Ops, Op{Kind: "unclip", Rect: x})
}

// Texts returns every text drawn, in order.
func (r *Recorder) Texts() []string {
	var out []string
	for _, o := range r.Ops {
		if o.Kind == "text" {
			out = append(out, o.Text)
		}
	}
	return out
}

// HasText reports whether some drawn text contains sub.
func (r *Recorder) HasText(sub string) bool {
	for _, t := range r.Texts() {
		if strings.Contains(t, sub) {
			return true
		}
	}
	return false
}

// FindText returns the first text op containing sub.
func (r *Recorder) FindText(sub string) (Op, error) {
	for _, o := range r.Ops {
		if o.Kind == "text" && strings.Contains(o.Text, sub) {
			return o, nil
		}
	}
	return Op{}, fmt.Errorf("no text containing %q among %q", sub, r.Texts())
}

// Reset forgets the recorded calls.
func (r *Recorder) Reset() { r.Ops = r.Ops[:0] }
