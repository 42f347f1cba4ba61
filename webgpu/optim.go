//go:build js && wasm

package webgpu

import (
	"math"

	"github.com/gograd/gograd/core/kernel"
)

// RandomUniform implements kernel.Backend: the shader computes
// kernel.CounterUniform bit for bit.
func (be *Backend) RandomUniform(dst kernel.Buffer, seed uint64, offset uint64) {
	be.mu.Lock()
	defer be.mu.Unlock()
	n := dst.Len()
	ps := params{uint32(n), uint32(seed), uint32(seed >> 32), uint32(offset), uint32(offset >> 32)}
	be.dispatch1D(famRandom, "random_uniform", ps, []*gpuBuffer{be.buffer(dst)}, n)
}

// SGDStep implements kernel.Backend in one dispatch.
func (be *Backend) SGDStep(param, grad, momentum kernel.Buffer, p kernel.SGDParams) {
	be.mu.Lock()
	defer be.mu.Unlock()
	flags := 0
	var mom *gpuBuffer
	if p.Momentum != 0 {
		flags |= 1
		mom = be.sized("SGDStep", momentum, param.Len())
	}
	if p.Nesterov {
		flags |= 2
	}
	if p.First {
		flags |= 4
	}
	n := param.Len()
	bufs := []*gpuBuffer{be.buffer(param), be.sized("SGDStep", grad, n), mom, nil}
	be.optimStep("sgd", params{}.u(flags).f(p.LR, p.WeightDecay, p.Momentum, p.Dampening, 0, 0, 0, 1, 1), bufs, n)
}

// AdamStep implements kernel.Backend in one dispatch.
func (be *Backend) AdamStep(param, grad, m, v kernel.Buffer, p kernel.AdamParams) {
	be.mu.Lock()
	defer be.mu.Unlock()
	flags := 0
	if p.Decoupled {
		flags = 1
	}
	c1 := 1 - math.Pow(p.Beta1, float64(p.Step))
	c2 := 1 - math.Pow(p.Beta2, float64(p.Step))
	n := param.Len()
	bufs := []*gpuBuffer{be.buffer(param), be.sized("AdamStep", grad, n), be.sized("AdamStep", m, n), be.sized("AdamStep", v, n)}
	be.optimStep("adam", params{}.u(flags).f(p.LR, p.WeightDecay, 0, 0, p.Beta1, p.Beta2, p.Eps, c1, c2), bufs, n)
}

// optimStep dispatches an update of n elements, 4 per invocation when n is
// a multiple of 4; rest holds the Params fields after n.
func (be *Backend) optimStep(entry string, rest params, bufs []*gpuBuffer, n int) {
	if n%4 == 0 {
		be.dispatch1D(famOptimVec4, entry+"_vec4", append(params{}.u(n/4), rest...), bufs, n/4)
		return
	}
	be.dispatch1D(famOptim, entry, append(params{}.u(n), rest...), bufs, n)
}
