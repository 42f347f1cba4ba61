package train

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/gograd/gograd/core/nn"
)

// Recipe describes a whole training run as data, so it can be saved,
// shared in a URL, edited in the playground and run by cmd/train.
type Recipe struct {
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	Data        DataSpec `json:"data"`
	Model       nn.Spec  `json:"model"`
	// Init is the weight initialisation (one of nn.InitNames) of every
	// linear and conv2d layer that does not name its own; "" keeps
	// PyTorch's default.
	Init      string         `json:"init,omitempty"`
	Loss      string         `json:"loss"`
	Optimizer OptimizerSpec  `json:"optimizer"`
	Scheduler *SchedulerSpec `json:"scheduler,omitempty"`
	BatchSize int            `json:"batch_size"`
	Epochs    int            `json:"epochs"`
	Seed      uint64         `json:"seed"`
	// ClipNorm > 0 caps the gradient norm before each step.
	ClipNorm float64 `json:"clip_norm,omitempty"`
	// NoShuffle keeps the training set in order (it is shuffled by default).
	NoShuffle bool `json:"no_shuffle,omitempty"`
	DropLast  bool `json:"drop_last,omitempty"`
}

// ErrRecipe is wrapped by every error about an invalid Recipe.
var ErrRecipe = errors.New("invalid training recipe")

// FieldError names the field of a Recipe that is wrong and why.
type FieldError struct {
	Field  string // JSON path, e.g. "optimizer.lr"
	Reason string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Reason }

// Unwrap makes errors.Is(err, ErrRecipe) hold.
func (e *FieldError) Unwrap() error { return ErrRecipe }

func fieldErr(field, format string, args ...any) error {
	return &FieldError{Field: field, Reason: fmt.Sprintf(format, args...)}
}

// ParseRecipe decodes a JSON recipe, rejecting unknown fields, and
// validates it.
func ParseRecipe(b []byte) (Recipe, error) {
	var r Recipe
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return Recipe{}, fmt.Errorf("%w: %v", ErrRecipe, err)
	}
	return r, r.Validate()
}

// Limits that keep a recipe from a URL or file to a runnable size.
const (
	MaxEpochs    = 1_000_000
	MaxBatchSize = 1 << 16
)

// Validate reports the first problem in the recipe as a *FieldError, or
// nil.
func (r Recipe) Validate() error {
	if err := r.Data.validate(); err != nil {
		return err
	}
	if err := r.Model.Validate(); err != nil {
		return &FieldError{Field: "model", Reason: err.Error()}
	}
	if r.Data.IsImages() && !slices.Equal(r.Model.Input, []int{784}) && !slices.Equal(r.Model.Input, []int{1, 28, 28}) {
		return fieldErr("model.input", "%v does not fit 28×28 images: use [784] or [1, 28, 28]", r.Model.Input)
	}
	if want := r.Data.inputShape(); want != nil && !slices.Equal(want, r.Model.Input) {
		return fieldErr("model.input", "%v does not fit data set %q, whose samples have shape %v", r.Model.Input, r.Data.Name, want)
	}
	if r.Init != "" && !slices.Contains(nn.InitNames, r.Init) {
		return fieldErr("init", "unknown initialisation %q (want one of %v)", r.Init, nn.InitNames)
	}
	if _, err := NewLoss(r.Loss); err != nil {
		return fieldErr("loss", "%v", err)
	}
	if err := r.checkLossFits(); err != nil {
		return err
	}
	if err := r.Optimizer.validate(); err != nil {
		return err
	}
	if r.Scheduler != nil {
		if err := r.Scheduler.validate(); err != nil {
			return err
		}
	}
	switch {
	case r.BatchSize < 1 || r.BatchSize > MaxBatchSize:
		return fieldErr("batch_size", "must be 1..%d, got %d", MaxBatchSize, r.BatchSize)
	case r.Epochs < 1 || r.Epochs > MaxEpochs:
		return fieldErr("epochs", "must be 1..%d, got %d", MaxEpochs, r.Epochs)
	case r.ClipNorm < 0:
		return fieldErr("clip_norm", "must not be negative, got %g", r.ClipNorm)
	}
	return nil
}

// checkLossFits checks that the network's output suits the loss and the
// data set's targets.
func (r Recipe) checkLossFits() error {
	infos, _ := r.Model.Shapes() // validated already
	out := infos[len(infos)-1].Out
	classes := r.Data.NumClasses()
	if len(out) != 1 {
		return fieldErr("model", "the last layer gives samples of shape %v; the loss needs a flat output", out)
	}
	switch {
	case classes == 0 && (r.Loss == "cross_entropy" || r.Loss == "nll"):
		return fieldErr("loss", "%s needs class labels, but %q is a regression set", r.Loss, r.Data.Name)
	case classes == 0 && out[0] != 1:
		return fieldErr("model", "regression set %q needs 1 output, the network gives %d", r.Data.Name, out[0])
	case classes > 0 && out[0] != classes && !(classes == 2 && out[0] == 1 && r.Loss != "cross_entropy" && r.Loss != "nll"):
		return fieldErr("model", "data set %q has %d classes, the network gives %d outputs", r.Data.Name, classes, out[0])
	}
	return nil
}

// Built returns the network spec with the recipe's Init applied to every
// linear and conv2d layer that names none.
func (r Recipe) Built() nn.Spec {
	s := nn.Spec{Input: slices.Clone(r.Model.Input), Layers: slices.Clone(r.Model.Layers)}
	for i, l := range s.Layers {
		if l.Init == "" && (l.Type == "linear" || l.Type == "conv2d") {
			s.Layers[i].Init = r.Init
		}
	}
	return s
}

// JSON encodes the recipe, indented.
func (r Recipe) JSON() ([]byte, error) { return json.MarshalIndent(r, "", "  ") }
