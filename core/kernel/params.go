package kernel

// MatMulParams describes Batch products C[i] = op(A[i])·op(B[i]) where op
// transposes when the flag is set. C[i] is M×N, op(A[i]) is M×K and op(B[i])
// is K×N; every matrix is row-major and contiguous. A stored transposed is
// K×M. The batch strides (in elements) step from one matrix to the next; a
// stride of 0 reuses one matrix for every batch (broadcasting).
type MatMulParams struct {
	Batch, M, K, N            int
	TransA, TransB            bool
	StrideA, StrideB, StrideC int
}

// ConvGeom is the geometry of a 2-D convolution over an N×C×H×W input with
// KH×KW kernels. Im2Col's output is [N, OH, OW, C, KH, KW] row-major: one
// row per output pixel, so the convolution is a single matrix product.
type ConvGeom struct {
	N, C, H, W  int
	KH, KW      int
	Stride, Pad int
	OH, OW      int
}

// NewConvGeom fills in the output size of a convolution.
func NewConvGeom(n, c, h, w, kh, kw, stride, pad int) ConvGeom {
	return ConvGeom{N: n, C: c, H: h, W: w, KH: kh, KW: kw, Stride: stride, Pad: pad,
		OH: (h+2*pad-kh)/stride + 1, OW: (w+2*pad-kw)/stride + 1}
}

// PoolGeom is the geometry of a 2-D pooling over an N×C×H×W input.
type PoolGeom = ConvGeom

// SGDParams follow torch.optim.SGD. With Momentum > 0 the momentum buffer is
// used; First marks the first step, on which the buffer is set to the
// gradient rather than blended into.
type SGDParams struct {
	LR, Momentum, Dampening, WeightDecay float64
	Nesterov, First                      bool
}

// AdamParams follow torch.optim.Adam, or AdamW when Decoupled is set. Step
// counts from 1 and drives the bias corrections.
type AdamParams struct {
	LR, Beta1, Beta2, Eps, WeightDecay float64
	Decoupled                          bool
	Step                               int
}
