package models

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/nn"
	"github.com/gograd/gograd/playground/digit"
)

// Net is a loaded digit classifier in inference mode. It implements
// playground.Predictor and playground.Explainer. Its weights never change
// after loading, so Predict and Explain may run while the page draws.
type Net struct {
	Name  string
	Card  *Card
	model *nn.Sequential
	plan  plan

	// The hidden units (or feature maps) of the last input Predict saw:
	// the page explains each prediction right after making it, and this
	// saves Explain the most expensive layer.
	mu       sync.Mutex
	lastX    []float32
	lastHead *core.Tensor

	// firstWeights is the first Linear's weight matrix, read once.
	weightsOnce  sync.Once
	firstWeights []float32
}

// NewNet builds the card's network and loads weights (the bytes of its
// safetensors file) into it. Errors name what does not fit.
func NewNet(name string, card *Card, weights []byte) (*Net, error) {
	m, err := card.Spec.Build(0)
	if err != nil {
		return nil, err
	}
	if _, err := nn.LoadWeights(bytes.NewReader(weights), m); err != nil {
		return nil, fmt.Errorf("%s: %w", card.Weights, err)
	}
	nn.Eval(m)
	// The page never trains: without gradients no graph is recorded, and
	// Explain asks for the one gradient it needs itself.
	for _, p := range m.Parameters() {
		p.Tensor.SetRequiresGrad(false)
	}
	foldBatchNorm(card.Spec, m)
	return &Net{Name: name, Card: card, model: m, plan: planFor(card.Spec)}, nil
}

// input checks the 784 pixels, applies the card's normalization and
// shapes them as a batch of one sample.
func (n *Net) input(x []float32) (*core.Tensor, error) {
	if len(x) != digit.Side*digit.Side {
		return nil, fmt.Errorf("model %s: %d input values, want %d", n.Name, len(x), digit.Side*digit.Side)
	}
	for i, v := range x {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			return nil, fmt.Errorf("model %s: input value %d is %v", n.Name, i, v)
		}
	}
	if n.Card.Normalize {
		x = digit.Normalize(x)
	}
	shape := append([]int{1}, n.Card.Spec.Input...)
	return core.FromSlice(append([]float32(nil), x...), shape...), nil
}

// Predict returns the ten class probabilities for a 28x28 digit in [0,1].
func (n *Net) Predict(x []float32) (probs []float32, err error) {
	defer core.Recover(&err)
	in, err := n.input(x)
	if err != nil {
		return nil, err
	}
	var head *core.Tensor
	core.NoGrad(func() {
		head = n.forward(in, 0, n.plan.head)
		probs = n.forward(head, n.plan.head, len(n.model.Layers)).Softmax(1).Data()
	})
	n.mu.Lock()
	n.lastX, n.lastHead = append(n.lastX[:0], x...), head
	n.mu.Unlock()
	return probs, nil
}

// head returns layers [0, plan.head) applied to x (a batch of one input
// as given to Explain), from the last Predict when x is the same input.
func (n *Net) head(x []float32, in *core.Tensor) *core.Tensor {
	n.mu.Lock()
	h := n.lastHead
	if !slices.Equal(x, n.lastX) {
		h = nil
	}
	n.mu.Unlock()
	if h == nil {
		core.NoGrad(func() { h = n.forward(in, 0, n.plan.head) })
	}
	return h
}

// forward runs layers [from, to) of the network on x.
func (n *Net) forward(x *core.Tensor, from, to int) *core.Tensor {
	for _, l := range n.model.Layers[from:to] {
		x = l.Forward(x)
	}
	return x
}
