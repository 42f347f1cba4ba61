//go:build !purego

package cpu

// kernel2x4SSE is microKernel for float32 in SSE assembly (every amd64 CPU
// has SSE2, so no feature check is needed). Scalar Go reaches about a
// quarter of what four-wide SSE does; this is what makes the native float32
// product as fast as libraries with assembly inner loops.
//
//go:noescape
func kernel2x4SSE(k int, ap, bp, c *float32, ldc int, acc bool)

// microKernel32 checks the panel and tile bounds the assembly relies on,
// then runs it. Empty panels have no element to point at and go to the Go
// kernel.
func microKernel32(k int, ap, bp, c []float32, ldc int, acc bool) {
	if k == 0 {
		microKernel(k, ap, bp, c, ldc, acc)
		return
	}
	_ = ap[mr*k-1]
	_ = bp[nr*k-1]
	_ = c[(mr-1)*ldc+nr-1]
	kernel2x4SSE(k, &ap[0], &bp[0], &c[0], ldc, acc)
}

// fastKernel is the float32 micro-kernel used instead of the generic one.
var fastKernel any = microKernel32
