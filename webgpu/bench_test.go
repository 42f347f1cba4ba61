//go:build js && wasm

package webgpu

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/cpu"
	"github.com/gograd/gograd/core/kernel"
	"github.com/gograd/gograd/core/optim"
)

func benchData(n int) []float32 {
	r := rand.New(rand.NewPCG(3, 4))
	d := make([]float32, n)
	for i := range d {
		d[i] = r.Float32()
	}
	return d
}

// BenchmarkMatMul times square products in a stream of them, as in a
// training step (a wait every 16, so the device keeps up with the
// recording), and reports GFLOP/s: with BenchmarkAdd, where the WebGPU
// backend starts to pay for itself.
func BenchmarkMatMul(b *testing.B) {
	for _, n := range []int{32, 64, 128, 256, 512} {
		p := kernel.MatMulParams{Batch: 1, M: n, K: n, N: n}
		for _, be := range []kernel.Backend{testBackend, cpu.New()} {
			b.Run(fmt.Sprintf("%s/n=%d", be.Name(), n), func(b *testing.B) {
				x, y, out := be.FromFloat32(benchData(n*n)), be.FromFloat32(benchData(n*n)), be.New(n*n)
				waitFor(b, be)
				i := 0
				for b.Loop() {
					be.MatMul(out, x, y, p)
					if i++; i%16 == 0 {
						waitFor(b, be)
					}
				}
				waitFor(b, be)
				b.ReportMetric(2*float64(n*n*n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
			})
		}
	}
}

// BenchmarkMatMulLinear times the two big products of a training step of
// the MNIST perceptron's first layer (batch 256, 784 inputs, 256 outputs):
// the forward x·wᵀ and the weight gradient gᵀ·x, each waited for.
func BenchmarkMatMulLinear(b *testing.B) {
	const batch, in, out = 256, 784, 256
	cases := []struct {
		name string
		p    kernel.MatMulParams
	}{
		{"forward", kernel.MatMulParams{Batch: 1, M: batch, K: in, N: out, TransB: true}},
		{"weight_grad", kernel.MatMulParams{Batch: 1, M: out, K: batch, N: in, TransA: true}},
	}
	for _, c := range cases {
		for _, be := range []kernel.Backend{testBackend, cpu.New()} {
			b.Run(fmt.Sprintf("%s/%s", be.Name(), c.name), func(b *testing.B) {
				p := c.p
				x, y, dst := be.FromFloat32(benchData(p.M*p.K)), be.FromFloat32(benchData(p.K*p.N)), be.New(p.M*p.N)
				waitFor(b, be)
				for b.Loop() {
					be.MatMul(dst, x, y, p)
					waitFor(b, be)
				}
				b.ReportMetric(2*float64(p.M*p.N*p.K)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
			})
		}
	}
}

// BenchmarkAdd times one elementwise kernel of n elements in a stream of
// them, as in a training step (a wait every 64 kernels, so the device keeps
// up with the recording): for small n the cost on WebGPU is recording and
// running the dispatch, which decides when a tensor is too small to be
// worth the GPU.
func BenchmarkAdd(b *testing.B) {
	for _, n := range []int{16, 1024, 16384, 262144, 1 << 20} {
		for _, be := range []kernel.Backend{testBackend, cpu.New()} {
			b.Run(fmt.Sprintf("%s/n=%d", be.Name(), n), func(b *testing.B) {
				x, y, out := be.FromFloat32(benchData(n)), be.FromFloat32(benchData(n)), be.New(n)
				shape, st := []int{n}, []int{1}
				waitFor(b, be)
				i := 0
				for b.Loop() {
					be.Binary(kernel.Add, out, x, y, shape, st, st)
					if i++; i%64 == 0 {
						waitFor(b, be)
					}
				}
				waitFor(b, be)
			})
		}
	}
}

// BenchmarkRead times reading n floats back, a fixed cost every Item pays.
func BenchmarkRead(b *testing.B) {
	for _, n := range []int{1, 1 << 20} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			buf := testBackend.FromFloat32(benchData(n))
			dst := make([]float32, n)
			for b.Loop() {
				testBackend.ReadFloat32(buf, dst)
			}
		})
	}
}

