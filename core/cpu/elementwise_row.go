package cpu

import "github.com/gograd/gograd/core/kernel"

// binaryRow sets d[j] = op(xs[j·xst], ys[j·yst]). The four arithmetic ops
// get plain loops for the stride patterns broadcasting produces (both
// contiguous, or one operand fixed), which the compiler keeps free of calls;
// everything else goes through binaryFunc.
func binaryRow[T Float](op kernel.BinaryOp, d, xs []T, xst int, ys []T, yst int) {
	switch {
	case xst == 1 && yst == 1:
		xs, ys = xs[:len(d)], ys[:len(d)]
		switch op {
		case kernel.Add:
			for j := range d {
				d[j] = xs[j] + ys[j]
			}
			return
		case kernel.Sub:
			for j := range d {
				d[j] = xs[j] - ys[j]
			}
			return
		case kernel.Mul:
			for j := range d {
				d[j] = xs[j] * ys[j]
			}
			return
		case kernel.Div:
			for j := range d {
				d[j] = xs[j] / ys[j]
			}
			return
		}
	case xst == 1 && yst == 0:
		xs, y := xs[:len(d)], ys[0]
		switch op {
		case kernel.Add:
			for j := range d {
				d[j] = xs[j] + y
			}
			return
		case kernel.Sub:
			for j := range d {
				d[j] = xs[j] - y
			}
			return
		case kernel.Mul:
			for j := range d {
				d[j] = xs[j] * y
			}
			return
		case kernel.Div:
			for j := range d {
				d[j] = xs[j] / y
			}
			return
		}
	case xst == 0 && yst == 1:
		x, ys := xs[0], ys[:len(d)]
		switch op {
		case kernel.Add:
			for j := range d {
				d[j] = x + ys[j]
			}
			return
		case kernel.Sub:
			for j := range d {
				d[j] = x - ys[j]
			}
			return
		case kernel.Mul:
			for j := range d {
				d[j] = x * ys[j]
			}
			return
		case kernel.Div:
			for j := range d {
				d[j] = x / ys[j]
			}
			return
		}
	}
	f := binaryFunc[T](op)
	for j := range d {
		d[j] = f(xs[j*xst], ys[j*yst])
	}
}
