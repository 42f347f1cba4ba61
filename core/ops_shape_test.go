package core_test

import (
	"fmt"
	"testing"

	"github.com/gograd/gograd/core"
)

// permuteRef returns a with dimension i of the result taken from perm[i].
func permuteRef(a nd, perm []int) nd {
	shape := make([]int, len(perm))
	for i, p := range perm {
		shape[i] = a.shape[p]
	}
	out := newND(shape...)
	src := make([]int, len(perm))
	for i := range out.data {
		idx := unravel(i, shape)
		for j, p := range perm {
			src[p] = idx[j]
		}
		out.data[i] = a.at(src...)
	}
	return out
}

// sliceRef takes length entries of dimension dim, step apart from start.
func sliceRef(a nd, dim, start, length, step int) nd {
	shape := append([]int(nil), a.shape...)
	shape[dim] = length
	out := newND(shape...)
	for i := range out.data {
		idx := unravel(i, shape)
		idx[dim] = start + idx[dim]*step
		out.data[i] = a.at(idx...)
	}
	return out
}

func TestPermuteTranspose(t *testing.T) {
	x := randT(1, 2, 3, 4, 5)
	a := ndOf(x)
	near(t, "Permute(2,0,3,1)", x.Permute(2, 0, 3, 1), permuteRef(a, []int{2, 0, 3, 1}), 0)
	near(t, "Permute(-1,0,-3,2)", x.Permute(-1, 0, -3, 2), permuteRef(a, []int{3, 0, 1, 2}), 0)
	near(t, "Transpose(0,-1)", x.Transpose(0, -1), permuteRef(a, []int{3, 1, 2, 0}), 0)
	near(t, "Transpose(1,1)", x.Transpose(1, 1), a, 0)
	m := randT(2, 3, 7)
	near(t, "T", m.T(), permuteRef(ndOf(m), []int{1, 0}), 0)

	gradOK(t, "Permute", func(in []*core.Tensor) *core.Tensor { return in[0].Permute(1, 2, 0) }, randT(3, 2, 3, 4))
	gradOK(t, "Transpose", func(in []*core.Tensor) *core.Tensor { return in[0].Transpose(-1, 0) }, randT(4, 3, 1, 5))
	gradOK(t, "T", func(in []*core.Tensor) *core.Tensor { return in[0].T() }, randT(5, 3, 2))

	panicsWith(t, "Permute repeated", core.ErrIndex, func() { x.Permute(0, 1, 1, 2) })
	panicsWith(t, "Permute count", core.ErrShape, func() { x.Permute(0, 1) }, "[2 3 4 5]")
	panicsWith(t, "Transpose range", core.ErrIndex, func() { x.Transpose(0, 4) })
	panicsWith(t, "T of 3-D", core.ErrShape, func() { x.Narrow(0, 0, 1).Squeeze(0).T() })
}

func TestSqueezeUnsqueezeFlatten(t *testing.T) {
	x := randT(6, 2, 1, 3, 4)
	a := ndOf(x)
	same := func(what string, got *core.Tensor, shape ...int) {
		t.Helper()
		near(t, what, got, nd{shape, a.data}, 0)
	}
	same("Squeeze(1)", x.Squeeze(1), 2, 3, 4)
	same("Squeeze(-3)", x.Squeeze(-3), 2, 3, 4)
	same("Squeeze(0) of size 2", x.Squeeze(0), 2, 1, 3, 4)
	same("Unsqueeze(0)", x.Unsqueeze(0), 1, 2, 1, 3, 4)
	same("Unsqueeze(4)", x.Unsqueeze(4), 2, 1, 3, 4, 1)
	same("Unsqueeze(-1)", x.Unsqueeze(-1), 2, 1, 3, 4, 1)
	same("Unsqueeze(-2)", x.Unsqueeze(-2), 2, 1, 3, 1, 4)
	same("Flatten(1,-1)", x.Flatten(1, -1), 2, 12)
	same("Flatten(0,-1)", x.Flatten(0, -1), 24)
	same("Flatten(1,2)", x.Flatten(1, 2), 2, 3, 4)
	same("Flatten(2,2)", x.Flatten(2, 2), 2, 1, 3, 4)
	s := core.Scalar(3)
	near(t, "Squeeze of scalar", s.Squeeze(0), nd{[]int{}, []float64{3}}, 0)
	near(t, "Unsqueeze of scalar", s.Unsqueeze(0), nd{[]int{1}, []float64{3}}, 0)
	near(t, "Flatten of scalar", s.Flatten(0, -1), nd{[]int{1}, []float64{3}}, 0)

	gradOK(t, "Squeeze/Unsqueeze/Flatten", func(in []*core.Tensor) *core.Tensor {
		return in[0].Squeeze(1).Unsqueeze(-1).Flatten(0, 1).Mul(in[0].Flatten(0, 2))
	}, randT(7, 2, 1, 3, 1))

	panicsWith(t, "Unsqueeze range", core.ErrIndex, func() { x.Unsqueeze(6) })
	panicsWith(t, "Flatten order", core.ErrIndex, func() { x.Flatten(2, 1) })
}

