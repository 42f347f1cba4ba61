package main

import (
	"bytes"
	"encoding/json"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/nn"
	"github.com/gograd/gograd/core/train"
)

func TestFormatConfusion(t *testing.T) {
	got := formatConfusion([][]int{{5, 1}, {0, 7}})
	want := "confusion matrix (rows: true class, columns: predicted)\n" +
		"           0     1\n" +
		"     0     5     1\n" +
		"     1     0     7\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestProgressLine(t *testing.T) {
	var b bytes.Buffer
	p := newProgressBar(&b, 2, 10)
	p.update(train.StepResult{Epoch: 1, Iteration: 5, Step: 5, Loss: 0.25, Accuracy: 0.5}, true)
	line := b.String()
	for _, part := range []string{"\repoch 1/2", "[==========          ]", "5/10", "loss 0.2500", "acc  50.0%", "elapsed", "ETA"} {
		if !strings.Contains(line, part) {
			t.Errorf("progress line %q lacks %q", line, part)
		}
	}
	p.clear()
	if !strings.HasSuffix(b.String(), "\r") {
		t.Error("clear does not return to the start of the line")
	}
}

func TestLoadRecipeOverrides(t *testing.T) {
	r, err := loadRecipe("xor", options{epochs: 7, seed: 3})
	if err != nil || r.Epochs != 7 || r.Seed != 3 {
		t.Errorf("overrides: %+v %v", r, err)
	}
	if _, err := loadRecipe("nope", options{seed: -1}); err == nil {
		t.Error("unknown recipe accepted")
	}
	path := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(path, []byte(`{"name":"bad","epochs":0}`), 0o644)
	if _, err := loadRecipe(path, options{seed: -1}); err == nil {
		t.Error("invalid recipe file accepted")
	}
}

// A short XOR run writes curves that are PNG images, weights that load back
// into the recipe's network, and a card that describes the run.
func TestRunWritesPlotsWeightsAndCard(t *testing.T) {
	dir := t.TempDir()
	o := options{epochs: 50, seed: -1, evalBatch: 4, out: dir, plots: dir}
	r, err := loadRecipe("xor", o)
	if err != nil {
		t.Fatal(err)
	}
	res, err := trainRecipe(r, o, nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.evals) != 50 {
		t.Errorf("%d test evaluations for 50 epochs", len(res.evals))
	}
	files, err := plotRun(res, dir)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := saveModel(res, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(fh)
		fh.Close()
		if err != nil || img.Bounds().Dx() < 300 {
			t.Errorf("%s: %v", f, err)
		}
	}
	m, err := r.Built().Build(99)
	if err != nil {
		t.Fatal(err)
	}
	fh, err := os.Open(saved[0])
	if err != nil {
		t.Fatal(err)
	}
	meta, err := nn.LoadWeights(fh, m)
	fh.Close()
	if err != nil || meta["recipe"] != "xor" {
		t.Errorf("weights: %v, metadata %v", err, meta)
	}
	b, err := os.ReadFile(saved[1])
	if err != nil {
		t.Fatal(err)
	}
	var card train.ModelCard
	if err := json.Unmarshal(b, &card); err != nil {
		t.Fatal(err)
	}
	if card.Recipe != "xor" || card.Epochs != 50 || card.Params != 13 || card.TestAccuracy == nil || card.Weights != "xor.safetensors" {
		t.Errorf("card %+v", card)
	}
	// 50 epochs of one step each.
	if card.SecondsPerEpoch <= 0 || !near(card.StepsPerSecond*card.SecondsPerEpoch, 1, 1e-9) {
		t.Errorf("card timing: %g s/epoch, %g steps/s for one step per epoch", card.SecondsPerEpoch, card.StepsPerSecond)
	}
	// -eval's loader gives back the trained network.
	_, loaded, err := openModel(saved[1])
	if err != nil {
		t.Fatal(err)
	}
	x := core.FromSlice([]float32{0, 0, 0, 1, 1, 0, 1, 1}, 4, 2)
	want, got := res.trainer.Predict(x).Data(), loaded.Forward(x).Data()
	if !slices.Equal(want, got) {
		t.Errorf("loaded model gives %v, trained one %v", got, want)
	}
	e, err := evaluateCard(saved[1], o)
	if err != nil || e.accuracy != *card.TestAccuracy || e.loss != *card.TestLoss {
		t.Errorf("evaluating the card: %+v, %v; card says loss %v accuracy %v", e, err, *card.TestLoss, *card.TestAccuracy)
	}
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*(1+math.Abs(b)) }
