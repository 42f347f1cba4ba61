package core_test

import (
	"fmt"
	"testing"

	"github.com/gograd/gograd/core"
)

// matmulRef follows torch.matmul with plain loops: vectors become a row
// (left) or column (right), batch dimensions broadcast, and the stand-in
// dimensions are dropped again.
func matmulRef(a, b nd) nd {
	va, vb := len(a.shape) == 1, len(b.shape) == 1
	if va {
		a = nd{[]int{1, a.shape[0]}, a.data}
	}
	if vb {
		b = nd{[]int{b.shape[0], 1}, b.data}
	}
	ra, rb := len(a.shape), len(b.shape)
	m, k, n := a.shape[ra-2], a.shape[ra-1], b.shape[rb-1]
	nbat := max(ra, rb) - 2
	batch := make([]int, nbat)
	for i := range batch {
		da, db := 1, 1
		if j := i - (nbat - (ra - 2)); j >= 0 {
			da = a.shape[j]
		}
		if j := i - (nbat - (rb - 2)); j >= 0 {
			db = b.shape[j]
		}
		batch[i] = max(da, db)
	}
	out := newND(append(append([]int(nil), batch...), m, n)...)
	for p := range out.data {
		idx := unravel(p, out.shape)
		ai := append(append([]int(nil), idx[:nbat]...), idx[nbat], 0)
		bi := append(append([]int(nil), idx[:nbat]...), 0, idx[nbat+1])
		s := 0.0
		for q := 0; q < k; q++ {
			ai[nbat+1], bi[nbat] = q, q
			s += a.bcastAt(ai) * b.bcastAt(bi)
		}
		out.data[p] = s
	}
	shape := out.shape
	switch {
	case va && vb:
		shape = shape[:nbat]
	case va:
		shape = append(shape[:nbat:nbat], n)
	case vb:
		shape = shape[:nbat+1]
	}
	return nd{shape, out.data}
}

func TestMatMul(t *testing.T) {
	cases := [][2][]int{
		{{5}, {5}},
		{{3, 5}, {5}},
		{{5}, {5, 4}},
		{{3, 5}, {5, 4}},
		{{2, 3, 5}, {2, 5, 4}},
		{{2, 3, 5}, {5, 4}},
		{{3, 5}, {2, 5, 4}},
		{{5}, {2, 5, 4}},
		{{2, 3, 5}, {5}},
		{{2, 1, 3, 5}, {4, 5, 2}},
		{{1, 3, 5}, {2, 5, 4}},
		{{3, 1, 2, 5}, {1, 4, 5, 3}},
		{{3, 0}, {0, 2}},
	}
	for i, c := range cases {
		x, y := randT(uint64(70+2*i), c[0]...), randT(uint64(71+2*i), c[1]...)
		near(t, fmt.Sprintf("MatMul %v·%v", c[0], c[1]), x.MatMul(y), matmulRef(ndOf(x), ndOf(y)), 1e-5)
	}
	for _, c := range cases[:12] {
		gradOK(t, fmt.Sprintf("MatMul %v·%v", c[0], c[1]), func(in []*core.Tensor) *core.Tensor {
			return in[0].MatMul(in[1])
		}, randT(90, c[0]...), randT(91, c[1]...))
	}

	panicsWith(t, "MatMul inner", core.ErrShape, func() { randT(1, 2, 3, 4).MatMul(randT(2, 5, 2)) }, "[2 3 4]", "[5 2]")
	panicsWith(t, "MatMul batch", core.ErrShape, func() { randT(1, 2, 3, 4).MatMul(randT(2, 3, 4, 2)) })
	panicsWith(t, "MatMul scalar", core.ErrShape, func() { core.Scalar(1).MatMul(randT(2, 3)) })
}

func TestMMBMMOuter(t *testing.T) {
	x, y := randT(100, 3, 7), randT(101, 7, 2)
	near(t, "MM", x.MM(y), matmulRef(ndOf(x), ndOf(y)), 1e-5)
	gradOK(t, "MM", func(in []*core.Tensor) *core.Tensor { return in[0].MM(in[1]) }, randT(102, 3, 4), randT(103, 4, 5))

	p, q := randT(104, 4, 3, 5), randT(105, 4, 5, 2)
	near(t, "BMM", p.BMM(q), matmulRef(ndOf(p), ndOf(q)), 1e-5)
	gradOK(t, "BMM", func(in []*core.Tensor) *core.Tensor { return in[0].BMM(in[1]) }, randT(106, 3, 2, 4), randT(107, 3, 4, 3))

	u, v := randT(108, 5), randT(109, 3)
	want := newND(5, 3)
	for i := range want.data {
		want.data[i] = ndOf(u).data[i/3] * ndOf(v).data[i%3]
	}
	near(t, "Outer", u.Outer(v), want, 1e-6)
	gradOK(t, "Outer", func(in []*core.Tensor) *core.Tensor { return in[0].Outer(in[1]) }, randT(110, 4), randT(111, 2))

	// The same matrix on both sides: both gradients reach it.
	gradOK(t, "MatMul of x with itself", func(in []*core.Tensor) *core.Tensor {
		return in[0].MatMul(in[0].Transpose(-1, -2))
	}, randT(112, 2, 3, 4))

	panicsWith(t, "MM inner", core.ErrShape, func() { x.MM(x) }, "[3 7]")
	panicsWith(t, "BMM batch", core.ErrShape, func() { p.BMM(randT(1, 3, 5, 2)) }, "[4 3 5]", "[3 5 2]")
	panicsWith(t, "BMM rank", core.ErrShape, func() { x.BMM(y) })
	panicsWith(t, "Outer rank", core.ErrShape, func() { x.Outer(u) })
}