func TestNarrowSlice(t *testing.T) {
	x := randT(8, 5, 7, 3)
	a := ndOf(x)
	near(t, "Narrow(1,2,4)", x.Narrow(1, 2, 4), sliceRef(a, 1, 2, 4, 1), 0)
	near(t, "Narrow(-2,-3,2)", x.Narrow(-2, -3, 2), sliceRef(a, 1, 4, 2, 1), 0)
	near(t, "Narrow(0,4,0)", x.Narrow(0, 4, 0), sliceRef(a, 0, 4, 0, 1), 0)
	near(t, "Slice(1,1,7,2)", x.Slice(1, 1, 7, 2), sliceRef(a, 1, 1, 3, 2), 0)
	near(t, "Slice(1,1,6,2)", x.Slice(1, 1, 6, 2), sliceRef(a, 1, 1, 3, 2), 0)
	near(t, "Slice(0,-4,-1,2)", x.Slice(0, -4, -1, 2), sliceRef(a, 0, 1, 2, 2), 0)
	near(t, "Slice(-1,0,100,2)", x.Slice(-1, 0, 100, 2), sliceRef(a, 2, 0, 2, 2), 0)
	near(t, "Slice(1,-100,3,1)", x.Slice(1, -100, 3, 1), sliceRef(a, 1, 0, 3, 1), 0)
	near(t, "Slice(1,5,2,1) empty", x.Slice(1, 5, 2, 1), sliceRef(a, 1, 5, 0, 1), 0)

	gradOK(t, "Narrow", func(in []*core.Tensor) *core.Tensor { return in[0].Narrow(1, 1, 3) }, randT(9, 3, 5, 2))
	gradOK(t, "Slice", func(in []*core.Tensor) *core.Tensor { return in[0].Slice(0, 1, 6, 3) }, randT(10, 7, 3))
	// Two overlapping slices of one tensor: their gradients add.
	gradOK(t, "overlapping slices", func(in []*core.Tensor) *core.Tensor {
		return in[0].Slice(-1, 0, 5, 2).Add(in[0].Narrow(-1, 2, 3))
	}, randT(11, 2, 6))

	panicsWith(t, "Narrow past end", core.ErrIndex, func() { x.Narrow(1, 5, 3) }, "[5 7 3]")
	panicsWith(t, "Slice step", core.ErrIndex, func() { x.Slice(0, 0, 5, 0) })
}

// Transpose swaps two dimensions; Permute reorders them all.
func ExampleTensor_Transpose() {
	x := core.Arange(0, 6, 1).Reshape(2, 3)
	fmt.Println(x.T())
	fmt.Println(core.Zeros(2, 3, 4).Permute(2, 0, 1).Shape())
	// Output:
	// tensor([[0.0000, 3.0000],
	//         [1.0000, 4.0000],
	//         [2.0000, 5.0000]])
	// [4 2 3]
}
