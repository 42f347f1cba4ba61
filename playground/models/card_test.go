package models

import (
	"errors"
	"strings"
	"testing"
)

const mlpCard = `{
  "recipe": "mlp", "description": "784-256-10", "test_accuracy": 0.97,
  "spec": {"input": [784], "layers": [{"type": "linear", "out": 256}, {"type": "relu"}, {"type": "linear", "out": 10}]},
  "weights": "mlp.safetensors",
  "training": {"data": {"name": "mnist", "normalize": true}, "epochs": 5}
}`

func TestParseCard(t *testing.T) {
	c, err := ParseCard([]byte(mlpCard))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Normalize || c.Weights != "mlp.safetensors" || len(c.Spec.Layers) != 3 || c.Spec.Layers[0].Out != 256 ||
		c.TestAccuracy == nil || *c.TestAccuracy != 0.97 || c.Description != "784-256-10" {
		t.Errorf("card %+v", c)
	}
	plain := strings.Replace(mlpCard, `"normalize": true`, `"normalize": false`, 1)
	if c, err := ParseCard([]byte(plain)); err != nil || c.Normalize {
		t.Errorf("normalize false: %+v %v", c, err)
	}
}

func TestParseCardRejects(t *testing.T) {
	for _, tc := range []struct{ name, from, to, want string }{
		{"not json", mlpCard, "{", "unexpected end"},
		{"no spec", `"spec"`, `"x"`, `no "spec"`},
		{"bad layer", `"relu"`, `"swish"`, `unknown layer type "swish"`},
		{"unknown spec field", `"out": 256`, `"out": 256, "units": 3`, `unknown field "units"`},
		{"weights path", `"mlp.safetensors"`, `"../secret.safetensors"`, "beside the card"},
		{"weights dotfile", `"mlp.safetensors"`, `".x.safetensors"`, "beside the card"},
		{"weights type", `"mlp.safetensors"`, `"mlp.bin"`, "beside the card"},
		{"other data", `"mnist"`, `"fashion_mnist"`, "not on MNIST digits"},
		{"input", `"input": [784]`, `"input": [392]`, "input shape [392]"},
		{"output", `"out": 10`, `"out": 9`, "output shape [9]"},
	} {
		_, err := ParseCard([]byte(strings.Replace(mlpCard, tc.from, tc.to, 1)))
		if err == nil || !errors.Is(err, ErrCard) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want ErrCard mentioning %q", tc.name, err, tc.want)
		}
	}
}

func TestParseIndex(t *testing.T) {
	names, err := ParseIndex([]byte(`{"models": ["mlp", "cnn"]}`))
	if err != nil || len(names) != 2 || names[0] != "mlp" || names[1] != "cnn" {
		t.Fatalf("names %v err %v", names, err)
	}
	for _, bad := range []string{`[`, `{"models": ["MLP"]}`, `{"models": ["a/b"]}`, `{"models": ["mlp", "mlp"]}`, `{"models": [""]}`} {
		if _, err := ParseIndex([]byte(bad)); !errors.Is(err, ErrCard) {
			t.Errorf("ParseIndex(%s): %v", bad, err)
		}
	}
}
