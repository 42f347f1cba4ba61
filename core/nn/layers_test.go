package nn

import (
	"math"
	"testing"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/gradcheck"
)

func TestLinearMatchesReference(t *testing.T) {
	g := core.NewGenerator(1)
	l := NewLinear(g, 5, 3, true)
	x := core.Randn(g, 4, 5)
	got := l.Forward(x).Data64()
	xs, w, b := x.Data64(), l.Weight.Data64(), l.Bias.Data64()
	for i := 0; i < 4; i++ {
		for o := 0; o < 3; o++ {
			want := b[o]
			for k := 0; k < 5; k++ {
				want += xs[i*5+k] * w[o*5+k]
			}
			if !near(got[i*3+o], want, 1e-5) {
				t.Fatalf("out[%d,%d] = %g, want %g", i, o, got[i*3+o], want)
			}
		}
	}
	bound := 1 / math.Sqrt(5)
	for _, v := range w {
		if math.Abs(v) > bound {
			t.Fatalf("weight %g outside PyTorch's default bound %g", v, bound)
		}
	}
}

func TestLinearGradient(t *testing.T) {
	g := core.NewGenerator(2)
	x := core.Randn(g, 2, 3, 5).SetRequiresGrad(true)
	w := core.Randn(g, 4, 5).SetRequiresGrad(true)
	b := core.Randn(g, 4).SetRequiresGrad(true)
	err := gradcheck.Check(func(in []*core.Tensor) *core.Tensor { return core.Linear(in[0], in[1], in[2]) },
		[]*core.Tensor{x, w, b}, gradcheck.Options{})
	if err != nil {
		t.Fatal(err)
	}
}

func TestBatchNormTrainingNormalises(t *testing.T) {
	g := core.NewGenerator(3)
	bn := NewBatchNorm1d(3)
	x := core.Normal(g, 5, 2, 64, 3)
	y := bn.Forward(x).Data64()
	for f := 0; f < 3; f++ {
		var s, ss float64
		for i := 0; i < 64; i++ {
			s += y[i*3+f]
			ss += y[i*3+f] * y[i*3+f]
		}
		mean, variance := s/64, ss/64-(s/64)*(s/64)
		if math.Abs(mean) > 1e-4 || math.Abs(variance-1) > 1e-3 {
			t.Errorf("feature %d: mean %g variance %g after BatchNorm", f, mean, variance)
		}
	}
	rm := bn.RunningMean.Data64()
	for f, v := range rm {
		// one step of momentum 0.1 from 0 towards a batch mean near 5
		if v < 0.3 || v > 0.7 {
			t.Errorf("running mean[%d] = %g, want about 0.5", f, v)
		}
	}
	bn.SetTraining(false)
	eval := bn.Forward(core.FromSlice([]float32{0, 0, 0}, 1, 3)).Data64()
	for f := range eval {
		want := -rm[f] / math.Sqrt(bn.RunningVar.Data64()[f]+1e-5)
		if !near(eval[f], want, 1e-5) {
			t.Errorf("eval output %g, want %g from running statistics", eval[f], want)
		}
	}
}

func TestBatchNormGradient(t *testing.T) {
	g := core.NewGenerator(4)
	for _, spatial := range []bool{false, true} {
		shape := []int{6, 3}
		if spatial {
			shape = []int{2, 3, 3, 2}
		}
		x := core.Randn(g, shape...).SetRequiresGrad(true)
		w := core.Uniform(g, 0.5, 1.5, 3).SetRequiresGrad(true)
		b := core.Randn(g, 3).SetRequiresGrad(true)
		err := gradcheck.Check(func(in []*core.Tensor) *core.Tensor {
			bn := newBatchNorm(3, spatial)
			bn.Weight, bn.Bias = in[1], in[2]
			bn.RunningMean, bn.RunningVar = core.ZerosLike(in[1]), core.OnesLike(in[1])
			return bn.Forward(in[0])
		}, []*core.Tensor{x, w, b}, gradcheck.Options{ATol: 1e-5, RTol: 1e-4})
		if err != nil {
			t.Errorf("spatial=%v: %v", spatial, err)
		}
	}
}

