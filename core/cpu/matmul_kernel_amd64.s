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
