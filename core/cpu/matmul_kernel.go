package cpu

// tile is a micro-kernel with the shape of the block of C it computes:
// kernel(k, ap, bp, c, ldc, acc) sets the mr×nr block at c (row stride ldc)
// to Ap·Bp, or adds Ap·Bp to it with acc, where Ap is a packed panel of mr
// rows and Bp a packed panel of nr columns, both of depth k.
type tile[T Float] struct {
	mr, nr int
	kernel func(k int, ap, bp, c []T, ldc int, acc bool)
}

// maxTile bounds mr·nr over all tiles, for the edge-tile buffer.
const maxTile = 6 * 16

// genericTile is the portable Go tile, used for float64, in WebAssembly and
// with the purego build tag.
func genericTile[T Float]() tile[T] { return tile[T]{mr: 2, nr: 4, kernel: microKernel[T]} }

// tileFor picks the tile for T: the fastest assembly kernel this CPU runs
// for T (fastTile), else the generic one.
func tileFor[T Float]() tile[T] {
	if t, ok := fastTile.(tile[T]); ok {
		return t
	}
	return genericTile[T]()
}

// microKernel computes the 2×4 tile C = Ap·Bp, or C += Ap·Bp with
// acc, from one packed A panel and one packed B panel of depth k.
//
// The shape is measured, not guessed: the eight sums, four B values, two A
// values and a product temporary fit the fifteen float registers the Go
// compiler allocates on amd64, while 4×4 or 3×4 tiles spill to the stack
// every step and run at half the speed, natively and in WebAssembly. The loop
// is unrolled by two depths to halve the bounds checks and loop overhead.
func microKernel[T Float](k int, ap, bp, c []T, ldc int, acc bool) {
	var c00, c01, c02, c03, c10, c11, c12, c13 T
	const mr, nr = 2, 4
	ap = ap[:mr*k]
	bp = bp[:nr*k]
	p := 0
	for ; p+1 < k; p += 2 {
		a := ap[mr*p : mr*p+2*mr : mr*p+2*mr]
		b := bp[nr*p : nr*p+2*nr : nr*p+2*nr]
		a0, a1 := a[0], a[1]
		b0, b1, b2, b3 := b[0], b[1], b[2], b[3]
		c00 += a0 * b0
		c01 += a0 * b1
		c02 += a0 * b2
		c03 += a0 * b3
		c10 += a1 * b0
		c11 += a1 * b1
		c12 += a1 * b2
		c13 += a1 * b3
		a0, a1 = a[2], a[3]
		b0, b1, b2, b3 = b[4], b[5], b[6], b[7]
		c00 += a0 * b0
		c01 += a0 * b1
		c02 += a0 * b2
		c03 += a0 * b3
		c10 += a1 * b0
		c11 += a1 * b1
		c12 += a1 * b2
		c13 += a1 * b3
	}
	if p < k {
		a := ap[mr*p : mr*p+mr : mr*p+mr]
		b := bp[nr*p : nr*p+nr : nr*p+nr]
		a0, a1 := a[0], a[1]
		c00 += a0 * b[0]
		c01 += a0 * b[1]
		c02 += a0 * b[2]
		c03 += a0 * b[3]
		c10 += a1 * b[0]
		c11 += a1 * b[1]
		c12 += a1 * b[2]
		c13 += a1 * b[3]
	}
	r0 := c[0:nr:nr]
	r1 := c[ldc : ldc+nr : ldc+nr]
	if acc {
		c00, c01, c02, c03 = c00+r0[0], c01+r0[1], c02+r0[2], c03+r0[3]
		c10, c11, c12, c13 = c10+r1[0], c11+r1[1], c12+r1[2], c13+r1[3]
	}
	r0[0], r0[1], r0[2], r0[3] = c00, c01, c02, c03
	r1[0], r1[1], r1[2], r1[3] = c10, c11, c12, c13
}
