// Package cpu is gograd's reference backend: every kernel of kernel.Backend
// as plain Go loops over slices, generic over the element type.
//
// New returns the float32 backend tensors use by default. New64 returns the
// same kernels over float64: gradient checks run the real op code in float64
// there, so finite differences are accurate enough to catch wrong rules.
package cpu
