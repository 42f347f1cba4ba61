package models

import (
	"bytes"
	"math"
	"testing"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/nn"
)

// Folding batch norms into the layers before them must not change what the
// network computes: compare with the network as built, batch norms and
// all, on weights and running statistics far from their defaults.
func TestFoldBatchNormKeepsOutputs(t *testing.T) {
	spec := nn.Spec{Input: []int{1, 28, 28}, Layers: []nn.LayerSpec{
		{Type: "conv2d", Out: 4, Kernel: 3, Padding: 1}, {Type: "batchnorm2d"}, {Type: "relu"}, {Type: "maxpool2d", Kernel: 2},
		{Type: "conv2d", Out: 3, Kernel: 3, NoBias: true}, {Type: "batchnorm2d"}, {Type: "relu"},
		{Type: "flatten"}, {Type: "linear", Out: 16}, {Type: "batchnorm1d"}, {Type: "tanh"}, {Type: "linear", Out: 10}}}
	ref, err := spec.Build(3)
	if err != nil {
		t.Fatal(err)
	}
	g := core.NewGenerator(7)
	for _, b := range ref.Buffers() {
		v := core.Uniform(g, 0.2, 2, b.Tensor.Shape()...).Data() // variances must be positive
		if b.Name[len(b.Name)-4:] == "mean" {
			v = core.Uniform(g, -1, 1, b.Tensor.Shape()...).Data()
		}
		b.Tensor.SetData(v)
	}
	for _, p := range ref.Parameters() {
		if p.Tensor.Dim() == 1 { // batch norm γ and β, biases
			core.NoGrad(func() { p.Tensor.SetData(core.Uniform(g, -1.5, 1.5, p.Tensor.Shape()...).Data()) })
		}
	}
	var w bytes.Buffer
	if err := nn.SaveWeights(&w, ref, nil); err != nil {
		t.Fatal(err)
	}
	net, err := NewNet("folded", &Card{Spec: spec, Weights: "f.safetensors"}, w.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{1, 5, 9} {
		if _, ok := net.model.Layers[i].(*nn.Identity); !ok {
			t.Errorf("layer %d is %T, want the batch norm folded away", i, net.model.Layers[i])
		}
	}
	nn.Eval(ref)
	x := core.Rand(g, 784).Data()
	var want, wantMaps []float32
	core.NoGrad(func() {
		in := core.FromSlice(x, 1, 1, 28, 28)
		want = ref.Forward(in).Softmax(1).Data()
		maps := in
		for _, l := range ref.Layers[:3] {
			maps = l.Forward(maps)
		}
		wantMaps = maps.Data()
	})
	got, err := net.Predict(x)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if math.Abs(float64(got[i]-want[i])) > 1e-5 {
			t.Errorf("p[%d] = %v folded, %v as built", i, got[i], want[i])
		}
	}
	// The explanation shows the maps after the (folded) batch norm and ReLU.
	ex, err := net.Explain(x, 0)
	if err != nil {
		t.Fatal(err)
	}
	for c, tile := range ex.Tiles {
		m := unitRange(wantMaps[c*784 : (c+1)*784])
		for i := range m {
			if math.Abs(float64(tile.Pix[i]-m[i])) > 1e-4 {
				t.Fatalf("map %d pixel %d = %v, want %v", c, i, tile.Pix[i], m[i])
			}
		}
	}
}

// Explain reuses the hidden units of the Predict just before it only for
// the same input.
func TestExplainReusesOnlyTheSameInput(t *testing.T) {
	spec := nn.Spec{Input: []int{1, 28, 28}, Layers: []nn.LayerSpec{
		{Type: "conv2d", Out: 1, Kernel: 1}, {Type: "flatten"}, {Type: "linear", Out: 10}}}
	net := makeNet(t, spec, false, func(name string, n int) []float32 {
		if name == "0.weight" {
			return []float32{1}
		}
		return nil
	})
	a, b := make([]float32, 784), make([]float32, 784)
	a[0], a[1], b[0], b[2] = 1, 0.5, 1, 0.25
	if _, err := net.Predict(a); err != nil {
		t.Fatal(err)
	}
	for _, x := range [][]float32{a, b} {
		ex, err := net.Explain(x, 0)
		if err != nil {
			t.Fatal(err)
		}
		want := unitRange(x)
		for i := range want {
			if ex.Tiles[0].Pix[i] != want[i] {
				t.Fatalf("explaining %v: map pixel %d = %v, want %v", x[:3], i, ex.Tiles[0].Pix[i], want[i])
			}
		}
	}
}
