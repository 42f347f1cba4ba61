package models

import (
	"bytes"
	"testing"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/nn"
	"github.com/gograd/gograd/core/train"
	"github.com/gograd/gograd/playground/digit"
)

// benchNet is the named built-in recipe's network with its initial
// weights: the time Predict takes does not depend on their values.
func benchNet(b testing.TB, recipe string) *Net {
	r, err := train.Builtin(recipe)
	if err != nil {
		b.Fatal(err)
	}
	spec := r.Built()
	m, err := spec.Build(r.Seed)
	if err != nil {
		b.Fatal(err)
	}
	var w bytes.Buffer
	if err := nn.SaveWeights(&w, m, nil); err != nil {
		b.Fatal(err)
	}
	net, err := NewNet(recipe, &Card{Spec: spec, Weights: recipe + ".safetensors", Normalize: true}, w.Bytes())
	if err != nil {
		b.Fatal(err)
	}
	return net
}

// benchDigit is a plausible drawn digit: a slanted bar.
func benchDigit() []float32 {
	x := make([]float32, 784)
	for y := 4; y < 24; y++ {
		c := 16 - y/4
		x[y*28+c], x[y*28+c+1], x[y*28+c+2] = 0.5, 1, 0.5
	}
	return x
}

// BenchmarkPredict times one drawn digit through the mlp and cnn recipes'
// networks; under GOOS=js GOARCH=wasm (see bench/README.md) it is the
// page's CPU inference without the browser around it.
func BenchmarkPredict(b *testing.B) {
	for _, recipe := range []string{"mlp", "cnn"} {
		b.Run(recipe, func(b *testing.B) {
			net, x := benchNet(b, recipe), benchDigit()
			for b.Loop() {
				if _, err := net.Predict(x); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPredictExplain times what the page computes for each drawing:
// the prediction, then the explanation of the predicted class.
func BenchmarkPredictExplain(b *testing.B) {
	for _, recipe := range []string{"mlp", "cnn"} {
		b.Run(recipe, func(b *testing.B) {
			net, x := benchNet(b, recipe), benchDigit()
			for b.Loop() {
				p, err := net.Predict(x)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := net.Explain(x, argmax(p)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBatchNormFolding runs the cnn recipe's network on one digit as
// built and with its batch norms folded into the convolutions (as NewNet
// does), for the claim in foldBatchNorm's comment.
func BenchmarkBatchNormFolding(b *testing.B) {
	net := benchNet(b, "cnn")
	built, err := net.Card.Spec.Build(1)
	if err != nil {
		b.Fatal(err)
	}
	nn.Eval(built)
	x := core.FromSlice(digit.Normalize(benchDigit()), 1, 1, 28, 28)
	for _, m := range []struct {
		name string
		net  *nn.Sequential
	}{{"as-built", built}, {"folded", net.model}} {
		b.Run(m.name, func(b *testing.B) {
			core.NoGrad(func() {
				for b.Loop() {
					m.net.Forward(x).Data()
				}
			})
		})
	}
}
