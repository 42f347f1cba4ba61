package core

import "github.com/gograd/gograd/core/kernel"

// Conv2d returns the 2-D cross-correlation of x (N×C×H×W) with weight
// (OC×C×KH×KW) plus bias (OC values, or nil for none), as torch's
// nn.functional.conv2d does. The result is N×OC×OH×OW with
// OH = (H+2·padding-KH)/stride + 1 and OW likewise; padding adds zeros.
//
// It unfolds the input patches into a matrix (Im2Col) so that the whole
// convolution is one matrix product, the way the course explains it.
func Conv2d(x, weight, bias *Tensor, stride, padding int) *Tensor {
	g := convGeom(x, weight, bias, stride, padding)
	ins := []*Tensor{x, weight}
	if bias != nil {
		ins = append(ins, bias)
	}
	be := sameBackend("Conv2d", ins...)
	oc, k := weight.shape[0], g.C*g.KH*g.KW
	rows := g.N * g.OH * g.OW

	// cols is [N·OH·OW, C·KH·KW]: one row per output pixel.
	cols := be.New(rows * k)
	be.Im2Col(cols, x.buf, g)
	// y is [N·OH·OW, OC] = cols · weightᵀ, i.e. [N, OH, OW, OC] in memory.
	y := be.New(rows * oc)
	be.MatMul(y, cols, weight.buf, kernel.MatMulParams{Batch: 1, M: rows, K: k, N: oc, TransB: true})

	shape := []int{g.N, oc, g.OH, g.OW}
	out := empty(be, shape)
	// nhwc reads y through the output's N, OC, OH, OW order.
	nhwc := []int{g.OH * g.OW * oc, 1, g.OW * oc, oc}
	if bias == nil {
		be.Copy(out.buf, 0, kernel.ContiguousStrides(shape), y, 0, nhwc, shape)
	} else {
		perm := be.New(rows * oc)
		be.Copy(perm, 0, kernel.ContiguousStrides(shape), y, 0, nhwc, shape)
		be.Binary(kernel.Add, out.buf, perm, bias.buf, shape, kernel.ContiguousStrides(shape), []int{0, 1, 0, 0})
	}

	return record("Conv2d", out, func(grad *Tensor) []*Tensor {
		// g2 is the output gradient laid out like y: [N·OH·OW, OC].
		g2 := be.New(rows * oc)
		be.Copy(g2, 0, []int{g.OH * g.OW * oc, g.OW * oc, oc, 1},
			grad.buf, 0, []int{oc * g.OH * g.OW, g.OW, 1, g.OH * g.OW}, []int{g.N, g.OH, g.OW, oc})
		grads := make([]*Tensor, len(ins))
		if x.requiresGrad {
			dcols := be.New(rows * k)
			be.MatMul(dcols, g2, weight.buf, kernel.MatMulParams{Batch: 1, M: rows, K: oc, N: k})
			dx := empty(be, cloneShape(x.shape))
			be.Col2Im(dx.buf, dcols, g)
			grads[0] = dx
		}
		if weight.requiresGrad {
			dw := empty(be, cloneShape(weight.shape))
			be.MatMul(dw.buf, g2, cols, kernel.MatMulParams{Batch: 1, M: oc, K: rows, N: k, TransA: true})
			grads[1] = dw
		}
		if bias != nil && bias.requiresGrad {
			db := empty(be, cloneShape(bias.shape))
			be.Reduce(kernel.Sum, db.buf, g2, 1, rows, oc)
			grads[2] = db
		}
		return grads
	}, ins...)
}

// convGeom checks the arguments of Conv2d and returns its geometry.
func convGeom(x, weight, bias *Tensor, stride, padding int) kernel.ConvGeom {
	shapes := [][]int{x.shape, weight.shape}
	if bias != nil {
		shapes = append(shapes, bias.shape)
	}
	if x.Dim() != 4 {
		panicf("Conv2d", ErrShape, shapes, "input must be 4-D (N×C×H×W), got %d-D", x.Dim())
	}
	if weight.Dim() != 4 {
		panicf("Conv2d", ErrShape, shapes, "weight must be 4-D (OC×C×KH×KW), got %d-D", weight.Dim())
	}
	if x.shape[1] != weight.shape[1] {
		panicf("Conv2d", ErrShape, shapes, "input has %d channels but weight expects %d", x.shape[1], weight.shape[1])
	}
	if bias != nil && (bias.Dim() != 1 || bias.shape[0] != weight.shape[0]) {
		panicf("Conv2d", ErrShape, shapes, "bias must hold one value per output channel (%d)", weight.shape[0])
	}
	return windowGeom("Conv2d", shapes, x.shape, weight.shape[2], weight.shape[3], stride, padding)
}

// windowGeom checks a sliding-window geometry shared by convolution and
// pooling over an input of shape [N, C, H, W].
func windowGeom(op string, shapes [][]int, in []int, kh, kw, stride, padding int) kernel.ConvGeom {
	if stride < 1 || padding < 0 {
		panicf(op, ErrShape, shapes, "stride %d must be at least 1 and padding %d not negative", stride, padding)
	}
	h, w := in[2], in[3]
	if kh < 1 || kw < 1 || kh > h+2*padding || kw > w+2*padding {
		panicf(op, ErrShape, shapes, "kernel %d×%d does not fit the padded input %d×%d", kh, kw, h+2*padding, w+2*padding)
	}
	return kernel.NewConvGeom(in[0], in[1], h, w, kh, kw, stride, padding)
}
