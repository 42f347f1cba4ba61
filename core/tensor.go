package core

import (
	"fmt"
	"math"

	"github.com/gograd/gograd/core/kernel"
)

// Tensor is an n-dimensional array of numbers on one backend, with an
// optional gradient. Its storage is contiguous and row-major; ops that
// rearrange elements (Transpose, Permute, Expand) copy.
type Tensor struct {
	shape   []int
	buf     kernel.Buffer
	backend Backend

	requiresGrad bool
	grad         *Tensor
	node         *node // the op that made this tensor, nil for leaves
	name         string
}

// newTensor wraps buf; it does not copy shape.
func newTensor(b Backend, buf kernel.Buffer, shape []int) *Tensor {
	return &Tensor{shape: shape, buf: buf, backend: b}
}

// empty returns a zero-filled tensor on b.
func empty(b Backend, shape []int) *Tensor {
	return newTensor(b, b.New(kernel.Numel(shape)), shape)
}

func checkShape(op string, shape []int) []int {
	for _, d := range shape {
		if d < 0 {
			panicf(op, ErrShape, [][]int{shape}, "negative dimension")
		}
	}
	return cloneShape(shape)
}

// FromSlice returns a tensor of the given shape holding a copy of data, on
// the default backend. With no shape it is one-dimensional.
func FromSlice(data []float32, shape ...int) *Tensor {
	return FromSliceOn(DefaultBackend(), data, shape...)
}

// FromSliceOn is FromSlice on backend b.
func FromSliceOn(b Backend, data []float32, shape ...int) *Tensor {
	if len(shape) == 0 {
		shape = []int{len(data)}
	}
	shape = checkShape("FromSlice", shape)
	if kernel.Numel(shape) != len(data) {
		panicf("FromSlice", ErrShape, [][]int{shape}, "%d values for", len(data))
	}
	return newTensor(b, b.FromFloat32(data), shape)
}

// FromFloat64 returns a tensor holding data on backend b. On a float32
// backend the values are rounded.
func FromFloat64(b Backend, data []float64, shape ...int) *Tensor {
	if len(shape) == 0 {
		shape = []int{len(data)}
	}
	shape = checkShape("FromFloat64", shape)
	if kernel.Numel(shape) != len(data) {
		panicf("FromFloat64", ErrShape, [][]int{shape}, "%d values for", len(data))
	}
	return newTensor(b, b.FromFloat64(data), shape)
}

// Scalar returns a zero-dimensional tensor holding v.
func Scalar(v float32) *Tensor {
	// Not FromSlice: it reads an empty shape as "one-dimensional".
	b := DefaultBackend()
	return newTensor(b, b.FromFloat32([]float32{v}), []int{})
}

// Zeros returns a tensor of zeros.
func Zeros(shape ...int) *Tensor { return empty(DefaultBackend(), checkShape("Zeros", shape)) }

// Ones returns a tensor of ones.
func Ones(shape ...int) *Tensor { return Full(1, shape...) }

// Full returns a tensor with every element v.
func Full(v float32, shape ...int) *Tensor {
	t := empty(DefaultBackend(), checkShape("Full", shape))
	t.backend.Fill(t.buf, float64(v))
	return t
}

// ZerosLike returns zeros with t's shape on t's backend.
func ZerosLike(t *Tensor) *Tensor { return empty(t.backend, cloneShape(t.shape)) }

// OnesLike returns ones with t's shape on t's backend.
func OnesLike(t *Tensor) *Tensor {
	o := ZerosLike(t)
	o.backend.Fill(o.buf, 1)
	return o
}

// Arange returns [start, start+step, ...) up to but excluding end.
func Arange(start, end, step float64) *Tensor {
	if step == 0 || (end-start)/step < 0 {
		panicf("Arange", ErrShape, nil, "empty or endless range start=%g end=%g step=%g", start, end, step)
	}
	n := int(math.Ceil((end - start) / step))
	data := make([]float64, n)
	for i := range data {
		data[i] = start + float64(i)*step
	}
	return FromFloat64(DefaultBackend(), data)
}

// Linspace returns n evenly spaced numbers from start to end inclusive.
func Linspace(start, end float64, n int) *Tensor {
	data := make([]float64, n)
	for i := range data {
		if n == 1 {
			data[i] = start
		} else {
			data[i] = start + (end-start)*float64(i)/float64(n-1)
		}
	}
	return FromFloat64(DefaultBackend(), data)
}

