package optim

import (
	"testing"

	"github.com/gograd/gograd/core"
)

func TestClipGradNorm(t *testing.T) {
	a, b, none := param(0, 0), param(0), param(7)
	setGrad(a, []float64{3, 4})
	setGrad(b, []float64{12})
	ps := []*core.Tensor{a, none, b}

	// √(9 + 16 + 144) = 13; below maxNorm nothing changes.
	if n := ClipGradNorm(ps, 20); n != 13 {
		t.Errorf("norm %g, want 13", n)
	}
	expectValues(t, "unclipped a", a.Grad().Data64(), []float64{3, 4}, 0)
	expectValues(t, "unclipped b", b.Grad().Data64(), []float64{12}, 0)

	// Above maxNorm every gradient is scaled by 6.5/(13 + 1e-6).
	if n := ClipGradNorm(ps, 6.5); n != 13 {
		t.Errorf("norm %g, want 13", n)
	}
	c := 6.5 / (13 + 1e-6)
	expectValues(t, "clipped a", a.Grad().Data64(), []float64{3 * c, 4 * c}, 1e-15)
	expectValues(t, "clipped b", b.Grad().Data64(), []float64{12 * c}, 1e-15)
	if none.Grad() != nil {
		t.Error("a parameter without gradient got one")
	}
	if n := ClipGradNorm([]*core.Tensor{none}, 1); n != 0 {
		t.Errorf("norm with no gradients %g, want 0", n)
	}
}

// Backward gives both inputs of an Add the same gradient tensor; clipping
// must scale it once, not once per parameter.
func TestClipGradNormSharedGradient(t *testing.T) {
	a, b := param(1, 2), param(3, 4)
	a.Add(b).Sum().Backward()
	// Both gradients are [1, 1]: norm 2.
	if n := ClipGradNorm([]*core.Tensor{a, b}, 1); n != 2 {
		t.Errorf("norm %g, want 2", n)
	}
	c := 1 / (2 + 1e-6)
	expectValues(t, "a", a.Grad().Data64(), []float64{c, c}, 1e-15)
	expectValues(t, "b", b.Grad().Data64(), []float64{c, c}, 1e-15)
}
