package train

import (
	"fmt"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/data"
	"github.com/gograd/gograd/core/nn"
	"github.com/gograd/gograd/core/optim"
)

// Config is everything a Trainer needs. Model, Optimizer, Data and a
// BatchSize of at least 1 are required.
type Config struct {
	Model     nn.Module
	Loss      Loss
	Optimizer optim.Optimizer
	// Scheduler, if not nil, is stepped after every optimizer step, or
	// after the last step of every epoch when SchedulePerEpoch is set.
	Scheduler        optim.Scheduler
	SchedulePerEpoch bool
	// ClipNorm > 0 caps the joint gradient norm before each optimizer step.
	ClipNorm float64
	// Data is the training set; batches are drawn from it in an order that
	// depends only on Seed and the epoch when Shuffle is set.
	Data      data.Dataset
	BatchSize int
	Shuffle   bool
	DropLast  bool
	Seed      uint64
	// Backend holds the batches; nil means core.DefaultBackend().
	Backend core.Backend
	// HistoryLimit bounds the step results kept for plotting (default
	// DefaultHistoryLimit).
	HistoryLimit int
}

// StepResult is what one optimization step reports.
type StepResult struct {
	Epoch     int     `json:"epoch"`     // 1-based epoch the step belongs to
	Iteration int     `json:"iteration"` // 1-based iteration within the epoch
	Step      int     `json:"step"`      // 1-based count of all steps so far
	Loss      float64 `json:"loss"`      // the batch's loss
	// Accuracy is the fraction of the batch classified correctly; it is 0
	// for regression (see Trainer.Classifies).
	Accuracy float64 `json:"accuracy"`
	// LR is the learning rate this step used.
	LR float64 `json:"lr"`
	// GradNorm is the gradient norm before clipping, when ClipNorm is set.
	GradNorm float64 `json:"grad_norm,omitempty"`
	// EpochEnd is true on the last iteration of an epoch.
	EpochEnd bool `json:"epoch_end,omitempty"`
}

// EpochStats are the sample-weighted means of the batch losses and
// accuracies over one epoch of training.
type EpochStats struct {
	Epoch    int     `json:"epoch"`
	Loss     float64 `json:"loss"`
	Accuracy float64 `json:"accuracy"`
}

// Trainer runs a training loop one step at a time:
//
//	for t.Epoch() < epochs { r := t.Step(); ... }
//
// A UI calls Step once per frame and reads History to plot.
type Trainer struct {
	cfg      Config
	loader   *data.DataLoader
	params   []*core.Tensor
	classify bool
	step     int

	history *History
	epochs  []EpochStats
	// Running sums over the current epoch.
	lossSum float64
	correct int
	seen    int
}

// New returns a Trainer for cfg. Missing required fields or an empty
// dataset are programmer errors and panic; Recipe.NewTrainer validates
// user input before calling it.
func New(cfg Config) *Trainer {
	switch {
	case cfg.Model == nil || cfg.Optimizer == nil || cfg.Data == nil || cfg.Loss.fn == nil:
		panic("train.New: Model, Loss, Optimizer and Data are required")
	case cfg.BatchSize < 1:
		panic(fmt.Sprintf("train.New: batch size %d, want at least 1", cfg.BatchSize))
	case cfg.Data.Len() == 0:
		panic("train.New: empty training set")
	case cfg.DropLast && cfg.Data.Len() < cfg.BatchSize:
		panic(fmt.Sprintf("train.New: DropLast with %d samples and batch size %d leaves no batches", cfg.Data.Len(), cfg.BatchSize))
	}
	t := &Trainer{
		cfg: cfg,
		loader: data.NewDataLoader(cfg.Data, cfg.BatchSize, data.LoaderOptions{
			Shuffle: cfg.Shuffle, Seed: cfg.Seed, DropLast: cfg.DropLast, Backend: cfg.Backend}),
		params:   nn.Params(cfg.Model),
		classify: len(cfg.Data.TargetShape()) == 0,
		history:  NewHistory(cfg.HistoryLimit),
	}
	cfg.Model.SetTraining(true)
	return t
}

// Model returns the network being trained.
func (t *Trainer) Model() nn.Module { return t.cfg.Model }

// Optimizer returns the optimizer.
func (t *Trainer) Optimizer() optim.Optimizer { return t.cfg.Optimizer }

// Loss returns the loss function.
func (t *Trainer) Loss() Loss { return t.cfg.Loss }

// Classifies reports whether the training targets are class indices, so
// that accuracies mean something.
func (t *Trainer) Classifies() bool { return t.classify }