// Eye returns the n×n identity matrix.
func Eye(n int) *Tensor {
	data := make([]float32, n*n)
	for i := 0; i < n; i++ {
		data[i*n+i] = 1
	}
	return FromSlice(data, n, n)
}

// Uniform returns numbers drawn uniformly from [lo, hi).
func Uniform(g *Generator, lo, hi float64, shape ...int) *Tensor {
	shape = checkShape("Uniform", shape)
	data := make([]float64, kernel.Numel(shape))
	for i := range data {
		data[i] = lo + (hi-lo)*g.Float64()
	}
	return FromFloat64(DefaultBackend(), data, shape...)
}

// Rand returns numbers drawn uniformly from [0, 1).
func Rand(g *Generator, shape ...int) *Tensor { return Uniform(g, 0, 1, shape...) }

// Normal returns numbers drawn from a normal distribution.
func Normal(g *Generator, mean, std float64, shape ...int) *Tensor {
	shape = checkShape("Normal", shape)
	data := make([]float64, kernel.Numel(shape))
	for i := range data {
		data[i] = mean + std*g.NormFloat64()
	}
	return FromFloat64(DefaultBackend(), data, shape...)
}

// Randn returns standard normal numbers.
func Randn(g *Generator, shape ...int) *Tensor { return Normal(g, 0, 1, shape...) }

// Shape returns a copy of the tensor's shape.
func (t *Tensor) Shape() []int { return cloneShape(t.shape) }

// Size returns the length of dimension dim (negative counts from the end).
func (t *Tensor) Size(dim int) int { return t.shape[normDim("Size", dim, len(t.shape))] }

// Dim returns the number of dimensions.
func (t *Tensor) Dim() int { return len(t.shape) }

// Numel returns the number of elements.
func (t *Tensor) Numel() int { return kernel.Numel(t.shape) }

// Backend returns the backend that holds the tensor.
func (t *Tensor) Backend() Backend { return t.backend }

// Buffer returns the tensor's storage, for backends and tests.
func (t *Tensor) Buffer() kernel.Buffer { return t.buf }

// Data returns a copy of the elements in row-major order, waiting for any
// pending device work.
func (t *Tensor) Data() []float32 {
	out := make([]float32, t.Numel())
	t.backend.ReadFloat32(t.buf, out)
	return out
}

// Data64 is Data in float64, exact on a float64 backend.
func (t *Tensor) Data64() []float64 {
	out := make([]float64, t.Numel())
	t.backend.ReadFloat64(t.buf, out)
	return out
}

// Item returns the only element of a one-element tensor.
func (t *Tensor) Item() float32 {
	if t.Numel() != 1 {
		panicf("Item", ErrShape, [][]int{t.shape}, "needs exactly one element")
	}
	return t.Data()[0]
}

// Item64 is Item in float64.
func (t *Tensor) Item64() float64 {
	if t.Numel() != 1 {
		panicf("Item", ErrShape, [][]int{t.shape}, "needs exactly one element")
	}
	return t.Data64()[0]
}

// To returns the tensor on backend b: t itself when it is already there,
// otherwise a copy that is a new leaf (like PyTorch's .to for a leaf).
func (t *Tensor) To(b Backend) *Tensor {
	if t.backend == b {
		return t
	}
	out := FromFloat64(b, t.Data64(), t.shape...)
	out.requiresGrad = t.requiresGrad
	out.name = t.name
	return out
}

// Name returns the label set by SetName.
func (t *Tensor) Name() string { return t.name }

// SetName labels the tensor for graph pictures and messages, and returns it.
func (t *Tensor) SetName(name string) *Tensor { t.name = name; return t }

// HasNonFinite reports whether any element is NaN or ±Inf.
func (t *Tensor) HasNonFinite() bool {
	for _, v := range t.Data64() {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return true
		}
	}
	return false
}

func sameBackend(op string, ts ...*Tensor) Backend {
	b := ts[0].backend
	for _, t := range ts[1:] {
		if t.backend != b {
			panicf(op, ErrDevice, nil, "%s and %s", b.Name(), t.backend.Name())
		}
	}
	return b
}

func (t *Tensor) String() string { return format(t) }

var _ fmt.Stringer = (*Tensor)(nil)
