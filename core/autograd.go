package core

import "sync/atomic"

// node records how a tensor was made: the op, its inputs, and the rule that
// turns the gradient of the output into gradients of the inputs.
type node struct {
	op     string
	inputs []*Tensor
	// backward returns one gradient per input, shaped like that input; nil
	// where an input needs none.
	backward func(grad *Tensor) []*Tensor
}

// freed marks a tensor whose graph Backward has already consumed.
var freed = &node{op: "freed"}

var gradDisabled atomic.Int32

// NoGrad runs f without recording a graph, as torch.no_grad does. It is for
// inference and for parameter updates. The setting is process-wide.
func NoGrad(f func()) {
	gradDisabled.Add(1)
	defer gradDisabled.Add(-1)
	f()
}

// IsGradEnabled reports whether ops record a graph now.
func IsGradEnabled() bool { return gradDisabled.Load() == 0 }

// record attaches a node to out when gradients are enabled and any input
// needs one, and returns out.
func record(op string, out *Tensor, backward func(grad *Tensor) []*Tensor, inputs ...*Tensor) *Tensor {
	if !IsGradEnabled() {
		return out
	}
	for _, in := range inputs {
		if in.requiresGrad {
			out.requiresGrad = true
			out.node = &node{op: op, inputs: inputs, backward: backward}
			return out
		}
	}
	return out
}

// RequiresGrad reports whether gradients flow into t.
func (t *Tensor) RequiresGrad() bool { return t.requiresGrad }

// SetRequiresGrad marks a leaf tensor as one whose gradient Backward should
// compute, and returns it.
func (t *Tensor) SetRequiresGrad(on bool) *Tensor {
	if t.node != nil && t.node != freed && !on {
		panicf("SetRequiresGrad", ErrGrad, nil, "cannot turn gradients off on the result of %s; use Detach", t.node.op)
	}
	t.requiresGrad = on
	return t
}

// Grad returns the gradient that Backward left on t, or nil.
func (t *Tensor) Grad() *Tensor { return t.grad }

// ZeroGrad forgets t's gradient, so the next Backward starts from zero.
func (t *Tensor) ZeroGrad() { t.grad = nil }

// Detach returns a tensor sharing t's storage with no graph behind it.
func (t *Tensor) Detach() *Tensor {
	return &Tensor{shape: t.shape, buf: t.buf, backend: t.backend, name: t.name}
}

// GradFn names the op that made t ("" for a leaf), like PyTorch's grad_fn.
func (t *Tensor) GradFn() string {
	if t.node == nil || t.node == freed {
		return ""
	}
	return t.node.op
}

// IsLeaf reports whether t was made directly rather than by a recorded op.
func (t *Tensor) IsLeaf() bool { return t.node == nil || t.node == freed }

// Backward computes the gradient of the one-element tensor t with respect to
// every tensor in its graph that requires one.
func (t *Tensor) Backward() {
	if t.Numel() != 1 {
		panicf("Backward", ErrShape, [][]int{t.shape}, "needs a one-element tensor; use BackwardWith for others")
	}
	t.BackwardWith(OnesLike(t))
}

// BackwardWith runs backpropagation from t with upstream gradient grad (the
// gradient of some scalar with respect to t). Gradients accumulate into Grad
// of every tensor in the graph that requires one, leaves and intermediate
// results alike, so the playground can show each node's gradient. The graph
// is freed afterwards: a second Backward through it panics.
func (t *Tensor) BackwardWith(grad *Tensor) {
	if !t.requiresGrad {
		panicf("Backward", ErrGrad, nil, "tensor does not require grad")
	}
	if t.node == freed {
		panicf("Backward", ErrGrad, nil, "graph already freed by an earlier Backward")
	}
	if !equalShape(grad.shape, t.shape) {
		panicf("Backward", ErrShape, [][]int{t.shape, grad.shape}, "gradient shape differs from tensor shape")
	}
	sameBackend("Backward", t, grad)
	order := topoOrder(t)
	grads := map[*Tensor]*Tensor{t: grad}
	NoGrad(func() {
		for i := len(order) - 1; i >= 0; i-- {
			v := order[i]
			g := grads[v]
			delete(grads, v)
			if g == nil {
				continue
			}
			if v.grad == nil {
				v.grad = g
			} else {
				v.grad = v.grad.Add(g)
			}
			if v.IsLeaf() {
				continue
			}
			ins := v.node.backward(g)
			for j, in := range v.node.inputs {
				if ins[j] == nil || !in.requiresGrad {
					continue
				}
				if prev := grads[in]; prev != nil {
					grads[in] = prev.Add(ins[j])
				} else {
					grads[in] = ins[j]
				}
			}
			v.node = freed
		}
	})
}

// topoOrder returns the tensors of t's graph that require grad, each after
// all of its inputs.
func topoOrder(t *Tensor) []*Tensor {
	var order []*Tensor
	seen := map[*Tensor]bool{}
	type frame struct {
		t    *Tensor
		next int
	}
	stack := []frame{{t: t}}
	seen[t] = true
	for len(stack) > 0 {
		f := &stack[len(stack)-1]
		if f.t.IsLeaf() || f.next == len(f.t.node.inputs) {
			order = append(order, f.t)
			stack = stack[:len(stack)-1]
			continue
		}
		in := f.t.node.inputs[f.next]
		f.next++
		if in.requiresGrad && !seen[in] {
			seen[in] = true
			stack = append(stack, frame{t: in})
		}
	}
	return order
}

func equalShape(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
