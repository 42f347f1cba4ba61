package core_test

import (
	"fmt"
	"testing"

	"github.com/gograd/gograd/core"
)

// catRef joins the arrays along dim.
func catRef(parts []nd, dim int) nd {
	shape := append([]int(nil), parts[0].shape...)
	shape[dim] = 0
	for _, p := range parts {
		shape[dim] += p.shape[dim]
	}
	out := newND(shape...)
	for i := range out.data {
		idx := unravel(i, shape)
		for _, p := range parts {
			if idx[dim] < p.shape[dim] {
				out.data[i] = p.at(idx...)
				break
			}
			idx[dim] -= p.shape[dim]
		}
	}
	return out
}

func TestCatStack(t *testing.T) {
	xs := []*core.Tensor{randT(12, 2, 3, 4), randT(13, 2, 1, 4), randT(14, 2, 5, 4)}
	refs := []nd{ndOf(xs[0]), ndOf(xs[1]), ndOf(xs[2])}
	near(t, "Cat dim 1", core.Cat(xs, 1), catRef(refs, 1), 0)
	near(t, "Cat dim -2", core.Cat(xs, -2), catRef(refs, 1), 0)
	ys := []*core.Tensor{randT(15, 3, 2), randT(16, 1, 2), randT(17, 0, 2), randT(18, 4, 2)}
	near(t, "Cat dim 0 with an empty piece", core.Cat(ys, 0), catRef([]nd{ndOf(ys[0]), ndOf(ys[1]), ndOf(ys[2]), ndOf(ys[3])}, 0), 0)

	zs := []*core.Tensor{randT(19, 3, 2), randT(20, 3, 2)}
	unsq := func(dim int) []nd {
		out := make([]nd, len(zs))
		for i, z := range zs {
			a := ndOf(z)
			shape := append(append(append([]int(nil), a.shape[:dim]...), 1), a.shape[dim:]...)
			out[i] = nd{shape, a.data}
		}
		return out
	}
	near(t, "Stack dim 0", core.Stack(zs, 0), catRef(unsq(0), 0), 0)
	near(t, "Stack dim 1", core.Stack(zs, 1), catRef(unsq(1), 1), 0)
	near(t, "Stack dim -1", core.Stack(zs, -1), catRef(unsq(2), 2), 0)

	gradOK(t, "Cat", func(in []*core.Tensor) *core.Tensor { return core.Cat(in, 1) },
		randT(21, 2, 3, 2), randT(22, 2, 1, 2), randT(23, 2, 2, 2))
	gradOK(t, "Stack", func(in []*core.Tensor) *core.Tensor { return core.Stack(in, -1) },
		randT(24, 3, 2), randT(25, 3, 2))
	// A tensor joined to itself gets both gradients.
	gradOK(t, "Cat of one tensor twice", func(in []*core.Tensor) *core.Tensor {
		return core.Cat([]*core.Tensor{in[0], in[0].MulScalar(2)}, 0)
	}, randT(26, 2, 3))

	panicsWith(t, "Cat sizes", core.ErrShape, func() { core.Cat([]*core.Tensor{xs[0], randT(1, 3, 3, 4)}, 1) }, "[2 3 4]", "[3 3 4]")
	panicsWith(t, "Cat ranks", core.ErrShape, func() { core.Cat([]*core.Tensor{xs[0], randT(1, 2, 3)}, 0) })
	panicsWith(t, "Cat none", core.ErrShape, func() { core.Cat(nil, 0) })
	panicsWith(t, "Stack shapes", core.ErrShape, func() { core.Stack([]*core.Tensor{zs[0], randT(1, 2, 3)}, 0) })
}

// Cat joins along an existing dimension; Stack makes a new one.
func ExampleCat() {
	a := core.FromSlice([]float32{1, 2, 3, 4}, 2, 2)
	b := core.FromSlice([]float32{5, 6}, 1, 2)
	fmt.Println(core.Cat([]*core.Tensor{a, b}, 0))
	fmt.Println(core.Stack([]*core.Tensor{a, a, a}, 1).Shape())
	// Output:
	// tensor([[1.0000, 2.0000],
	//         [3.0000, 4.0000],
	//         [5.0000, 6.0000]])
	// [2 3 2]
}
