package core_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/gograd/gograd/core"
)

// appleOrange builds the course's shopping graph and returns its price.
func appleOrange() *core.Tensor {
	apple := core.Scalar(100).SetRequiresGrad(true).SetName("apple")
	appleNum := core.Scalar(2).SetRequiresGrad(true).SetName("apple_num")
	orange := core.Scalar(150).SetRequiresGrad(true).SetName("orange")
	orangeNum := core.Scalar(3).SetRequiresGrad(true).SetName("orange_num")
	tax := core.Scalar(1.1).SetRequiresGrad(true).SetName("tax")
	applePrice := apple.Mul(appleNum).SetName("apple_price")
	orangePrice := orange.Mul(orangeNum).SetName("orange_price")
	total := applePrice.Add(orangePrice).SetName("total")
	return total.Mul(tax).SetName("price")
}

func TestTraceAppleOrange(t *testing.T) {
	price := appleOrange()
	g := core.Trace(price)
	before := g.Export()
	price.Backward()
	after := g.Export()

	want := []struct {
		op, name   string
		value, grd float64
	}{
		{"leaf", "apple", 100, 2.2},
		{"leaf", "apple_num", 2, 110},
		{"Mul", "apple_price", 200, 1.1},
		{"leaf", "orange", 150, 3.3},
		{"leaf", "orange_num", 3, 165},
		{"Mul", "orange_price", 450, 1.1},
		{"Add", "total", 650, 1.1},
		{"leaf", "tax", 1.1, 650},
		{"Mul", "price", 715, 1},
	}
	if len(after.Nodes) != len(want) {
		t.Fatalf("%d nodes, want %d", len(after.Nodes), len(want))
	}
	for i, w := range want {
		n := after.Nodes[i]
		if n.ID != i || n.Op != w.op || n.Name != w.name || len(n.Shape) != 0 || !n.RequiresGrad {
			t.Fatalf("node %d is %+v, want op %s name %s, 0-D, requiring grad", i, n, w.op, w.name)
		}
		if len(n.Value) != 1 || math.Abs(float64(n.Value[0])-w.value) > 1e-4 {
			t.Fatalf("node %s value %v, want %g", w.name, n.Value, w.value)
		}
		if len(n.Grad) != 1 || math.Abs(float64(n.Grad[0])-w.grd) > 1e-4 {
			t.Fatalf("node %s grad %v, want %g", w.name, n.Grad, w.grd)
		}
		if before.Nodes[i].Grad != nil {
			t.Fatalf("node %s had a gradient before Backward", w.name)
		}
	}
	wantEdges := []core.GraphEdge{{0, 2}, {1, 2}, {3, 5}, {4, 5}, {2, 6}, {5, 6}, {6, 8}, {7, 8}}
	if !slices.Equal(after.Edges, wantEdges) {
		t.Fatalf("edges %v, want %v", after.Edges, wantEdges)
	}
}

func TestGraphJSON(t *testing.T) {
	price := appleOrange()
	g := core.Trace(price)
	price.Backward()
	b, err := g.Export().JSON()
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Nodes []map[string]any `json:"nodes"`
		Edges []map[string]any `json:"edges"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any) string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return strings.Join(ks, " ")
	}
	if got := keys(raw.Nodes[0]); got != "grad id name op requires_grad shape value" {
		t.Fatalf("node keys %q", got)
	}
	if got := keys(raw.Edges[0]); got != "from to" {
		t.Fatalf("edge keys %q", got)
	}
	if !strings.Contains(string(b), `{"id":0,"op":"leaf","name":"apple","shape":[],"requires_grad":true,"value":[100],"grad":[2.2]}`) {
		t.Fatalf("apple node not encoded as expected in %s", b)
	}
}

// A diverging network still exports: NaN and infinity become null.
func TestGraphJSONNonFinite(t *testing.T) {
	x := core.FromSlice([]float32{-1, 0, 1}).SetRequiresGrad(true)
	y := x.Log()
	b, err := core.Trace(y).Export().JSON()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"value":[null,null,0]`) {
		t.Fatalf("log of [-1 0 1] encoded as %s", b)
	}
}

func TestGraphLargeTensorsHaveNoValues(t *testing.T) {
	small := core.Ones(4, 4).SetRequiresGrad(true)
	big := core.Ones(17).SetRequiresGrad(true)
	loss := small.Sum().Add(big.Sum())
	g := core.Trace(loss)
	loss.Backward()
	for _, n := range g.Export().Nodes {
		numel := 1
		for _, d := range n.Shape {
			numel *= d
		}
		if numel > core.GraphMaxValues && (n.Value != nil || n.Grad != nil) {
			t.Fatalf("node %d with %d elements carries numbers", n.ID, numel)
		}
		if numel <= core.GraphMaxValues && (len(n.Value) != numel || len(n.Grad) != numel) {
			t.Fatalf("node %d with %d elements has value %v grad %v", n.ID, numel, n.Value, n.Grad)
		}
	}
}

// A tensor used twice appears once, with one edge per use; constants are
// leaves that need no gradient.
func TestTraceSharedInputsAndConstants(t *testing.T) {
	x := core.Scalar(3).SetRequiresGrad(true).SetName("x")
	c := core.Scalar(2).SetName("c")
	sq := x.Mul(x)
	y := sq.Add(sq.Mul(c))
	d := core.Trace(y).Export()
	var ops []string
	for _, n := range d.Nodes {
		ops = append(ops, n.Op)
	}
	if got := strings.Join(ops, " "); got != "leaf Mul leaf Mul Add" {
		t.Fatalf("ops %q", got)
	}
	if d.Nodes[2].Name != "c" || d.Nodes[2].RequiresGrad {
		t.Fatalf("constant node %+v", d.Nodes[2])
	}
	want := []core.GraphEdge{{0, 1}, {0, 1}, {1, 3}, {2, 3}, {1, 4}, {3, 4}}
	if !slices.Equal(d.Edges, want) {
		t.Fatalf("edges %v, want %v", d.Edges, want)
	}
}

func TestTraceAfterBackwardPanics(t *testing.T) {
	y := core.Scalar(2).SetRequiresGrad(true).MulScalar(3)
	y.Backward()
	err := shapePanic(func() { core.Trace(y) })
	if !errors.Is(err, core.ErrGrad) {
		t.Fatalf("got %v, want an ErrGrad panic", err)
	}
}

func TestFloatsJSON(t *testing.T) {
	for _, tc := range []struct {
		in   core.Floats
		want string
	}{
		{nil, "null"},
		{core.Floats{}, "[]"},
		{core.Floats{1.5, -2, 1e-7, 3e20, float32(math.Inf(1))}, "[1.5,-2,1e-07,3e+20,null]"},
	} {
		b, err := json.Marshal(tc.in)
		if err != nil || string(b) != tc.want {
			t.Fatalf("%v encoded as %s (%v), want %s", []float32(tc.in), b, err, tc.want)
		}
		if tc.in != nil && !strings.Contains(tc.want, "null") {
			var back []float32
			if err := json.Unmarshal(b, &back); err != nil || fmt.Sprint(back) != fmt.Sprint([]float32(tc.in)) {
				t.Fatalf("%s decoded as %v (%v)", b, back, err)
			}
		}
	}
}
