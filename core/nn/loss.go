package nn

import (
	"github.com/gograd/gograd/core"
	"slices"
)

// Reduction says how a loss turns per-element losses into one number.
type Reduction int

const (
	// Mean averages over elements (PyTorch's default).
	Mean Reduction = iota
	// Sum adds them up.
	Sum
	// HalfSum is ½·Σ, the form the course uses for the squared error, whose
	// derivative is simply (y - t).
	HalfSum
)

func reduce(l *core.Tensor, r Reduction) *core.Tensor {
	switch r {
	case Sum:
		return l.Sum()
	case HalfSum:
		return l.Sum().MulScalar(0.5)
	default:
		return l.Mean()
	}
}

func checkSameShape(op string, pred, target *core.Tensor) {
	if !slices.Equal(pred.Shape(), target.Shape()) {
		panic(&core.OpError{Op: op, Err: core.ErrShape, Detail: "prediction and target shapes differ", Shapes: [][]int{pred.Shape(), target.Shape()}})
	}
}

// MSELoss is the squared error (pred - target)².
type MSELoss struct{ Reduction Reduction }

// Loss returns the reduced squared error.
func (m MSELoss) Loss(pred, target *core.Tensor) *core.Tensor {
	checkSameShape("MSELoss", pred, target)
	d := pred.Sub(target)
	return reduce(d.Mul(d), m.Reduction)
}

// BCELoss is the binary cross-entropy of probabilities pred against
// targets in [0, 1]. Like PyTorch it clamps each log at -100, so a
// confident mistake gives a large but finite loss, and it has its own
// gradient, (p - t) / max(p(1 - p), 1e-12), which stays finite at p = 0
// and p = 1 where the chain rule through log p would divide 0 by 0.
type BCELoss struct{ Reduction Reduction }

// Loss returns -[t·log p + (1-t)·log(1-p)], reduced.
func (b BCELoss) Loss(pred, target *core.Tensor) *core.Tensor {
	checkSameShape("BCELoss", pred, target)
	var logP, logQ, l *core.Tensor
	core.NoGrad(func() {
		logP = pred.Log().Clamp(-100, 0)
		logQ = pred.RSubScalar(1).Log().Clamp(-100, 0)
		l = target.Mul(logP).Add(target.RSubScalar(1).Mul(logQ)).Neg()
	})
	l = core.Function("BCELoss", l, func(g *core.Tensor) []*core.Tensor {
		var dp, dt *core.Tensor
		if pred.RequiresGrad() {
			// p(1-p) ≤ ¼, so clamping at 1 only applies the lower bound.
			dp = g.Mul(pred.Sub(target)).Div(pred.Mul(pred.RSubScalar(1)).Clamp(1e-12, 1))
		}
		if target.RequiresGrad() {
			dt = g.Mul(logQ.Sub(logP))
		}
		return []*core.Tensor{dp, dt}
	}, pred, target)
	return reduce(l, b.Reduction)
}

// BCEWithLogitsLoss is BCELoss applied to sigmoid(logits), computed without
// overflow as max(x,0) - x·t + log(1 + e^-|x|).
type BCEWithLogitsLoss struct{ Reduction Reduction }

// Loss returns the reduced binary cross-entropy of sigmoid(logits).
func (b BCEWithLogitsLoss) Loss(logits, target *core.Tensor) *core.Tensor {
	checkSameShape("BCEWithLogitsLoss", logits, target)
	softplus := logits.Abs().Neg().Exp().AddScalar(1).Log()
	l := logits.ReLU().Sub(logits.Mul(target)).Add(softplus)
	return reduce(l, b.Reduction)
}

// CrossEntropyLoss takes raw scores [N, C] and class indices [N]; it is
// LogSoftmax followed by NLLLoss. With LabelSmoothing ε the target puts
// 1-ε on the true class and spreads ε evenly over all classes.
type CrossEntropyLoss struct {
	Reduction      Reduction
	LabelSmoothing float64
}

// Loss returns the reduced cross-entropy.
func (c CrossEntropyLoss) Loss(logits, target *core.Tensor) *core.Tensor {
	logp := logits.LogSoftmax(1)
	nll := NLLLoss{Reduction: c.Reduction}.Loss(logp, target)
	if c.LabelSmoothing == 0 {
		return nll
	}
	uniform := reduce(logp.MeanDim(1, false).Neg(), c.Reduction)
	return nll.MulScalar(1 - c.LabelSmoothing).Add(uniform.MulScalar(c.LabelSmoothing))
}

// NLLLoss takes log-probabilities [N, C] and class indices [N] and returns
// the negative log-probability of each true class, reduced.
type NLLLoss struct{ Reduction Reduction }

// Loss returns the reduced negative log-likelihood.
func (n NLLLoss) Loss(logp, target *core.Tensor) *core.Tensor {
	if logp.Dim() != 2 || target.Dim() != 1 || target.Size(0) != logp.Size(0) {
		panic(&core.OpError{Op: "NLLLoss", Err: core.ErrShape, Detail: "want scores [N, C] and class indices [N]", Shapes: [][]int{logp.Shape(), target.Shape()}})
	}
	picked := logp.Gather(1, target.Reshape(-1, 1))
	return reduce(picked.Neg(), n.Reduction)
}

// HuberLoss is quadratic for errors below Delta and linear above:
// ½d² if |d| < δ, else δ(|d| - ½δ).
type HuberLoss struct {
	Reduction Reduction
	Delta     float64
}

// Loss returns the reduced Huber loss.
func (h HuberLoss) Loss(pred, target *core.Tensor) *core.Tensor {
	checkSameShape("HuberLoss", pred, target)
	delta := h.Delta
	if delta == 0 {
		delta = 1
	}
	a := pred.Sub(target).Abs()
	// With q = min(|d|, δ): ½q² + δ(|d| - q) covers both branches.
	q := a.Clamp(0, delta)
	l := q.Mul(q).MulScalar(0.5).Add(a.Sub(q).MulScalar(delta))
	return reduce(l, h.Reduction)
}

// OneHot turns class indices [N] into rows [N, classes] with a single 1.
// It panics on an index outside [0, classes).
func OneHot(labels *core.Tensor, classes int) *core.Tensor {
	idx := labels.Data()
	out := make([]float32, len(idx)*classes)
	for i, v := range idx {
		c := int(v)
		if float32(c) != v || c < 0 || c >= classes {
			panic(&core.OpError{Op: "OneHot", Err: core.ErrIndex, Detail: "label outside the classes"})
		}
		out[i*classes+c] = 1
	}
	return core.FromSliceOn(labels.Backend(), out, len(idx), classes)
}
