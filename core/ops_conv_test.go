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

// randn returns n standard normal numbers from a fixed seed.
func randn(seed uint64, n int) []float64 {
	g := core.NewGenerator(seed)
	out := make([]float64, n)
	for i := range out {
		out[i] = g.NormFloat64()
	}
	return out
}

// conv2dRef is the textbook direct convolution, in float64.
func conv2dRef(x []float64, n, c, h, w int, wt []float64, oc, kh, kw int, bias []float64, stride, pad int) ([]float64, []int) {
	oh, ow := (h+2*pad-kh)/stride+1, (w+2*pad-kw)/stride+1
	out := make([]float64, n*oc*oh*ow)
	for in := 0; in < n; in++ {
		for o := 0; o < oc; o++ {
			for i := 0; i < oh; i++ {
				for j := 0; j < ow; j++ {
					var s float64
					if bias != nil {
						s = bias[o]
					}
					for ic := 0; ic < c; ic++ {
						for a := 0; a < kh; a++ {
							for b := 0; b < kw; b++ {
								y, xx := i*stride-pad+a, j*stride-pad+b
								if y < 0 || y >= h || xx < 0 || xx >= w {
									continue
								}
								s += x[((in*c+ic)*h+y)*w+xx] * wt[((o*c+ic)*kh+a)*kw+b]
							}
						}
					}
					out[((in*oc+o)*oh+i)*ow+j] = s
				}
			}
		}
	}
	return out, []int{n, oc, oh, ow}
}

func assertClose(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for i := range got {
		if math.Abs(got[i]-want[i]) > tol*(1+math.Abs(want[i])) {
			t.Fatalf("%s: element %d is %.9g, want %.9g", what, i, got[i], want[i])
		}
	}
}

func TestConv2dMatchesDirectLoops(t *testing.T) {
	const n, c, h, w, oc, kh, kw = 2, 3, 7, 5, 4, 3, 2
	x := randn(1, n*c*h*w)
	wt := randn(2, oc*c*kh*kw)
	bias := randn(3, oc)
	backends := []struct {
		name string
		be   core.Backend
		tol  float64
	}{{"float32", core.DefaultBackend(), 1e-5}, {"float64", gradcheck.Float64, 1e-12}}
	for _, bk := range backends {
		for _, stride := range []int{1, 2} {
			for _, pad := range []int{0, 1} {
				for _, withBias := range []bool{false, true} {
					name := fmt.Sprintf("%s/stride%d/pad%d/bias%v", bk.name, stride, pad, withBias)
					t.Run(name, func(t *testing.T) {
						var b *core.Tensor
						var bref []float64
						if withBias {
							b, bref = core.FromFloat64(bk.be, bias, oc), bias
						}
						got := core.Conv2d(core.FromFloat64(bk.be, x, n, c, h, w), core.FromFloat64(bk.be, wt, oc, c, kh, kw), b, stride, pad)
						want, shape := conv2dRef(x, n, c, h, w, wt, oc, kh, kw, bref, stride, pad)
						if fmt.Sprint(got.Shape()) != fmt.Sprint(shape) {
							t.Fatalf("shape %v, want %v", got.Shape(), shape)
						}
						assertClose(t, name, got.Data64(), want, bk.tol)
					})
				}
			}
		}
	}
}

