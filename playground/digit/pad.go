package digit

import (
	"errors"
	"fmt"
	"math"
)

// Point is one sample of a pointer while drawing, in pad pixels.
// Pressure is in (0,1]; 0 means the device reported none and the brush is
// drawn at full width.
type Point struct {
	X, Y     float32
	Pressure float32
}

// Stroke is the path of one press-drag-release gesture.
type Stroke struct {
	Points []Point
}

// Validate reports an empty stroke or a point that is not finite, or
// whose pressure lies outside [0,1]; strokes from outside the program (an
// embedding page, a test script) go through it.
func (s Stroke) Validate() error {
	if len(s.Points) == 0 {
		return errors.New("digit: stroke has no points")
	}
	for i, p := range s.Points {
		for _, v := range []float32{p.X, p.Y, p.Pressure} {
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				return fmt.Errorf("digit: stroke point %d is not finite: %+v", i, p)
			}
		}
		if p.Pressure < 0 || p.Pressure > 1 {
			return fmt.Errorf("digit: stroke point %d has pressure %v outside [0,1]", i, p.Pressure)
		}
	}
	return nil
}

// Pad is a grayscale ink canvas: 0 is paper, 1 is full ink.
// Strokes are kept so that Undo can rebuild the image without the last one.
type Pad struct {
	w, h    int
	radius  float32
	pix     []float32
	strokes []Stroke
	drawing bool
	version uint64
}

// NewPad returns an empty pad of w x h pixels whose brush has the given
// radius in pixels. It panics on non-positive sizes: they are programmer
// errors, not user input.
func NewPad(w, h int, radius float32) *Pad {
	if w <= 0 || h <= 0 || !(radius > 0) {
		panic(fmt.Sprintf("digit.NewPad: invalid size %dx%d radius %v", w, h, radius))
	}
	return &Pad{w: w, h: h, radius: radius, pix: make([]float32, w*h)}
}

// Size returns the pad's width and height in pixels.
func (p *Pad) Size() (w, h int) { return p.w, p.h }

// Pix returns the ink image, row-major, w*h values in [0,1]. The slice is
// the pad's own storage: read it, do not keep it across edits.
func (p *Pad) Pix() []float32 { return p.pix }

// Version increases on every change, so viewers can tell when to redraw.
func (p *Pad) Version() uint64 { return p.version }

// Empty reports whether the pad holds no strokes.
func (p *Pad) Empty() bool { return len(p.strokes) == 0 }

// Drawing reports whether a stroke is in progress.
func (p *Pad) Drawing() bool { return p.drawing }

// Strokes returns a copy of the strokes drawn so far.
func (p *Pad) Strokes() []Stroke {
	out := make([]Stroke, len(p.strokes))
	for i, s := range p.strokes {
		out[i] = Stroke{Points: append([]Point(nil), s.Points...)}
	}
	return out
}

// Begin starts a new stroke at pt and inks a dot there.
func (p *Pad) Begin(pt Point) {
	p.strokes = append(p.strokes, Stroke{Points: []Point{pt}})
	p.drawing = true
	p.segment(pt, pt)
	p.version++
}

// Extend continues the current stroke to pt. Without a stroke in progress
// it starts one, so a lost press event still draws.
func (p *Pad) Extend(pt Point) {
	if !p.drawing {
		p.Begin(pt)
		return
	}
	s := &p.strokes[len(p.strokes)-1]
	last := s.Points[len(s.Points)-1]
	if last == pt {
		return
	}
	s.Points = append(s.Points, pt)
	p.segment(last, pt)
	p.version++
}

// End finishes the current stroke.
func (p *Pad) End() { p.drawing = false }

// AddStroke draws a whole stroke at once.
func (p *Pad) AddStroke(s Stroke) {
	if len(s.Points) == 0 {
		return
	}
	p.Begin(s.Points[0])
	for _, pt := range s.Points[1:] {
		p.Extend(pt)
	}
	p.End()
}

// Undo removes the last stroke and reports whether there was one.
func (p *Pad) Undo() bool {
	if len(p.strokes) == 0 {
		return false
	}
	p.strokes = p.strokes[:len(p.strokes)-1]
	p.drawing = false
	p.redraw()
	return true
}

// Clear removes every stroke.
func (p *Pad) Clear() {
	p.strokes = p.strokes[:0]
	p.drawing = false
	p.redraw()
}

func (p *Pad) redraw() {
	clear(p.pix)
	for _, s := range p.strokes {
		p.segment(s.Points[0], s.Points[0])
		for i := 1; i < len(s.Points); i++ {
			p.segment(s.Points[i-1], s.Points[i])
		}
	}
	p.version++
}

// EachStroke calls f with every stroke, oldest first, without copying;
// f must not keep or modify them. Viewers use it to draw the strokes as
// vectors at screen resolution.
func (p *Pad) EachStroke(f func(s Stroke)) {
	for _, s := range p.strokes {
		f(s)
	}
}

// RadiusAt is the brush radius at pt in pad pixels: pressure thins the
// line, but never below a quarter so light pens still leave a trace.
func (p *Pad) RadiusAt(pt Point) float32 {
	if pt.Pressure <= 0 || pt.Pressure > 1 {
		return p.radius
	}
	return p.radius * (0.25 + 0.75*pt.Pressure)
}

// segment inks the capsule from a to b. A pixel's coverage is its distance
// to the segment measured against the radius with a one-pixel soft edge,
// and ink combines by max so overlapping segments do not darken joints.
func (p *Pad) segment(a, b Point) {
	ra, rb := p.RadiusAt(a), p.RadiusAt(b)
	rmax := max(ra, rb)
	x0 := int(math.Floor(float64(min(a.X, b.X) - rmax - 1)))
	x1 := int(math.Ceil(float64(max(a.X, b.X) + rmax + 1)))
	y0 := int(math.Floor(float64(min(a.Y, b.Y) - rmax - 1)))
	y1 := int(math.Ceil(float64(max(a.Y, b.Y) + rmax + 1)))
	x0, y0 = max(x0, 0), max(y0, 0)
	x1, y1 = min(x1, p.w-1), min(y1, p.h-1)
	dx, dy := b.X-a.X, b.Y-a.Y
	l2 := dx*dx + dy*dy
	for y := y0; y <= y1; y++ {
		py := float32(y) + 0.5
		for x := x0; x <= x1; x++ {
			px := float32(x) + 0.5
			var t float32
			if l2 > 0 {
				t = ((px-a.X)*dx + (py-a.Y)*dy) / l2
				t = min(max(t, 0), 1)
			}
			cx, cy := a.X+t*dx-px, a.Y+t*dy-py
			d := float32(math.Sqrt(float64(cx*cx + cy*cy)))
			r := ra + t*(rb-ra)
			c := min(max(r-d+0.5, 0), 1)
			i := y*p.w + x
			if c > p.pix[i] {
				p.pix[i] = c
			}
		}
	}
}
