package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gograd/gograd/playground/models"
)

// The stand-in CNN must be a card the page loads like any other.
func TestUntrainedCNNLoads(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "models"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeUntrainedCNN(filepath.Join(dir, "models")); err != nil {
		t.Fatal(err)
	}
	net, err := models.Load("cnn", models.DirFetch(dir))
	if err != nil {
		t.Fatal(err)
	}
	if !net.Card.Normalize || len(net.Card.Spec.Layers) != 15 {
		t.Errorf("card %+v", net.Card)
	}
	ex, err := net.Explain(make([]float32, 784), 0)
	if err != nil || ex.Kind != models.KindFeatures || len(ex.Tiles) != 32 {
		t.Errorf("explanation %+v, %v", ex, err)
	}
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		v    []float64
		want float64
	}{{[]float64{3, 1, 2}, 2}, {[]float64{4, 1, 3, 2}, 2.5}, {[]float64{7}, 7}} {
		if got := median(tc.v); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.v, got, tc.want)
		}
	}
}
