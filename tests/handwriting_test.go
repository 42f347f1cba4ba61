package tests

import (
	"testing"

	"github.com/gograd/gograd/playground"
	"github.com/gograd/gograd/playground/digit"
	"github.com/gograd/gograd/playground/models"
)

// TestHandwritingNatively reads the handwriting with every bundled model
// without a browser, through the same pad, preprocessing and models as the
// page: when TestDrawDigits fails, this says whether the browser is to
// blame.
func TestHandwritingNatively(t *testing.T) {
	fetch := models.DirFetch(repoRoot + "/static")
	names, err := models.LoadIndex(fetch)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		net, err := models.Load(name, fetch)
		if err != nil {
			t.Fatal(err)
		}
		for d, strokes := range handwriting {
			pad := digit.NewPad(playground.PadSize, playground.PadSize, playground.BrushRadius)
			for _, s := range strokes {
				var k digit.Stroke
				for _, p := range s {
					k.Points = append(k.Points, digit.Point{X: float32(p[0]), Y: float32(p[1])})
				}
				pad.AddStroke(k)
			}
			x, err := digit.Preprocess(pad.Pix(), playground.PadSize, playground.PadSize)
			if err != nil {
				t.Fatal(err)
			}
			p, err := net.Predict(x)
			if err != nil {
				t.Fatal(err)
			}
			best := 0
			for i := range p {
				if p[i] > p[best] {
					best = i
				}
			}
			if best != d {
				t.Errorf("%s reads the handwritten %d as %d (p = %.3f)", name, d, best, p)
			}
		}
	}
}
