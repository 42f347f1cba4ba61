package ui

// Canvas is what widgets and scenes draw on. The Ebiten implementation lives
// in playground/gfx; tests use a recorder. Sizes are device pixels.
type Canvas interface {
	FillRect(r Rect, c Color)
	// StrokeRect draws r's outline with the given line width inside r.
	StrokeRect(r Rect, width float64, c Color)
	FillCircle(x, y, radius float64, c Color)
	Line(x0, y0, x1, y1, width float64, c Color)
	// Text draws s with its top at y, anchored at x by align.
	Text(s string, x, y, size float64, c Color, align Align)
	// MeasureText returns the advance width and line height of s.
	MeasureText(s string, size float64) (w, h float64)
	// Gray draws a grayscale image scaled into dst.
	Gray(img *GrayImage, dst Rect)
	// Clip runs draw with everything it draws cut to r.
	Clip(r Rect, draw func())
}

// GrayImage is a grayscale picture (0 = background, 1 = ink) that canvases
// upload once per Version. Smooth selects linear filtering when scaling;
// otherwise pixels are drawn as crisp blocks.
type GrayImage struct {
	W, H    int
	Pix     []float32
	Version uint64
	Smooth  bool
	// Ink and Paper are the colours of 1 and 0.
	Ink, Paper Color
	// Signed images hold values in [-1,1]; -1 is drawn in Neg, so weights
	// show positive and negative in two colours over Paper.
	Signed bool
	Neg    Color
}

// RGBA writes the image's opaque colours into dst, 4 bytes a pixel
// (len(dst) must be 4*W*H), clamping values to the image's range.
func (g *GrayImage) RGBA(dst []byte) {
	lerp := func(a, b uint8, v float32) byte { return byte(float32(a) + (float32(b)-float32(a))*v + 0.5) }
	for i, v := range g.Pix {
		to := g.Ink
		if g.Signed && v < 0 {
			to, v = g.Neg, -v
		}
		v = min(max(v, 0), 1)
		dst[4*i+0] = lerp(g.Paper.R, to.R, v)
		dst[4*i+1] = lerp(g.Paper.G, to.G, v)
		dst[4*i+2] = lerp(g.Paper.B, to.B, v)
		dst[4*i+3] = 255
	}
}
