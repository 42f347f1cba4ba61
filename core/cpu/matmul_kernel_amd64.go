//go:build !purego

package cpu

import "golang.org/x/sys/cpu"

// kernel2x4SSE is the 2×4 microKernel for float32 in SSE assembly (every
// amd64 CPU has SSE2). Scalar Go reaches about a quarter of what four-wide
// SSE does.
//
//go:noescape
func kernel2x4SSE(k int, ap, bp, c *float32, ldc int, acc bool)

// kernel6x16AVX2 computes a 6×16 float32 tile with AVX2 fused multiply-adds:
// twelve eight-wide accumulators hold the tile, which leaves room for two B
// vectors and one broadcast A value in the sixteen YMM registers. It does
// eight times the work of the SSE kernel per loaded value.
//
//go:noescape
func kernel6x16AVX2(k int, ap, bp, c *float32, ldc int, acc bool)

// asmTile wraps an assembly kernel of an mr×nr tile: it checks the panel and
// tile bounds the assembly relies on, and sends empty panels, which have no
// element to point at, to a zeroing loop.
func asmTile(mr, nr int, kernel func(k int, ap, bp, c *float32, ldc int, acc bool)) tile[float32] {
	return tile[float32]{mr: mr, nr: nr, kernel: func(k int, ap, bp, c []float32, ldc int, acc bool) {
		_ = c[(mr-1)*ldc+nr-1]
		if k == 0 {
			if !acc {
				for i := range mr {
					clear(c[i*ldc : i*ldc+nr])
				}
			}
			return
		}
		_ = ap[mr*k-1]
		_ = bp[nr*k-1]
		kernel(k, &ap[0], &bp[0], &c[0], ldc, acc)
	}}
}

// float32Tiles lists the assembly tiles this CPU can run, fastest first.
func float32Tiles() []tile[float32] {
	var ts []tile[float32]
	if cpu.X86.HasAVX2 && cpu.X86.HasFMA {
		ts = append(ts, asmTile(6, 16, kernel6x16AVX2))
	}
	return append(ts, asmTile(2, 4, kernel2x4SSE))
}

// fastTile is the float32 tile used instead of the generic one.
var fastTile any = float32Tiles()[0]
