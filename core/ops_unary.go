package core

import "github.com/gograd/gograd/core/kernel"

func unary(k kernel.UnaryOp, t *Tensor, a, b float64) *Tensor {
	out := empty(t.backend, cloneShape(t.shape))
	t.backend.Unary(k, out.buf, t.buf, a, b)
	return out
}

// AddScalar returns t + v.
func (t *Tensor) AddScalar(v float64) *Tensor {
	return record("AddScalar", unary(kernel.Affine, t, 1, v), func(g *Tensor) []*Tensor { return []*Tensor{g} }, t)
}

// MulScalar returns t * v.
func (t *Tensor) MulScalar(v float64) *Tensor {
	return record("MulScalar", unary(kernel.Affine, t, v, 0), func(g *Tensor) []*Tensor { return []*Tensor{g.MulScalar(v)} }, t)
}

// DivScalar returns t / v.
func (t *Tensor) DivScalar(v float64) *Tensor { return t.MulScalar(1 / v) }

// RSubScalar returns v - t.
func (t *Tensor) RSubScalar(v float64) *Tensor {
	return record("RSubScalar", unary(kernel.Affine, t, -1, v), func(g *Tensor) []*Tensor { return []*Tensor{g.Neg()} }, t)
}

// Neg returns -t.
func (t *Tensor) Neg() *Tensor {
	return record("Neg", unary(kernel.Affine, t, -1, 0), func(g *Tensor) []*Tensor { return []*Tensor{g.Neg()} }, t)
}

// Pow returns t raised to the power p.
func (t *Tensor) Pow(p float64) *Tensor {
	return record("Pow", unary(kernel.Pow, t, p, 0), func(g *Tensor) []*Tensor {
		return []*Tensor{g.Mul(t.Pow(p - 1)).MulScalar(p)}
	}, t)
}

// Exp returns e^t.
func (t *Tensor) Exp() *Tensor {
	out := unary(kernel.Exp, t, 0, 0)
	return record("Exp", out, func(g *Tensor) []*Tensor { return []*Tensor{g.Mul(out)} }, t)
}

// Log returns the natural logarithm of t.
func (t *Tensor) Log() *Tensor {
	return record("Log", unary(kernel.Log, t, 0, 0), func(g *Tensor) []*Tensor { return []*Tensor{g.Div(t)} }, t)
}

// Sqrt returns √t.
func (t *Tensor) Sqrt() *Tensor {
	out := unary(kernel.Sqrt, t, 0, 0)
	return record("Sqrt", out, func(g *Tensor) []*Tensor { return []*Tensor{g.Div(out).MulScalar(0.5)} }, t)
}

// Abs returns |t|; its gradient at 0 is 0.
func (t *Tensor) Abs() *Tensor {
	return record("Abs", unary(kernel.Abs, t, 0, 0), func(g *Tensor) []*Tensor {
		return []*Tensor{g.Mul(unary(kernel.Sign, t, 0, 0))}
	}, t)
}

// Clamp limits t to [lo, hi]; the gradient is zero where it clamps.
func (t *Tensor) Clamp(lo, hi float64) *Tensor {
	return record("Clamp", unary(kernel.Clamp, t, lo, hi), func(g *Tensor) []*Tensor {
		inside := unary(kernel.Step, t, lo, 0).Mul(unary(kernel.Step, t.Neg(), -hi, 0))
		return []*Tensor{g.Mul(inside)}
	}, t)
}

// Sigmoid returns 1 / (1 + e^-t).
func (t *Tensor) Sigmoid() *Tensor {
	out := unary(kernel.Sigmoid, t, 0, 0)
	return record("Sigmoid", out, func(g *Tensor) []*Tensor {
		return []*Tensor{g.Mul(out).Mul(out.RSubScalar(1))}
	}, t)
}

// Tanh returns tanh t.
func (t *Tensor) Tanh() *Tensor {
	out := unary(kernel.Tanh, t, 0, 0)
	return record("Tanh", out, func(g *Tensor) []*Tensor {
		return []*Tensor{g.Mul(out.Mul(out).RSubScalar(1))}
	}, t)
}

// ReLU returns max(t, 0); its gradient at 0 is 0.
func (t *Tensor) ReLU() *Tensor {
	return record("ReLU", unary(kernel.ReLU, t, 0, 0), func(g *Tensor) []*Tensor {
		return []*Tensor{g.Mul(unary(kernel.Step, t, 0, 0))}
	}, t)
}

// LeakyReLU returns t where t > 0 and slope*t elsewhere.
func (t *Tensor) LeakyReLU(slope float64) *Tensor {
	return record("LeakyReLU", unary(kernel.LeakyReLU, t, slope, 0), func(g *Tensor) []*Tensor {
		d := unary(kernel.Affine, unary(kernel.Step, t, 0, 0), 1-slope, slope)
		return []*Tensor{g.Mul(d)}
	}, t)
}

// ELU returns t where t > 0 and alpha*(e^t - 1) elsewhere.
func (t *Tensor) ELU(alpha float64) *Tensor {
	out := unary(kernel.ELU, t, alpha, 0)
	return record("ELU", out, func(g *Tensor) []*Tensor {
		pos := unary(kernel.Step, t, 0, 0)
		// slope is 1 where t > 0 and out + alpha elsewhere.
		d := pos.Add(pos.RSubScalar(1).Mul(out.AddScalar(alpha)))
		return []*Tensor{g.Mul(d)}
	}, t)
}
