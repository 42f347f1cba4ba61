package cpu

import "github.com/gograd/gograd/core/kernel"

// MatMul implements kernel.Backend.
func (be *Backend[T]) MatMul(c, a, b kernel.Buffer, p kernel.MatMulParams) {
	cs, as, bs := be.data(c), be.data(a), be.data(b)
	for i := 0; i < p.Batch; i++ {
		gemm(cs[i*p.StrideC:], as[i*p.StrideA:], bs[i*p.StrideB:], p.M, p.K, p.N, p.TransA, p.TransB)
	}
}

// gemm writes the M×N product of op(a) (M×K) and op(b) (K×N) into c.
func gemm[T Float](c, a, b []T, m, k, n int, transA, transB bool) {
	for i := 0; i < m; i++ {
		row := c[i*n : (i+1)*n]
		clear(row)
		for p := 0; p < k; p++ {
			var av T
			if transA {
				av = a[p*m+i]
			} else {
				av = a[i*k+p]
			}
			if av == 0 {
				continue
			}
			if transB {
				for j := range row {
					row[j] += av * b[j*k+p]
				}
			} else {
				brow := b[p*n : (p+1)*n]
				for j := range row {
					row[j] += av * brow[j]
				}
			}
		}
	}
}
