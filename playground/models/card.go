package models

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"

	"github.com/gograd/gograd/core/nn"
)

// ErrCard is wrapped by every error about a card or an index that cannot
// be used.
var ErrCard = errors.New("bad model card")

// Card is what the playground reads from a model card; cmd/train writes
// more (dates, training time), which is ignored here.
type Card struct {
	Description  string   `json:"description"`
	TestAccuracy *float64 `json:"test_accuracy"`
	// Spec is the network; Weights the safetensors file next to the card.
	Spec    nn.Spec `json:"-"`
	Weights string  `json:"weights"`
	// Normalize says the network was trained on standardised pixels,
	// (p - 0.1307) / 0.3081, rather than on pixels in [0, 1].
	Normalize bool `json:"-"`
}

// weightsName is a plain file name next to the card: no directories, so a
// card cannot make the page fetch from elsewhere.
var weightsName = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,64}\.safetensors$`)

// ParseCard reads a card and checks that its network classifies one
// MNIST digit: input [784] or [1, 28, 28], ten outputs, trained on MNIST.
func ParseCard(b []byte) (*Card, error) {
	var raw struct {
		Card
		Spec     json.RawMessage `json:"spec"`
		Training struct {
			Data struct {
				Name      string `json:"name"`
				Normalize bool   `json:"normalize"`
			} `json:"data"`
		} `json:"training"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCard, err)
	}
	c := raw.Card
	if len(raw.Spec) == 0 {
		return nil, fmt.Errorf("%w: no \"spec\"", ErrCard)
	}
	spec, err := nn.ParseSpec(raw.Spec)
	if err != nil {
		return nil, fmt.Errorf("%w: spec: %w", ErrCard, err)
	}
	c.Spec = spec
	if !weightsName.MatchString(c.Weights) || c.Weights[0] == '.' {
		return nil, fmt.Errorf("%w: \"weights\" must name a .safetensors file beside the card, got %q", ErrCard, c.Weights)
	}
	if d := raw.Training.Data.Name; d != "mnist" {
		return nil, fmt.Errorf("%w: trained on %q, not on MNIST digits", ErrCard, d)
	}
	c.Normalize = raw.Training.Data.Normalize
	in := spec.Input
	if !(len(in) == 1 && in[0] == 784) && !(len(in) == 3 && in[0] == 1 && in[1] == 28 && in[2] == 28) {
		return nil, fmt.Errorf("%w: input shape %v; a digit model takes [784] or [1, 28, 28]", ErrCard, in)
	}
	infos, _ := spec.Shapes() // ParseSpec validated the spec
	if out := infos[len(infos)-1].Out; len(out) != 1 || out[0] != 10 {
		return nil, fmt.Errorf("%w: output shape %v; a digit model gives 10 class scores", ErrCard, out)
	}
	return &c, nil
}

// modelName is a card's name in the index and in URLs: NAME.json.
var modelName = regexp.MustCompile(`^[a-z0-9_-]{1,32}$`)

// ParseIndex reads models/index.json, {"models": ["mlp", ...]}: the card
// names the page offers, in the order of its dropdown.
func ParseIndex(b []byte) ([]string, error) {
	var idx struct {
		Models []string `json:"models"`
	}
	if err := json.Unmarshal(b, &idx); err != nil {
		return nil, fmt.Errorf("%w: index: %v", ErrCard, err)
	}
	seen := map[string]bool{}
	for _, n := range idx.Models {
		if !modelName.MatchString(n) {
			return nil, fmt.Errorf("%w: index: model name %q must be 1 to 32 of a-z, 0-9, _ and -", ErrCard, n)
		}
		if seen[n] {
			return nil, fmt.Errorf("%w: index: %q is listed twice", ErrCard, n)
		}
		seen[n] = true
	}
	return idx.Models, nil
}
