package core

import "github.com/gograd/gograd/core/kernel"

// binary runs an elementwise kernel over the broadcast shape of a and b.
func binary(op string, k kernel.BinaryOp, a, b *Tensor) *Tensor {
	be := sameBackend(op, a, b)
	shape := broadcastShapes(op, a.shape, b.shape)
	out := empty(be, shape)
	be.Binary(k, out.buf, a.buf, b.buf, shape, broadcastStrides(a.shape, shape), broadcastStrides(b.shape, shape))
	return out
}

// Add returns t + u, broadcasting.
func (t *Tensor) Add(u *Tensor) *Tensor {
	return record("Add", binary("Add", kernel.Add, t, u), func(g *Tensor) []*Tensor {
		return []*Tensor{sumTo(g, t.shape), sumTo(g, u.shape)}
	}, t, u)
}

// Sub returns t - u, broadcasting.
func (t *Tensor) Sub(u *Tensor) *Tensor {
	return record("Sub", binary("Sub", kernel.Sub, t, u), func(g *Tensor) []*Tensor {
		return []*Tensor{sumTo(g, t.shape), sumTo(g.Neg(), u.shape)}
	}, t, u)
}

// Mul returns t * u elementwise, broadcasting.
func (t *Tensor) Mul(u *Tensor) *Tensor {
	return record("Mul", binary("Mul", kernel.Mul, t, u), func(g *Tensor) []*Tensor {
		return []*Tensor{sumTo(g.Mul(u), t.shape), sumTo(g.Mul(t), u.shape)}
	}, t, u)
}

// Div returns t / u elementwise, broadcasting.
func (t *Tensor) Div(u *Tensor) *Tensor {
	return record("Div", binary("Div", kernel.Div, t, u), func(g *Tensor) []*Tensor {
		gu := g.Mul(t).Div(u.Mul(u)).Neg()
		return []*Tensor{sumTo(g.Div(u), t.shape), sumTo(gu, u.shape)}
	}, t, u)
}

// PowTensor returns t ^ u elementwise, broadcasting.
func (t *Tensor) PowTensor(u *Tensor) *Tensor {
	out := binary("PowTensor", kernel.PowT, t, u)
	return record("PowTensor", out, func(g *Tensor) []*Tensor {
		gt := g.Mul(u).Mul(t.PowTensor(u.AddScalar(-1)))
		gu := g.Mul(out).Mul(t.Log())
		return []*Tensor{sumTo(gt, t.shape), sumTo(gu, u.shape)}
	}, t, u)
}

// Maximum returns the elementwise larger of t and u. Where they tie the
// gradient goes to t.
func (t *Tensor) Maximum(u *Tensor) *Tensor {
	return record("Maximum", binary("Maximum", kernel.Maximum, t, u), func(g *Tensor) []*Tensor {
		mask := binary("Maximum", kernel.GreaterEqual, t, u)
		return []*Tensor{sumTo(g.Mul(mask), t.shape), sumTo(g.Mul(mask.RSubScalar(1)), u.shape)}
	}, t, u)
}

// Minimum returns the elementwise smaller of t and u. Where they tie the
// gradient goes to t.
func (t *Tensor) Minimum(u *Tensor) *Tensor {
	return record("Minimum", binary("Minimum", kernel.Minimum, t, u), func(g *Tensor) []*Tensor {
		mask := binary("Minimum", kernel.GreaterEqual, u, t)
		return []*Tensor{sumTo(g.Mul(mask), t.shape), sumTo(g.Mul(mask.RSubScalar(1)), u.shape)}
	}, t, u)
}

// Greater returns 1 where t > u and 0 elsewhere; it has no gradient.
func (t *Tensor) Greater(u *Tensor) *Tensor { return binary("Greater", kernel.Greater, t, u) }

// Equal returns 1 where t == u and 0 elsewhere; it has no gradient.
func (t *Tensor) Equal(u *Tensor) *Tensor { return binary("Equal", kernel.Equal, t, u) }

// sumTo sums g over the dimensions that broadcasting expanded, so that the
// result has shape: the adjoint of broadcasting.
func sumTo(g *Tensor, shape []int) *Tensor {
	if equalShape(g.shape, shape) {
		return g
	}
	lead := len(g.shape) - len(shape)
	out := g
	for i := len(g.shape) - 1; i >= 0; i-- {
		if i < lead || (shape[i-lead] == 1 && g.shape[i] != 1) {
			out = out.SumDim(i, true)
		}
	}
	return out.Reshape(shape...)
}
