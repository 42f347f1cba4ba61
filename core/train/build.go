package train

import (
	"fmt"
	"slices"

	"github.com/gograd/gograd/core/data"
	"github.com/gograd/gograd/core/nn"
)

// Load validates the recipe and returns its training and test sets; dir
// locates image files (see DataSpec.Load).
func (r Recipe) Load(dir string) (trainSet, testSet data.Dataset, err error) {
	if err := r.Validate(); err != nil {
		return nil, nil, err
	}
	return r.Data.Load(dir, r.Model.Input, r.Seed)
}

// NewTrainer validates the recipe, builds its network from the seed and
// returns a Trainer over trainSet (usually from Load, or a subset of it).
func (r Recipe) NewTrainer(trainSet data.Dataset) (*Trainer, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	if trainSet.Len() == 0 {
		return nil, fmt.Errorf("%w: the training set is empty", ErrRecipe)
	}
	if got := trainSet.SampleShape(); !slices.Equal(got, r.Model.Input) {
		return nil, fieldErr("model.input", "%v does not match the training samples, of shape %v", r.Model.Input, got)
	}
	if got, want := len(trainSet.TargetShape()) == 0, r.Data.NumClasses() > 0; got != want {
		return nil, fieldErr("data", "the training set's targets (shape %v) do not fit data set %q", trainSet.TargetShape(), r.Data.Name)
	}
	if r.DropLast && trainSet.Len() < r.BatchSize {
		return nil, fieldErr("drop_last", "the %d training samples make no full batch of %d", trainSet.Len(), r.BatchSize)
	}
	model, err := r.Built().Build(r.Seed)
	if err != nil {
		return nil, fieldErr("model", "%v", err)
	}
	loss, _ := NewLoss(r.Loss)
	opt := r.Optimizer.build(nn.Params(model))
	cfg := Config{Model: model, Loss: loss, Optimizer: opt, Data: trainSet, BatchSize: r.BatchSize,
		Shuffle: !r.NoShuffle, DropLast: r.DropLast, Seed: r.Seed, ClipNorm: r.ClipNorm}
	if r.Scheduler != nil {
		runSteps := r.Epochs
		if !r.Scheduler.PerEpoch {
			runSteps *= r.itersPerEpoch(trainSet.Len())
		}
		cfg.Scheduler, cfg.SchedulePerEpoch = r.Scheduler.build(opt, runSteps), r.Scheduler.PerEpoch
	}
	return New(cfg), nil
}

// itersPerEpoch is the number of batches n samples make: ceil(n / batch),
// or floor with DropLast, as the DataLoader counts them.
func (r Recipe) itersPerEpoch(n int) int {
	if r.DropLast {
		return n / r.BatchSize
	}
	return (n + r.BatchSize - 1) / r.BatchSize
}
