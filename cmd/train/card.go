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

// saveModel writes NAME.safetensors and its model card NAME.json into dir
// and returns their paths.
func saveModel(res *run, dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	r := res.recipe
	final := res.evals[len(res.evals)-1]
	steps := res.trainer.Steps()
	card := train.ModelCard{
		Recipe: r.Name, Description: r.Description, Spec: r.Built(), Seed: r.Seed, Epochs: r.Epochs,
		TrainSamples: res.trainSet.Len(), TestSamples: res.testSet.Len(),
		Params: nn.CountParameters(res.trainer.Model()), Date: time.Now().UTC().Format(time.RFC3339),
		TrainSeconds:    res.duration.Seconds(),
		SecondsPerEpoch: res.stepTimes.Seconds() / float64(r.Epochs),
		StepsPerSecond:  float64(steps) / res.stepTimes.Seconds(),
		Weights:         r.Name + ".safetensors", Training: r,
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

// openModel reads a model card and the weights file it names, beside it.
func openModel(cardPath string) (train.ModelCard, *nn.Sequential, error) {
	b, err := os.ReadFile(cardPath)
	if err != nil {
		return train.ModelCard{}, nil, err
	}
	card, err := train.ParseModelCard(b)
	if err != nil {
		return card, nil, fmt.Errorf("%s: %w", cardPath, err)
	}
	f, err := os.Open(filepath.Join(filepath.Dir(cardPath), card.Weights))
	if err != nil {
		return card, nil, err
	}
	defer f.Close()
	m, err := card.LoadModel(f)
	if err != nil {
		return card, nil, fmt.Errorf("%s: %w", cardPath, err)
	}
	return card, m, nil
}
