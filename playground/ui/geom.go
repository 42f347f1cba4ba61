package ui

// Rect is an axis-aligned rectangle in device pixels.
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether (x,y) lies inside r (left/top edges inclusive).
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && y >= r.Y && x < r.X+r.W && y < r.Y+r.H
}

// Inset shrinks r by d on every side.
func (r Rect) Inset(d float64) Rect {
	return Rect{r.X + d, r.Y + d, max(r.W-2*d, 0), max(r.H-2*d, 0)}
}

// Right is the right edge of r.
func (r Rect) Right() float64 { return r.X + r.W }

// Bottom is the lower edge of r.
func (r Rect) Bottom() float64 { return r.Y + r.H }

// Color is a non-premultiplied 8-bit RGBA colour.
type Color struct{ R, G, B, A uint8 }

// RGB returns an opaque colour.
func RGB(r, g, b uint8) Color { return Color{r, g, b, 255} }

// Align positions text horizontally around its anchor x.
type Align int

const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)
