package core_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/gradcheck"
)

// This file holds the float64 reference helpers the op tests compare with:
// plain loops over row-major arrays, independent of the ops under test.

// nd is a row-major float64 array.
type nd struct {
	shape []int
	data  []float64
}

func ndOf(t *core.Tensor) nd { return nd{t.Shape(), t.Data64()} }

func newND(shape ...int) nd { return nd{append([]int(nil), shape...), make([]float64, prod(shape))} }

func prod(shape []int) int {
	n := 1
	for _, d := range shape {
		n *= d
	}
	return n
}

// flat is the row-major position of idx in shape.
func flat(shape, idx []int) int {
	p := 0
	for i, n := range shape {
		p = p*n + idx[i]
	}
	return p
}

// unravel is the multi-index of row-major position p in shape.
func unravel(p int, shape []int) []int {
	idx := make([]int, len(shape))
	for i := len(shape) - 1; i >= 0; i-- {
		idx[i] = p % shape[i]
		p /= shape[i]
	}
	return idx
}

func (a nd) at(idx ...int) float64 { return a.data[flat(a.shape, idx)] }

// bcastAt reads a at the broadcast index idx of a larger shape.
func (a nd) bcastAt(idx []int) float64 {
	off := len(idx) - len(a.shape)
	j := make([]int, len(a.shape))
	for i := range j {
		if a.shape[i] != 1 {
			j[i] = idx[off+i]
		}
	}
	return a.at(j...)
}

// randT returns a float32 tensor of standard normal numbers.
func randT(seed uint64, shape ...int) *core.Tensor {
	return core.Randn(core.NewGenerator(seed), shape...)
}

// indexT returns a tensor of the given integer indices on the default backend.
func indexT(idx []int, shape ...int) *core.Tensor {
	f := make([]float64, len(idx))
	for i, v := range idx {
		f[i] = float64(v)
	}
	return core.FromFloat64(core.DefaultBackend(), f, shape...)
}

// near fails t unless got has shape want.shape and every element is within
// tol (relative to max(1, |want|)) of want.
func near(t *testing.T, what string, got *core.Tensor, want nd, tol float64) {
	t.Helper()
	if fmt.Sprint(got.Shape()) != fmt.Sprint(want.shape) {
		t.Fatalf("%s: shape %v, want %v", what, got.Shape(), want.shape)
	}
	for i, g := range got.Data64() {
		w := want.data[i]
		if math.IsNaN(w) != math.IsNaN(g) || math.Abs(g-w) > tol*math.Max(1, math.Abs(w)) {
			t.Fatalf("%s: element %d (index %v) is %.9g, want %.9g", what, i, unravel(i, want.shape), g, w)
		}
	}
}

// gradOK runs gradcheck.Check on f with the given inputs, all of which
// require a gradient.
func gradOK(t *testing.T, what string, f func(in []*core.Tensor) *core.Tensor, inputs ...*core.Tensor) {
	t.Helper()
	for _, in := range inputs {
		in.SetRequiresGrad(true)
	}
	if err := gradcheck.Check(f, inputs, gradcheck.Options{}); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// panicsWith fails t unless f panics with a *core.OpError wrapping want
// whose message contains every one of parts.
func panicsWith(t *testing.T, what string, want error, f func(), parts ...string) {
	t.Helper()
	var err error
	func() {
		defer core.Recover(&err)
		f()
	}()
	if err == nil {
		t.Fatalf("%s: no panic", what)
	}
	if !errors.Is(err, want) {
		t.Fatalf("%s: error %q does not wrap %v", what, err, want)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Fatalf("%s: error %q does not mention %q", what, err, p)
		}
	}
}

// g64 puts index tensors on the gradient checker's float64 backend, since
// closures passed to gradcheck.Check run there.
func g64(idx []int, shape ...int) *core.Tensor {
	f := make([]float64, len(idx))
	for i, v := range idx {
		f[i] = float64(v)
	}
	return core.FromFloat64(gradcheck.Float64, f, shape...)
}
