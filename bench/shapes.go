package bench

import (
	"fmt"
	"math/rand/v2"

	"github.com/gograd/gograd/core/cpu"
	"github.com/gograd/gograd/core/kernel"
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
)

// Shape is one matrix product C = op(A)·op(B) with C M×N and depth K. A
// transposed operand is stored the other way round (K×M for A, N×K for B),
// exactly as MatMulParams and BLAS describe it.
type Shape struct {
	Name           string
	M, K, N        int
	TransA, TransB bool
}

// Flops is the multiply-add count of the product, two flops each.
func (s Shape) Flops() float64 { return 2 * float64(s.M) * float64(s.K) * float64(s.N) }

// String names the shape the way benchmark names and tables show it.
func (s Shape) String() string {
	t := func(b bool) string {
		if b {
			return "T"
		}
		return "N"
	}
	return fmt.Sprintf("%s_%dx%dx%d_%s%s", s.Name, s.M, s.K, s.N, t(s.TransA), t(s.TransB))
}

// Shapes are the products compared: square sizes, and the forward and both
// backward products of an MNIST MLP layer 784→256 on a batch of 256, plus
// its 256→10 output layer.
var Shapes = []Shape{
	{Name: "square", M: 256, K: 256, N: 256},
	{Name: "square", M: 512, K: 512, N: 512},
	{Name: "square", M: 1024, K: 1024, N: 1024},
	{Name: "mlp_fwd", M: 256, K: 784, N: 256},
	{Name: "mlp_dW", M: 784, K: 256, N: 256, TransA: true},
	{Name: "mlp_dx", M: 256, K: 256, N: 784, TransB: true},
	{Name: "mlp_out", M: 256, K: 256, N: 10},
}

// operands returns fixed pseudo-random A and B for s, same for every tool.
func (s Shape) operands() (a, b []float32) {
	rng := rand.New(rand.NewPCG(1, 2))
	a = make([]float32, s.M*s.K)
	b = make([]float32, s.K*s.N)
	for i := range a {
		a[i] = rng.Float32()*2 - 1
	}
	for i := range b {
		b[i] = rng.Float32()*2 - 1
	}
	return a, b
}

// Gograd returns run, which computes s once with the float32 CPU backend's
// MatMul on buffers allocated here, and result, which reads C back.
func Gograd(s Shape) (run func(), result func() []float32) {
	be := cpu.New()
	a, b := s.operands()
	ab, bb, cb := be.FromFloat32(a), be.FromFloat32(b), be.New(s.M*s.N)
	p := kernel.MatMulParams{Batch: 1, M: s.M, K: s.K, N: s.N, TransA: s.TransA, TransB: s.TransB}
	run = func() { be.MatMul(cb, ab, bb, p) }
	result = func() []float32 {
		out := make([]float32, s.M*s.N)
		be.ReadFloat32(cb, out)
		return out
	}
	return run, result
}

// Gonum returns run, which computes s once with gonum's blas32.Gemm (backed
// by gonum's own implementation of Sgemm), and result, which returns C.
func Gonum(s Shape) (run func(), result func() []float32) {
	a, b := s.operands()
	ga := blas32.General{Rows: s.M, Cols: s.K, Stride: s.K, Data: a}
	if s.TransA {
		ga = blas32.General{Rows: s.K, Cols: s.M, Stride: s.M, Data: a}
	}
	gb := blas32.General{Rows: s.K, Cols: s.N, Stride: s.N, Data: b}
	if s.TransB {
		gb = blas32.General{Rows: s.N, Cols: s.K, Stride: s.K, Data: b}
	}
	gc := blas32.General{Rows: s.M, Cols: s.N, Stride: s.N, Data: make([]float32, s.M*s.N)}
	ta, tb := blas.NoTrans, blas.NoTrans
	if s.TransA {
		ta = blas.Trans
	}
	if s.TransB {
		tb = blas.Trans
	}
	run = func() { blas32.Gemm(ta, tb, 1, ga, gb, 0, gc) }
	return run, func() []float32 { return gc.Data }
}

// Reference is C for s by a float64 triple loop over the same operands the
// tools get, for checking that both compute the stated product.
func Reference(s Shape) []float64 {
	a, b := s.operands()
	c := make([]float64, s.M*s.N)
	for i := 0; i < s.M; i++ {
		for j := 0; j < s.N; j++ {
			var sum float64
			for p := 0; p < s.K; p++ {
				av, bv := a[i*s.K+p], b[p*s.N+j]
				if s.TransA {
					av = a[p*s.M+i]
				}
				if s.TransB {
					bv = b[j*s.K+p]
				}
				sum += float64(av) * float64(bv)
			}
			c[i*s.N+j] = sum
		}
	}
	return c
}
