package cpu

import (
	"math"

	"github.com/gograd/gograd/core/kernel"
)

// Reduce implements kernel.Backend. Large reductions share their outer
// blocks out across cores.
func (be *Backend[T]) Reduce(op kernel.ReduceOp, dst, x kernel.Buffer, outer, n, inner int) {
	d, s := be.data(dst), be.data(x)
	parallelRanges(outer, elementWorkers(outer*n*inner), func(lo, hi int) {
		for o := lo; o < hi; o++ {
			reduceBlock(op, d[o*inner:(o+1)*inner], s[o*n*inner:(o+1)*n*inner], n, inner)
		}
	})
}

// reduceBlock reduces the n×inner block s over its n rows into out.
func reduceBlock[T Float](op kernel.ReduceOp, out, s []T, n, inner int) {
	switch op {
	case kernel.Sum:
		// Accumulate in float64: sums over a whole dataset stay exact enough
		// to compare with references.
		if inner == 1 {
			out[0] = T(sumContiguous(s))
			return
		}
		acc := make([]float64, inner)
		for j := 0; j < n; j++ {
			for i, v := range s[j*inner : (j+1)*inner] {
				acc[i] += float64(v)
			}
		}
		for i := range out {
			out[i] = T(acc[i])
		}
	case kernel.Max, kernel.Min, kernel.ArgMax, kernel.ArgMin:
		wantMax := op == kernel.Max || op == kernel.ArgMax
		for i := range out {
			best, bestJ := s[i], 0
			for j := 1; j < n; j++ {
				v := s[j*inner+i]
				if math.IsNaN(float64(best)) {
					break
				}
				if (wantMax && v > best) || (!wantMax && v < best) || math.IsNaN(float64(v)) {
					best, bestJ = v, j
				}
			}
			if op == kernel.ArgMax || op == kernel.ArgMin {
				out[i] = T(bestJ)
			} else {
				out[i] = best
			}
		}
	default:
		panic("cpu: unknown reduce op " + op.String())
	}
}

// sumContiguous adds s in float64 with four running sums, so the additions
// do not wait on one another.
func sumContiguous[T Float](s []T) float64 {
	var a0, a1, a2, a3 float64
	i := 0
	for ; i+4 <= len(s); i += 4 {
		a0 += float64(s[i])
		a1 += float64(s[i+1])
		a2 += float64(s[i+2])
		a3 += float64(s[i+3])
	}
	for ; i < len(s); i++ {
		a0 += float64(s[i])
	}
	return (a0 + a1) + (a2 + a3)
}

// Softmax implements kernel.Backend.
func (be *Backend[T]) Softmax(dst, x kernel.Buffer, rows, cols int, log bool) {
	d, s := be.data(dst), be.data(x)
	for r := 0; r < rows; r++ {
		in, out := s[r*cols:(r+1)*cols], d[r*cols:(r+1)*cols]
		m := in[0]
		for _, v := range in[1:] {
			m = max(m, v)
		}
		var sum float64
		for _, v := range in {
			sum += math.Exp(float64(v - m))
		}
		if log {
			lse := float64(m) + math.Log(sum)
			for i, v := range in {
				out[i] = T(float64(v) - lse)
			}
		} else {
			for i, v := range in {
				out[i] = T(math.Exp(float64(v-m)) / sum)
			}
		}
	}
}

// SoftmaxBackward implements kernel.Backend.
func (be *Backend[T]) SoftmaxBackward(dx, y, g kernel.Buffer, rows, cols int, log bool) {
	d, ys, gs := be.data(dx), be.data(y), be.data(g)
	for r := 0; r < rows; r++ {
		yr, gr, dr := ys[r*cols:(r+1)*cols], gs[r*cols:(r+1)*cols], d[r*cols:(r+1)*cols]
		if log {
			// d/dx of log_softmax: g - softmax * sum(g)
			var sum float64
			for _, v := range gr {
				sum += float64(v)
			}
			for i := range dr {
				dr[i] = T(float64(gr[i]) - math.Exp(float64(yr[i]))*sum)
			}
		} else {
			// d/dx of softmax: y * (g - sum(g*y))
			var dot float64
			for i := range gr {
				dot += float64(gr[i]) * float64(yr[i])
			}
			for i := range dr {
				dr[i] = T(float64(yr[i]) * (float64(gr[i]) - dot))
			}
		}
	}
}
