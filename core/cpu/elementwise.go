package cpu

import (
	"math"

	"github.com/gograd/gograd/core/kernel"
)

// Unary implements kernel.Backend.
func (be *Backend[T]) Unary(op kernel.UnaryOp, dst, x kernel.Buffer, a, b float64) {
	d, s := be.data(dst), be.data(x)
	A, B := T(a), T(b)
	switch op {
	case kernel.Affine:
		for i, v := range s {
			d[i] = v*A + B
		}
	case kernel.Pow:
		switch a {
		case 2:
			for i, v := range s {
				d[i] = v * v
			}
		default:
			for i, v := range s {
				d[i] = T(math.Pow(float64(v), a))
			}
		}
	case kernel.Exp:
		for i, v := range s {
			d[i] = T(math.Exp(float64(v)))
		}
	case kernel.Log:
		for i, v := range s {
			d[i] = T(math.Log(float64(v)))
		}
	case kernel.Sqrt:
		for i, v := range s {
			d[i] = T(math.Sqrt(float64(v)))
		}
	case kernel.Abs:
		for i, v := range s {
			d[i] = T(math.Abs(float64(v)))
		}
	case kernel.Sign:
		for i, v := range s {
			switch {
			case v > 0:
				d[i] = 1
			case v < 0:
				d[i] = -1
			default:
				d[i] = 0
			}
		}
	case kernel.Sigmoid:
		for i, v := range s {
			d[i] = T(sigmoid(float64(v)))
		}
	case kernel.Tanh:
		for i, v := range s {
			d[i] = T(math.Tanh(float64(v)))
		}
	case kernel.ReLU:
		for i, v := range s {
			d[i] = max(v, 0)
		}
	case kernel.LeakyReLU:
		for i, v := range s {
			if v > 0 {
				d[i] = v
			} else {
				d[i] = A * v
			}
		}
	case kernel.ELU:
		for i, v := range s {
			if v > 0 {
				d[i] = v
			} else {
				d[i] = T(a * math.Expm1(float64(v)))
			}
		}
	case kernel.Clamp:
		for i, v := range s {
			d[i] = min(max(v, A), B)
		}
	case kernel.Step:
		for i, v := range s {
			if v > A {
				d[i] = 1
			} else {
				d[i] = 0
			}
		}
	default:
		panic("cpu: unknown unary op " + op.String())
	}
}

// sigmoid is computed so that neither branch overflows.
func sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}

// Binary implements kernel.Backend.
func (be *Backend[T]) Binary(op kernel.BinaryOp, dst, x, y kernel.Buffer, shape, xStrides, yStrides []int) {
	d, xs, ys := be.data(dst), be.data(x), be.data(y)
	if len(shape) == 0 {
		d[0] = binaryFunc[T](op)(xs[0], ys[0])
		return
	}
	shape, st := kernel.Coalesce(shape, kernel.ContiguousStrides(shape), xStrides, yStrides)
	last := len(shape) - 1
	n, xst, yst := shape[last], st[1][last], st[2][last]
	forRows(shape, st, true, func(_ int, offs []int) {
		binaryRow(op, d[offs[0]:offs[0]+n], xs[offs[1]:], xst, ys[offs[2]:], yst)
	})
}

func binaryFunc[T Float](op kernel.BinaryOp) func(x, y T) T {
	switch op {
	case kernel.Add:
		return func(x, y T) T { return x + y }
	case kernel.Sub:
		return func(x, y T) T { return x - y }
	case kernel.Mul:
		return func(x, y T) T { return x * y }
	case kernel.Div:
		return func(x, y T) T { return x / y }
	case kernel.PowT:
		return func(x, y T) T { return T(math.Pow(float64(x), float64(y))) }
	case kernel.Maximum:
		return func(x, y T) T { return max(x, y) }
	case kernel.Minimum:
		return func(x, y T) T { return min(x, y) }
	case kernel.Greater:
		return func(x, y T) T { return boolNum[T](x > y) }
	case kernel.GreaterEqual:
		return func(x, y T) T { return boolNum[T](x >= y) }
	case kernel.Equal:
		return func(x, y T) T { return boolNum[T](x == y) }
	}
	panic("cpu: unknown binary op " + op.String())
}

func boolNum[T Float](b bool) T {
	if b {
		return 1
	}
	return 0
}
