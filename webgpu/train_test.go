//go:build js && wasm

package webgpu

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/cpu"
	"github.com/gograd/gograd/core/kernel"
)

// mlp is an 8-16-4 network with ReLU and sigmoid, trained with SGD on a
// mean squared error: enough core ops (MM, broadcast Add, ReLU, Sigmoid,
// Sub, Pow, Mean and their backward rules) to show that training on
// WebGPU follows the CPU.
type mlp struct {
	be     core.Backend
	params []*core.Tensor  // w1, b1, w2, b2
	moms   []kernel.Buffer // SGD momentum buffers
}

func newMLP(be core.Backend, init [][]float32) *mlp {
	shapes := [][]int{{8, 16}, {16}, {16, 4}, {4}}
	m := &mlp{be: be}
	for i, s := range shapes {
		m.params = append(m.params, core.FromSliceOn(be, init[i], s...).SetRequiresGrad(true))
		m.moms = append(m.moms, be.New(len(init[i])))
	}
	return m
}

// step runs one forward and backward pass, updates the parameters with
// momentum SGD through the backend's kernel, and returns the loss.
func (m *mlp) step(x, y []float32, first bool) float32 {
	xt := core.FromSliceOn(m.be, x, 5, 8)
	yt := core.FromSliceOn(m.be, y, 5, 4)
	h := xt.MM(m.params[0]).Add(m.params[1]).ReLU()
	out := h.MM(m.params[2]).Add(m.params[3]).Sigmoid()
	loss := out.Sub(yt).Pow(2).Mean()
	loss.Backward()
	for i, p := range m.params {
		m.be.SGDStep(p.Buffer(), p.Grad().Buffer(), m.moms[i], kernel.SGDParams{LR: 0.5, Momentum: 0.9, First: first})
		p.ZeroGrad()
	}
	return loss.Item()
}

func TestTrainingStepMatchesCPU(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	rnd := func(n int, scale float64) []float32 {
		out := make([]float32, n)
		for i := range out {
			out[i] = float32(scale * (2*r.Float64() - 1))
		}
		return out
	}
	init := [][]float32{rnd(8*16, 0.5), rnd(16, 0.1), rnd(16*4, 0.5), rnd(4, 0.1)}
	gm, cm := newMLP(testBackend, init), newMLP(cpu.New(), init)
	for step := range 3 {
		x, y := rnd(5*8, 1), rnd(5*4, 0.5)
		for i := range y {
			y[i] += 0.5
		}
		gl, cl := gm.step(x, y, step == 0), cm.step(x, y, step == 0)
		if math.Abs(float64(gl-cl)) > 1e-5*max(math.Abs(float64(cl)), 1e-2) {
			t.Fatalf("step %d: loss %v on webgpu, %v on cpu", step, gl, cl)
		}
		if step > 0 && cl == 0 {
			t.Fatalf("step %d: zero loss: the test would not see a difference", step)
		}
	}
	for i := range gm.params {
		if closeTo("", cm.params[i].Data(), init[i], 1e-4, 1e-2) == nil {
			t.Errorf("param %d did not move: the test would not see a wrong gradient", i)
		}
		if err := closeTo(fmt.Sprintf("param %d", i), gm.params[i].Data(), cm.params[i].Data(), 1e-4, 1e-2); err != nil {
			t.Error(err)
		}
	}
}
