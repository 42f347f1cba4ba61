package core

import "github.com/gograd/gograd/core/kernel"

// MaxPool2d returns the maximum of each kernel×kernel window of x
// (N×C×H×W), stepping by stride, with padding that never wins the maximum,
// as torch's nn.functional.max_pool2d does. The gradient flows only to the
// element that was the maximum (the first one, where several tie).
func MaxPool2d(x *Tensor, kernelSize, stride, padding int) *Tensor {
	g := poolGeom("MaxPool2d", x, kernelSize, stride, padding)
	be := x.backend
	shape := []int{g.N, g.C, g.OH, g.OW}
	out := empty(be, shape)
	// argmax holds, per output, the flat index of the maximum in its plane.
	argmax := be.New(kernel.Numel(shape))
	be.MaxPool2d(out.buf, argmax, x.buf, g)
	return record("MaxPool2d", out, func(grad *Tensor) []*Tensor {
		dx := empty(be, cloneShape(x.shape))
		be.MaxPool2dBackward(dx.buf, grad.buf, argmax, g)
		return []*Tensor{dx}
	}, x)
}

// AvgPool2d returns the mean of each kernel×kernel window of x (N×C×H×W),
// stepping by stride. Padding counts as zeros in the mean, as with torch's
// default count_include_pad=True.
func AvgPool2d(x *Tensor, kernelSize, stride, padding int) *Tensor {
	g := poolGeom("AvgPool2d", x, kernelSize, stride, padding)
	be := x.backend
	out := empty(be, []int{g.N, g.C, g.OH, g.OW})
	be.AvgPool2d(out.buf, x.buf, g)
	return record("AvgPool2d", out, func(grad *Tensor) []*Tensor {
		dx := empty(be, cloneShape(x.shape))
		be.AvgPool2dBackward(dx.buf, grad.buf, g)
		return []*Tensor{dx}
	}, x)
}

// poolGeom checks the arguments of a pooling op. Like PyTorch it limits
// padding to half the kernel, so that every window holds a real element.
func poolGeom(op string, x *Tensor, kernelSize, stride, padding int) kernel.PoolGeom {
	shapes := [][]int{x.shape}
	if x.Dim() != 4 {
		panicf(op, ErrShape, shapes, "input must be 4-D (N×C×H×W), got %d-D", x.Dim())
	}
	if padding > kernelSize/2 {
		panicf(op, ErrShape, shapes, "padding %d is more than half the kernel size %d", padding, kernelSize)
	}
	return windowGeom(op, shapes, x.shape, kernelSize, kernelSize, stride, padding)
}
