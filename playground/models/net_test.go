package models

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gograd/gograd/core/nn"
	"github.com/gograd/gograd/playground"
)

// staticDir is the repository's static/ directory.
const staticDir = "../../static"

// makeNet builds spec, lets set fill its parameters by name, and loads
// the result through NewNet, as if from a card and a weights file.
func makeNet(t *testing.T, spec nn.Spec, normalize bool, set func(name string, n int) []float32) *Net {
	t.Helper()
	m, err := spec.Build(1)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range m.Parameters() {
		if v := set(p.Name, p.Tensor.Numel()); v != nil {
			p.Tensor.SetData(v)
		}
	}
	var buf bytes.Buffer
	if err := nn.SaveWeights(&buf, m, nil); err != nil {
		t.Fatal(err)
	}
	net, err := NewNet("test", &Card{Spec: spec, Weights: "test.safetensors", Normalize: normalize}, buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return net
}

func softmax(z []float64) []float64 {
	m := slices.Max(z)
	out := make([]float64, len(z))
	var s float64
	for i, v := range z {
		out[i] = math.Exp(v - m)
		s += out[i]
	}
	for i := range out {
		out[i] /= s
	}
	return out
}

// A linear model whose class c reads pixel c: the probabilities are the
// softmax of the pixels after normalization, computed here in float64.
func TestPredictNormalizes(t *testing.T) {
	spec := nn.Spec{Input: []int{784}, Layers: []nn.LayerSpec{{Type: "linear", Out: 10}}}
	set := func(name string, n int) []float32 {
		v := make([]float32, n)
		if name == "0.weight" {
			for c := range 10 {
				v[c*784+c] = 1
			}
		}
		return v
	}
	x := make([]float32, 784)
	for c := range 10 {
		x[c] = float32(c) / 10
	}
	for _, norm := range []bool{false, true} {
		net := makeNet(t, spec, norm, set)
		got, err := net.Predict(x)
		if err != nil {
			t.Fatal(err)
		}
		z := make([]float64, 10)
		for c := range z {
			z[c] = float64(x[c])
			if norm {
				z[c] = (z[c] - 0.1307) / 0.3081
			}
		}
		for c, p := range softmax(z) {
			if math.Abs(float64(got[c])-p) > 1e-6 {
				t.Errorf("normalize %v: p[%d] = %v, want %v", norm, c, got[c], p)
			}
		}
	}
}

func TestPredictRejectsBadInput(t *testing.T) {
	net := makeNet(t, nn.Spec{Input: []int{784}, Layers: []nn.LayerSpec{{Type: "linear", Out: 10}}}, false,
		func(string, int) []float32 { return nil })
	if _, err := net.Predict(make([]float32, 783)); err == nil || !strings.Contains(err.Error(), "783 input values") {
		t.Errorf("short input: %v", err)
	}
	x := make([]float32, 784)
	x[5] = float32(math.NaN())
	if _, err := net.Predict(x); err == nil || !strings.Contains(err.Error(), "input value 5") {
		t.Errorf("NaN input: %v", err)
	}
	if _, err := net.Explain(make([]float32, 784), 10); err == nil {
		t.Error("Explain accepted class 10")
	}
}

func TestNewNetRejectsWrongWeights(t *testing.T) {
	card, err := ParseCard([]byte(mlpCard))
	if err != nil {
		t.Fatal(err)
	}
	other := nn.Spec{Input: []int{784}, Layers: []nn.LayerSpec{{Type: "linear", Out: 10}}}
	m, _ := other.Build(1)
	var buf bytes.Buffer
	if err := nn.SaveWeights(&buf, m, nil); err != nil {
		t.Fatal(err)
	}
	_, err = NewNet("mlp", card, buf.Bytes())
	if err == nil || !strings.Contains(err.Error(), "mlp.safetensors") || !strings.Contains(err.Error(), "0.weight") {
		t.Errorf("error %v; want it to name the file and the tensor", err)
	}
	if _, err := NewNet("mlp", card, []byte("not safetensors")); err == nil {
		t.Error("garbage weights loaded")
	}
}

// TestStaticModels loads every card under static/models through the same
// path the page takes, and checks that models/index.json lists exactly
// those cards, so a new card cannot be forgotten in the page.
func TestStaticModels(t *testing.T) {
	cards, err := filepath.Glob(filepath.Join(staticDir, "models", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var onDisk []string
	for _, c := range cards {
		if n := strings.TrimSuffix(filepath.Base(c), ".json"); n != "index" {
			onDisk = append(onDisk, n)
		}
	}
	fetch := DirFetch(staticDir)
	listed, err := LoadIndex(fetch)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(slices.Sorted(slices.Values(listed)), onDisk) {
		t.Errorf("%s lists %v, but static/models holds the cards %v", IndexPath, listed, onDisk)
	}
	if len(onDisk) == 0 || listed[0] != "mlp" {
		t.Errorf("the first model offered is %v, want the mlp", listed)
	}
	x := make([]float32, 784)
	for y := 4; y < 24; y++ { // a vertical bar, a plausible 1
		x[y*28+13], x[y*28+14] = 1, 0.5
	}
	for _, name := range onDisk {
		net, err := Load(name, fetch)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		probs, err := net.Predict(x)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		var sum float64
		for _, p := range probs {
			sum += float64(p)
		}
		if len(probs) != 10 || math.Abs(sum-1) > 1e-4 {
			t.Errorf("%s: probabilities %v", name, probs)
		}
		ex, err := net.Explain(x, 1)
		if err != nil || ex == nil || len(ex.Tiles) == 0 {
			t.Errorf("%s: explanation %+v, %v", name, ex, err)
			continue
		}
		t.Logf("%s: %s, %d tiles; p(1) = %.3f", name, ex.Title, len(ex.Tiles), probs[1])
	}
}

func TestLoadErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "models"), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, "models", name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("bad.json", `{"spec": {"input": [784], "layers": []}}`)
	write("nowts.json", mlpCard)
	fetch := DirFetch(dir)
	for name, want := range map[string]string{
		"bad":     "models/bad.json: bad model card: spec",
		"nowts":   "models/mlp.safetensors",
		"missing": "models/missing.json",
		"../x":    `model name "../x"`,
	} {
		_, err := Load(name, fetch)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Load(%q): %v, want %q", name, err, want)
		}
	}
	c := Catalog([]string{"nowts"}, fetch)
	if _, err := c.Load("nowts"); err == nil {
		t.Error("catalog loaded a model without weights")
	}
	if _, err := LoadIndex(fetch); err == nil || !strings.Contains(err.Error(), "model list") {
		t.Errorf("missing index: %v", err)
	}
}

var _ playground.Explainer = (*Net)(nil)
