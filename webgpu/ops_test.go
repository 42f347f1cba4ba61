//go:build js && wasm

package webgpu

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/cpu"
)

// TestCoreOpsMatchCPU runs core's differentiable ops forward and backward
// on tensors of the WebGPU backend and of the CPU backend with the same
// data, comparing outputs and gradients: the kernels as core actually calls
// them (broadcast strides, Expand copies, reductions over inner axes).
func TestCoreOpsMatchCPU(t *testing.T) {
	type op struct {
		name   string
		shapes [][]int
		lo, hi float64
		f      func(in []*core.Tensor) *core.Tensor
	}
	ops := []op{
		{"Add broadcast", [][]int{{3, 1, 5}, {4, 1}}, -1, 1, func(in []*core.Tensor) *core.Tensor { return in[0].Add(in[1]) }},
		{"Sub", [][]int{{7, 3}, {3}}, -1, 1, func(in []*core.Tensor) *core.Tensor { return in[0].Sub(in[1]) }},
		{"Mul broadcast", [][]int{{2, 3, 4}, {3, 1}}, -1, 1, func(in []*core.Tensor) *core.Tensor { return in[0].Mul(in[1]) }},
		{"Div", [][]int{{5, 6}, {5, 1}}, 0.5, 2, func(in []*core.Tensor) *core.Tensor { return in[0].Div(in[1]) }},
		{"PowTensor", [][]int{{4, 3}, {3}}, 0.5, 2, func(in []*core.Tensor) *core.Tensor { return in[0].PowTensor(in[1]) }},
		{"Maximum", [][]int{{6, 5}, {5}}, -1, 1, func(in []*core.Tensor) *core.Tensor { return in[0].Maximum(in[1]) }},
		{"Exp Log Sqrt", [][]int{{9, 2}}, 0.1, 2, func(in []*core.Tensor) *core.Tensor { return in[0].Exp().Log().Sqrt() }},
		{"Tanh ELU LeakyReLU", [][]int{{11}}, -2, 2, func(in []*core.Tensor) *core.Tensor { return in[0].Tanh().ELU(0.7).LeakyReLU(0.1) }},
		{"Clamp Abs", [][]int{{3, 7}}, -2, 2, func(in []*core.Tensor) *core.Tensor { return in[0].Clamp(-1, 1.5).Abs() }},
		{"SumDim 0", [][]int{{5, 4, 3}}, -1, 1, func(in []*core.Tensor) *core.Tensor { return in[0].SumDim(0, false) }},
		{"SumDim 1 keepdim", [][]int{{5, 4, 3}}, -1, 1, func(in []*core.Tensor) *core.Tensor { return in[0].SumDim(1, true) }},
		{"MeanDim 2", [][]int{{5, 4, 300}}, -1, 1, func(in []*core.Tensor) *core.Tensor { return in[0].MeanDim(2, false) }},
		{"Expand", [][]int{{3, 1}}, -1, 1, func(in []*core.Tensor) *core.Tensor { return in[0].Expand(3, 4).Reshape(2, 6) }},
		{"MM", [][]int{{13, 7}, {7, 9}}, -1, 1, func(in []*core.Tensor) *core.Tensor { return in[0].MM(in[1]).Sigmoid() }},
	}
	r := rand.New(rand.NewPCG(5, 6))
	ref := cpu.New()
	for _, o := range ops {
		var gin, cin []*core.Tensor
		for _, s := range o.shapes {
			n := 1
			for _, d := range s {
				n *= d
			}
			data := make([]float32, n)
			for i := range data {
				data[i] = float32(o.lo + (o.hi-o.lo)*r.Float64())
			}
			gin = append(gin, core.FromSliceOn(testBackend, data, s...).SetRequiresGrad(true))
			cin = append(cin, core.FromSliceOn(ref, data, s...).SetRequiresGrad(true))
		}
		gout, cout := o.f(gin), o.f(cin)
		if err := closeTo(o.name+" forward", gout.Data(), cout.Data(), 1e-4, 1e-2); err != nil {
			t.Error(err)
			continue
		}
		gout.Sum().Backward()
		cout.Sum().Backward()
		for i := range gin {
			if err := closeTo(fmt.Sprintf("%s grad %d", o.name, i), gin[i].Grad().Data(), cin[i].Grad().Data(), 1e-4, 1e-2); err != nil {
				t.Error(err)
			}
		}
	}
}
