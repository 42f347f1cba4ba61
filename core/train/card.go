package train

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/gograd/gograd/core/nn"
)

// ModelCard describes saved weights: the network, how it was trained, how
// well it did on the test set and how fast it trained. cmd/train writes one
// beside every weights file; the pretrained models in static/models are
// such pairs.
type ModelCard struct {
	Recipe       string  `json:"recipe"`
	Description  string  `json:"description,omitempty"`
	Spec         nn.Spec `json:"spec"`
	Seed         uint64  `json:"seed"`
	Epochs       int     `json:"epochs"`
	TrainSamples int     `json:"train_samples"`
	TestSamples  int     `json:"test_samples"`
	// TestLoss is null when training diverged (NaN or infinite loss).
	TestLoss *float64 `json:"test_loss"`
	// TestAccuracy is absent for regression.
	TestAccuracy *float64 `json:"test_accuracy,omitempty"`
	Params       int      `json:"params"`
	Date         string   `json:"date"`
	// TrainSeconds is the wall time of the whole run, test evaluations
	// after each epoch included.
	TrainSeconds float64 `json:"train_seconds"`
	// SecondsPerEpoch and StepsPerSecond count the training steps only.
	SecondsPerEpoch float64 `json:"seconds_per_epoch,omitempty"`
	StepsPerSecond  float64 `json:"steps_per_second,omitempty"`
	// Weights is the safetensors file's name, in the card's directory.
	Weights  string `json:"weights"`
	Training Recipe `json:"training"`
}

// ErrModelCard is wrapped by every error about a model card that cannot be
// used.
var ErrModelCard = errors.New("invalid model card")

// ParseModelCard decodes a model card and checks that its network and
// recipe are valid and agree, and that its weights file is a plain name.
// Unknown fields are ignored, so older readers accept newer cards.
func ParseModelCard(b []byte) (ModelCard, error) {
	var c ModelCard
	if err := json.Unmarshal(b, &c); err != nil {
		return ModelCard{}, fmt.Errorf("%w: %v", ErrModelCard, err)
	}
	if err := c.Spec.Validate(); err != nil {
		return ModelCard{}, fmt.Errorf("%w: spec: %v", ErrModelCard, err)
	}
	if err := c.Training.Validate(); err != nil {
		return ModelCard{}, fmt.Errorf("%w: training: %v", ErrModelCard, err)
	}
	if !slices.Equal(c.Spec.Input, c.Training.Model.Input) {
		return ModelCard{}, fmt.Errorf("%w: spec input %v differs from the training recipe's %v", ErrModelCard, c.Spec.Input, c.Training.Model.Input)
	}
	if c.Weights == "" || strings.ContainsAny(c.Weights, `/\`) || c.Weights == ".." {
		return ModelCard{}, fmt.Errorf("%w: weights %q must be a file name in the card's directory", ErrModelCard, c.Weights)
	}
	return c, nil
}

// LoadModel builds the card's network and reads its weights from r (the
// safetensors file the card names), ready for inference.
func (c ModelCard) LoadModel(r io.Reader) (*nn.Sequential, error) {
	m, err := c.Spec.Build(c.Seed)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrModelCard, err)
	}
	if _, err := nn.LoadWeights(r, m); err != nil {
		return nil, fmt.Errorf("%s: %w", c.Weights, err)
	}
	nn.Eval(m)
	return m, nil
}

// Evaluator scores model, loaded with LoadModel, with the card's loss.
func (c ModelCard) Evaluator(model nn.Module) Evaluator {
	loss, _ := NewLoss(c.Training.Loss) // validated by ParseModelCard
	return Evaluator{Model: model, Loss: loss}
}
