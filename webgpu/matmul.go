//go:build js && wasm

package webgpu

import (
	"fmt"

	"github.com/gograd/gograd/core/kernel"
)

// matmulTile is the side of the block of C one workgroup computes.
const matmulTile = 64

// MatMul implements kernel.Backend with the register-blocked kernel in
// shaders/matmul.wgsl.
func (be *Backend) MatMul(c, a, b kernel.Buffer, p kernel.MatMulParams) {
	be.mu.Lock()
	defer be.mu.Unlock()
	if p.Batch > be.limits.maxWorkgroups {
		panic(fmt.Sprintf("webgpu: MatMul batch %d exceeds %d", p.Batch, be.limits.maxWorkgroups))
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
	x := (p.N + matmulTile - 1) / matmulTile
	y := (p.M + matmulTile - 1) / matmulTile
	if p.Batch == 0 || p.M == 0 || p.N == 0 {
		return
	}
	last := p.Batch - 1
	bufs := []*gpuBuffer{
		be.sized("MatMul", c, last*p.StrideC+p.M*p.N),
		be.sized("MatMul", a, last*p.StrideA+p.M*p.K),
		be.sized("MatMul", b, last*p.StrideB+p.K*p.N),
	}
	be.dispatch(famMatMul, "matmul", ps, bufs, x, y, p.Batch)
}
