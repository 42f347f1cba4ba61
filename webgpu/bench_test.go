//go:build js && wasm

package webgpu

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/gograd/gograd/core/cpu"
	"github.com/gograd/gograd/core/kernel"
)

func benchData(n int) []float32 {
	r := rand.New(rand.NewPCG(3, 4))
	d := make([]float32, n)
	for i := range d {
		d[i] = r.Float32()
	}
	return d
}

// BenchmarkMatMul times square products, waiting for the device after each
// (no readback), and reports GFLOP/s.
func BenchmarkMatMul(b *testing.B) {
	for _, n := range []int{64, 512} {
		p := kernel.MatMulParams{Batch: 1, M: n, K: n, N: n}
		for _, be := range []kernel.Backend{testBackend, cpu.New()} {
			b.Run(fmt.Sprintf("%s/n=%d", be.Name(), n), func(b *testing.B) {
				x, y, out := be.FromFloat32(benchData(n*n)), be.FromFloat32(benchData(n*n)), be.New(n*n)
				waitFor(b, be)
				for b.Loop() {
					be.MatMul(out, x, y, p)
					waitFor(b, be)
				}
				b.ReportMetric(2*float64(n*n*n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
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
	for _, n := range []int{16, 1024, 16384, 262144} {
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