func TestDropoutTrainAndEval(t *testing.T) {
	d := NewDropout(0.25, 9)
	x := core.Ones(100, 40)
	y := d.Forward(x).Data()
	zeros := 0
	for _, v := range y {
		switch v {
		case 0:
			zeros++
		case 1 / 0.75:
		default:
			t.Fatalf("dropout produced %g, want 0 or %g", v, 1/0.75)
		}
	}
	if frac := float64(zeros) / 4000; frac < 0.22 || frac > 0.28 {
		t.Errorf("dropped %.3f of the inputs, want about 0.25", frac)
	}
	again := NewDropout(0.25, 9).Forward(x).Data()
	for i := range y {
		if y[i] != again[i] {
			t.Fatal("the same seed gave a different mask")
		}
	}
	if next := d.Forward(x).Data(); equalData(next, y) {
		t.Error("the second call repeated the first call's mask")
	}
	d.SetTraining(false)
	if out := d.Forward(x); out != x {
		t.Error("dropout in eval mode changed its input")
	}
}

func equalData(a, b []float32) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestMaxoutTakesGroupMaxima(t *testing.T) {
	x := core.FromSlice([]float32{1, 5, 2, 0, -1, -3, 4, 4}, 2, 4)
	got := (&Maxout{Pieces: 2}).Forward(x).Data()
	want := []float32{5, 2, -1, 4}
	if !equalData(got, want) {
		t.Errorf("Maxout = %v, want %v", got, want)
	}
}

func TestInitStatistics(t *testing.T) {
	g := core.NewGenerator(6)
	w := core.Zeros(400, 300)
	stats := func() (mean, std, maxAbs float64) {
		d := w.Data64()
		for _, v := range d {
			mean += v
			maxAbs = math.Max(maxAbs, math.Abs(v))
		}
		mean /= float64(len(d))
		for _, v := range d {
			std += (v - mean) * (v - mean)
		}
		return mean, math.Sqrt(std / float64(len(d))), maxAbs
	}
	XavierUniform(g, w, 1)
	bound := math.Sqrt(6.0 / 700)
	if _, std, m := stats(); m > bound || !near(std, bound/math.Sqrt(3), 0.02) {
		t.Errorf("xavier uniform: std %g max %g, bound %g", std, m, bound)
	}
	KaimingNormal(g, w, 0)
	if mean, std, _ := stats(); math.Abs(mean) > 0.002 || !near(std, math.Sqrt(2.0/300), 0.02) {
		t.Errorf("kaiming normal: mean %g std %g, want 0 and %g", mean, std, math.Sqrt(2.0/300))
	}
	KaimingUniform(g, w, 0)
	if _, std, m := stats(); m > math.Sqrt(6.0/300) || !near(std, math.Sqrt(2.0/300), 0.02) {
		t.Errorf("kaiming uniform: std %g max %g", std, m)
	}
	XavierNormal(g, w, 1)
	if _, std, _ := stats(); !near(std, math.Sqrt(2.0/700), 0.02) {
		t.Errorf("xavier normal: std %g", std)
	}
	InitUniform(g, w, 0, 1)
	if mean, _, _ := stats(); !near(mean, 0.5, 0.01) {
		t.Errorf("uniform(0,1): mean %g", mean)
	}
}

func TestConvLayerGradient(t *testing.T) {
	g := core.NewGenerator(7)
	x := core.Randn(g, 2, 2, 5, 4).SetRequiresGrad(true)
	c := NewConv2d(g, 2, 3, 3, 1, 1, true)
	err := gradcheck.Check(func(in []*core.Tensor) *core.Tensor { return core.Conv2d(in[0], in[1], in[2], 1, 1) },
		[]*core.Tensor{x, c.Weight, c.Bias}, gradcheck.Options{})
	if err != nil {
		t.Fatal(err)
	}
}
