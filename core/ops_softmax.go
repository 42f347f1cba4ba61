package core

import "github.com/gograd/gograd/core/kernel"

// Softmax returns e^t / Σ e^t along dim, computed stably.
func (t *Tensor) Softmax(dim int) *Tensor { return t.softmax("Softmax", dim, false) }

// LogSoftmax returns the logarithm of Softmax, computed without forming it.
func (t *Tensor) LogSoftmax(dim int) *Tensor { return t.softmax("LogSoftmax", dim, true) }

// softmax runs the row kernel over the last dimension; another dimension is
// swapped to the end and back, so the gradient flows through the swaps.
func (t *Tensor) softmax(op string, dim int, log bool) *Tensor {
	r := len(t.shape)
	if r == 0 {
		normDim(op, dim, 1)
		return t.Reshape(1).softmax(op, 0, log).Reshape()
	}
	d := normDim(op, dim, r)
	if d != r-1 {
		return t.Transpose(d, r-1).softmax(op, r-1, log).Transpose(d, r-1)
	}
	be := t.backend
	cols := t.shape[r-1]
	rows := kernel.Numel(t.shape[:r-1])
	out := empty(be, cloneShape(t.shape))
	if out.Numel() > 0 {
		be.Softmax(out.buf, t.buf, rows, cols, log)
	}
	return record(op, out, func(g *Tensor) []*Tensor {
		dx := empty(be, cloneShape(t.shape))
		if dx.Numel() > 0 {
			be.SoftmaxBackward(dx.buf, out.buf, g.buf, rows, cols, log)
		}
		return []*Tensor{dx}
	}, t)
}
