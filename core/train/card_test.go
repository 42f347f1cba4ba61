package train

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/data"
	"github.com/gograd/gograd/core/nn"
)

func xorCard() ModelCard {
	r, _ := Builtin("xor")
	return ModelCard{Recipe: r.Name, Spec: r.Built(), Seed: r.Seed, Epochs: r.Epochs, Weights: "xor.safetensors", Training: r}
}

func TestParseModelCardRejectsBadCards(t *testing.T) {
	for _, tc := range []struct {
		want   string
		mutate func(*ModelCard)
	}{
		{"weights", func(c *ModelCard) { c.Weights = "../secret.safetensors" }},
		{"weights", func(c *ModelCard) { c.Weights = "" }},
		{"spec", func(c *ModelCard) { c.Spec.Layers[0].Type = "lstm" }},
		{"training", func(c *ModelCard) { c.Training.Loss = "hinge" }},
		{"spec input [3]", func(c *ModelCard) { c.Spec.Input = []int{3} }},
	} {
		c := xorCard()
		tc.mutate(&c)
		b, _ := json.Marshal(c)
		_, err := ParseModelCard(b)
		if !errors.Is(err, ErrModelCard) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("want an ErrModelCard error about %s, got %v", tc.want, err)
		}
	}
	if _, err := ParseModelCard([]byte(`{"recipe":`)); !errors.Is(err, ErrModelCard) {
		t.Errorf("truncated JSON: %v", err)
	}
}

// A card and the weights of a trained network give back that network, in
// inference mode, scoring what the trainer scored.
func TestModelCardLoadModel(t *testing.T) {
	c := xorCard()
	c.Training.Data = DataSpec{Name: "noisy_xor", N: 64}
	c.Training.Model.Layers = append(c.Training.Model.Layers[:3:3], nn.LayerSpec{Type: "dropout", P: 0.5}, nn.LayerSpec{Type: "sigmoid"})
	c.Spec = c.Training.Built()
	trainSet, testSet, err := c.Training.Load("")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := c.Training.NewTrainer(trainSet)
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		tr.Step()
	}
	var w bytes.Buffer
	if err := nn.SaveWeights(&w, tr.Model(), nil); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(c)
	back, err := ParseModelCard(b)
	if err != nil {
		t.Fatal(err)
	}
	m, err := back.LoadModel(&w)
	if err != nil {
		t.Fatal(err)
	}
	// Dropout is off: two passes agree and match the trainer's inference.
	x := core.FromSlice([]float32{0, 0, 0.5, 1, 1, 0}, 3, 2)
	a, again, want := m.Forward(x).Data(), m.Forward(x).Data(), tr.Predict(x).Data()
	for i := range want {
		if a[i] != want[i] || again[i] != want[i] {
			t.Fatalf("loaded model gives %v then %v, trainer %v", a, again, want)
		}
	}
	wantLoss, wantAcc := tr.Evaluate(testSet, 16)
	gotLoss, gotAcc := back.Evaluator(m).Evaluate(testSet, 16)
	if gotLoss != wantLoss || gotAcc != wantAcc {
		t.Errorf("evaluator: loss %v accuracy %v, trainer %v %v", gotLoss, gotAcc, wantLoss, wantAcc)
	}
	if _, err := back.LoadModel(bytes.NewReader(nil)); err == nil {
		t.Error("empty weights file accepted")
	}
	test, err := c.Training.Data.LoadTest("", c.Spec.Input, c.Training.Seed)
	if err != nil || test.Len() != testSet.Len() || !sameSamples(test, testSet) {
		t.Errorf("LoadTest differs from Load's test set: %v", err)
	}
}

func sameSamples(a, b data.Dataset) bool {
	nx, ny := 1, 1
	for _, d := range a.SampleShape() {
		nx *= d
	}
	for _, d := range a.TargetShape() {
		ny *= d
	}
	xa, ya := make([]float32, nx), make([]float32, ny)
	xb, yb := make([]float32, nx), make([]float32, ny)
	for i := range a.Len() {
		a.Fill(i, xa, ya)
		b.Fill(i, xb, yb)
		if !slices.Equal(xa, xb) || !slices.Equal(ya, yb) {
			return false
		}
	}
	return true
}
