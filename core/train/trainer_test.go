package train

import (
	"math"
	"slices"
	"testing"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/data"
	"github.com/gograd/gograd/core/nn"
	"github.com/gograd/gograd/core/optim"
)

// lineModel is y = w·x + b with w = 0.5, b = 0, trained on y = 2x + 1.
func lineModel(t *testing.T, n int) (*nn.Sequential, *data.Set) {
	t.Helper()
	lin := nn.NewLinear(core.NewGenerator(1), 1, 1, true)
	core.NoGrad(func() {
		lin.Weight.SetData([]float32{0.5})
		lin.Bias.SetData([]float32{0})
	})
	x, y := make([]float32, n), make([]float32, n)
	for i := range n {
		x[i] = float32(i + 1)
		y[i] = 2*x[i] + 1
	}
	return nn.NewSequential(lin), data.NewSet(x, []int{1}, y, []int{1}, 0)
}

func mustLoss(t *testing.T, name string) Loss {
	t.Helper()
	l, err := NewLoss(name)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*(1+math.Abs(b)) }

// One SGD step on x = (1, 2), t = (3, 5), w = 0.5, b = 0 by hand:
// d = (-2.5, -4), MSE = (6.25 + 16)/2 = 11.125,
// dL/dw = mean(2·d·x) = -10.5, dL/db = mean(2·d) = -6.5,
// so with lr 0.1: w = 1.55, b = 0.65.
func TestStepMatchesHandComputation(t *testing.T) {
	m, ds := lineModel(t, 2)
	tr := New(Config{Model: m, Loss: mustLoss(t, "mse"), Optimizer: optim.NewSGD(nn.Params(m), optim.SGDOptions{LR: 0.1}),
		Data: ds, BatchSize: 2})
	r := tr.Step()
	if !near(r.Loss, 11.125, 1e-6) || r.LR != 0.1 {
		t.Errorf("step: loss %v lr %v, want 11.125 and 0.1", r.Loss, r.LR)
	}
	p := m.Parameters()
	if w, b := p[0].Tensor.Item64(), p[1].Tensor.Item64(); !near(w, 1.55, 1e-6) || !near(b, 0.65, 1e-6) {
		t.Errorf("after one step w=%v b=%v, want 1.55 and 0.65", w, b)
	}
	if tr.Classifies() || r.Accuracy != 0 {
		t.Errorf("regression reported as classification (accuracy %v)", r.Accuracy)
	}
}

// Evaluate weights each batch's mean loss by its size: for x = 1, 2, 3 the
// squared errors are 6.25, 16 and 30.25, mean 17.5, whatever the batch size.
func TestEvaluateIsSampleWeighted(t *testing.T) {
	m, ds := lineModel(t, 3)
	tr := New(Config{Model: m, Loss: mustLoss(t, "mse"), Optimizer: optim.NewSGD(nn.Params(m), optim.SGDOptions{LR: 0.1}),
		Data: ds, BatchSize: 1})
	for _, batch := range []int{1, 2, 3} {
		if l, _ := tr.Evaluate(ds, batch); !near(l, 17.5, 1e-6) {
			t.Errorf("batch %d: loss %v, want 17.5", batch, l)
		}
	}
	half, _ := NewLoss("mse_half_sum")
	tr.cfg.Loss = half
	if l, _ := tr.Evaluate(ds, 2); !near(l, 26.25, 1e-6) { // ½·(6.25+16+30.25)
		t.Errorf("half-sum loss %v, want 26.25", l)
	}
}

func TestEvaluateRestoresTrainingMode(t *testing.T) {
	g := core.NewGenerator(3)
	m := nn.NewSequential(nn.NewLinear(g, 8, 64, true), nn.NewDropout(0.5, 7))
	x := core.Randn(g, 16, 8)
	ds := data.NewSet(x.Data(), []int{8}, make([]float32, 16*64), []int{64}, 0)
	tr := New(Config{Model: m, Loss: mustLoss(t, "mse"), Optimizer: optim.NewSGD(nn.Params(m), optim.SGDOptions{LR: 0.1}),
		Data: ds, BatchSize: 4})
	l1, _ := tr.Evaluate(ds, 5)
	l2, _ := tr.Evaluate(ds, 16)
	if !near(l1, l2, 1e-5) {
		t.Errorf("evaluation is not deterministic (dropout on?): %v then %v", l1, l2)
	}
	if slices.Contains(tr.Predict(x).Data(), 0) {
		t.Error("Predict dropped units")
	}
	var out []float32
	core.NoGrad(func() { out = m.Forward(x).Data() })
	if !slices.Contains(out, 0) {
		t.Error("after Evaluate the model is not back in training mode: dropout dropped nothing")
	}
}

