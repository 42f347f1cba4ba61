package nn

import "github.com/gograd/gograd/core"

// BatchNorm normalises each feature (BatchNorm1d, on N×F inputs) or each
// channel (BatchNorm2d, on N×C×H×W inputs) over the batch, then scales and
// shifts it by learned Weight (γ) and Bias (β). In training it uses the
// batch's statistics and updates running estimates with Momentum; in
// inference it uses the running estimates.
type BatchNorm struct {
	leaf
	Weight, Bias            *core.Tensor // [F]
	RunningMean, RunningVar *core.Tensor // [F]
	Eps, Momentum           float64
	spatial                 bool // BatchNorm2d
}

// NewBatchNorm1d normalises each of features inputs over the batch.
func NewBatchNorm1d(features int) *BatchNorm { return newBatchNorm(features, false) }

// NewBatchNorm2d normalises each of channels over the batch and the image.
func NewBatchNorm2d(channels int) *BatchNorm { return newBatchNorm(channels, true) }

func newBatchNorm(n int, spatial bool) *BatchNorm {
	return &BatchNorm{
		leaf:        leaf{training: true},
		Weight:      core.Ones(n).SetRequiresGrad(true),
		Bias:        core.Zeros(n).SetRequiresGrad(true),
		RunningMean: core.Zeros(n),
		RunningVar:  core.Ones(n),
		Eps:         1e-5, Momentum: 0.1, spatial: spatial,
	}
}

// Forward implements Module.
func (b *BatchNorm) Forward(x *core.Tensor) *core.Tensor {
	n := b.Weight.Numel()
	want := 2
	if b.spatial {
		want = 4
	}
	if x.Dim() != want || x.Size(1) != n {
		panic(&core.OpError{Op: "BatchNorm", Err: core.ErrShape, Detail: "input must be N×F (1d) or N×C×H×W (2d) with F or C matching the layer", Shapes: [][]int{x.Shape(), {n}}})
	}
	// Statistics per feature: reduce every dimension but 1, keeping them.
	axes := []int{0}
	bshape := []int{1, n}
	if b.spatial {
		axes = []int{0, 2, 3}
		bshape = []int{1, n, 1, 1}
	}
	var mean, variance *core.Tensor
	if b.training {
		mean = meanOver(x, axes)
		centered := x.Sub(mean)
		variance = meanOver(centered.Mul(centered), axes)
		count := float64(x.Numel() / n)
		core.NoGrad(func() {
			m := b.Momentum
			b.RunningMean.Assign(b.RunningMean.MulScalar(1 - m).Add(mean.Reshape(n).MulScalar(m)))
			// The running variance is the unbiased estimate, as in PyTorch.
			unbiased := variance.Reshape(n).MulScalar(count / max(count-1, 1))
			b.RunningVar.Assign(b.RunningVar.MulScalar(1 - m).Add(unbiased.MulScalar(m)))
		})
		return centered.Div(variance.AddScalar(b.Eps).Sqrt()).Mul(b.Weight.Reshape(bshape...)).Add(b.Bias.Reshape(bshape...))
	}
	mean, variance = b.RunningMean.Reshape(bshape...), b.RunningVar.Reshape(bshape...)
	return x.Sub(mean).Div(variance.AddScalar(b.Eps).Sqrt()).Mul(b.Weight.Reshape(bshape...)).Add(b.Bias.Reshape(bshape...))
}

func meanOver(x *core.Tensor, axes []int) *core.Tensor {
	for _, a := range axes {
		x = x.MeanDim(a, true)
	}
	return x
}

// Parameters implements Module.
func (b *BatchNorm) Parameters() []Named { return weightAndBias(b.Weight, b.Bias) }

// Buffers implements Module.
func (b *BatchNorm) Buffers() []Named {
	return []Named{{"running_mean", b.RunningMean}, {"running_var", b.RunningVar}}
}
