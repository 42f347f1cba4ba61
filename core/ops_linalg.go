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

// BMM returns the batched matrix product of t (b×m×k) and u (b×k×n).
func (t *Tensor) BMM(u *Tensor) *Tensor {
	if t.Dim() != 3 || u.Dim() != 3 || t.shape[0] != u.shape[0] {
		panicf("BMM", ErrShape, [][]int{t.shape, u.shape}, "needs two 3-D tensors with the same batch size")
	}
	return batchedMM("BMM", t, u, t.shape[:1])
}

// Outer returns the outer product of the 1-D tensors t and u: out[i][j] = t[i]·u[j].
func (t *Tensor) Outer(u *Tensor) *Tensor {
	if t.Dim() != 1 || u.Dim() != 1 {
		panicf("Outer", ErrShape, [][]int{t.shape, u.shape}, "needs two 1-D tensors")
	}
	return t.Reshape(-1, 1).MM(u.Reshape(1, -1))
}

// MatMul is torch.matmul: the dot product of two 1-D tensors, a
// matrix-vector or vector-matrix product, MM for two matrices, and for
// higher ranks a product of the last two dimensions batched over the others,
// which broadcast. A 1-D operand is treated as a row (left) or column
// (right) and that dimension is removed from the result.
func (t *Tensor) MatMul(u *Tensor) *Tensor {
	a, b := t, u
	if a.Dim() == 0 || b.Dim() == 0 {
		panicf("MatMul", ErrShape, [][]int{t.shape, u.shape}, "needs tensors of rank 1 or more")
	}
	if a.Dim() == 1 {
		a = a.Reshape(1, -1)
	}
	if b.Dim() == 1 {
		b = b.Reshape(-1, 1)
	}
	ra, rb := a.Dim(), b.Dim()
	if a.shape[ra-1] != b.shape[rb-2] {
		panicf("MatMul", ErrShape, [][]int{t.shape, u.shape}, "inner dimensions %d and %d differ", a.shape[ra-1], b.shape[rb-2])
	}
	var out *Tensor
	if ra == 2 && rb == 2 {
		out = a.MM(b)
	} else {
		batch := broadcastShapes("MatMul", a.shape[:ra-2], b.shape[:rb-2])
		out = batchedMM("MatMul", fitBatch(a, batch), fitBatch(b, batch), batch)
	}
	// Drop the dimensions that stood in for a vector operand.
	shape := out.Shape()
	r := len(shape)
	switch {
	case t.Dim() == 1 && u.Dim() == 1:
		shape = shape[:r-2]
	case t.Dim() == 1:
		shape = append(shape[:r-2], shape[r-1])
	case u.Dim() == 1:
		shape = shape[:r-1]
	}
	if len(shape) != r {
		out = out.Reshape(shape...)
	}
	return out
}

// fitBatch leaves t alone when its batch dimensions already match batch or
// hold a single matrix (which the kernel reuses with stride 0) and expands it
// otherwise, so that the gradient of the expansion sums the broadcast away.
func fitBatch(t *Tensor, batch []int) *Tensor {
	bs := t.shape[:len(t.shape)-2]
	if equalShape(bs, batch) || kernel.Numel(bs) == 1 {
		return t
	}
	return t.Expand(append(cloneShape(batch), t.shape[len(t.shape)-2:]...)...)
}

// batchedMM multiplies the last two dimensions of a and b for every index of
// batch. Each operand's leading dimensions either equal batch or hold one
// matrix, which is reused for the whole batch.
func batchedMM(op string, a, b *Tensor, batch []int) *Tensor {
	be := sameBackend(op, a, b)
	ra, rb := len(a.shape), len(b.shape)
	m, k, n := a.shape[ra-2], a.shape[ra-1], b.shape[rb-1]
	if b.shape[rb-2] != k {
		panicf(op, ErrShape, [][]int{a.shape, b.shape}, "inner dimensions %d and %d differ", k, b.shape[rb-2])
	}
	nb := kernel.Numel(batch)
	strideOf := func(t *Tensor, size int) int {
		if kernel.Numel(t.shape[:len(t.shape)-2]) == 1 {
			return 0
		}
		return size
	}
	sa, sb := strideOf(a, m*k), strideOf(b, k*n)
	out := empty(be, append(cloneShape(batch), m, n))
	be.MatMul(out.buf, a.buf, b.buf, kernel.MatMulParams{Batch: nb, M: m, K: k, N: n, StrideA: sa, StrideB: sb, StrideC: m * n})
	return record(op, out, func(g *Tensor) []*Tensor {
		// ga[i] = g[i]·b[i]ᵀ and gb[i] = a[i]ᵀ·g[i]; an operand reused across
		// the batch collects the sum of its per-batch gradients.
		ga := empty(be, []int{nb, m, k})
		be.MatMul(ga.buf, g.buf, b.buf, kernel.MatMulParams{Batch: nb, M: m, K: n, N: k, TransB: true, StrideA: m * n, StrideB: sb, StrideC: m * k})
		gb := empty(be, []int{nb, k, n})
		be.MatMul(gb.buf, a.buf, g.buf, kernel.MatMulParams{Batch: nb, M: k, K: m, N: n, TransA: true, StrideA: sa, StrideB: m * n, StrideC: k * n})
		return []*Tensor{batchGrad(ga, a, sa), batchGrad(gb, b, sb)}
	}, a, b)
}

// batchGrad shapes the per-batch gradients g ([batch, rows, cols]) like t,
// summing them when t's one matrix was reused (stride 0).
func batchGrad(g, t *Tensor, stride int) *Tensor {
	if stride == 0 {
		g = g.SumDim(0, false)
	}
	return g.Reshape(t.shape...)
}
