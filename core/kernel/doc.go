// Package kernel defines the contract between gograd's tensors and the devices
// that compute with them.
//
// A Backend owns flat buffers of numbers and runs kernels over them. The core
// package never touches a buffer's memory directly: every operation on a
// tensor is one or more calls into its Backend. A backend may run kernels
// asynchronously (a GPU queue); only the Read methods must wait for results.
//
// Shapes and strides are in elements. Indices (for IndexSelect, Gather and
// argmax results) are stored as numbers in ordinary buffers; float32 holds
// every integer up to 2^24 exactly, which is far beyond any axis gograd uses.
package kernel
