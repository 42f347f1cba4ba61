package digit

import (
	"errors"
	"fmt"
	"math"
)

// Side is the width and height of an MNIST image; Box is the size of the
// square the digit itself is scaled into, leaving a 4-pixel margin.
const (
	Side = 28
	Box  = 20
)

// MNISTMean and MNISTStd are the statistics of the MNIST training pixels in
// [0,1], used by the customary input normalization.
const (
	MNISTMean = 0.1307
	MNISTStd  = 0.3081
)

// ErrEmptyDrawing is returned when there is no ink to classify.
var ErrEmptyDrawing = errors.New("digit: empty drawing")

// ErrSize is returned when an image's dimensions do not match its data.
var ErrSize = errors.New("digit: bad image size")

// ErrValue is returned for pixels that are not finite numbers.
var ErrValue = errors.New("digit: non-finite pixel")

// Preprocess turns a w x h ink image (values in [0,1], 0 = paper) into a
// 28x28 MNIST-style input in [0,1]: the ink's bounding box is scaled to fit
// 20x20 keeping its aspect ratio, by averaging the source area under each
// output pixel, then placed so that its centre of mass falls on the centre
// of the 28x28 field. The shift is whole pixels, as in MNIST, and it is
// limited so that no ink leaves the field.
func Preprocess(pix []float32, w, h int) ([]float32, error) {
	if w <= 0 || h <= 0 || len(pix) != w*h {
		return nil, fmt.Errorf("%w: %d values for %dx%d", ErrSize, len(pix), w, h)
	}
	x0, y0, x1, y1 := w, h, -1, -1
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			v := pix[y*w+x]
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				return nil, fmt.Errorf("%w at (%d,%d)", ErrValue, x, y)
			}
			if v > 0 {
				x0, y0 = min(x0, x), min(y0, y)
				x1, y1 = max(x1, x), max(y1, y)
			}
		}
	}
	if x1 < 0 {
		return nil, ErrEmptyDrawing
	}
	bw, bh := x1-x0+1, y1-y0+1
	scale := float64(Box) / float64(max(bw, bh))
	ow := min(max(int(math.Round(float64(bw)*scale)), 1), Box)
	oh := min(max(int(math.Round(float64(bh)*scale)), 1), Box)
	small := resampleArea(pix, w, x0, y0, bw, bh, ow, oh)

	cx, cy, _ := CenterOfMass(small, ow, oh)
	offX := int(math.Round(Side/2 - cx))
	offY := int(math.Round(Side/2 - cy))
	offX = min(max(offX, 0), Side-ow)
	offY = min(max(offY, 0), Side-oh)

	out := make([]float32, Side*Side)
	for y := 0; y < oh; y++ {
		copy(out[(y+offY)*Side+offX:], small[y*ow:(y+1)*ow])
	}
	return out, nil
}

// resampleArea scales the bw x bh window at (x0,y0) of src (row stride w) to
// ow x oh. Each output pixel is the mean of the source over the rectangle it
// covers, fractional pixels weighted by their overlap: a box filter, which
// anti-aliases when shrinking and keeps the total ink proportional.
func resampleArea(src []float32, w, x0, y0, bw, bh, ow, oh int) []float32 {
	sx := float64(bw) / float64(ow)
	sy := float64(bh) / float64(oh)
	out := make([]float32, ow*oh)
	for oy := 0; oy < oh; oy++ {
		ya, yb := float64(oy)*sy, float64(oy+1)*sy
		for ox := 0; ox < ow; ox++ {
			xa, xb := float64(ox)*sx, float64(ox+1)*sx
			var sum float64
			for y := int(ya); y < bh && float64(y) < yb; y++ {
				wy := math.Min(yb, float64(y+1)) - math.Max(ya, float64(y))
				row := (y0 + y) * w
				for x := int(xa); x < bw && float64(x) < xb; x++ {
					wx := math.Min(xb, float64(x+1)) - math.Max(xa, float64(x))
					sum += wx * wy * float64(src[row+x0+x])
				}
			}
			out[oy*ow+ox] = float32(min(sum/(sx*sy), 1))
		}
	}
	return out
}

// Normalize returns (x - MNISTMean) / MNISTStd for each value, the input
// scaling most MNIST models are trained with.
func Normalize(x []float32) []float32 {
	out := make([]float32, len(x))
	for i, v := range x {
		out[i] = (v - MNISTMean) / MNISTStd
	}
	return out
}

// CenterOfMass returns the ink-weighted centre of a w x h image with pixel
// i centred at i+0.5, and the total ink. It is what Preprocess aligns.
func CenterOfMass(pix []float32, w, h int) (cx, cy, mass float64) {
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			v := float64(pix[y*w+x])
			mass += v
			cx += v * (float64(x) + 0.5)
			cy += v * (float64(y) + 0.5)
		}
	}
	if mass == 0 {
		return 0, 0, 0
	}
	return cx / mass, cy / mass, mass
}
