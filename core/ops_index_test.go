package core_test

import (
	"fmt"
	"testing"

	"github.com/gograd/gograd/core"
)

func TestIndexSelect(t *testing.T) {
	x := randT(30, 4, 5, 3)
	a := ndOf(x)
	idx := []int{4, 0, 4, 2}
	for _, dim := range []int{1, -2} {
		want := newND(4, len(idx), 3)
		for i := range want.data {
			j := unravel(i, want.shape)
			want.data[i] = a.at(j[0], idx[j[1]], j[2])
		}
		near(t, "IndexSelect", x.IndexSelect(dim, indexT(idx, len(idx))), want, 0)
	}
	last := x.IndexSelect(-1, indexT([]int{2}))
	want := newND(4, 5, 1)
	for i := range want.data {
		j := unravel(i, want.shape)
		want.data[i] = a.at(j[0], j[1], 2)
	}
	near(t, "IndexSelect last dim", last, want, 0)

	// Index 4 appears twice, so its gradient is the sum of two.
	gradOK(t, "IndexSelect", func(in []*core.Tensor) *core.Tensor {
		return in[0].IndexSelect(1, g64(idx, len(idx)))
	}, randT(31, 2, 5, 3))
	gradOK(t, "IndexSelect dim 0", func(in []*core.Tensor) *core.Tensor {
		return in[0].IndexSelect(0, g64([]int{1, 1, 0}, 3))
	}, randT(32, 3, 2))

	panicsWith(t, "IndexSelect 2-D index", core.ErrShape, func() { x.IndexSelect(0, indexT([]int{0, 1}, 1, 2)) })
	panicsWith(t, "IndexSelect dim", core.ErrIndex, func() { x.IndexSelect(3, indexT([]int{0})) })
}

func TestGather(t *testing.T) {
	x := randT(33, 3, 5, 2)
	a := ndOf(x)
	g := core.NewGenerator(34)
	idx := make([]int, 3*4*2)
	for i := range idx {
		idx[i] = int(g.Float64() * 5)
	}
	want := newND(3, 4, 2)
	for i := range want.data {
		j := unravel(i, want.shape)
		want.data[i] = a.at(j[0], idx[i], j[2])
	}
	near(t, "Gather dim 1", x.Gather(1, indexT(idx, 3, 4, 2)), want, 0)
	near(t, "Gather dim -2", x.Gather(-2, indexT(idx, 3, 4, 2)), want, 0)

	// Class scores picked by label, as a loss does it.
	labels := []int{2, 0, 1}
	scores := randT(35, 3, 4)
	w := newND(3, 1)
	for i, l := range labels {
		w.data[i] = ndOf(scores).at(i, l)
	}
	near(t, "Gather labels", scores.Gather(1, indexT(labels, 3, 1)), w, 0)

	gradOK(t, "Gather", func(in []*core.Tensor) *core.Tensor {
		return in[0].Gather(1, g64(idx, 3, 4, 2))
	}, randT(36, 3, 5, 2))
	gradOK(t, "Gather dim 0", func(in []*core.Tensor) *core.Tensor {
		return in[0].Gather(0, g64([]int{1, 0, 1, 1, 1, 0}, 3, 2))
	}, randT(37, 2, 2))

	panicsWith(t, "Gather rank", core.ErrShape, func() { x.Gather(1, indexT([]int{0}, 1)) }, "[3 5 2]", "[1]")
	panicsWith(t, "Gather sizes", core.ErrShape, func() { x.Gather(1, indexT(make([]int, 4), 2, 1, 2)) })
}

// Gather picks, for each row, the score of that row's label, as a loss does.
func ExampleTensor_Gather() {
	scores := core.FromSlice([]float32{0.1, 0.7, 0.2, 0.5, 0.3, 0.2}, 2, 3)
	labels := core.FromSlice([]float32{1, 2}, 2, 1)
	fmt.Println(scores.Gather(1, labels))
	// Output:
	// tensor([[0.7000],
	//         [0.2000]])
}
