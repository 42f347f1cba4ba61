package nn

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/gograd/gograd/core"
)

var mlpSpec = Spec{Input: []int{784}, Layers: []LayerSpec{
	{Type: "linear", Out: 256}, {Type: "relu"}, {Type: "linear", Out: 10},
}}

var cnnSpec = Spec{Input: []int{1, 28, 28}, Layers: []LayerSpec{
	{Type: "conv2d", Out: 32, Kernel: 3, Padding: 1}, {Type: "batchnorm2d"}, {Type: "relu"},
	{Type: "maxpool2d", Kernel: 2}, {Type: "dropout2d", P: 0.25},
	{Type: "conv2d", Out: 32, Kernel: 3, Padding: 1}, {Type: "batchnorm2d"}, {Type: "relu"},
	{Type: "maxpool2d", Kernel: 2}, {Type: "dropout2d", P: 0.25},
	{Type: "flatten"}, {Type: "linear", Out: 128}, {Type: "relu"}, {Type: "linear", Out: 10},
}}

func TestSpecShapesMLP(t *testing.T) {
	infos, err := mlpSpec.Shapes()
	if err != nil {
		t.Fatal(err)
	}
	// 784·256 + 256 and 256·10 + 10, as torchsummary reports.
	if infos[0].Params != 200960 || infos[2].Params != 2570 {
		t.Errorf("params %d, %d; want 200960, 2570", infos[0].Params, infos[2].Params)
	}
	if got := infos[2].Out; len(got) != 1 || got[0] != 10 {
		t.Errorf("output shape %v, want [10]", got)
	}
}

func TestSpecShapesCNN(t *testing.T) {
	infos, err := cnnSpec.Shapes()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]int{{32, 28, 28}, {32, 28, 28}, {32, 28, 28}, {32, 14, 14}, {32, 14, 14},
		{32, 14, 14}, {32, 14, 14}, {32, 14, 14}, {32, 7, 7}, {32, 7, 7}, {1568}, {128}, {128}, {10}}
	for i, w := range want {
		if shapeString(infos[i].Out) != shapeString(w) {
			t.Errorf("layer %d: shape %v, want %v", i+1, infos[i].Out, w)
		}
	}
	if infos[0].Params != 32*9+32 || infos[5].Params != 32*32*9+32 || infos[1].Params != 64 {
		t.Errorf("conv/bn params %d %d %d", infos[0].Params, infos[5].Params, infos[1].Params)
	}
}

func TestSpecErrorsNameTheLayer(t *testing.T) {
	cases := []struct {
		name string
		spec Spec
		want string
	}{
		{"linear on image", Spec{Input: []int{1, 28, 28}, Layers: []LayerSpec{{Type: "linear", Out: 10}}}, "layer 1 (linear): needs a flat"},
		{"unknown type", Spec{Input: []int{4}, Layers: []LayerSpec{{Type: "relu"}, {Type: "dense", Out: 3}}}, `layer 2 (dense): unknown layer type "dense"`},
		{"negative size", Spec{Input: []int{4}, Layers: []LayerSpec{{Type: "linear", Out: -3}}}, "layer 1 (linear): sizes must not be negative"},
		{"kernel too big", Spec{Input: []int{1, 4, 4}, Layers: []LayerSpec{{Type: "conv2d", Out: 2, Kernel: 5}}}, "layer 1 (conv2d): kernel 5 does not fit the 4x4 input"},
		{"dropout p", Spec{Input: []int{4}, Layers: []LayerSpec{{Type: "dropout", P: 1}}}, "layer 1 (dropout): p must be in [0, 1)"},
		{"maxout pieces", Spec{Input: []int{5}, Layers: []LayerSpec{{Type: "maxout", Pieces: 2}}}, "layer 1 (maxout): pieces (2) must divide the 5 features"},
		{"huge", Spec{Input: []int{60000}, Layers: []LayerSpec{{Type: "linear", Out: 60000}}}, "over 20000000 parameters"},
		{"bad init", Spec{Input: []int{4}, Layers: []LayerSpec{{Type: "linear", Out: 2, Init: "magic"}}}, `unknown init "magic"`},
	}
	for _, c := range cases {
		err := c.spec.Validate()
		if err == nil || !strings.Contains(err.Error(), c.want) || !errors.Is(err, ErrSpec) {
			t.Errorf("%s: error %v, want one containing %q that wraps ErrSpec", c.name, err, c.want)
		}
	}
	if err := (Spec{Input: []int{4}}).Validate(); err == nil {
		t.Error("a spec without layers passed validation")
	}
	if err := (Spec{Input: []int{0}, Layers: mlpSpec.Layers}).Validate(); err == nil {
		t.Error("a zero input dimension passed validation")
	}
}

func TestParseSpecRoundTrip(t *testing.T) {
	data, err := cnnSpec.JSON()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseSpec(data)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := back.JSON()
	if string(again) != string(data) {
		t.Errorf("round trip changed the spec:\n%s\n%s", data, again)
	}
	for _, bad := range []string{`{"input":[4],"layers":[{"type":"relu","size":3}]}`, `{"input":[4],"layers":[`, `[]`} {
		if _, err := ParseSpec([]byte(bad)); err == nil || !errors.Is(err, ErrSpec) {
			t.Errorf("ParseSpec(%s) = %v, want an ErrSpec error", bad, err)
		}
	}
}

func TestBuildMatchesShapes(t *testing.T) {
	for _, s := range []Spec{mlpSpec, cnnSpec} {
		m, err := s.Build(1)
		if err != nil {
			t.Fatal(err)
		}
		infos, _ := s.Shapes()
		total := 0
		for _, in := range infos {
			total += in.Params
		}
		if got := CountParameters(m); got != total {
			t.Errorf("built %d parameters, spec says %d", got, total)
		}
	}
	m, _ := mlpSpec.Build(1)
	names := []string{}
	for _, p := range m.Parameters() {
		names = append(names, p.Name)
	}
	if strings.Join(names, " ") != "0.weight 0.bias 2.weight 2.bias" {
		t.Errorf("parameter names %v", names)
	}
}

// A log_softmax layer builds into LogSoftmax over the features: each
// output row holds log-probabilities, whose exponentials sum to 1.
func TestSpecLogSoftmaxLayer(t *testing.T) {
	s := Spec{Input: []int{4}, Layers: []LayerSpec{{Type: "linear", Out: 3}, {Type: "log_softmax"}}}
	infos, err := s.Shapes()
	if err != nil || shapeString(infos[1].Out) != "[-1, 3]" || infos[1].Params != 0 {
		t.Fatalf("shapes %v, %v", infos, err)
	}
	m, err := s.Build(1)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := m.Layers[1].(*LogSoftmax); !ok {
		t.Fatalf("layer 2 is %T, want *LogSoftmax", m.Layers[1])
	}
	out := m.Forward(core.Randn(core.NewGenerator(2), 5, 4)).Data64()
	for i := 0; i < 5; i++ {
		sum := 0.0
		for _, v := range out[i*3 : (i+1)*3] {
			if v > 0 {
				t.Fatalf("row %d: log-probability %g above 0", i, v)
			}
			sum += math.Exp(v)
		}
		if math.Abs(sum-1) > 1e-5 {
			t.Errorf("row %d: probabilities sum to %g", i, sum)
		}
	}
}
