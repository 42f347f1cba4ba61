package models

import (
	"math"
	"slices"
	"testing"

	"github.com/gograd/gograd/core/nn"
)

func layers(types ...string) []nn.LayerSpec {
	out := make([]nn.LayerSpec, len(types))
	for i, t := range types {
		out[i] = nn.LayerSpec{Type: t, Out: 10, Kernel: 3, Padding: 1, Pieces: 2}
	}
	return out
}

func TestPlanFor(t *testing.T) {
	flat, img := []int{784}, []int{1, 28, 28}
	for _, tc := range []struct {
		name        string
		input       []int
		layers      []nn.LayerSpec
		want        string
		first, head int
	}{
		{"mlp", flat, layers("linear", "relu", "linear"), KindWeights, 0, 2},
		{"mlp with batchnorm and dropout", flat, layers("linear", "batchnorm1d", "relu", "dropout", "linear"), KindWeights, 0, 4},
		{"flattened image", img, layers("flatten", "linear", "sigmoid", "linear"), KindWeights, 1, 3},
		{"logistic regression", flat, layers("linear"), KindWeights, 0, 1},
		{"maxout ends the units", flat, layers("linear", "maxout", "linear"), KindWeights, 0, 1},
		{"softmax is not per unit", flat, layers("linear", "softmax"), KindWeights, 0, 1},
		{"cnn", img, layers("conv2d", "batchnorm2d", "relu", "maxpool2d", "dropout2d", "flatten", "linear"), KindFeatures, 0, 3},
		{"cnn without extras", img, layers("conv2d", "maxpool2d", "flatten", "linear"), KindFeatures, 0, 1},
		{"starts with a pool", img, layers("maxpool2d", "conv2d", "flatten", "linear"), "", 0, 0},
		{"starts with an activation", flat, layers("relu", "linear"), "", 0, 0},
	} {
		p := planFor(nn.Spec{Input: tc.input, Layers: tc.layers})
		if p.kind != tc.want || p.kind != "" && (p.first != tc.first || p.head != tc.head) {
			t.Errorf("%s: plan %+v, want %q first %d head %d", tc.name, p, tc.want, tc.first, tc.head)
		}
	}
}

// A 784-4-10 ReLU network with hand-set weights: hidden unit j reads pixel
// j with weight 1 (and pixel 100+j with weight -0.5), and the output
// weights are chosen so the contributions h_j·w2[class][j] are known.
func TestExplainWeightsPicksContributingUnits(t *testing.T) {
	spec := nn.Spec{Input: []int{784}, Layers: layers("linear", "relu", "linear")}
	spec.Layers[0].Out = 4
	w2 := map[int][4]float32{
		7: {2, -1, 0.5, 3},
		3: {-1, -1, -1, -1},
	}
	net := makeNet(t, spec, false, func(name string, n int) []float32 {
		v := make([]float32, n)
		switch name {
		case "0.weight":
			for j := range 4 {
				v[j*784+j], v[j*784+100+j] = 1, -0.5
			}
		case "2.weight":
			for c, row := range w2 {
				copy(v[c*4:], row[:])
			}
		}
		return v
	})
	x := make([]float32, 784)
	x[0], x[1], x[2], x[3] = 0.5, 1, 0.8, 0.1 // h = x[0:4] after ReLU
	ex, err := net.Explain(x, 7)
	if err != nil {
		t.Fatal(err)
	}
	// Contributions for 7: 1.0, -1.0, 0.4, 0.3 → units 0, 2, 3 (1 lowered it).
	if ex.Kind != KindWeights || len(ex.Tiles) != 3 {
		t.Fatalf("explanation %+v", ex)
	}
	for i, want := range []struct {
		unit  int
		label string
	}{{0, "+1.00"}, {2, "+0.40"}, {3, "+0.30"}} {
		tile := ex.Tiles[i]
		if tile.Label != want.label || !tile.Signed || tile.W != 28 || tile.H != 28 {
			t.Errorf("tile %d: %q signed %v %dx%d, want %q", i, tile.Label, tile.Signed, tile.W, tile.H, want.label)
		}
		// The tile is the unit's weight row scaled to [-1,1].
		if tile.Pix[want.unit] != 1 || tile.Pix[100+want.unit] != -0.5 || tile.Pix[(want.unit+1)%4] != 0 {
			t.Errorf("tile %d does not show unit %d's weights", i, want.unit)
		}
	}
	// No unit raises class 3: nothing to show, and no error.
	ex, err = net.Explain(x, 3)
	if err != nil || len(ex.Tiles) != 0 {
		t.Errorf("class 3: %+v %v", ex, err)
	}
}

// A 1x1 convolution with two channels, weight 1 and -1, then ReLU: the
// first map is the image, the second is empty.
func TestExplainFeaturesShowsFirstConvMaps(t *testing.T) {
	spec := nn.Spec{Input: []int{1, 28, 28}, Layers: []nn.LayerSpec{
		{Type: "conv2d", Out: 2, Kernel: 1}, {Type: "relu"}, {Type: "maxpool2d", Kernel: 2},
		{Type: "flatten"}, {Type: "linear", Out: 10}}}
	net := makeNet(t, spec, false, func(name string, n int) []float32 {
		switch name {
		case "0.weight":
			return []float32{1, -1}
		case "0.bias":
			return []float32{0, 0}
		}
		return nil
	})
	x := make([]float32, 784)
	x[30], x[31], x[400] = 0.25, 0.5, 1
	ex, err := net.Explain(x, 0)
	if err != nil {
		t.Fatal(err)
	}
	if ex.Kind != KindFeatures || len(ex.Tiles) != 2 {
		t.Fatalf("explanation %+v", ex)
	}
	if !slices.Equal(ex.Tiles[0].Pix, x) || ex.Tiles[0].Signed || ex.Tiles[0].W != 28 {
		t.Error("map 0 is not the image")
	}
	if slices.Max(ex.Tiles[1].Pix) != 0 {
		t.Error("map 1 is not empty")
	}
}

func TestTileScaling(t *testing.T) {
	if got := topPositive([]float32{0.5, -2, 3, 0, 0.5, 1}, 3); !slices.Equal(got, []int{2, 5, 0}) {
		t.Errorf("topPositive = %v", got)
	}
	if got := signedUnit([]float32{2, -4, 0}); !slices.Equal(got, []float32{0.5, -1, 0}) {
		t.Errorf("signedUnit = %v", got)
	}
	if got := unitRange([]float32{-1, 1, 0}); !slices.Equal(got, []float32{0, 1, 0.5}) {
		t.Errorf("unitRange = %v", got)
	}
	if got := unitRange([]float32{3, 3}); slices.Max(got) != 0 || math.IsNaN(float64(got[0])) {
		t.Errorf("unitRange of a constant = %v", got)
	}
}
