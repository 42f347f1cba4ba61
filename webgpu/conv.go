//go:build js && wasm

package webgpu

import "github.com/gograd/gograd/core/kernel"

// geomParams lays out a ConvGeom as the shaders' Params, with the number of
// invocations last.
func geomParams(g kernel.ConvGeom, total int) params {
	return params{}.u(g.N, g.C, g.H, g.W, g.KH, g.KW, g.Stride, g.Pad, g.OH, g.OW, total)
}

// Im2Col implements kernel.Backend.
func (be *Backend) Im2Col(cols, x kernel.Buffer, g kernel.ConvGeom) {
	be.mu.Lock()
	defer be.mu.Unlock()
	total := g.N * g.OH * g.OW * g.C * g.KH * g.KW
	be.dispatch1D(famConv, "im2col", geomParams(g, total), []*gpuBuffer{be.sized("Im2Col", cols, total), be.sized("Im2Col", x, g.N*g.C*g.H*g.W)}, total)
}

// Col2Im implements kernel.Backend: one invocation per input pixel.
func (be *Backend) Col2Im(dx, cols kernel.Buffer, g kernel.ConvGeom) {
	be.mu.Lock()
	defer be.mu.Unlock()
	total := g.N * g.C * g.H * g.W
	be.dispatch1D(famConv, "col2im", geomParams(g, total), []*gpuBuffer{be.sized("Col2Im", dx, total), be.sized("Col2Im", cols, g.N*g.OH*g.OW*g.C*g.KH*g.KW)}, total)
}

// MaxPool2d implements kernel.Backend.
func (be *Backend) MaxPool2d(dst, argmax, x kernel.Buffer, g kernel.PoolGeom) {
	be.mu.Lock()
	defer be.mu.Unlock()
	total := g.N * g.C * g.OH * g.OW
	be.dispatch1D(famMaxPool, "maxpool", geomParams(g, total), []*gpuBuffer{be.sized("MaxPool2d", dst, total), be.sized("MaxPool2d", argmax, total), be.sized("MaxPool2d", x, g.N*g.C*g.H*g.W)}, total)
}

// MaxPool2dBackward implements kernel.Backend: one invocation per input
// pixel, looping over the windows that cover it.
func (be *Backend) MaxPool2dBackward(dx, grad, argmax kernel.Buffer, g kernel.PoolGeom) {
	be.mu.Lock()
	defer be.mu.Unlock()
	total := g.N * g.C * g.H * g.W
	ps := geomParams(g, total).f(1 / float64(g.KH*g.KW))
	be.dispatch1D(famPool, "maxpool_backward", ps, []*gpuBuffer{be.sized("MaxPool2dBackward", dx, total), be.sized("MaxPool2dBackward", grad, g.N*g.C*g.OH*g.OW), be.sized("MaxPool2dBackward", argmax, g.N*g.C*g.OH*g.OW)}, total)
}

// AvgPool2d implements kernel.Backend.
func (be *Backend) AvgPool2d(dst, x kernel.Buffer, g kernel.PoolGeom) {
	be.mu.Lock()
	defer be.mu.Unlock()
	total := g.N * g.C * g.OH * g.OW
	ps := geomParams(g, total).f(1 / float64(g.KH*g.KW))
	be.dispatch1D(famPool, "avgpool", ps, []*gpuBuffer{be.sized("AvgPool2d", dst, total), be.sized("AvgPool2d", x, g.N*g.C*g.H*g.W), nil}, total)
}

// AvgPool2dBackward implements kernel.Backend.
func (be *Backend) AvgPool2dBackward(dx, grad kernel.Buffer, g kernel.PoolGeom) {
	be.mu.Lock()
	defer be.mu.Unlock()
	total := g.N * g.C * g.H * g.W
	ps := geomParams(g, total).f(1 / float64(g.KH*g.KW))
	be.dispatch1D(famPool, "avgpool_backward", ps, []*gpuBuffer{be.sized("AvgPool2dBackward", dx, total), be.sized("AvgPool2dBackward", grad, g.N*g.C*g.OH*g.OW), nil}, total)
}
