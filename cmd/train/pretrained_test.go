package main

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

// mnistDir is $GOGRAD_DATA, or shared/data/mnist beside the repository, as
// test.sh and core/data's tests use. Missing data fails the test.
func mnistDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("GOGRAD_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data", "mnist")
	}
	if _, err := os.Stat(filepath.Join(dir, "t10k-images-idx3-ubyte.gz")); err != nil {
		t.Fatalf("MNIST is needed at %s (set GOGRAD_DATA to the directory of the IDX files): %v", dir, err)
	}
	return dir
}

// Every model shipped in static/models loads back from its card and
// weights and scores on the test set what its card says it scored when it
// was trained: the same accuracy to within 1e-4 (one image in 10000), the
// same loss to within float summation-order drift.
func TestPretrainedModelsReproduceTheirCards(t *testing.T) {
	cards, err := filepath.Glob(filepath.Join("..", "..", "static", "models", "*.json"))
	if err != nil || len(cards) == 0 {
		t.Fatalf("no model cards in static/models: %v", err)
	}
	for _, path := range cards {
		// index.json is the page's list of cards, not a card.
		if filepath.Base(path) == "index.json" {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			o := options{evalBatch: 1000}
			card, _, err := openModel(path)
			if err != nil {
				t.Fatal(err)
			}
			if card.Training.Data.Name == "mnist" {
				o.dataDir = mnistDir(t)
			}
			e, err := evaluateCard(path, o)
			if err != nil {
				t.Fatal(err)
			}
			if e.testSet.Len() != card.TestSamples {
				t.Errorf("%d test samples, the card was scored on %d", e.testSet.Len(), card.TestSamples)
			}
			t.Logf("test loss %.6f (card %v), accuracy %.4f (card %v)", e.loss, deref(card.TestLoss), e.accuracy, deref(card.TestAccuracy))
			if card.TestLoss == nil || math.Abs(e.loss-*card.TestLoss) > 1e-4*math.Max(1, math.Abs(*card.TestLoss)) {
				t.Errorf("test loss %v, card says %v", e.loss, deref(card.TestLoss))
			}
			if e.confusion == nil {
				return
			}
			if card.TestAccuracy == nil || math.Abs(e.accuracy-*card.TestAccuracy) > 1e-4 {
				t.Errorf("test accuracy %v, card says %v", e.accuracy, deref(card.TestAccuracy))
			}
			right, total := 0, 0
			for i, row := range e.confusion {
				for j, n := range row {
					total += n
					if i == j {
						right += n
					}
				}
			}
			if total != e.testSet.Len() || math.Abs(float64(right)/float64(total)-e.accuracy) > 1e-12 {
				t.Errorf("confusion matrix holds %d samples, %d right; accuracy %v over %d", total, right, e.accuracy, e.testSet.Len())
			}
		})
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
