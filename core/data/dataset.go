package data

import (
	"fmt"
	"slices"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/kernel"
)

// Dataset is an indexed collection of samples of fixed shape.
//
// Fill copies sample i into x (as many values as a SampleShape holds) and
// its target into y (as many as a TargetShape holds). Writing into
// caller-owned slices lets a DataLoader assemble a batch in one contiguous
// buffer without allocating.
type Dataset interface {
	// Len is the number of samples.
	Len() int
	// SampleShape is the shape of one input, e.g. [784] or [1, 28, 28].
	SampleShape() []int
	// TargetShape is the shape of one target: [] for a class index or a
	// scalar, [1] for the regression sets.
	TargetShape() []int
	// Fill copies sample i into x and its target into y.
	Fill(i int, x, y []float32)
}

// Set is an in-memory dataset: sample i is X[i*xn:(i+1)*xn] with xn the
// number of values in XShape, its target Y[i*yn:(i+1)*yn].
type Set struct {
	X      []float32
	Y      []float32
	XShape []int // shape of one sample
	YShape []int // shape of one target; empty for a class index
	// Classes is the number of classes of a classification set, 0 for
	// regression.
	Classes int
}

// NewSet checks that x and y hold the same number n of samples and returns
// the Set. Mismatched lengths are a programmer error and panic.
func NewSet(x []float32, xShape []int, y []float32, yShape []int, classes int) *Set {
	xn, yn := kernel.Numel(xShape), kernel.Numel(yShape)
	if xn == 0 || yn == 0 || len(x)%xn != 0 || len(y)%yn != 0 || len(x)/xn != len(y)/yn {
		panic(fmt.Sprintf("data.NewSet: %d inputs of shape %v do not match %d targets of shape %v", len(x), xShape, len(y), yShape))
	}
	return &Set{X: x, Y: y, XShape: slices.Clone(xShape), YShape: slices.Clone(yShape), Classes: classes}
}

// Len implements Dataset.
func (s *Set) Len() int { return len(s.Y) / kernel.Numel(s.YShape) }

// SampleShape implements Dataset.
func (s *Set) SampleShape() []int { return slices.Clone(s.XShape) }

// TargetShape implements Dataset.
func (s *Set) TargetShape() []int { return slices.Clone(s.YShape) }

// Fill implements Dataset.
func (s *Set) Fill(i int, x, y []float32) {
	xn, yn := kernel.Numel(s.XShape), kernel.Numel(s.YShape)
	copy(x[:xn], s.X[i*xn:(i+1)*xn])
	copy(y[:yn], s.Y[i*yn:(i+1)*yn])
}

// Tensors returns the whole set as two tensors on the default backend, of
// shapes [N, XShape...] and [N, YShape...], for full-batch training.
func (s *Set) Tensors() (x, y *core.Tensor) {
	n := s.Len()
	x = core.FromSlice(s.X, append([]int{n}, s.XShape...)...)
	y = core.FromSlice(s.Y, append([]int{n}, s.YShape...)...)
	return x, y
}

// Subset is the samples of a Dataset at the given indices, in that order
// (for example the first 1000 MNIST images, or a validation split).
type Subset struct {
	Dataset Dataset
	Indices []int
}

// Len implements Dataset.
func (s Subset) Len() int { return len(s.Indices) }

// SampleShape implements Dataset.
func (s Subset) SampleShape() []int { return s.Dataset.SampleShape() }

// TargetShape implements Dataset.
func (s Subset) TargetShape() []int { return s.Dataset.TargetShape() }

// Fill implements Dataset.
func (s Subset) Fill(i int, x, y []float32) { s.Dataset.Fill(s.Indices[i], x, y) }

// First returns the Subset of the first n samples of d (all of them if d
// has fewer).
func First(d Dataset, n int) Subset {
	n = min(n, d.Len())
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return Subset{Dataset: d, Indices: idx}
}
