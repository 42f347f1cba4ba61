//go:build js && wasm

package webgpu

import (
	"slices"

	"github.com/gograd/gograd/core/kernel"
)

// maxRank is the most dimensions the Copy and Binary shaders index; views
// with more (after merging) are split into several dispatches.
const maxRank = 6

// Fill implements kernel.Backend.
func (be *Backend) Fill(dst kernel.Buffer, v float64) {
	be.mu.Lock()
	defer be.mu.Unlock()
	n := dst.Len()
	be.dispatch1D(famFill, "fill", params{}.u(n).f(v), []*gpuBuffer{be.buffer(dst)}, n)
}

// Copy implements kernel.Backend.
func (be *Backend) Copy(dst kernel.Buffer, dstOffset int, dstStrides []int, src kernel.Buffer, srcOffset int, srcStrides []int, shape []int) {
	be.mu.Lock()
	defer be.mu.Unlock()
	shape, st := kernel.Coalesce(shape, dstStrides, srcStrides)
	d := be.sized("Copy", dst, extent(dstOffset, st[0], shape))
	s := be.sized("Copy", src, extent(srcOffset, st[1], shape))
	be.copyView(d, dstOffset, s, srcOffset, shape, st[0], st[1])
}

func (be *Backend) copyView(d *gpuBuffer, dOff int, s *gpuBuffer, sOff int, shape, ds, ss []int) {
	if len(shape) > maxRank {
		for i := 0; i < shape[0]; i++ {
			be.copyView(d, dOff+i*ds[0], s, sOff+i*ss[0], shape[1:], ds[1:], ss[1:])
		}
		return
	}
	n := kernel.Numel(shape)
	ps := params{}.u(n, len(shape), dOff, sOff)
	ps = appendDims(ps, shape, ds, ss)
	be.dispatch1D(famCopy, "copy", ps, []*gpuBuffer{d, s}, n)
}

// Unary implements kernel.Backend.
func (be *Backend) Unary(op kernel.UnaryOp, dst, x kernel.Buffer, a, b float64) {
	be.mu.Lock()
	defer be.mu.Unlock()
	n := x.Len()
	bufs := []*gpuBuffer{be.sized("Unary", dst, n), be.buffer(x)}
	if n%4 == 0 {
		be.dispatch1D(famUnaryVec4, "unary_vec4", params{}.u(n/4, int(op)).f(a, b), bufs, n/4)
		return
	}
	be.dispatch1D(famUnary, "unary", params{}.u(n, int(op)).f(a, b), bufs, n)
}

// Binary implements kernel.Backend.
func (be *Backend) Binary(op kernel.BinaryOp, dst, x, y kernel.Buffer, shape, xStrides, yStrides []int) {
	be.mu.Lock()
	defer be.mu.Unlock()
	shape, st := kernel.Coalesce(shape, kernel.ContiguousStrides(shape), xStrides, yStrides)
	d := be.sized("Binary", dst, kernel.Numel(shape))
	xb := be.sized("Binary", x, extent(0, st[1], shape))
	yb := be.sized("Binary", y, extent(0, st[2], shape))
	be.binaryView(op, d, 0, xb, 0, yb, 0, shape, st[1], st[2])
}

func (be *Backend) binaryView(op kernel.BinaryOp, d *gpuBuffer, dOff int, x *gpuBuffer, xOff int, y *gpuBuffer, yOff int, shape, xs, ys []int) {
	if len(shape) > maxRank {
		inner := kernel.Numel(shape[1:])
		for i := 0; i < shape[0]; i++ {
			be.binaryView(op, d, dOff+i*inner, x, xOff+i*xs[0], y, yOff+i*ys[0], shape[1:], xs[1:], ys[1:])
		}
		return
	}
	if v, vxs, vys, ok := quads(shape, xs, ys, dOff, xOff, yOff); ok {
		n := kernel.Numel(v)
		ps := params{}.u(n, len(v), int(op), dOff/4, xOff/4, yOff/4, 0, 0)
		ps = appendDims(ps, v, vxs, vys)
		be.dispatch1D(famBinaryVec4, "binary_vec4", ps, []*gpuBuffer{d, x, y}, n)
		return
	}
	n := kernel.Numel(shape)
	ps := params{}.u(n, len(shape), int(op), dOff, xOff, yOff, 0, 0)
	ps = appendDims(ps, shape, xs, ys)
	be.dispatch1D(famBinary, "binary", ps, []*gpuBuffer{d, x, y}, n)
}

// quads restates a contiguous destination view and two source views in
// vec4s, when the last axis is a multiple of 4 long and contiguous in
// both sources and every offset and other stride is a multiple of 4.
func quads(shape, xs, ys []int, offsets ...int) (v, vxs, vys []int, ok bool) {
	last := len(shape) - 1
	if last < 0 || shape[last]%4 != 0 || xs[last] != 1 || ys[last] != 1 {
		return nil, nil, nil, false
	}
	for _, o := range offsets {
		if o%4 != 0 {
			return nil, nil, nil, false
		}
	}
	for k := range last {
		if xs[k]%4 != 0 || ys[k]%4 != 0 {
			return nil, nil, nil, false
		}
	}
	v, vxs, vys = slices.Clone(shape), make([]int, len(shape)), make([]int, len(shape))
	for k := range shape {
		vxs[k], vys[k] = xs[k]/4, ys[k]/4
	}
	v[last] /= 4
	vxs[last], vys[last] = 1, 1
	return v, vxs, vys, true
}

// appendDims writes the shader's dims array: (size, stride, stride, 0) per
// dimension, padded to maxRank.
func appendDims(ps params, shape, s1, s2 []int) params {
	for k := 0; k < maxRank; k++ {
		if k < len(shape) {
			ps = ps.i(shape[k], s1[k], s2[k], 0)
		} else {
			ps = ps.i(1, 0, 0, 0)
		}
	}
	return ps
}
