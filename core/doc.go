// Package core is gograd's tensor and autograd library.
//
// A Tensor is an n-dimensional array of numbers, stored contiguously in
// row-major order on a Backend (the CPU by default, WebGPU in the browser).
// Operations on tensors record a computational graph when any input requires
// a gradient; Backward walks that graph in reverse topological order and
// applies the chain rule, leaving each tensor's gradient in Grad.
//
// Names follow PyTorch where the course does: MatMul, BMM, Softmax,
// LogSoftmax, ZeroGrad, Detach, NoGrad. Dimensions may be negative and count
// from the end, as in PyTorch.
//
// Programmer errors, such as adding tensors whose shapes cannot broadcast,
// panic with an error that wraps ErrShape (or ErrDevice, ErrIndex) and names
// the op and the shapes involved. Anything a user types or loads is validated
// by the packages that read it and returned as an error instead.
package core
