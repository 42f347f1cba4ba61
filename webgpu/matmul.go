//go:build js && wasm

package webgpu

import (
	"fmt"

	"github.com/gograd/gograd/core/kernel"
)

// matmulTile is the side of the block of C one workgroup of matmul.wgsl
// computes, and the height of matmul_vec4.wgsl's blocks.
const matmulTile = 64

// MatMul implements kernel.Backend with the register-blocked kernels in
// shaders/matmul_vec4.wgsl, when both operands can be read 4 floats at a
// time, and shaders/matmul.wgsl otherwise.
func (be *Backend) MatMul(c, a, b kernel.Buffer, p kernel.MatMulParams) {
	be.mu.Lock()
	defer be.mu.Unlock()
	if p.Batch > be.limits.maxWorkgroups {
		panic(fmt.Sprintf("webgpu: MatMul batch %d exceeds %d", p.Batch, be.limits.maxWorkgroups))
	}
	if p.Batch == 0 || p.M == 0 || p.N == 0 {
		return
	}
	last := p.Batch - 1
	bufs := []*gpuBuffer{
		be.sized("MatMul", c, last*p.StrideC+p.M*p.N),
		be.sized("MatMul", a, last*p.StrideA+p.M*p.K),
		be.sized("MatMul", b, last*p.StrideB+p.K*p.N),
	}
	y := (p.M + matmulTile - 1) / matmulTile
	if vec4Aligned(p) {
		ps := params{}.u(p.M, p.N, p.K).flag(p.TransA).flag(p.TransB).u(p.StrideA, p.StrideB, p.StrideC)
		if be.directMatMul && p.K%4 == 0 {
			be.dispatch(famMatMulDirect, "matmul_direct", ps, bufs, (p.N+matmulTile-1)/matmulTile, y, p.Batch)
			return
		}
		// Wide blocks halve the loads of A per multiply-add; narrow
		// products would waste most of them.
		entry, tn := "matmul_vec4", matmulTile
		if p.N > matmulTile {
			entry, tn = "matmul_vec4_wide", 2*matmulTile
		}
		be.dispatch(famMatMulVec4, entry, ps, bufs, (p.N+tn-1)/tn, y, p.Batch)
		return
	}
	aSI, aSK := p.K, 1
	if p.TransA {
		aSI, aSK = 1, p.M
	}
	bSK, bSJ := p.N, 1
	if p.TransB {
		bSK, bSJ = 1, p.K
	}
	ps := params{}.u(p.M, p.N, p.K, aSI, aSK, bSK, bSJ, p.StrideA, p.StrideB, p.StrideC)
	be.dispatch(famMatMul, "matmul", ps, bufs, (p.N+matmulTile-1)/matmulTile, y, p.Batch)
}

// vec4Aligned reports whether both operands can be read as vec4s: rows in
// memory (the contiguous axis) and batch strides hold multiples of 4 floats.
func vec4Aligned(p kernel.MatMulParams) bool {
	rowA, rowB := p.K, p.N
	if p.TransA {
		rowA = p.M
	}
	if p.TransB {
		rowB = p.K
	}
	return rowA%4 == 0 && rowB%4 == 0 && (p.Batch == 1 || p.StrideA%4 == 0 && p.StrideB%4 == 0)
}
