package gradcheck_test

import (
	"testing"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/gradcheck"
)

// A check must be able to fail: a deliberately wrong gradient is caught.
func TestCheckCatchesWrongGradient(t *testing.T) {
	x := core.FromSlice([]float32{0.3, -1.2, 2}, 3).SetRequiresGrad(true)
	// x*x has gradient 2x; x*x.Detach() drops half of it.
	err := gradcheck.Check(func(in []*core.Tensor) *core.Tensor {
		return in[0].Mul(in[0].Detach())
	}, []*core.Tensor{x}, gradcheck.Options{})
	if err == nil {
		t.Fatal("a wrong gradient passed the check")
	}
}

func TestCheckPassesRightGradient(t *testing.T) {
	x := core.FromSlice([]float32{0.3, -1.2, 2}, 3).SetRequiresGrad(true)
	err := gradcheck.Check(func(in []*core.Tensor) *core.Tensor {
		return in[0].Mul(in[0])
	}, []*core.Tensor{x}, gradcheck.Options{})
	if err != nil {
		t.Fatal(err)
	}
}