func waitFor(b *testing.B, be kernel.Backend) {
	if g, ok := be.(*Backend); ok {
		if err := g.Sync(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMLPStep times the training step of bench/webgpu (the MNIST
// perceptron 784-256-10, batch 256, cross-entropy, Adam) and reports what
// one step asks of the device. "sync" waits for the device at the end of
// the step; "item" reads the loss, as a training loop that shows it does;
// "profile" does the same with timestamps around every kernel, and logs
// the device time of the costliest kernels; "cpu" is the same step on the
// CPU backend in the same wasm, for the choice between the two.
func BenchmarkMLPStep(b *testing.B) {
	for _, mode := range []string{"sync", "item", "profile", "cpu"} {
		b.Run(mode, func(b *testing.B) {
			var be core.Backend = testBackend
			if mode == "cpu" {
				be = cpu.New()
			}
			step := mlpStep(be)
			finish := func(loss *core.Tensor) {
				if mode == "sync" {
					waitFor(b, be)
				} else {
					loss.Item()
				}
			}
			finish(step())
			if mode == "profile" {
				if err := testBackend.StartProfile(); err != nil {
					b.Fatal(err)
				}
			}
			before := testBackend.Stats()
			for b.Loop() {
				finish(step())
			}
			if mode == "cpu" {
				return
			}
			after := testBackend.Stats()
			if mode == "profile" {
				logProfile(b, testBackend.StopProfile())
			}
			n := float64(b.N)
			b.ReportMetric(float64(after.Dispatches-before.Dispatches)/n, "dispatches/op")
			b.ReportMetric(float64(after.Submits-before.Submits)/n, "submits/op")
			b.ReportMetric(float64(after.Uploads-before.Uploads)/n, "uploads/op")
			b.ReportMetric(float64(after.Reads-before.Reads)/n, "reads/op")
		})
	}
}

// mlpStep builds the perceptron, its batch and its optimizer on be and
// returns a function running one step and returning the loss.
func mlpStep(be core.Backend) func() *core.Tensor {
	g := core.NewGenerator(1)
	w1 := core.Uniform(g, -0.07, 0.07, 256, 784).To(be).SetRequiresGrad(true)
	w2 := core.Uniform(g, -0.15, 0.15, 10, 256).To(be).SetRequiresGrad(true)
	b1 := core.Zeros(256).To(be).SetRequiresGrad(true)
	b2 := core.Zeros(10).To(be).SetRequiresGrad(true)
	x := core.Uniform(g, 0, 1, 256, 784).To(be)
	labels := make([]float32, 256)
	for i := range labels {
		labels[i] = float32(g.IntN(10))
	}
	target := core.FromSliceOn(be, labels, 256, 1)
	opt := optim.NewAdam([]*core.Tensor{w1, b1, w2, b2}, optim.AdamOptions{LR: 1e-3})
	return func() *core.Tensor {
		opt.ZeroGrad()
		h := core.Linear(x, w1, b1).ReLU()
		loss := core.Linear(h, w2, b2).LogSoftmax(1).Gather(1, target).Mean().Neg()
		loss.Backward()
		opt.Step()
		return loss
	}
}

// logProfile logs the costliest kernels of a profile over b.N steps (a
// benchmark's log keeps ten lines).
func logProfile(b *testing.B, times []KernelTime) {
	var total time.Duration
	for _, k := range times {
		total += k.Total
	}
	n := float64(b.N)
	for _, k := range times[:min(len(times), 9)] {
		b.Logf("%-28s %3.0f× %8.2f ms/step %5.1f%%", k.Kernel, float64(k.Count)/n, float64(k.Total.Microseconds())/1e3/n, 100*float64(k.Total)/float64(total))
	}
	b.Logf("device time %.1f ms/step", float64(total.Microseconds())/1e3/n)
}
