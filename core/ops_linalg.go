package core

import "github.com/gograd/gograd/core/kernel"

// mm2 computes op(a)·op(b) for 2-D a and b without recording a graph.
func mm2(a, b *Tensor, transA, transB bool) *Tensor {
	be := sameBackend("MM", a, b)
	m, k := a.shape[0], a.shape[1]
	if transA {
		m, k = k, m
	}
	k2, n := b.shape[0], b.shape[1]
	if transB {
		k2, n = n, k2
	}
	if k != k2 {
		panicf("MM", ErrShape, [][]int{a.shape, b.shape}, "inner dimensions %d and %d differ", k, k2)
	}
	out := empty(be, []int{m, n})
	be.MatMul(out.buf, a.buf, b.buf, kernel.MatMulParams{Batch: 1, M: m, K: k, N: n, TransA: transA, TransB: transB})
	return out
}

// MM returns the matrix product of the 2-D tensors t (m×k) and u (k×n).
func (t *Tensor) MM(u *Tensor) *Tensor {
	if t.Dim() != 2 || u.Dim() != 2 {
		panicf("MM", ErrShape, [][]int{t.shape, u.shape}, "needs two 2-D tensors")
	}
	return record("MM", mm2(t, u, false, false), func(g *Tensor) []*Tensor {
		return []*Tensor{mm2(g, u, false, true), mm2(t, g, true, false)}
	}, t, u)
}
