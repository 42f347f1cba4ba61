package gfx

import (
	"bytes"
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/gograd/gograd/playground/ui"
)

// Canvas implements ui.Canvas on an Ebiten image. Faces are cached per
// pixel size and gray images per *ui.GrayImage, re-uploaded only when their
// Version changes.
type Canvas struct {
	Dst *ebiten.Image

	src    *text.GoTextFaceSource
	faces  map[float64]*text.GoTextFace
	images map[*ui.GrayImage]*grayTex
}

type grayTex struct {
	img     *ebiten.Image
	version uint64
	w, h    int
	buf     []byte
}

// NewCanvas loads the Go Regular font.
func NewCanvas() (*Canvas, error) {
	src, err := text.NewGoTextFaceSource(bytes.NewReader(goregular.TTF))
	if err != nil {
		return nil, err
	}
	return &Canvas{src: src, faces: map[float64]*text.GoTextFace{}, images: map[*ui.GrayImage]*grayTex{}}, nil
}

func rgba(c ui.Color) color.RGBA {
	// ui.Color is straight alpha; Ebiten wants premultiplied.
	a := uint16(c.A)
	return color.RGBA{uint8(uint16(c.R) * a / 255), uint8(uint16(c.G) * a / 255), uint8(uint16(c.B) * a / 255), c.A}
}

// FillRect implements ui.Canvas.
func (c *Canvas) FillRect(r ui.Rect, col ui.Color) {
	vector.DrawFilledRect(c.Dst, float32(r.X), float32(r.Y), float32(r.W), float32(r.H), rgba(col), false)
}

// StrokeRect implements ui.Canvas.
func (c *Canvas) StrokeRect(r ui.Rect, w float64, col ui.Color) {
	// Inset by half the width so the outline lies inside r.
	h := w / 2
	vector.StrokeRect(c.Dst, float32(r.X+h), float32(r.Y+h), float32(r.W-w), float32(r.H-w), float32(w), rgba(col), false)
}

// FillCircle implements ui.Canvas.
func (c *Canvas) FillCircle(x, y, rad float64, col ui.Color) {
	vector.DrawFilledCircle(c.Dst, float32(x), float32(y), float32(rad), rgba(col), true)
}

// Line implements ui.Canvas.
func (c *Canvas) Line(x0, y0, x1, y1, w float64, col ui.Color) {
	vector.StrokeLine(c.Dst, float32(x0), float32(y0), float32(x1), float32(y1), float32(w), rgba(col), true)
}

// face returns the font at a whole pixel size: glyphs rendered at integer
// sizes and positions are the sharpest.
func (c *Canvas) face(size float64) *text.GoTextFace {
	size = math.Max(math.Round(size), 1)
	f := c.faces[size]
	if f == nil {
		f = &text.GoTextFace{Source: c.src, Size: size}
		c.faces[size] = f
	}
	return f
}

// Text implements ui.Canvas.
func (c *Canvas) Text(s string, x, y, size float64, col ui.Color, a ui.Align) {
	op := &text.DrawOptions{}
	op.GeoM.Translate(math.Round(x), math.Round(y))
	op.ColorScale.ScaleWithColor(rgba(col))
	switch a {
	case ui.AlignCenter:
		op.PrimaryAlign = text.AlignCenter
	case ui.AlignRight:
		op.PrimaryAlign = text.AlignEnd
	}
	text.Draw(c.Dst, s, c.face(size), op)
}

// MeasureText implements ui.Canvas.
func (c *Canvas) MeasureText(s string, size float64) (float64, float64) {
	f := c.face(size)
	m := f.Metrics()
	return text.Advance(s, f), m.HAscent + m.HDescent
}

// Clip draws onto a sub-image of the destination, which Ebiten clips to.
func (c *Canvas) Clip(r ui.Rect, draw func()) {
	dst := c.Dst
	defer func() { c.Dst = dst }()
	rect := image.Rect(int(math.Floor(r.X)), int(math.Floor(r.Y)), int(math.Ceil(r.Right())), int(math.Ceil(r.Bottom())))
	c.Dst = dst.SubImage(rect).(*ebiten.Image)
	draw()
}

// Gray implements ui.Canvas.
func (c *Canvas) Gray(g *ui.GrayImage, dst ui.Rect) {
	if g.W <= 0 || g.H <= 0 || len(g.Pix) != g.W*g.H {
		return
	}
	t := c.images[g]
	if t == nil || t.w != g.W || t.h != g.H {
		t = &grayTex{img: ebiten.NewImage(g.W, g.H), w: g.W, h: g.H, buf: make([]byte, 4*g.W*g.H), version: g.Version + 1}
		c.images[g] = t
	}
	if t.version != g.Version {
		g.RGBA(t.buf)
		t.img.WritePixels(t.buf)
		t.version = g.Version
	}
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Scale(dst.W/float64(g.W), dst.H/float64(g.H))
	op.GeoM.Translate(dst.X, dst.Y)
	if g.Smooth {
		op.Filter = ebiten.FilterLinear
	}
	c.Dst.DrawImage(t.img, op)
}
