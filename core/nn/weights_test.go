package nn

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestWeightsRoundTrip(t *testing.T) {
	src, _ := cnnSpec.Build(1)
	dst, _ := cnnSpec.Build(2)
	var buf bytes.Buffer
	if err := SaveWeights(&buf, src, map[string]string{"seed": "1"}); err != nil {
		t.Fatal(err)
	}
	meta, err := LoadWeights(bytes.NewReader(buf.Bytes()), dst)
	if err != nil {
		t.Fatal(err)
	}
	if meta["seed"] != "1" {
		t.Errorf("metadata %v", meta)
	}
	a, b := stateDict(src), stateDict(dst)
	for i := range a {
		if a[i].Name != b[i].Name || !equalData(a[i].Tensor.Data(), b[i].Tensor.Data()) {
			t.Fatalf("%s differs after loading", a[i].Name)
		}
	}
}

func TestLoadWeightsRejectsMismatch(t *testing.T) {
	mlp, _ := mlpSpec.Build(1)
	var buf bytes.Buffer
	SaveWeights(&buf, mlp, nil)
	other := Spec{Input: []int{784}, Layers: []LayerSpec{{Type: "linear", Out: 128}, {Type: "relu"}, {Type: "linear", Out: 10}}}
	small, _ := other.Build(1)
	before := small.Parameters()[0].Tensor.Data()
	_, err := LoadWeights(bytes.NewReader(buf.Bytes()), small)
	if err == nil || !errors.Is(err, ErrWeights) || !strings.Contains(err.Error(), `"0.weight" has shape [256 784]`) {
		t.Fatalf("error %v, want a shape mismatch naming 0.weight", err)
	}
	if !equalData(before, small.Parameters()[0].Tensor.Data()) {
		t.Error("a failed load changed the network")
	}
	deeper := Spec{Input: []int{784}, Layers: append(append([]LayerSpec(nil), mlpSpec.Layers...), LayerSpec{Type: "relu"}, LayerSpec{Type: "linear", Out: 3})}
	big, _ := deeper.Build(1)
	if _, err := LoadWeights(bytes.NewReader(buf.Bytes()), big); err == nil || !strings.Contains(err.Error(), `"4.weight" is missing`) {
		t.Errorf("loading into a deeper network: %v", err)
	}
	var bigBuf bytes.Buffer
	SaveWeights(&bigBuf, big, nil)
	if _, err := LoadWeights(bytes.NewReader(bigBuf.Bytes()), mlp); err == nil || !strings.Contains(err.Error(), `the file has "4.bias"`) {
		t.Errorf("loading a deeper network's weights: %v", err)
	}
	if _, err := LoadWeights(strings.NewReader("garbage"), mlp); err == nil {
		t.Error("garbage loaded")
	}
}
