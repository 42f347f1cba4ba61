package models

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/gograd/gograd/core/data"
)

// mnistDir is where the MNIST files are: $GOGRAD_DATA, or shared/data/mnist
// beside the repository. Missing data fails the test.
func mnistDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("GOGRAD_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data", "mnist")
	}
	if _, err := os.Stat(filepath.Join(dir, data.MNIST.TestImages.Name+".gz")); err != nil {
		t.Fatalf("MNIST test data missing: %v (set GOGRAD_DATA to the directory holding the MNIST .gz files)", err)
	}
	return dir
}

// TestStaticModelsMatchTheirCards runs every bundled model through Predict
// on the MNIST test set, given as the page gives it (pixels in [0,1]), and
// expects the accuracy its card reports to the digit: the page and
// cmd/train run the same code. Skipping the input normalization costs the
// MLP about one point, a weights mix-up far more.
func TestStaticModelsMatchTheirCards(t *testing.T) {
	test, err := data.LoadMNIST(mnistDir(t), false, data.ImageOptions{Flat: true})
	if err != nil {
		t.Fatal(err)
	}
	fetch := DirFetch(staticDir)
	names, err := LoadIndex(fetch)
	if err != nil {
		t.Fatal(err)
	}
	x, y := make([]float32, 784), make([]float32, 1)
	for _, name := range names {
		net, err := Load(name, fetch)
		if err != nil {
			t.Fatal(err)
		}
		if net.Card.TestAccuracy == nil {
			t.Errorf("%s: the card reports no test accuracy", name)
			continue
		}
		right, n := 0, 0
		for i := range test.Len() {
			test.Fill(i, x, y)
			p, err := net.Predict(x)
			if err != nil {
				t.Fatal(err)
			}
			if argmax(p) == int(y[0]) {
				right++
			}
			n++
		}
		acc := float64(right) / float64(n)
		t.Logf("%s: %.4f on %d test digits, card says %.4f", name, acc, n, *net.Card.TestAccuracy)
		// Float rounding may tip a digit or two that sit on a boundary.
		if math.Abs(acc-*net.Card.TestAccuracy) > 2.5e-4 {
			t.Errorf("%s: accuracy %.4f on the test set, card says %.4f", name, acc, *net.Card.TestAccuracy)
		}
	}
}

func argmax(p []float32) int {
	best := 0
	for i, v := range p {
		if v > p[best] {
			best = i
		}
	}
	return best
}
