package core_test

import (
	"testing"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/cpu"
)

// A tensor used twice collects both gradients: d(x*x + x)/dx = 2x + 1.
func TestGradAccumulatesOverUses(t *testing.T) {
	x := core.FromSlice([]float32{-1, 0.5, 3}).SetRequiresGrad(true)
	x.Mul(x).Add(x).Sum().Backward()
	near(t, "grad of x*x + x", x.Grad(), nd{[]int{3}, []float64{-1, 2, 7}}, 1e-6)

	// A second graph adds onto the gradient left by the first until ZeroGrad.
	x.MulScalar(4).Sum().Backward()
	near(t, "accumulated over two Backwards", x.Grad(), nd{[]int{3}, []float64{3, 6, 11}}, 1e-6)
	x.ZeroGrad()
	if x.Grad() != nil {
		t.Fatal("ZeroGrad left a gradient")
	}
}

// Intermediate results keep their gradients too, for the playground's graph.
func TestIntermediateGrad(t *testing.T) {
	x := core.FromSlice([]float32{1, 2}).SetRequiresGrad(true)
	y := x.MulScalar(3)
	y.Mul(y).Sum().Backward()
	near(t, "grad of y", y.Grad(), nd{[]int{2}, []float64{6, 12}}, 1e-6)
	near(t, "grad of x", x.Grad(), nd{[]int{2}, []float64{18, 36}}, 1e-6)
	if !y.IsLeaf() || y.GradFn() != "" {
		t.Fatalf("after Backward y should be freed: IsLeaf %v GradFn %q", y.IsLeaf(), y.GradFn())
	}
}

func TestNoGrad(t *testing.T) {
	x := core.FromSlice([]float32{1, 2}).SetRequiresGrad(true)
	var y *core.Tensor
	core.NoGrad(func() {
		if core.IsGradEnabled() {
			t.Fatal("IsGradEnabled inside NoGrad")
		}
		y = x.Mul(x).Sum()
	})
	if !core.IsGradEnabled() {
		t.Fatal("NoGrad did not restore gradients")
	}
	if y.RequiresGrad() || y.GradFn() != "" || !y.IsLeaf() {
		t.Fatalf("NoGrad recorded a graph: RequiresGrad %v GradFn %q", y.RequiresGrad(), y.GradFn())
	}
	panicsWith(t, "Backward of a NoGrad result", core.ErrGrad, func() { y.Backward() })
	if z := x.Mul(x); z.GradFn() != "Mul" {
		t.Fatalf("GradFn after NoGrad is %q, want Mul", z.GradFn())
	}
}

func TestGraphFreedAfterBackward(t *testing.T) {
	x := core.FromSlice([]float32{1, 2}).SetRequiresGrad(true)
	y := x.Exp().Sum()
	y.Backward()
	panicsWith(t, "second Backward", core.ErrGrad, func() { y.Backward() }, "freed")
}

func TestDetach(t *testing.T) {
	x := core.FromSlice([]float32{0.5, -2}).SetRequiresGrad(true)
	y := x.Mul(x)
	d := y.Detach()
	if d.RequiresGrad() || !d.IsLeaf() {
		t.Fatal("Detach kept the graph")
	}
	near(t, "Detach data", d, ndOf(y), 0)
	// No gradient flows through the detached factor: d(x * x.Detach())/dx = x.
	x.Mul(x.Detach()).Sum().Backward()
	near(t, "grad through Detach", x.Grad(), nd{[]int{2}, []float64{0.5, -2}}, 0)
}

func TestAutogradMisuse(t *testing.T) {
	x := core.FromSlice([]float32{1, 2}).SetRequiresGrad(true)
	panicsWith(t, "Backward of a vector", core.ErrShape, func() { x.Mul(x).Backward() }, "[2]")
	panicsWith(t, "SetRequiresGrad(false) on a result", core.ErrGrad, func() { x.Mul(x).SetRequiresGrad(false) })
	panicsWith(t, "BackwardWith shape", core.ErrShape, func() { x.Mul(x).BackwardWith(core.Ones(3)) }, "[2]", "[3]")
}

func TestShapeErrorsNameShapes(t *testing.T) {
	a, b := core.Zeros(2, 3), core.Zeros(4, 2)
	panicsWith(t, "Add", core.ErrShape, func() { a.Add(b) }, "Add", "[2 3]", "[4 2]")
	panicsWith(t, "MM", core.ErrShape, func() { a.MM(b) }, "MM", "[2 3]", "[4 2]")
	panicsWith(t, "Reshape", core.ErrShape, func() { a.Reshape(4, 2, 1) }, "Reshape", "[2 3]", "[4 2 1]")
	panicsWith(t, "Expand", core.ErrShape, func() { a.Expand(4, 3) }, "Expand", "[2 3]", "[4 3]")
}

func TestMixedBackendsPanic(t *testing.T) {
	a := core.FromSliceOn(cpu.New(), []float32{1, 2}, 2)
	b := core.FromFloat64(cpu.New64(), []float64{1, 2}, 2)
	panicsWith(t, "Add", core.ErrDevice, func() { a.Add(b) }, "cpu", "cpu64")
	panicsWith(t, "MatMul", core.ErrDevice, func() { a.MatMul(b) })
	panicsWith(t, "Cat", core.ErrDevice, func() { core.Cat([]*core.Tensor{a, b}, 0) })
	panicsWith(t, "IndexSelect", core.ErrDevice, func() { a.IndexSelect(0, core.FromFloat64(cpu.New64(), []float64{0}, 1)) })
	// To moves a tensor over so the op works.
	near(t, "after To", a.Add(b.To(a.Backend())), nd{[]int{2}, []float64{2, 4}}, 0)
}
