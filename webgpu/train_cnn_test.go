//go:build js && wasm

package webgpu

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/nn"
	"github.com/gograd/gograd/core/optim"
)

// newCNN builds a small convolutional classifier from core/nn layers with
// weights drawn from seed: conv(8)-BatchNorm2d-ReLU-maxpool-dropout-
// conv(12)-ReLU-flatten-Linear(10), for 1×12×12 inputs. The first conv has
// no bias: BatchNorm subtracts it again, so its gradient is rounding noise,
// which Adam would blow up to ±lr differently on each backend.
func newCNN(seed uint64) *nn.Sequential {
	g := core.NewGenerator(seed)
	return nn.NewSequential(
		nn.NewConv2d(g, 1, 8, 3, 1, 1, false),
		nn.NewBatchNorm2d(8),
		&nn.ReLU{},
		&nn.MaxPool2d{Kernel: 2, Stride: 2},
		nn.NewDropout(0.25, seed),
		nn.NewConv2d(g, 8, 12, 3, 1, 0, true),
		&nn.ReLU{},
		&nn.Flatten{},
		nn.NewLinear(g, 12*4*4, 10, true),
	)
}

// moveTo puts every parameter and buffer of the network's layers on be.
func moveTo(s *nn.Sequential, be core.Backend) {
	for _, l := range s.Layers {
		switch l := l.(type) {
		case *nn.Conv2d:
			l.Weight = l.Weight.To(be)
			if l.Bias != nil {
				l.Bias = l.Bias.To(be)
			}
		case *nn.BatchNorm:
			l.Weight, l.Bias = l.Weight.To(be), l.Bias.To(be)
			l.RunningMean, l.RunningVar = l.RunningMean.To(be), l.RunningVar.To(be)
		case *nn.Linear:
			l.Weight = l.Weight.To(be)
			if l.Bias != nil {
				l.Bias = l.Bias.To(be)
			}
		}
	}
}

// TestCNNTrainingStepMatchesCPU trains the same CNN for three Adam steps
// with cross-entropy on the WebGPU and CPU backends, from the same weights
// on the same batch, and compares the losses, the parameters and
// BatchNorm's running statistics: im2col convolution, BatchNorm's
// reductions, pooling with argmax, dropout masks, log-softmax, gather and
// the Adam kernel, forward and backward, as training uses them.
func TestCNNTrainingStepMatchesCPU(t *testing.T) {
	const seed, batch = 11, 4
	gnet, cnet := newCNN(seed), newCNN(seed)
	moveTo(gnet, testBackend)
	init := nn.Params(cnet)
	initData := make([][]float32, len(init))
	for i, p := range init {
		initData[i] = p.Data()
	}
	gopt := optim.NewAdam(nn.Params(gnet), optim.AdamOptions{LR: 1e-2})
	copt := optim.NewAdam(nn.Params(cnet), optim.AdamOptions{LR: 1e-2})
	loss := nn.CrossEntropyLoss{}
	r := rand.New(rand.NewPCG(7, 8))
	x := make([]float32, batch*12*12)
	for i := range x {
		x[i] = float32(r.Float64())
	}
	labels := make([]float32, batch)
	for i := range labels {
		labels[i] = float32(r.IntN(10))
	}
	var losses []float32
	for step := range 3 {
		var ls [2]float32
		for k, side := range []struct {
			net *nn.Sequential
			opt *optim.Adam
			be  core.Backend
		}{{gnet, gopt, testBackend}, {cnet, copt, core.DefaultBackend()}} {
			side.opt.ZeroGrad()
			out := side.net.Forward(core.FromSliceOn(side.be, x, batch, 1, 12, 12))
			l := loss.Loss(out, core.FromSliceOn(side.be, labels, batch))
			l.Backward()
			side.opt.Step()
			ls[k] = l.Item()
		}
		t.Logf("step %d: loss %.6f on webgpu, %.6f on cpu", step, ls[0], ls[1])
		if math.Abs(float64(ls[0]-ls[1])) > 1e-5*math.Abs(float64(ls[1])) {
			t.Fatalf("step %d: loss %v on webgpu, %v on cpu", step, ls[0], ls[1])
		}
		losses = append(losses, ls[1])
	}
	if !(losses[2] < losses[0]) {
		t.Errorf("the loss did not fall over three steps (%v): the test would not see a wrong gradient", losses)
	}
	// Adam divides by the root of the squared gradients, which magnifies
	// float32 rounding where a gradient is small: 7e-5 is the largest
	// relative difference measured on lavapipe. A wrong gradient moves a
	// weight by about lr, a hundred times more.
	const tol = 3e-4
	gs, cs := append(gnet.Parameters(), gnet.Buffers()...), append(cnet.Parameters(), cnet.Buffers()...)
	for i := range cs {
		if i < len(initData) && closeTo("", cs[i].Tensor.Data(), initData[i], 1e-4, 1e-2) == nil {
			t.Errorf("%s did not move: the test would not see a wrong gradient", cs[i].Name)
		}
		if err := closeTo(fmt.Sprintf("%s after 3 steps", cs[i].Name), gs[i].Tensor.Data(), cs[i].Tensor.Data(), tol, 1e-2); err != nil {
			t.Error(err)
		}
	}
}
