package cpu

// packA copies rows [i0, i0+m) and depths [p0, p0+k) of op(A) into dst as
// mr-row panels: panel r holds element (i0+r*mr+i, p0+p) at r*mr*k + p*mr + i.
// Rows past m are zero so the micro-kernel never needs a ragged edge.
func packA[T Float](dst []T, mr int, a []T, lda, i0, m, p0, k int, trans bool) {
	for r := 0; r < m; r += mr {
		panel := dst[r*k : (r+mr)*k]
		rows := min(mr, m-r)
		if trans {
			// op(A)(i, p) = a[p*lda+i]: each depth is a contiguous run of rows.
			for p := 0; p < k; p++ {
				src := a[(p0+p)*lda+i0+r:]
				d := panel[p*mr : p*mr+mr]
				for i := 0; i < rows; i++ {
					d[i] = src[i]
				}
				clear(d[rows:])
			}
			continue
		}
		for i := 0; i < rows; i++ {
			src := a[(i0+r+i)*lda+p0 : (i0+r+i)*lda+p0+k]
			for p, v := range src {
				panel[p*mr+i] = v
			}
		}
		for i := rows; i < mr; i++ {
			for p := 0; p < k; p++ {
				panel[p*mr+i] = 0
			}
		}
	}
}

// packB copies depths [p0, p0+k) and columns [j0, j0+n) of op(B) into dst as
// nr-column panels: panel s holds element (p0+p, j0+s*nr+j) at s*nr*k + p*nr + j.
// Columns past n are zero.
func packB[T Float](dst []T, nr int, b []T, ldb, p0, k, j0, n int, trans bool) {
	if !trans {
		// Row by row, so B is read in the order it is stored: walking it
		// panel by panel instead reads one cache line per row and stalls
		// on every one.
		for p := 0; p < k; p++ {
			src := b[(p0+p)*ldb+j0 : (p0+p)*ldb+j0+n]
			for s := 0; s < n; s += nr {
				d := dst[s*k+p*nr : s*k+(p+1)*nr]
				cols := copy(d, src[s:min(n, s+nr)])
				clear(d[cols:])
			}
		}
		return
	}
	for s := 0; s < n; s += nr {
		panel := dst[s*k : (s+nr)*k]
		cols := min(nr, n-s)
		// op(B)(p, j) = b[j*ldb+p]: each column is a contiguous run of depths.
		for j := 0; j < cols; j++ {
			src := b[(j0+s+j)*ldb+p0 : (j0+s+j)*ldb+p0+k]
			for p, v := range src {
				panel[p*nr+j] = v
			}
		}
		for j := cols; j < nr; j++ {
			for p := 0; p < k; p++ {
				panel[p*nr+j] = 0
			}
		}
	}
}
