// Package cpu is gograd's reference backend: every kernel of kernel.Backend
// in Go, generic over the element type.
//
// New returns the float32 backend tensors use by default. New64 returns the
// same kernels over float64: gradient checks run the real op code in float64
// there, so finite differences are accurate enough to catch wrong rules.
//
// Most kernels are plain loops. Two parts are tuned because training time
// is spent there. Matrix products are packed and blocked the GotoBLAS way
// (matmul_gemm.go) and split across cores; their innermost tile is assembly
// on amd64, chosen when the process starts: a 6×16 AVX2/FMA kernel where
// the CPU has it, else a 2×4 SSE one (build with -tags purego for the Go
// tile everywhere; WebAssembly always uses it). Strided elementwise walks
// (Binary, Copy) merge dimensions that are contiguous for every operand and
// share rows out across cores, so broadcasting over an image batch runs as
// long flat loops.
package cpu
