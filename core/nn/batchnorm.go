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
	return core.BatchNorm(x, b.RunningMean, b.RunningVar, b.Weight, b.Bias, b.training, b.Momentum, b.Eps)
}

// Parameters implements Module.
func (b *BatchNorm) Parameters() []Named { return weightAndBias(b.Weight, b.Bias) }

// Buffers implements Module.
func (b *BatchNorm) Buffers() []Named {
	return []Named{{"running_mean", b.RunningMean}, {"running_var", b.RunningVar}}
}