func TestConv2dGradients(t *testing.T) {
	const n, c, h, w, oc, kh, kw = 2, 2, 5, 4, 3, 3, 2
	for _, stride := range []int{1, 2} {
		for _, pad := range []int{0, 1} {
			t.Run(fmt.Sprintf("stride%d/pad%d", stride, pad), func(t *testing.T) {
				x := core.FromFloat64(core.DefaultBackend(), randn(4, n*c*h*w), n, c, h, w).SetRequiresGrad(true)
				wt := core.FromFloat64(core.DefaultBackend(), randn(5, oc*c*kh*kw), oc, c, kh, kw).SetRequiresGrad(true)
				b := core.FromFloat64(core.DefaultBackend(), randn(6, oc), oc).SetRequiresGrad(true)
				err := gradcheck.Check(func(in []*core.Tensor) *core.Tensor {
					return core.Conv2d(in[0], in[1], in[2], stride, pad)
				}, []*core.Tensor{x, wt, b}, gradcheck.Options{})
				if err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}

// With only the weight trainable (a first layer fed images), the input
// gets no gradient and the weight's is still right.
func TestConv2dGradientOnlyWeight(t *testing.T) {
	x := core.FromFloat64(core.DefaultBackend(), randn(7, 1*1*4*4), 1, 1, 4, 4)
	wt := core.FromFloat64(core.DefaultBackend(), randn(8, 2*1*2*2), 2, 1, 2, 2).SetRequiresGrad(true)
	err := gradcheck.Check(func(in []*core.Tensor) *core.Tensor {
		return core.Conv2d(in[0], in[1], nil, 1, 0).Tanh()
	}, []*core.Tensor{x, wt}, gradcheck.Options{})
	if err != nil {
		t.Fatal(err)
	}
	y := core.Conv2d(x, wt, nil, 1, 0)
	y.Sum().Backward()
	if x.Grad() != nil {
		t.Fatal("input that needs no gradient got one")
	}
	if y.GradFn() != "" {
		t.Fatalf("Backward should free the graph, GradFn is %q", y.GradFn())
	}
}

// shapePanic runs f and returns the error it panics with, or nil.
func shapePanic(f func()) (err error) {
	defer core.Recover(&err)
	f()
	return nil
}

func TestConv2dShapeErrors(t *testing.T) {
	x := core.Zeros(2, 3, 5, 5)
	w := core.Zeros(4, 3, 3, 3)
	cases := []struct {
		name string
		f    func()
		want string
	}{
		{"3-D input", func() { core.Conv2d(core.Zeros(3, 5, 5), w, nil, 1, 0) }, "input must be 4-D"},
		{"3-D weight", func() { core.Conv2d(x, core.Zeros(3, 3, 3), nil, 1, 0) }, "weight must be 4-D"},
		{"channels", func() { core.Conv2d(x, core.Zeros(4, 2, 3, 3), nil, 1, 0) }, "input has 3 channels but weight expects 2"},
		{"bias", func() { core.Conv2d(x, w, core.Zeros(3), 1, 0) }, "bias must hold one value per output channel (4)"},
		{"kernel too big", func() { core.Conv2d(x, core.Zeros(4, 3, 8, 3), nil, 1, 1) }, "kernel 8×3 does not fit the padded input 7×7"},
		{"stride", func() { core.Conv2d(x, w, nil, 0, 0) }, "stride 0 must be at least 1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := shapePanic(tc.f)
			if !errors.Is(err, core.ErrShape) {
				t.Fatalf("got %v, want an ErrShape panic", err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "Conv2d: ") || !strings.Contains(msg, tc.want) || !strings.Contains(msg, "[2 3 5 5]") && tc.name != "3-D input" {
				t.Fatalf("message %q should name Conv2d, say %q and give the input shape", msg, tc.want)
			}
		})
	}
}

func ExampleConv2d() {
	// A 3×3 image and a 2×2 kernel that adds each pixel to its lower-right
	// neighbour.
	x := core.FromSlice([]float32{1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3)
	w := core.FromSlice([]float32{1, 0, 0, 1}, 1, 1, 2, 2)
	b := core.FromSlice([]float32{100}, 1)
	fmt.Println(core.Conv2d(x, w, b, 1, 0).Data())
	// Output:
	// [106 108 112 114]
}

// BenchmarkConv2d times LeNet's second convolution (16 images, 6→16
// channels, 14×14, 5×5 kernels) forward, and forward plus backward.
func BenchmarkConv2d(b *testing.B) {
	x := core.FromFloat64(core.DefaultBackend(), randn(31, 16*6*14*14), 16, 6, 14, 14).SetRequiresGrad(true)
	w := core.FromFloat64(core.DefaultBackend(), randn(32, 16*6*5*5), 16, 6, 5, 5).SetRequiresGrad(true)
	bias := core.Zeros(16).SetRequiresGrad(true)
	b.Run("forward", func(b *testing.B) {
		core.NoGrad(func() {
			for b.Loop() {
				core.Conv2d(x, w, bias, 1, 0)
			}
		})
	})
	b.Run("forward+backward", func(b *testing.B) {
		for b.Loop() {
			core.Conv2d(x, w, bias, 1, 0).Sum().Backward()
		}
	})
}