// ItersPerEpoch is the number of steps in one epoch: ceil(N / batch), or
// floor with DropLast.
func (t *Trainer) ItersPerEpoch() int { return t.loader.Len() }

// Steps is the number of steps taken so far.
func (t *Trainer) Steps() int { return t.step }

// Epoch is the number of epochs completed.
func (t *Trainer) Epoch() int { return t.step / t.loader.Len() }

// History returns the kept step results, for plotting.
func (t *Trainer) History() *History { return t.history }

// EpochStats returns the training statistics of every completed epoch.
func (t *Trainer) EpochStats() []EpochStats { return append([]EpochStats(nil), t.epochs...) }

// Step takes one optimization step on the next mini-batch: ZeroGrad,
// forward, loss, Backward, optional gradient clipping, optimizer step and
// scheduler step.
func (t *Trainer) Step() StepResult {
	b, ok := t.loader.Next()
	if !ok { // the previous step ended an epoch; the loader moved on
		b, _ = t.loader.Next()
	}
	t.step++
	n := t.loader.Len()
	r := StepResult{Step: t.step, Epoch: (t.step-1)/n + 1, Iteration: (t.step-1)%n + 1, LR: t.cfg.Optimizer.LR()}
	r.EpochEnd = r.Iteration == n

	t.cfg.Optimizer.ZeroGrad()
	out := t.cfg.Model.Forward(b.X)
	loss := t.cfg.Loss.Compute(out, b.Y)
	loss.Backward()
	if t.cfg.ClipNorm > 0 {
		r.GradNorm = optim.ClipGradNorm(t.params, t.cfg.ClipNorm)
	}
	t.cfg.Optimizer.Step()
	if s := t.cfg.Scheduler; s != nil && (!t.cfg.SchedulePerEpoch || r.EpochEnd) {
		s.Step()
	}

	r.Loss = loss.Item64()
	size := b.Size()
	if t.classify {
		c := t.cfg.Loss.correct(out, b.Y)
		r.Accuracy = float64(c) / float64(size)
		t.correct += c
	}
	if t.cfg.Loss.Summed {
		t.lossSum += r.Loss
	} else {
		t.lossSum += r.Loss * float64(size)
	}
	t.seen += size
	if r.EpochEnd {
		t.epochs = append(t.epochs, t.epochStats(r.Epoch))
		t.lossSum, t.correct, t.seen = 0, 0, 0
	}
	t.history.Add(r)
	return r
}

// epochStats closes the running sums of the current epoch.
func (t *Trainer) epochStats(epoch int) EpochStats {
	s := EpochStats{Epoch: epoch, Loss: t.lossSum}
	if !t.cfg.Loss.Summed {
		s.Loss /= float64(t.seen)
	}
	if t.classify {
		s.Accuracy = float64(t.correct) / float64(t.seen)
	}
	return s
}

// Evaluate returns the loss and accuracy of the model on ds, in batches of
// the given size, as Evaluator.Evaluate does. The model is back in training
// mode after.
func (t *Trainer) Evaluate(ds data.Dataset, batch int) (loss, accuracy float64) {
	defer t.cfg.Model.SetTraining(true)
	return t.Evaluator().Evaluate(ds, batch)
}

// Score measures the model on ds in one pass, as Evaluator.Score does; the
// model is back in training mode after.
func (t *Trainer) Score(ds data.Dataset, batch, classes int) Scores {
	defer t.cfg.Model.SetTraining(true)
	return t.Evaluator().Score(ds, batch, classes)
}

// Predict returns the model's outputs for a batch x in inference mode,
// without a graph; the model is back in training mode after.
func (t *Trainer) Predict(x *core.Tensor) *core.Tensor {
	defer t.cfg.Model.SetTraining(true)
	return t.Evaluator().Predict(x)
}

// ConfusionMatrix classifies every sample of ds and counts m[truth][pred]
// over the given number of classes; the model is back in training mode
// after.
func (t *Trainer) ConfusionMatrix(ds data.Dataset, batch, classes int) [][]int {
	defer t.cfg.Model.SetTraining(true)
	return t.Evaluator().ConfusionMatrix(ds, batch, classes)
}

// Evaluator scores the model being trained. Its methods leave the model in
// inference mode; the Trainer's own Evaluate, Predict and ConfusionMatrix
// switch it back.
func (t *Trainer) Evaluator() Evaluator {
	return Evaluator{Model: t.cfg.Model, Loss: t.cfg.Loss, Backend: t.cfg.Backend}
}
