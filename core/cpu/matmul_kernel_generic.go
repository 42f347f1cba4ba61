//go:build !amd64 || purego

package cpu

// fastKernel is nil: without an assembly kernel every element type uses the
// generic microKernel.
var fastKernel any
