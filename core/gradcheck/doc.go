// Package gradcheck compares the gradients autograd computes with central
// finite differences, both in float64.
//
// Check moves the inputs to the float64 CPU backend, so the op code under
// test (forward kernels and backward rules alike) runs in double precision
// and a step of 1e-6 gives differences accurate to about 1e-9: any wrong
// backward rule shows up as a gross mismatch.
package gradcheck
