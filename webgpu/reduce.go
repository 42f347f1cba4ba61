//go:build js && wasm

package webgpu

import "github.com/gograd/gograd/core/kernel"

// Reduce implements kernel.Backend. Long axes with few outputs get one
// workgroup per output reducing in shared memory; otherwise each
// invocation reduces one output alone.
func (be *Backend) Reduce(op kernel.ReduceOp, dst, x kernel.Buffer, outer, n, inner int) {
	be.mu.Lock()
	defer be.mu.Unlock()
	outs := outer * inner
	ps := params{}.u(outer, n, inner, int(op))
	bufs := []*gpuBuffer{be.sized("Reduce", dst, outs), be.sized("Reduce", x, outer*n*inner)}
	if n == 0 {
		// Only Sum allows an empty axis: its result is 0.
		be.dispatch1D(famFill, "fill", params{}.u(outs).f(0), bufs[:1], outs)
		return
	}
	if useGroupReduce(outs, n) {
		be.dispatchRows(famReduce, "reduce_group", ps, bufs, outs)
		return
	}
	be.dispatch1D(famReduce, "reduce_thread", ps, bufs, outs)
}

// useGroupReduce picks the workgroup-per-output reduction when there are
// fewer outputs than one workgroup of invocations and each axis is long
// enough to share among 256 invocations. With more outputs, one invocation
// per output is faster: a workgroup per output pays 8 barriers of 256
// invocations each, which adapters that run invocations on the CPU
// (llvmpipe, SwiftShader) spend most of their time on.
func useGroupReduce(outs, n int) bool { return n >= 256 && outs < 256 }

// shortRows is the longest softmax row run by one invocation rather than a
// workgroup (see softmax_thread).
const shortRows = 64

// Softmax implements kernel.Backend.
func (be *Backend) Softmax(dst, x kernel.Buffer, rows, cols int, log bool) {
	be.mu.Lock()
	defer be.mu.Unlock()
	if cols == 0 {
		return
	}
	ps := params{}.u(rows, cols).flag(log)
	bufs := []*gpuBuffer{be.sized("Softmax", dst, rows*cols), be.sized("Softmax", x, rows*cols), nil}
	if cols <= shortRows {
		be.dispatch1D(famSoftmax, "softmax_thread", ps, bufs, rows)
		return
	}
	be.dispatchRows(famSoftmax, "softmax", ps, bufs, rows)
}

// SoftmaxBackward implements kernel.Backend.
func (be *Backend) SoftmaxBackward(dx, y, g kernel.Buffer, rows, cols int, log bool) {
	be.mu.Lock()
	defer be.mu.Unlock()
	if cols == 0 {
		return
	}
	ps := params{}.u(rows, cols).flag(log)
	bufs := []*gpuBuffer{be.sized("SoftmaxBackward", dx, rows*cols), be.sized("SoftmaxBackward", y, rows*cols), be.sized("SoftmaxBackward", g, rows*cols)}
	if cols <= shortRows {
		be.dispatch1D(famSoftmax, "softmax_backward_thread", ps, bufs, rows)
		return
	}
	be.dispatchRows(famSoftmax, "softmax_backward", ps, bufs, rows)
}
