package core_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/gradcheck"
)

// poolRef pools every window by brute force in float64. Windows skip padding
// for the maximum and count it as zeros for the average.
func poolRef(x []float64, n, c, h, w, k, stride, pad int, avg bool) ([]float64, []int) {
	oh, ow := (h+2*pad-k)/stride+1, (w+2*pad-k)/stride+1
	out := make([]float64, 0, n*c*oh*ow)
	for p := 0; p < n*c; p++ {
		for i := 0; i < oh; i++ {
			for j := 0; j < ow; j++ {
				sum, best := 0.0, math.Inf(-1)
				for a := 0; a < k; a++ {
					for b := 0; b < k; b++ {
						y, xx := i*stride-pad+a, j*stride-pad+b
						if y < 0 || y >= h || xx < 0 || xx >= w {
							continue
						}
						v := x[(p*h+y)*w+xx]
						sum += v
						best = math.Max(best, v)
					}
				}
				if avg {
					out = append(out, sum/float64(k*k))
				} else {
					out = append(out, best)
				}
			}
		}
	}
	return out, []int{n, c, oh, ow}
}

// distinct returns n values with no two closer than 0.1, shuffled, so a
// maximum never ties and a small finite-difference step cannot change it.
func distinct(seed uint64, n int) []float64 {
	out := make([]float64, n)
	for i, p := range core.NewGenerator(seed).Perm(n) {
		out[i] = float64(p)*0.1 - float64(n)*0.05
	}
	return out
}

func TestPoolingMatchesBruteForce(t *testing.T) {
	const n, c, h, w = 2, 3, 7, 5
	x := randn(11, n*c*h*w)
	for _, avg := range []bool{false, true} {
		for _, k := range []int{2, 3} {
			for _, stride := range []int{1, 2} {
				for _, pad := range []int{0, 1} {
					name := fmt.Sprintf("avg%v/k%d/stride%d/pad%d", avg, k, stride, pad)
					t.Run(name, func(t *testing.T) {
						xt := core.FromFloat64(gradcheck.Float64, x, n, c, h, w)
						var got *core.Tensor
						if avg {
							got = core.AvgPool2d(xt, k, stride, pad)
						} else {
							got = core.MaxPool2d(xt, k, stride, pad)
						}
						want, shape := poolRef(x, n, c, h, w, k, stride, pad, avg)
						if fmt.Sprint(got.Shape()) != fmt.Sprint(shape) {
							t.Fatalf("shape %v, want %v", got.Shape(), shape)
						}
						assertClose(t, name, got.Data64(), want, 1e-12)
					})
				}
			}
		}
	}
}

func TestPoolingGradients(t *testing.T) {
	const n, c, h, w = 2, 2, 5, 4
	for _, avg := range []bool{false, true} {
		for _, stride := range []int{1, 2} {
			for _, pad := range []int{0, 1} {
				t.Run(fmt.Sprintf("avg%v/stride%d/pad%d", avg, stride, pad), func(t *testing.T) {
					x := core.FromFloat64(core.DefaultBackend(), distinct(12, n*c*h*w), n, c, h, w).SetRequiresGrad(true)
					err := gradcheck.Check(func(in []*core.Tensor) *core.Tensor {
						if avg {
							return core.AvgPool2d(in[0], 3, stride, pad)
						}
						return core.MaxPool2d(in[0], 3, stride, pad)
					}, []*core.Tensor{x}, gradcheck.Options{})
					if err != nil {
						t.Fatal(err)
					}
				})
			}
		}
	}
}

func TestPoolingShapeErrors(t *testing.T) {
	x := core.Zeros(1, 2, 4, 4)
	cases := []struct {
		name string
		f    func()
		want string
	}{
		{"3-D input", func() { core.MaxPool2d(core.Zeros(2, 4, 4), 2, 2, 0) }, "MaxPool2d: "},
		{"padding", func() { core.AvgPool2d(x, 2, 2, 2) }, "padding 2 is more than half the kernel size 2"},
		{"kernel", func() { core.MaxPool2d(x, 5, 1, 0) }, "kernel 5×5 does not fit the padded input 4×4"},
		{"stride", func() { core.AvgPool2d(x, 2, 0, 0) }, "stride 0 must be at least 1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := shapePanic(tc.f)
			if !errors.Is(err, core.ErrShape) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an ErrShape panic saying %q", err, tc.want)
			}
		})
	}
}

func ExampleMaxPool2d() {
	x := core.FromSlice([]float32{
		1, 5, 2, 0,
		3, 4, 8, 1,
		0, 2, 1, 1,
		7, 1, 3, 9,
	}, 1, 1, 4, 4).SetRequiresGrad(true)
	y := core.MaxPool2d(x, 2, 2, 0)
	y.Sum().Backward()
	fmt.Println(y.Data())
	fmt.Println(x.Grad().Data())
	// Output:
	// [5 8 7 9]
	// [0 1 0 0 0 0 1 0 0 0 0 0 1 0 0 1]
}

func ExampleAvgPool2d() {
	x := core.FromSlice([]float32{
		1, 5, 2, 0,
		3, 4, 8, 1,
		0, 2, 1, 1,
		7, 1, 3, 9,
	}, 1, 1, 4, 4)
	fmt.Println(core.AvgPool2d(x, 2, 2, 0).Data())
	// Output:
	// [3.25 2.75 2.5 3.5]
}

// Where a window's maximum ties, the whole gradient goes to its first element.
func TestMaxPool2dTiesGoToFirst(t *testing.T) {
	x := core.Ones(1, 1, 2, 2).SetRequiresGrad(true)
	core.MaxPool2d(x, 2, 2, 0).Sum().Backward()
	if got := fmt.Sprint(x.Grad().Data()); got != "[1 0 0 0]" {
		t.Fatalf("gradient %s, want [1 0 0 0]", got)
	}
}
