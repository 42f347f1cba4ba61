package cpu

// gemv writes the single row op(a)·op(B) into c[:n]: the product for one
// input, as the playground runs a network on one drawing. Packing B for it
// would copy the whole weight matrix to use each value once, so the row is
// formed directly: dot products with B's rows when op(B) = Bᵀ (a Linear
// layer's weights), or a sum of B's rows scaled by a otherwise.
func gemv[T Float](c, a, b []T, lda, ldb, k, n int, transA, transB bool) {
	row := a[:k]
	if transA {
		// op(A) is a column of a: gather it once.
		row = make([]T, k)
		for p := range row {
			row[p] = a[p*lda]
		}
	}
	c = c[:n]
	if transB {
		for j := range c {
			c[j] = dot(row, b[j*ldb:j*ldb+k])
		}
		return
	}
	clear(c)
	for p, v := range row {
		for j, w := range b[p*ldb : p*ldb+n] {
			c[j] += v * w
		}
	}
}

// dot is Σ x[i]·y[i] with four running sums, so the additions do not wait
// on one another.
func dot[T Float](x, y []T) T {
	y = y[:len(x)]
	var s0, s1, s2, s3 T
	i := 0
	for ; i+4 <= len(x); i += 4 {
		s0 += x[i] * y[i]
		s1 += x[i+1] * y[i+1]
		s2 += x[i+2] * y[i+2]
		s3 += x[i+3] * y[i+3]
	}
	for ; i < len(x); i++ {
		s0 += x[i] * y[i]
	}
	return (s0 + s1) + (s2 + s3)
}
