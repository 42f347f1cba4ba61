package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"time"

	"github.com/gograd/gograd/core/nn"
	"github.com/gograd/gograd/core/train"
)

// modelCard describes a saved model: how it was trained and how well it
// does on the test set.
type modelCard struct {
	Recipe       string  `json:"recipe"`
	Description  string  `json:"description,omitempty"`
	Spec         nn.Spec `json:"spec"`
	Seed         uint64  `json:"seed"`
	Epochs       int     `json:"epochs"`
	TrainSamples int     `json:"train_samples"`
	TestSamples  int     `json:"test_samples"`
	// TestLoss is null when training diverged (NaN or infinite loss).
	TestLoss     *float64     `json:"test_loss"`
	TestAccuracy *float64     `json:"test_accuracy,omitempty"`
	Params       int          `json:"params"`
	Date         string       `json:"date"`
	TrainSeconds float64      `json:"train_seconds"`
	Weights      string       `json:"weights"`
	Training     train.Recipe `json:"training"`
}

// saveModel writes NAME.safetensors and NAME.json into dir and returns
// their paths.
func saveModel(res *run, dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	r := res.recipe
	final := res.evals[len(res.evals)-1]
	card := modelCard{
		Recipe: r.Name, Description: r.Description, Spec: r.Built(), Seed: r.Seed, Epochs: r.Epochs,
		TrainSamples: res.trainSet.Len(), TestSamples: res.testSet.Len(),
		Params: nn.CountParameters(res.trainer.Model()), Date: time.Now().UTC().Format(time.RFC3339),
		TrainSeconds: res.duration.Seconds(), Weights: r.Name + ".safetensors", Training: r,
	}
	if l := final.Loss; !math.IsNaN(l) && !math.IsInf(l, 0) {
		card.TestLoss = &l
	}
	if res.trainer.Classifies() {
		acc := final.Accuracy
		card.TestAccuracy = &acc
	}
	weights := filepath.Join(dir, card.Weights)
	f, err := os.Create(weights)
	if err != nil {
		return nil, err
	}
	meta := map[string]string{"recipe": r.Name, "seed": fmt.Sprint(r.Seed), "epochs": fmt.Sprint(r.Epochs)}
	if err := nn.SaveWeights(f, res.trainer.Model(), meta); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(card, "", "  ")
	if err != nil {
		return nil, err
	}
	cardPath := filepath.Join(dir, r.Name+".json")
	if err := os.WriteFile(cardPath, append(b, '\n'), 0o644); err != nil {
		return nil, err
	}
	return []string{weights, cardPath}, nil
}
