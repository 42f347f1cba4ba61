package core_test

import (
	"math"
	"testing"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/gradcheck"
)

// batchNormRef normalizes x [N,C,L] per channel with plain loops in float64;
// it returns y and the batch's mean and biased variance.
func batchNormRef(x []float64, n, c, l int, w, b, mean, variance []float64, training bool, eps float64) (y, bm, bv []float64) {
	bm, bv = make([]float64, c), make([]float64, c)
	m := float64(n * l)
	for ch := range c {
		for i := range n {
			for j := range l {
				bm[ch] += x[(i*c+ch)*l+j] / m
			}
		}
		for i := range n {
			for j := range l {
				d := x[(i*c+ch)*l+j] - bm[ch]
				bv[ch] += d * d / m
			}
		}
	}
	if training {
		mean, variance = bm, bv
	}
	y = make([]float64, len(x))
	for i := range n {
		for ch := range c {
			for j := range l {
				k := (i*c+ch)*l + j
				y[k] = (x[k]-mean[ch])/math.Sqrt(variance[ch]+eps)*w[ch] + b[ch]
			}
		}
	}
	return y, bm, bv
}

func TestBatchNormMatchesLoops(t *testing.T) {
	for _, shape := range [][]int{{5, 3}, {4, 2, 3, 5}, {1, 3, 7}} {
		n, c := shape[0], shape[1]
		l := 1
		for _, s := range shape[2:] {
			l *= s
		}
		x := randT(1, shape...).MulScalar(2).AddScalar(0.5)
		w, b := randT(2, c), randT(3, c)
		rm, rv := randT(4, c), randT(5, c).Abs().AddScalar(0.1)
		rm0, rv0 := rm.Data64(), rv.Data64()
		const momentum, eps = 0.1, 1e-5
		for _, training := range []bool{true, false} {
			got := core.BatchNorm(x, rm, rv, w, b, training, momentum, eps)
			want, bm, bv := batchNormRef(x.Data64(), n, c, l, w.Data64(), b.Data64(), rm0, rv0, training, eps)
			for i, g := range got.Data64() {
				if math.Abs(g-want[i]) > 1e-4 {
					t.Fatalf("%v training=%v: y[%d] = %g, want %g", shape, training, i, g, want[i])
				}
			}
			if !training {
				continue
			}
			// The running statistics moved toward the batch's, variance unbiased.
			for ch := range c {
				wm := 0.9*rm0[ch] + 0.1*bm[ch]
				wv := 0.9*rv0[ch] + 0.1*bv[ch]*float64(n*l)/float64(n*l-1)
				if math.Abs(rm.Data64()[ch]-wm) > 1e-5 || math.Abs(rv.Data64()[ch]-wv) > 1e-5 {
					t.Fatalf("%v: running stats of channel %d are %g, %g; want %g, %g", shape, ch, rm.Data64()[ch], rv.Data64()[ch], wm, wv)
				}
			}
			rm.Assign(core.FromFloat64(rm.Backend(), rm0, c))
			rv.Assign(core.FromFloat64(rv.Backend(), rv0, c))
		}
	}
}

func TestBatchNormGradients(t *testing.T) {
	rv := randT(14, 3).Abs().AddScalar(0.2)
	cases := []struct {
		name string
		f    func(in []*core.Tensor) *core.Tensor
		in   []*core.Tensor
	}{
		{"training 4d", func(in []*core.Tensor) *core.Tensor {
			return core.BatchNorm(in[0], nil, nil, in[1], in[2], true, 0.1, 1e-5).Mul(in[3]).Sum()
		}, []*core.Tensor{randT(10, 2, 3, 2, 3), randT(11, 3), randT(12, 3), randT(13, 2, 3, 2, 3)}},
		{"training 2d", func(in []*core.Tensor) *core.Tensor {
			return core.BatchNorm(in[0], nil, nil, in[1], in[2], true, 0.1, 1e-5).Mul(in[3]).Sum()
		}, []*core.Tensor{randT(20, 5, 3), randT(21, 3), randT(22, 3), randT(23, 5, 3)}},
		{"training, no affine", func(in []*core.Tensor) *core.Tensor {
			return core.BatchNorm(in[0], nil, nil, nil, nil, true, 0.1, 1e-5).Mul(in[1]).Sum()
		}, []*core.Tensor{randT(30, 4, 3, 5), randT(31, 4, 3, 5)}},
		{"eval", func(in []*core.Tensor) *core.Tensor {
			return core.BatchNorm(in[0], in[4], in[5], in[1], in[2], false, 0.1, 1e-5).Mul(in[3]).Sum()
		}, []*core.Tensor{randT(40, 2, 3, 4), randT(41, 3), randT(42, 3), randT(43, 2, 3, 4), randT(44, 3), rv}},
	}
	for _, tc := range cases {
		for i, in := range tc.in {
			in.SetRequiresGrad(i < 3)
		}
		if err := gradcheck.Check(tc.f, tc.in, gradcheck.Options{}); err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

func TestBatchNormShapeErrors(t *testing.T) {
	x := randT(1, 4, 3, 2, 2)
	panicsWith(t, "BatchNorm weight", core.ErrShape, func() { core.BatchNorm(x, nil, nil, randT(2, 4), nil, true, 0.1, 1e-5) }, "BatchNorm", "one value per channel")
	panicsWith(t, "BatchNorm 1-d", core.ErrShape, func() { core.BatchNorm(randT(3, 4), nil, nil, nil, nil, true, 0.1, 1e-5) }, "BatchNorm")
	panicsWith(t, "BatchNorm eval", core.ErrShape, func() { core.BatchNorm(x, nil, nil, nil, nil, false, 0.1, 1e-5) }, "running statistics")
}
