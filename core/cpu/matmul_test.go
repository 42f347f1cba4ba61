package cpu

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/gograd/gograd/core/kernel"
)

// refMatMul is the float64 triple loop the blocked product is checked
// against. It also returns, per element, Σ|a||b|: the scale that bounds the
// rounding error of any summation order.
func refMatMul(a, b []float64, p kernel.MatMulParams) (c, scale []float64) {
	c = make([]float64, p.Batch*p.M*p.N)
	scale = make([]float64, len(c))
	for t := 0; t < p.Batch; t++ {
		at, bt := a[t*p.StrideA:], b[t*p.StrideB:]
		for i := 0; i < p.M; i++ {
			for j := 0; j < p.N; j++ {
				var s, abs float64
				for q := 0; q < p.K; q++ {
					av := at[i*p.K+q]
					if p.TransA {
						av = at[q*p.M+i]
					}
					bv := bt[q*p.N+j]
					if p.TransB {
						bv = bt[j*p.K+q]
					}
					s += av * bv
					abs += math.Abs(av * bv)
				}
				c[t*p.M*p.N+i*p.N+j] = s
				scale[t*p.M*p.N+i*p.N+j] = abs
			}
		}
	}
	return c, scale
}

// checkMatMul runs one MatMul on be with random inputs (exactly representable
// in float32, so both backends see the same numbers) and compares with the
// float64 reference. C starts as NaN so any element left unwritten fails.
func checkMatMul(t *testing.T, be kernel.Backend, p kernel.MatMulParams, eps float64) {
	t.Helper()
	rng := rand.New(rand.NewPCG(uint64(p.M), uint64(p.K*1000+p.N)))
	random := func(n int) []float64 {
		v := make([]float64, n)
		for i := range v {
			v[i] = float64(float32(rng.Float64()*2 - 1))
		}
		return v
	}
	lenA := p.M * p.K
	if p.Batch > 1 {
		lenA += (p.Batch - 1) * p.StrideA
	}
	lenB := p.K * p.N
	if p.Batch > 1 {
		lenB += (p.Batch - 1) * p.StrideB
	}
	a, b := random(lenA), random(lenB)
	want, scale := refMatMul(a, b, p)
	c := be.New(p.Batch * p.M * p.N)
	be.Fill(c, math.NaN())
	be.MatMul(c, be.FromFloat64(a), be.FromFloat64(b), p)
	got := make([]float64, len(want))
	be.ReadFloat64(c, got)
	// A length-K dot product rounds each partial sum once: |err| ≤ K·eps·Σ|a||b|.
	for i := range want {
		bound := float64(p.K+1)*eps*scale[i] + 1e-30
		if d := math.Abs(got[i] - want[i]); !(d <= bound) {
			t.Fatalf("%+v: element %d = %g, want %g (|diff| %g > bound %g)", p, i, got[i], want[i], d, bound)
		}
	}
}

var matMulBackends = []struct {
	be  kernel.Backend
	eps float64
}{
	{New(), 0x1p-24},
	{New64(), 0x1p-53},
}

func TestMatMulShapes(t *testing.T) {
	sizes := []int{1, 3, 7, 17, 31, 65, 129, 1568}
	for _, bk := range matMulBackends {
		for _, ta := range []bool{false, true} {
			for _, tb := range []bool{false, true} {
				for _, m := range sizes {
					for _, k := range sizes {
						for _, n := range sizes {
							if m*k*n > 65*129*129 {
								continue
							}
							p := kernel.MatMulParams{Batch: 1, M: m, K: k, N: n, TransA: ta, TransB: tb}
							checkMatMul(t, bk.be, p, bk.eps)
						}
					}
				}
			}
		}
	}
}

// TestMatMulBlockEdges uses sizes that cross the kc, mc and nc block edges
// and are large enough to be split across goroutines.
func TestMatMulBlockEdges(t *testing.T) {
	shapes := [][3]int{{mc + 5, kc + 3, 9}, {7, 2*kc + 1, mc + 1}, {2, 3, nc + 5}, {3*mc - 1, 31, 65}, {257, 257, 257}}
	for _, bk := range matMulBackends {
		for _, s := range shapes {
			for _, ta := range []bool{false, true} {
				for _, tb := range []bool{false, true} {
					p := kernel.MatMulParams{Batch: 1, M: s[0], K: s[1], N: s[2], TransA: ta, TransB: tb}
					t.Run(fmt.Sprintf("%s/%dx%dx%d/%v%v", bk.be.Name(), s[0], s[1], s[2], ta, tb), func(t *testing.T) {
						checkMatMul(t, bk.be, p, bk.eps)
					})
				}
			}
		}
	}
}

func TestMatMulBatch(t *testing.T) {
	for _, bk := range matMulBackends {
		for _, s := range [][4]int{{3, 7, 17, 5}, {64, 31, 31, 31}, {2, 129, 65, 31}} {
			batch, m, k, n := s[0], s[1], s[2], s[3]
			for _, sa := range []int{m * k, 0, m*k + 3} {
				for _, sb := range []int{k * n, 0} {
					for _, ta := range []bool{false, true} {
						for _, tb := range []bool{false, true} {
							p := kernel.MatMulParams{Batch: batch, M: m, K: k, N: n, TransA: ta, TransB: tb,
								StrideA: sa, StrideB: sb, StrideC: m * n}
							checkMatMul(t, bk.be, p, bk.eps)
						}
					}
				}
			}
		}
	}
}

// TestMatMulZeroDepth checks that K = 0 yields zeros, not stale memory.
func TestMatMulZeroDepth(t *testing.T) {
	for _, bk := range matMulBackends {
		checkMatMul(t, bk.be, kernel.MatMulParams{Batch: 2, M: 5, K: 0, N: 3, StrideC: 15}, bk.eps)
	}
}

// TestMicroKernels checks every tile this CPU can run for float32 (the
// assembly ones on amd64, and the generic one) against plain loops on random
// panels, for odd and even depths, overwriting and accumulating, with a row
// stride wider than the tile.
func TestMicroKernels(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for _, tl := range append(float32Tiles(), genericTile[float32]()) {
		mr, nr := tl.mr, tl.nr
		ldc := nr + 3
		for _, k := range []int{0, 1, 2, 3, 8, 31, 256} {
			for _, acc := range []bool{false, true} {
				ap := make([]float32, mr*k)
				bp := make([]float32, nr*k)
				for i := range ap {
					ap[i] = rng.Float32()*2 - 1
				}
				for i := range bp {
					bp[i] = rng.Float32()*2 - 1
				}
				want := make([]float32, mr*ldc)
				for i := range want {
					want[i] = rng.Float32()
				}
				got := slices.Clone(want)
				for i := range mr {
					for j := range nr {
						var s float32
						for p := range k {
							s += ap[p*mr+i] * bp[p*nr+j]
						}
						if acc {
							s += want[i*ldc+j]
						}
						want[i*ldc+j] = s
					}
				}
				tl.kernel(k, ap, bp, got, ldc, acc)
				for i := range want {
					// Only the tile may change; both sum k+1 terms of size ≤ 1.
					if d := math.Abs(float64(got[i] - want[i])); d > float64(k+2)*0x1p-23 {
						t.Fatalf("%dx%d tile, k=%d acc=%v: C[%d] = %g, want %g", mr, nr, k, acc, i, got[i], want[i])
					}
				}
			}
		}
	}
}
