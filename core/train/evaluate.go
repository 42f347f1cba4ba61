package train

import (
	"iter"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/data"
	"github.com/gograd/gograd/core/nn"
)

// Evaluator scores a network on a data set in inference mode (Dropout off,
// BatchNorm on its running statistics) and without recording a graph. Its
// methods leave the model in inference mode.
type Evaluator struct {
	Model nn.Module
	Loss  Loss
	// Backend holds the batches; nil means core.DefaultBackend().
	Backend core.Backend
}

// Evaluate returns the loss and accuracy of the model on ds, in batches of
// the given size. The loss is the sample-weighted mean of the batch losses
// (their sum for summed losses), the accuracy 0 for regression.
func (e Evaluator) Evaluate(ds data.Dataset, batch int) (loss, accuracy float64) {
	correct, n := 0, 0
	classify := len(ds.TargetShape()) == 0
	e.inference(func() {
		for b := range e.batches(ds, batch) {
			out := e.Model.Forward(b.X)
			l := e.Loss.Compute(out, b.Y).Item64()
			if e.Loss.Summed {
				loss += l
			} else {
				loss += l * float64(b.Size())
			}
			if classify {
				correct += e.Loss.correct(out, b.Y)
			}
			n += b.Size()
		}
	})
	if n == 0 {
		return 0, 0
	}
	if !e.Loss.Summed {
		loss /= float64(n)
	}
	return loss, float64(correct) / float64(n)
}

// Predict returns the model's outputs for a batch x.
func (e Evaluator) Predict(x *core.Tensor) *core.Tensor {
	var out *core.Tensor
	e.inference(func() { out = e.Model.Forward(x) })
	return out
}

// ConfusionMatrix classifies every sample of ds and counts m[truth][pred]
// over the given number of classes.
func (e Evaluator) ConfusionMatrix(ds data.Dataset, batch, classes int) [][]int {
	m := make([][]int, classes)
	for i := range m {
		m[i] = make([]int, classes)
	}
	e.inference(func() {
		for b := range e.batches(ds, batch) {
			pred := e.Loss.Classes(e.Model.Forward(b.X))
			for i, y := range b.Y.Data() {
				if c := int(y); c >= 0 && c < classes && pred[i] >= 0 && pred[i] < classes {
					m[c][pred[i]]++
				}
			}
		}
	})
	return m
}

func (e Evaluator) batches(ds data.Dataset, batch int) iter.Seq[data.Batch] {
	return data.NewDataLoader(ds, batch, data.LoaderOptions{Backend: e.Backend}).Batches()
}

func (e Evaluator) inference(f func()) {
	e.Model.SetTraining(false)
	core.NoGrad(f)
}
