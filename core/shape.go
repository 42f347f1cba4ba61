package core

import (
	"slices"

	"github.com/gograd/gograd/core/kernel"
)

// normDim turns a possibly negative dimension into one in [0, rank).
func normDim(op string, dim, rank int) int {
	d := dim
	if d < 0 {
		d += rank
	}
	if d < 0 || d >= rank {
		panicf(op, ErrIndex, nil, "dimension %d for a tensor of rank %d", dim, rank)
	}
	return d
}

// broadcastShapes returns the shape both operands broadcast to under
// NumPy/PyTorch rules: align trailing dimensions; sizes must match or be 1.
func broadcastShapes(op string, a, b []int) []int {
	n := max(len(a), len(b))
	out := make([]int, n)
	for i := 1; i <= n; i++ {
		da, db := 1, 1
		if i <= len(a) {
			da = a[len(a)-i]
		}
		if i <= len(b) {
			db = b[len(b)-i]
		}
		switch {
		case da == db || db == 1:
			out[n-i] = da
		case da == 1:
			out[n-i] = db
		default:
			panicf(op, ErrShape, [][]int{a, b}, "cannot broadcast")
		}
	}
	return out
}

// broadcastStrides returns strides that read a contiguous tensor of shape
// from through the larger shape to (0 along broadcast dimensions).
func broadcastStrides(from, to []int) []int {
	st := make([]int, len(to))
	src := kernel.ContiguousStrides(from)
	off := len(to) - len(from)
	for i := range from {
		if from[i] != 1 {
			st[off+i] = src[i]
		}
	}
	return st
}

func cloneShape(s []int) []int { return slices.Clone(s) }
