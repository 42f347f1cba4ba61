package cpu

import "github.com/gograd/gograd/core/kernel"

// MatMul implements kernel.Backend. Each product goes through gemm, which
// packs, blocks and (natively) parallelises; a batch of products too small
// to split is spread across cores one product per task instead.
func (be *Backend[T]) MatMul(c, a, b kernel.Buffer, p kernel.MatMulParams) {
	cs, as, bs := be.data(c), be.data(a), be.data(b)
	one := func(i int) {
		lda, ldb := p.K, p.N
		if p.TransA {
			lda = p.M
		}
		if p.TransB {
			ldb = p.K
		}
		gemm(cs[i*p.StrideC:], as[i*p.StrideA:], bs[i*p.StrideB:], lda, ldb, p.N,
			p.M, p.K, p.N, p.TransA, p.TransB)
	}
	// Outputs that overlap (StrideC smaller than a matrix) must be written in
	// batch order, so only disjoint outputs are spread across workers.
	w := workers(p.M, p.K, p.N)
	if p.Batch > 1 && w == 1 && p.StrideC >= p.M*p.N {
		parallelFor(p.Batch, batchWorkers(p.Batch, p.M, p.K, p.N), one)
		return
	}
	for i := 0; i < p.Batch; i++ {
		one(i)
	}
}
