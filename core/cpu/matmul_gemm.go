package cpu

// Blocking follows the usual GotoBLAS/BLIS layout: op(B) is packed once, in
// slabs of at most kc depths, into nr-wide column panels; each mc-tall block
// of op(A) is packed into mr-tall row panels; the micro-kernel multiplies one
// row panel by one column panel with its mr×nr sums held in registers (the
// tile, whose shape depends on the kernel the CPU can run). The sizes keep a
// packed A block (mc·kc) in L2 and one B panel (kc·nr) in L1; nc only bounds
// the packed B buffer for very wide products.
const (
	kc = 384
	mc = 128
	nc = 2048
)

// gemm writes the m×n product op(A)·op(B) into c. Element (i, j) of C is
// c[i*ldc+j]; op(A)(i, p) is a[i*lda+p], or a[p*lda+i] when transA; op(B)(p, j)
// is b[p*ldb+j], or b[j*ldb+p] when transB.
func gemm[T Float](c, a, b []T, lda, ldb, ldc, m, k, n int, transA, transB bool) {
	if m == 0 || n == 0 {
		return
	}
	if k == 0 {
		for i := 0; i < m; i++ {
			clear(c[i*ldc : i*ldc+n])
		}
		return
	}
	if m == 1 {
		gemv(c, a, b, lda, ldb, k, n, transA, transB)
		return
	}
	t := tileFor[T]()
	mr, nr := t.mr, t.nr
	// Depth blocks of equal size: a short last block would pay a full pass
	// over C for a few multiply-adds.
	kb := (k + kc - 1) / kc
	kcb := (k + kb - 1) / kb
	w := workers(m, k, n)
	// Rows of C are independent, so blocks of rows are the unit of parallel
	// work; narrower blocks give every worker a share, and a few more tasks
	// than workers let a worker on a less busy core take more of them.
	mcb := mc / mr * mr
	if w > 1 {
		mcb = min(mcb, roundUp((m+2*w-1)/(2*w), mr))
	}
	blocks := (m + mcb - 1) / mcb
	w = min(w, blocks)
	bp := getPack[T](packOfB, k*roundUp(min(n, nc), nr))
	defer putPack(packOfB, bp)
	for jc := 0; jc < n; jc += nc {
		ncb := min(nc, n-jc)
		// The whole depth of this column slab is packed once, slab after
		// slab of kcb depths, and shared read-only by all workers.
		// Packing is a tenth of the work of a training-size product, so its
		// depth blocks and column panels are shared out too.
		slab := kcb * roundUp(ncb, nr)
		groups := min(w, (ncb+nr-1)/nr)
		width := roundUp((ncb+groups-1)/groups, nr)
		parallelFor(kb*groups, min(w, kb*groups), func(i int) {
			pc, s := i/groups*kcb, i%groups*width
			if s >= ncb {
				return
			}
			kk := min(kcb, k-pc)
			packB((*bp)[pc/kcb*slab+s*kk:], nr, b, ldb, pc, kk, jc+s, min(width, ncb-s), transB)
		})
		parallelFor(blocks, w, func(ib int) {
			ic := ib * mcb
			mcc := min(mcb, m-ic)
			ap := getPack[T](packOfA, mcb*kcb)
			for pc := 0; pc < k; pc += kcb {
				kk := min(kcb, k-pc)
				packA(*ap, mr, a, lda, ic, mcc, pc, kk, transA)
				macroKernel(t, c[ic*ldc+jc:], ldc, *ap, (*bp)[pc/kcb*slab:], mcc, kk, ncb, pc > 0)
			}
			putPack(packOfA, ap)
		})
	}
}

// macroKernel multiplies a packed mc×kc block of A by a packed kc×nc slab of
// B into C, overwriting C or, with acc, adding to it.
func macroKernel[T Float](t tile[T], c []T, ldc int, ap, bp []T, m, k, n int, acc bool) {
	var edgeTile [maxTile]T
	mr, nr, kernel := t.mr, t.nr, t.kernel
	edge := edgeTile[:mr*nr]
	for jr := 0; jr < n; jr += nr {
		nn := min(nr, n-jr)
		bpanel := bp[jr*k : (jr+nr)*k]
		for ir := 0; ir < m; ir += mr {
			mm := min(mr, m-ir)
			apanel := ap[ir*k : (ir+mr)*k]
			if mm == mr && nn == nr {
				kernel(k, apanel, bpanel, c[ir*ldc+jr:], ldc, acc)
				continue
			}
			// Edge tile: the zero-padded panels still give a full tile, of
			// which only the valid corner is stored.
			kernel(k, apanel, bpanel, edge, nr, false)
			for i := 0; i < mm; i++ {
				row := c[(ir+i)*ldc+jr : (ir+i)*ldc+jr+nn]
				for j := range row {
					if acc {
						row[j] += edge[i*nr+j]
					} else {
						row[j] = edge[i*nr+j]
					}
				}
			}
		}
	}
}

func roundUp(x, to int) int { return (x + to - 1) / to * to }
