package bench_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gograd/gograd/bench"
)

func ExampleTable() {
	out := `goos: linux
BenchmarkMatMul/square_256x256x256_NN/gograd-2   100  1000 ns/op  6.0 GFLOP/s
BenchmarkMatMul/square_256x256x256_NN/gonum-2    100  1000 ns/op  4.0 GFLOP/s
BenchmarkMatMul/square_256x256x256_NN/gograd-2   100  1000 ns/op  2.0 GFLOP/s
BenchmarkMatMul/square_256x256x256_NN/gonum-2    100  1000 ns/op  4.0 GFLOP/s
BenchmarkMatMul/square_256x256x256_NN/gograd-2   100  1000 ns/op  9.0 GFLOP/s
BenchmarkMatMul/square_256x256x256_NN/gonum-2    100  1000 ns/op  5.0 GFLOP/s
BenchmarkMatMul/mlp_out_256x256x10_NN/gograd     100  1000 ns/op  1.5 GFLOP/s
BenchmarkMatMul/mlp_out_256x256x10_NN/gonum      100  1000 ns/op  3.0 GFLOP/s
ok`
	table, err := bench.Table(strings.NewReader(out))
	if err != nil {
		panic(err)
	}
	fmt.Print(table)
	// Output:
	// | shape (M×K×N, op) | gograd GFLOP/s | gonum GFLOP/s | gograd / gonum |
	// |---|---:|---:|---:|
	// | square_256x256x256_NN | 6.00 | 4.00 | 1.50 |
	// | mlp_out_256x256x10_NN | 1.50 | 3.00 | 0.50 |
}

func TestTableErrors(t *testing.T) {
	for _, in := range []string{
		"",
		"BenchmarkMatMul/a/gograd 1 1 ns/op\n",
		"BenchmarkMatMul/a/gograd 1 1 ns/op x GFLOP/s\n",
		"BenchmarkMatMul/a/gograd 1 1 ns/op 2 GFLOP/s\n",
		"BenchmarkMatMul/a 1 1 ns/op 2 GFLOP/s\n",
	} {
		if _, err := bench.Table(strings.NewReader(in)); err == nil {
			t.Errorf("Table(%q) returned no error", in)
		}
	}
}

// TestShapes checks the compared products against a direct float64 loop,
// so both tools are known to compute the stated product.
func TestShapes(t *testing.T) {
	for _, s := range bench.Shapes {
		if s.Flops() != 2*float64(s.M*s.K*s.N) {
			t.Errorf("%v: Flops = %g", s, s.Flops())
		}
	}
	small := bench.Shape{Name: "t", M: 5, K: 3, N: 4}
	for _, ta := range []bool{false, true} {
		for _, tb := range []bool{false, true} {
			small.TransA, small.TransB = ta, tb
			want := bench.Reference(small)
			for _, tool := range []struct {
				name string
				make func(bench.Shape) (func(), func() []float32)
			}{{"gograd", bench.Gograd}, {"gonum", bench.Gonum}} {
				run, result := tool.make(small)
				run()
				got := result()
				for i := range want {
					if d := float64(got[i]) - want[i]; d > 1e-5 || d < -1e-5 {
						t.Fatalf("%s %v: C[%d] = %g, want %g", tool.name, small, i, got[i], want[i])
					}
				}
			}
		}
	}
}
