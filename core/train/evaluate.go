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

// Scores are what one pass of a model over a data set measured.
type Scores struct {
	Loss, Accuracy float64 // Accuracy is 0 for regression
	Confusion      [][]int // Confusion[truth][pred]; nil unless asked for
}

// Score runs the model over ds once, in batches of the given size, and
// returns the loss (the sample-weighted mean of the batch losses, their sum
// for summed losses), the accuracy and, with classes > 0, the confusion
// matrix over that many classes.
func (e Evaluator) Score(ds data.Dataset, batch, classes int) Scores {
	var s Scores
	correct, n := 0, 0
	classify := len(ds.TargetShape()) == 0
	if classes > 0 {
		s.Confusion = make([][]int, classes)
		for i := range s.Confusion {
			s.Confusion[i] = make([]int, classes)
		}
	}
	e.inference(func() {
		for b := range e.batches(ds, batch) {
			out := e.Model.Forward(b.X)
			l := e.Loss.Compute(out, b.Y).Item64()
			if e.Loss.Summed {
				s.Loss += l
			} else {
				s.Loss += l * float64(b.Size())
			}
			if classify {
				correct += e.Loss.correct(out, b.Y)
			}
			if classes > 0 {
				pred := e.Loss.Classes(out)
				for i, y := range b.Y.Data() {
					if c := int(y); c >= 0 && c < classes && pred[i] >= 0 && pred[i] < classes {
						s.Confusion[c][pred[i]]++
					}
				}
			}
			n += b.Size()
		}
	})
	if n == 0 {
		return s
	}
	if !e.Loss.Summed {
		s.Loss /= float64(n)
	}
	s.Accuracy = float64(correct) / float64(n)
	return s
}

// Evaluate returns the loss and accuracy of Score.
func (e Evaluator) Evaluate(ds data.Dataset, batch int) (loss, accuracy float64) {
	s := e.Score(ds, batch, 0)
	return s.Loss, s.Accuracy
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
	return e.Score(ds, batch, classes).Confusion
}

func (e Evaluator) batches(ds data.Dataset, batch int) iter.Seq[data.Batch] {
	return data.NewDataLoader(ds, batch, data.LoaderOptions{Backend: e.Backend}).Batches()
}

func (e Evaluator) inference(f func()) {
	e.Model.SetTraining(false)
	core.NoGrad(f)
}
