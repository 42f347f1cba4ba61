package nn

import (
	"math"
	"testing"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/gradcheck"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*(1+math.Abs(b)) }

func TestMSELossValues(t *testing.T) {
	pred := core.FromSlice([]float32{1, 2, 3, 4}, 2, 2)
	target := core.FromSlice([]float32{0, 2, 5, 4}, 2, 2)
	// squared errors 1, 0, 4, 0
	for _, c := range []struct {
		r    Reduction
		want float64
	}{{Mean, 1.25}, {Sum, 5}, {HalfSum, 2.5}} {
		if got := float64(MSELoss{c.r}.Loss(pred, target).Item()); !near(got, c.want, 1e-6) {
			t.Errorf("reduction %d: %g, want %g", c.r, got, c.want)
		}
	}
}

func TestCrossEntropyMatchesFormula(t *testing.T) {
	g := core.NewGenerator(3)
	logits := core.Randn(g, 5, 7)
	target := core.FromSlice([]float32{0, 6, 3, 3, 1})
	x, y := logits.Data64(), target.Data64()
	for _, eps := range []float64{0, 0.1} {
		var want float64
		for i := 0; i < 5; i++ {
			row := x[i*7 : (i+1)*7]
			var s float64
			for _, v := range row {
				s += math.Exp(v)
			}
			for c, v := range row {
				q := eps / 7
				if c == int(y[i]) {
					q += 1 - eps
				}
				want -= q * (v - math.Log(s))
			}
		}
		want /= 5
		got := float64(CrossEntropyLoss{LabelSmoothing: eps}.Loss(logits, target).Item())
		if !near(got, want, 1e-5) {
			t.Errorf("smoothing %g: %g, want %g", eps, got, want)
		}
	}
}

func TestBCEWithLogitsIsStableAndMatchesBCE(t *testing.T) {
	logits := core.FromSlice([]float32{-3, -0.5, 0, 2, 4})
	target := core.FromSlice([]float32{0, 1, 1, 0, 1})
	a := BCEWithLogitsLoss{}.Loss(logits, target).Item()
	b := BCELoss{}.Loss(logits.Sigmoid(), target).Item()
	if !near(float64(a), float64(b), 1e-5) {
		t.Errorf("with logits %g, on probabilities %g", a, b)
	}
	huge := BCEWithLogitsLoss{}.Loss(core.FromSlice([]float32{-200, 200}), core.FromSlice([]float32{1, 0})).Item()
	if !near(float64(huge), 200, 1e-6) {
		t.Errorf("loss at logits ±200 is %g, want 200", huge)
	}
	clamped := BCELoss{}.Loss(core.FromSlice([]float32{0}), core.FromSlice([]float32{1})).Item()
	if clamped != 100 {
		t.Errorf("BCE of p=0 for target 1 is %g, want the clamp 100", clamped)
	}
}

// At p exactly 0 or 1 the loss and its gradient stay finite, as in
// PyTorch: a right answer costs 0 with gradient 0, a wrong one the clamp
// 100 with gradient ±1e12 (then divided by the 4 elements of the mean).
func TestBCELossAtZeroAndOne(t *testing.T) {
	for _, be := range []core.Backend{core.DefaultBackend(), gradcheck.Float64} {
		pred := core.FromFloat64(be, []float64{0, 1, 0, 1}, 4).SetRequiresGrad(true)
		target := core.FromFloat64(be, []float64{0, 1, 1, 0}, 4)
		loss := BCELoss{}.Loss(pred, target)
		loss.Backward()
		if got := loss.Item64(); got != 50 {
			t.Errorf("%T: loss %g, want (0+0+100+100)/4 = 50", be, got)
		}
		want := []float64{0, 0, -0.25e12, 0.25e12}
		for i, g := range pred.Grad().Data64() {
			if !near(g, want[i], 1e-6) {
				t.Errorf("%T: gradient %v, want %v", be, pred.Grad().Data64(), want)
				break
			}
		}
	}
}

func TestHuberLossBranches(t *testing.T) {
	pred := core.FromSlice([]float32{0.5, 3})
	target := core.FromSlice([]float32{0, 0})
	// ½·0.25 and 1·(3-0.5)
	got := HuberLoss{Reduction: Sum, Delta: 1}.Loss(pred, target).Item()
	if !near(float64(got), 0.125+2.5, 1e-6) {
		t.Errorf("Huber %g, want 2.625", got)
	}
}

func TestLossGradients(t *testing.T) {
	g := core.NewGenerator(5)
	pred := core.Randn(g, 3, 4).SetRequiresGrad(true)
	target := core.Randn(g, 3, 4)
	probs := core.Uniform(g, 0.1, 0.9, 3, 4).SetRequiresGrad(true)
	bits := core.FromSlice([]float32{0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0}, 3, 4)
	classes := core.FromSlice([]float32{2, 0, 3})
	// Soft targets that need a gradient too: d/dt = log(1-p) - log p.
	softTargets := core.Uniform(g, 0, 1, 3, 4).SetRequiresGrad(true)
	cases := map[string]struct {
		f      func(in []*core.Tensor) *core.Tensor
		inputs []*core.Tensor
	}{
		"mse":      {func(in []*core.Tensor) *core.Tensor { return MSELoss{HalfSum}.Loss(in[0], in[1]) }, []*core.Tensor{pred, target}},
		"bce":      {func(in []*core.Tensor) *core.Tensor { return BCELoss{}.Loss(in[0], in[1]) }, []*core.Tensor{probs, bits}},
		"bcesoft":  {func(in []*core.Tensor) *core.Tensor { return BCELoss{Reduction: Sum}.Loss(in[0], in[1]) }, []*core.Tensor{probs, softTargets}},
		"bcelogit": {func(in []*core.Tensor) *core.Tensor { return BCEWithLogitsLoss{}.Loss(in[0], in[1]) }, []*core.Tensor{pred, bits}},
		"ce":       {func(in []*core.Tensor) *core.Tensor { return CrossEntropyLoss{LabelSmoothing: 0.1}.Loss(in[0], in[1]) }, []*core.Tensor{pred, classes}},
		"huber":    {func(in []*core.Tensor) *core.Tensor { return HuberLoss{Delta: 0.7}.Loss(in[0], in[1]) }, []*core.Tensor{pred, target}},
	}
	for name, c := range cases {
		if err := gradcheck.Check(c.f, c.inputs, gradcheck.Options{}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestOneHot(t *testing.T) {
	got := OneHot(core.FromSlice([]float32{2, 0}), 3).Data()
	want := []float32{0, 0, 1, 1, 0, 0}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("OneHot = %v, want %v", got, want)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("OneHot accepted label 3 of 3 classes")
		}
	}()
	OneHot(core.FromSlice([]float32{3}), 3)
}

// NLLLoss after a LogSoftmax layer is CrossEntropyLoss on the scores, in
// value and in gradient, and the layer's gradient matches finite
// differences.
func TestNLLAfterLogSoftmaxIsCrossEntropy(t *testing.T) {
	g := core.NewGenerator(7)
	scores := core.Randn(g, 6, 5).MulScalar(3)
	target := core.FromSlice([]float32{4, 0, 2, 2, 1, 3})
	x1 := scores.Detach().SetRequiresGrad(true)
	x2 := scores.Detach().SetRequiresGrad(true)
	a := NLLLoss{}.Loss((&LogSoftmax{Dim: 1}).Forward(x1), target)
	b := CrossEntropyLoss{}.Loss(x2, target)
	if !near(a.Item64(), b.Item64(), 1e-6) {
		t.Errorf("NLL(LogSoftmax) = %g, CrossEntropy = %g", a.Item64(), b.Item64())
	}
	a.Backward()
	b.Backward()
	ga, gb := x1.Grad().Data64(), x2.Grad().Data64()
	for i := range ga {
		if !near(ga[i], gb[i], 1e-5) {
			t.Fatalf("gradients differ at %d: %v vs %v", i, ga, gb)
		}
	}
	err := gradcheck.Check(func(in []*core.Tensor) *core.Tensor { return (&LogSoftmax{Dim: 1}).Forward(in[0]) },
		[]*core.Tensor{scores.SetRequiresGrad(true)}, gradcheck.Options{})
	if err != nil {
		t.Error(err)
	}
}
