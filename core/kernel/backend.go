package kernel

// Buffer is a flat array of numbers owned by one Backend.
type Buffer interface {
	// Len is the number of elements.
	Len() int
}

// Backend is the set of kernels every device implements. Buffers passed to a
// Backend's methods must come from that same Backend. Destination buffers are
// always distinct from source buffers.
type Backend interface {
	// Name identifies the backend in messages, e.g. "cpu" or "webgpu".
	Name() string

	// New returns a zero-filled buffer of n elements.
	New(n int) Buffer
	// FromFloat32 and FromFloat64 return a new buffer holding a copy of data.
	FromFloat32(data []float32) Buffer
	FromFloat64(data []float64) Buffer
	// ReadFloat32 and ReadFloat64 copy the buffer into dst (len(dst) == b.Len()),
	// waiting for any kernel still writing it.
	ReadFloat32(b Buffer, dst []float32)
	ReadFloat64(b Buffer, dst []float64)

	// Fill sets every element of dst to v.
	Fill(dst Buffer, v float64)
	// Copy copies a strided view of src into a strided view of dst. Both views
	// have the given shape; a stride of 0 repeats an element (broadcast).
	Copy(dst Buffer, dstOffset int, dstStrides []int, src Buffer, srcOffset int, srcStrides []int, shape []int)

	// Unary writes op(x) elementwise into dst (same length as x).
	Unary(op UnaryOp, dst, x Buffer, a, b float64)
	// Binary writes op(x, y) into the contiguous dst of the given shape,
	// reading x and y through strides (0 along broadcast axes).
	Binary(op BinaryOp, dst, x, y Buffer, shape, xStrides, yStrides []int)
	// Reduce views x as [outer, n, inner] and reduces the middle axis into
	// dst, which is [outer, inner].
	Reduce(op ReduceOp, dst, x Buffer, outer, n, inner int)

	// Softmax views x as [rows, cols] and writes softmax (or log-softmax) of
	// each row, computed stably, into dst.
	Softmax(dst, x Buffer, rows, cols int, log bool)
	// SoftmaxBackward writes the gradient with respect to the softmax input,
	// given the softmax output y (or log-softmax output when log is set) and
	// the gradient g with respect to it.
	SoftmaxBackward(dx, y, g Buffer, rows, cols int, log bool)

	// MatMul writes C = op(A)·op(B) for each batch; see MatMulParams.
	MatMul(c, a, b Buffer, p MatMulParams)

	// Im2Col unfolds the input patches of a convolution; see ConvGeom.
	Im2Col(cols, x Buffer, g ConvGeom)
	// Col2Im folds patches back, summing overlaps, into the zeroed dx.
	Col2Im(dx, cols Buffer, g ConvGeom)

	// MaxPool2d writes the window maxima into dst and, in argmax, the flat
	// index (h*W + w) of each maximum within its input plane.
	MaxPool2d(dst, argmax, x Buffer, g PoolGeom)
	// MaxPool2dBackward routes each output gradient to its argmax in the zeroed dx.
	MaxPool2dBackward(dx, grad, argmax Buffer, g PoolGeom)
	// AvgPool2d averages each window; padding counts as zeros in the average.
	AvgPool2d(dst, x Buffer, g PoolGeom)
	// AvgPool2dBackward spreads each output gradient evenly over its window
	// into the zeroed dx.
	AvgPool2dBackward(dx, grad Buffer, g PoolGeom)

	// IndexSelect views x as [outer, n, inner] and writes
	// dst[o, j, i] = x[o, index[j], i] for j < k.
	IndexSelect(dst, x, index Buffer, outer, n, inner, k int)
	// IndexAdd is IndexSelect's adjoint: dst[o, index[j], i] += g[o, j, i].
	IndexAdd(dst, g, index Buffer, outer, n, inner, k int)
	// Gather views x as [outer, n, inner] and index as [outer, k, inner] and
	// writes dst[o, j, i] = x[o, index[o, j, i], i].
	Gather(dst, x, index Buffer, outer, n, inner, k int)
	// ScatterAdd is Gather's adjoint: dst[o, index[o, j, i], i] += g[o, j, i].
	ScatterAdd(dst, g, index Buffer, outer, n, inner, k int)

	// RandomUniform fills dst[i] with CounterUniform(seed, offset+i): the same
	// numbers on every backend.
	RandomUniform(dst Buffer, seed uint64, offset uint64)

	// SGDStep and AdamStep update one parameter in place; see their params.
	SGDStep(param, grad, momentum Buffer, p SGDParams)
	AdamStep(param, grad, m, v Buffer, p AdamParams)
}