func TestStepEpochIterationCounting(t *testing.T) {
	for _, tc := range []struct {
		n, batch int
		dropLast bool
		iters    int
	}{{10, 4, false, 3}, {10, 4, true, 2}, {12, 4, false, 3}, {12, 4, true, 3}, {5, 5, false, 1}, {7, 1, false, 7}} {
		ds := data.NoisyXOR(tc.n, 0.1, 1)
		m, _ := nn.Spec{Input: []int{2}, Layers: []nn.LayerSpec{{Type: "linear", Out: 2}}}.Build(1)
		tr := New(Config{Model: m, Loss: mustLoss(t, "cross_entropy"), Optimizer: optim.NewSGD(nn.Params(m), optim.SGDOptions{LR: 0.1}),
			Data: ds, BatchSize: tc.batch, DropLast: tc.dropLast, Shuffle: true, Seed: 2})
		if tr.ItersPerEpoch() != tc.iters {
			t.Errorf("%+v: %d iterations per epoch, want %d", tc, tr.ItersPerEpoch(), tc.iters)
		}
		for step := 1; step <= 3*tc.iters; step++ {
			r := tr.Step()
			want := StepResult{Step: step, Epoch: (step-1)/tc.iters + 1, Iteration: (step-1)%tc.iters + 1, EpochEnd: step%tc.iters == 0}
			if r.Step != want.Step || r.Epoch != want.Epoch || r.Iteration != want.Iteration || r.EpochEnd != want.EpochEnd {
				t.Fatalf("%+v step %d: got epoch %d iter %d end %v, want %+v", tc, step, r.Epoch, r.Iteration, r.EpochEnd, want)
			}
		}
		if tr.Epoch() != 3 || len(tr.EpochStats()) != 3 || tr.Steps() != 3*tc.iters {
			t.Errorf("%+v: epoch %d, %d epoch stats, %d steps after 3 epochs", tc, tr.Epoch(), len(tr.EpochStats()), tr.Steps())
		}
	}
}

// The epoch statistics are the sample-weighted means of the batch results.
func TestEpochStatsAverageBatches(t *testing.T) {
	r, _ := Builtin("xor")
	r.Data, r.BatchSize, r.Model.Layers[2].Out, r.Loss = DataSpec{Name: "noisy_xor", N: 10}, 4, 2, "cross_entropy"
	trainSet, _, err := r.Load("")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := r.NewTrainer(trainSet)
	if err != nil {
		t.Fatal(err)
	}
	var loss, acc float64
	for _, size := range []int{4, 4, 2} {
		s := tr.Step()
		loss += s.Loss * float64(size)
		acc += s.Accuracy * float64(size)
	}
	got := tr.EpochStats()[0]
	if !near(got.Loss, loss/10, 1e-9) || !near(got.Accuracy, acc/10, 1e-9) {
		t.Errorf("epoch stats %+v, want loss %v accuracy %v", got, loss/10, acc/10)
	}
}

func TestSameSeedSameLosses(t *testing.T) {
	run := func(seed uint64) []float64 {
		r, _ := Builtin("xor")
		// Shuffled mini-batches and dropout: every random source in play.
		r.Data, r.BatchSize, r.Seed, r.NoShuffle = DataSpec{Name: "spirals", N: 60}, 16, seed, false
		r.Model.Layers = []nn.LayerSpec{{Type: "linear", Out: 16}, {Type: "relu"}, {Type: "dropout", P: 0.3}, {Type: "linear", Out: 3}}
		r.Loss, r.Init = "cross_entropy", ""
		ds, _, err := r.Load("")
		if err != nil {
			t.Fatal(err)
		}
		tr, err := r.NewTrainer(ds)
		if err != nil {
			t.Fatal(err)
		}
		var losses []float64
		for range 20 {
			losses = append(losses, tr.Step().Loss)
		}
		return losses
	}
	a, b, c := run(5), run(5), run(6)
	if !slices.Equal(a, b) {
		t.Errorf("seed 5 twice gave different losses:\n%v\n%v", a, b)
	}
	if slices.Equal(a, c) {
		t.Error("seeds 5 and 6 gave the same losses")
	}
}

