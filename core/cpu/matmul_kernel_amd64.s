//go:build !purego

#include "textflag.h"

// func kernel2x4SSE(k int, ap, bp, c *float32, ldc int, acc bool)
//
// The 2×4 tile of microKernel with SSE: a row of the tile is one XMM
// register, each A value is broadcast across a register and multiplied by
// the four B values of its depth at once. Even and odd depths go to separate
// accumulators so consecutive additions do not wait on each other.
TEXT ·kernel2x4SSE(SB), NOSPLIT, $0-41
	MOVQ k+0(FP), CX
	MOVQ ap+8(FP), SI
	MOVQ bp+16(FP), DI
	MOVQ c+24(FP), DX
	MOVQ ldc+32(FP), R8
	XORPS X0, X0 // row 0, even depths
	XORPS X1, X1 // row 1, even depths
	XORPS X2, X2 // row 0, odd depths
	XORPS X3, X3 // row 1, odd depths
	MOVQ CX, R9
	SHRQ $1, R9
	JZ   tail

pairs:
	MOVUPS (DI), X4   // B at depth p
	MOVUPS 16(DI), X5 // B at depth p+1
	MOVSS  (SI), X6
	SHUFPS $0, X6, X6 // A(0, p) in all lanes
	MOVSS  4(SI), X7
	SHUFPS $0, X7, X7 // A(1, p)
	MOVSS  8(SI), X8
	SHUFPS $0, X8, X8 // A(0, p+1)
	MOVSS  12(SI), X9
	SHUFPS $0, X9, X9 // A(1, p+1)
	MULPS  X4, X6
	ADDPS  X6, X0
	MULPS  X4, X7
	ADDPS  X7, X1
	MULPS  X5, X8
	ADDPS  X8, X2
	MULPS  X5, X9
	ADDPS  X9, X3
	ADDQ   $16, SI
	ADDQ   $32, DI
	DECQ   R9
	JNZ    pairs

tail:
	TESTQ  $1, CX
	JZ     sum
	MOVUPS (DI), X4
	MOVSS  (SI), X6
	SHUFPS $0, X6, X6
	MOVSS  4(SI), X7
	SHUFPS $0, X7, X7
	MULPS  X4, X6
	ADDPS  X6, X0
	MULPS  X4, X7
	ADDPS  X7, X1

sum:
	ADDPS   X2, X0
	ADDPS   X3, X1
	SHLQ    $2, R8 // ldc in bytes
	MOVBQZX acc+40(FP), AX
	TESTQ   AX, AX
	JZ      store
	MOVUPS  (DX), X4
	ADDPS   X4, X0
	MOVUPS  (DX)(R8*1), X5
	ADDPS   X5, X1

store:
	MOVUPS X0, (DX)
	MOVUPS X1, (DX)(R8*1)
	RET

// func kernel6x16AVX2(k int, ap, bp, c *float32, ldc int, acc bool)
//
// Row i of the 6×16 tile is Y(2i) (columns 0-7) and Y(2i+1) (columns 8-15).
// Each depth loads the sixteen B values into Y12 and Y13 and broadcasts the
// six A values in turn into Y14 or Y15, alternating so a broadcast need not
// wait for the multiply-adds reading the previous one. k ≥ 1.
TEXT ·kernel6x16AVX2(SB), NOSPLIT, $0-41
	MOVQ k+0(FP), CX
	MOVQ ap+8(FP), SI
	MOVQ bp+16(FP), DI
	MOVQ c+24(FP), DX
	MOVQ ldc+32(FP), R8
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3
	VXORPS Y4, Y4, Y4
	VXORPS Y5, Y5, Y5
	VXORPS Y6, Y6, Y6
	VXORPS Y7, Y7, Y7
	VXORPS Y8, Y8, Y8
	VXORPS Y9, Y9, Y9
	VXORPS Y10, Y10, Y10
	VXORPS Y11, Y11, Y11

loop6x16:
	VMOVUPS (DI), Y12
	VMOVUPS 32(DI), Y13
	VBROADCASTSS (SI), Y14
	VFMADD231PS Y12, Y14, Y0
	VFMADD231PS Y13, Y14, Y1
	VBROADCASTSS 4(SI), Y15
	VFMADD231PS Y12, Y15, Y2
	VFMADD231PS Y13, Y15, Y3
	VBROADCASTSS 8(SI), Y14
	VFMADD231PS Y12, Y14, Y4
	VFMADD231PS Y13, Y14, Y5
	VBROADCASTSS 12(SI), Y15
	VFMADD231PS Y12, Y15, Y6
	VFMADD231PS Y13, Y15, Y7
	VBROADCASTSS 16(SI), Y14
	VFMADD231PS Y12, Y14, Y8
	VFMADD231PS Y13, Y14, Y9
	VBROADCASTSS 20(SI), Y15
	VFMADD231PS Y12, Y15, Y10
	VFMADD231PS Y13, Y15, Y11
	ADDQ $24, SI
	ADDQ $64, DI
	DECQ CX
	JNZ  loop6x16

	SHLQ    $2, R8 // ldc in bytes
	MOVBQZX acc+40(FP), AX
	TESTQ   AX, AX
	JZ      store6x16
	VADDPS (DX), Y0, Y0
	VADDPS 32(DX), Y1, Y1
	ADDQ   R8, DX
	VADDPS (DX), Y2, Y2
	VADDPS 32(DX), Y3, Y3
	ADDQ   R8, DX
	VADDPS (DX), Y4, Y4
	VADDPS 32(DX), Y5, Y5
	ADDQ   R8, DX
	VADDPS (DX), Y6, Y6
	VADDPS 32(DX), Y7, Y7
	ADDQ   R8, DX
	VADDPS (DX), Y8, Y8
	VADDPS 32(DX), Y9, Y9
	ADDQ   R8, DX
	VADDPS (DX), Y10, Y10
	VADDPS 32(DX), Y11, Y11
	MOVQ    c+24(FP), DX

store6x16:
	VMOVUPS Y0, (DX)
	VMOVUPS Y1, 32(DX)
	ADDQ    R8, DX
	VMOVUPS Y2, (DX)
	VMOVUPS Y3, 32(DX)
	ADDQ    R8, DX
	VMOVUPS Y4, (DX)
	VMOVUPS Y5, 32(DX)
	ADDQ    R8, DX
	VMOVUPS Y6, (DX)
	VMOVUPS Y7, 32(DX)
	ADDQ    R8, DX
	VMOVUPS Y8, (DX)
	VMOVUPS Y9, 32(DX)
	ADDQ    R8, DX
	VMOVUPS Y10, (DX)
	VMOVUPS Y11, 32(DX)
	VZEROUPPER
	RET
