package cpu_test

import (
	"testing"

	"github.com/gograd/gograd/bench"
)

// BenchmarkMatMul times gograd's float32 MatMul and gonum's blas32 Sgemm on
// the same operands, side by side, so one run gives comparable numbers.
func BenchmarkMatMul(b *testing.B) {
	for _, s := range bench.Shapes {
		for _, tool := range []struct {
			name string
			make func(bench.Shape) (func(), func() []float32)
		}{{"gograd", bench.Gograd}, {"gonum", bench.Gonum}} {
			b.Run(s.String()+"/"+tool.name, func(b *testing.B) {
				f, _ := tool.make(s)
				f()
				b.ResetTimer()
				for b.Loop() {
					f()
				}
				b.ReportMetric(s.Flops()*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
			})
		}
	}
}