func TestConfusionMatrixAgreesWithAccuracy(t *testing.T) {
	r, _ := Builtin("xor")
	r.Data, r.BatchSize, r.Model.Layers[2].Out, r.Loss, r.Init = DataSpec{Name: "spirals", N: 90}, 30, 3, "cross_entropy", ""
	trainSet, testSet, _ := r.Load("")
	tr, err := r.NewTrainer(trainSet)
	if err != nil {
		t.Fatal(err)
	}
	for range 30 {
		tr.Step()
	}
	_, acc := tr.Evaluate(testSet, 7)
	m := tr.ConfusionMatrix(testSet, 7, 3)
	total, diag := 0, 0
	for i, row := range m {
		for j, v := range row {
			total += v
			if i == j {
				diag += v
			}
		}
	}
	if total != testSet.Len() || !near(float64(diag)/float64(total), acc, 1e-12) {
		t.Errorf("confusion matrix %v: %d of %d on the diagonal, accuracy %v", m, diag, total, acc)
	}
}

func TestLossTargets(t *testing.T) {
	idx := core.FromSlice([]float32{2, 0}, 2)
	for _, tc := range []struct {
		loss  string
		cols  int
		shape []int
	}{{"bce", 3, []int{2, 3}}, {"mse", 3, []int{2, 3}}, {"mse_half_sum", 1, []int{2, 1}}, {"bce_with_logits", 1, []int{2, 1}},
		{"cross_entropy", 3, []int{2}}, {"nll", 3, []int{2}}} {
		l := mustLoss(t, tc.loss)
		pred := core.Full(0.25, 2, tc.cols)
		got := l.Target(pred, idx)
		if !slices.Equal(got.Shape(), tc.shape) {
			t.Errorf("%s: target shape %v, want %v", tc.loss, got.Shape(), tc.shape)
		}
	}
	// BCE of 0.25 everywhere against one-hot rows: per element
	// -log(0.25) for the 1 and -log(0.75) for each 0.
	got := mustLoss(t, "bce").Compute(core.Full(0.25, 2, 3), idx).Item64()
	want := (-math.Log(0.25) - 2*math.Log(0.75)) / 3
	if !near(got, want, 1e-6) {
		t.Errorf("bce against one-hot: %v, want %v", got, want)
	}
	if _, err := NewLoss("hinge"); err == nil {
		t.Error("unknown loss accepted")
	}
}

func TestClassesThreshold(t *testing.T) {
	out := core.FromSlice([]float32{-0.2, 0.2, 0.7}, 3, 1)
	if got := mustLoss(t, "bce").Classes(out); !slices.Equal(got, []int{0, 0, 1}) {
		t.Errorf("probabilities: %v", got)
	}
	if got := mustLoss(t, "bce_with_logits").Classes(out); !slices.Equal(got, []int{0, 1, 1}) {
		t.Errorf("logits: %v", got)
	}
	if got := mustLoss(t, "cross_entropy").Classes(core.FromSlice([]float32{1, 3, 2, 5, 4, 0}, 2, 3)); !slices.Equal(got, []int{1, 0}) {
		t.Errorf("argmax: %v", got)
	}
}

func TestClipNormIsReported(t *testing.T) {
	m, ds := lineModel(t, 2)
	tr := New(Config{Model: m, Loss: mustLoss(t, "mse"), Optimizer: optim.NewSGD(nn.Params(m), optim.SGDOptions{LR: 0.1}),
		Data: ds, BatchSize: 2, ClipNorm: 1})
	r := tr.Step()
	// Gradient (-10.5, -6.5) from TestStepMatchesHandComputation.
	if want := math.Hypot(10.5, 6.5); !near(r.GradNorm, want, 1e-5) {
		t.Errorf("grad norm %v, want %v", r.GradNorm, want)
	}
	p := m.Parameters()
	dw, db := p[0].Tensor.Item64()-0.5, p[1].Tensor.Item64()
	if step := math.Hypot(dw, db); !near(step, 0.1, 1e-4) {
		t.Errorf("clipped step has length %v, want lr·1 = 0.1", step)
	}
}
