package core_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/gradcheck"
	"github.com/gograd/gograd/core/kernel"
)

func TestDropoutMaskAndScale(t *testing.T) {
	const n, p, seed, offset = 1000, 0.3, 42, 7
	x := randn(21, n)
	got := core.Dropout(core.FromFloat64(gradcheck.Float64, x, 10, 100), p, seed, offset).Data64()
	kept := 0
	for i, v := range got {
		want := 0.0
		if float64(kernel.CounterUniform(seed, offset+uint64(i))) >= p {
			want = x[i] / (1 - p)
			kept++
		}
		if math.Abs(v-want) > 1e-12 {
			t.Fatalf("element %d is %g, want %g", i, v, want)
		}
	}
	// 700 expected; the binomial standard deviation is about 14.5.
	if kept < 650 || kept > 750 {
		t.Fatalf("kept %d of %d with p=%g", kept, n, p)
	}
}

func TestDropoutDeterministic(t *testing.T) {
	x := core.Ones(50)
	a := core.Dropout(x, 0.5, 3, 0).Data()
	b := core.Dropout(x, 0.5, 3, 0).Data()
	c := core.Dropout(x, 0.5, 3, 50).Data()
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatal("same seed and offset gave different masks")
	}
	if fmt.Sprint(a) == fmt.Sprint(c) {
		t.Fatal("a new offset gave the same mask")
	}
}

func TestDropoutEdgeProbabilities(t *testing.T) {
	x := core.FromSlice([]float32{1, -2, 3})
	if got := core.Dropout(x, 0, 1, 0).Data(); fmt.Sprint(got) != "[1 -2 3]" {
		t.Fatalf("p=0 changed the input: %v", got)
	}
	for _, v := range core.Dropout(x, 1, 1, 0).Data() {
		if v != 0 {
			t.Fatalf("p=1 should drop everything, kept %g", v)
		}
	}
	err := shapePanic(func() { core.Dropout(x, 1.5, 1, 0) })
	if !errors.Is(err, core.ErrIndex) {
		t.Fatalf("p=1.5: got %v, want an ErrIndex panic", err)
	}
}

func TestDropoutGradient(t *testing.T) {
	x := core.FromFloat64(core.DefaultBackend(), randn(22, 24), 2, 3, 4).SetRequiresGrad(true)
	err := gradcheck.Check(func(in []*core.Tensor) *core.Tensor {
		return core.Dropout(in[0], 0.4, 9, 100)
	}, []*core.Tensor{x}, gradcheck.Options{})
	if err != nil {
		t.Fatal(err)
	}
}

func TestDropout2dDropsWholeChannels(t *testing.T) {
	const n, c, h, w, p, seed, offset = 4, 5, 3, 2, 0.5, 5, 11
	x := core.Ones(n, c, h, w)
	got := core.Dropout2d(x, p, seed, offset).Data()
	for plane := 0; plane < n*c; plane++ {
		want := float32(0)
		if float64(kernel.CounterUniform(seed, offset+uint64(plane))) >= p {
			want = 2
		}
		for i := 0; i < h*w; i++ {
			if v := got[plane*h*w+i]; v != want {
				t.Fatalf("plane %d element %d is %g, want %g", plane, i, v, want)
			}
		}
	}
}

func TestDropout2dGradient(t *testing.T) {
	x := core.FromFloat64(core.DefaultBackend(), randn(23, 2*3*2*2), 2, 3, 2, 2).SetRequiresGrad(true)
	err := gradcheck.Check(func(in []*core.Tensor) *core.Tensor {
		return core.Dropout2d(in[0], 0.5, 4, 0)
	}, []*core.Tensor{x}, gradcheck.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := shapePanic(func() { core.Dropout2d(core.Ones(3, 4), 0.5, 1, 0) }); !errors.Is(err, core.ErrShape) {
		t.Fatalf("2-D input: got %v, want an ErrShape panic", err)
	}
}

func ExampleDropout() {
	x := core.Ones(8)
	// With p = 0.5 the kept elements are doubled; the seed fixes which.
	fmt.Println(core.Dropout(x, 0.5, 1, 0).Data())
	// Output:
	// [2 2 2 2 2 0 0 0]
}
