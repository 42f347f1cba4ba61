package core

import (
	"encoding/json"
	"math"
	"strconv"
)

// LeafOp is the Op of a graph node that no recorded op made: an input, a
// parameter or a constant.
const LeafOp = "leaf"

// GraphMaxValues is the largest tensor whose numbers Export includes; bigger
// tensors are drawn by shape alone.
const GraphMaxValues = 16

// Graph is the computational graph behind a tensor, captured by Trace. It
// holds the tensors themselves, so Export shows their values and gradients
// as they are when it is called.
type Graph struct {
	tensors []*Tensor
	ops     []string
	edges   []GraphEdge
}

// GraphData is a picture-ready copy of a Graph: nodes in topological order
// (every node after its inputs, the traced tensor last) and the edges from
// each op's inputs to its result.
type GraphData struct {
	Nodes []GraphNode `json:"nodes"`
	Edges []GraphEdge `json:"edges"`
}

// GraphNode is one tensor of a graph. Value and Grad are nil for tensors of
// more than GraphMaxValues elements; Grad is also nil while the tensor has
// no gradient.
type GraphNode struct {
	ID           int    `json:"id"`
	Op           string `json:"op"` // the op that made the tensor, or LeafOp
	Name         string `json:"name"`
	Shape        []int  `json:"shape"`
	RequiresGrad bool   `json:"requires_grad"`
	Value        Floats `json:"value"`
	Grad         Floats `json:"grad"`
}

// GraphEdge says that node From is an input of the op that made node To. An
// op that uses one tensor twice (x*x) has two edges from it.
type GraphEdge struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// Floats is a list of numbers. In JSON, which cannot write NaN or infinity,
// such elements become null, so a diverging network can still be drawn.
type Floats []float32

// MarshalJSON implements json.Marshaler.
func (f Floats) MarshalJSON() ([]byte, error) {
	if f == nil {
		return []byte("null"), nil
	}
	b := []byte{'['}
	for i, v := range f {
		if i > 0 {
			b = append(b, ',')
		}
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			b = append(b, "null"...)
		} else {
			b = strconv.AppendFloat(b, float64(v), 'g', -1, 32)
		}
	}
	return append(b, ']'), nil
}

// Trace captures the graph that produced root: root, the inputs of the op
// that made it, their inputs, and so on down to the leaves. Call it before
// Backward, which frees the graph; call Export afterwards to see gradients.
func Trace(root *Tensor) *Graph {
	if root.node == freed {
		panicf("Trace", ErrGrad, nil, "graph already freed by Backward; trace before calling Backward")
	}
	g := &Graph{}
	ids := map[*Tensor]int{}
	type frame struct {
		t    *Tensor
		next int
	}
	// Depth-first, numbering each tensor after all of its inputs; an explicit
	// stack because a training graph can be thousands of ops deep.
	stack := []frame{{t: root}}
	seen := map[*Tensor]bool{root: true}
	for len(stack) > 0 {
		f := &stack[len(stack)-1]
		if f.t.node == nil || f.t.node == freed || f.next == len(f.t.node.inputs) {
			g.add(f.t, ids)
			stack = stack[:len(stack)-1]
			continue
		}
		in := f.t.node.inputs[f.next]
		f.next++
		if !seen[in] {
			seen[in] = true
			stack = append(stack, frame{t: in})
		}
	}
	return g
}

// add numbers t and records the edges from its inputs, which are numbered.
func (g *Graph) add(t *Tensor, ids map[*Tensor]int) {
	id := len(g.tensors)
	ids[t] = id
	g.tensors = append(g.tensors, t)
	if t.node == nil || t.node == freed {
		g.ops = append(g.ops, LeafOp)
		return
	}
	g.ops = append(g.ops, t.node.op)
	for _, in := range t.node.inputs {
		g.edges = append(g.edges, GraphEdge{From: ids[in], To: id})
	}
}

// Export copies the graph with each tensor's current value and gradient.
func (g *Graph) Export() GraphData {
	d := GraphData{Nodes: make([]GraphNode, len(g.tensors)), Edges: append([]GraphEdge(nil), g.edges...)}
	for i, t := range g.tensors {
		// A 0-D tensor's shape is [], never null.
		shape := append([]int{}, t.shape...)
		n := GraphNode{ID: i, Op: g.ops[i], Name: t.name, Shape: shape, RequiresGrad: t.requiresGrad}
		if t.Numel() <= GraphMaxValues {
			n.Value = t.Data()
			if t.grad != nil {
				n.Grad = t.grad.Data()
			}
		}
		d.Nodes[i] = n
	}
	return d
}

// JSON encodes the graph with snake_case keys, for the playground's pictures.
func (d GraphData) JSON() ([]byte, error) { return json.Marshal(d) }
