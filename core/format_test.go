package core_test

import (
	"math"
	"testing"

	"github.com/gograd/gograd/core"
)

// The expected strings are what PyTorch prints for the same tensors, except
// that whole numbers keep four decimals.
func TestFormat(t *testing.T) {
	nan, inf := float32(math.NaN()), float32(math.Inf(1))
	cases := []struct {
		name string
		t    *core.Tensor
		want string
	}{
		{"0-D", core.Scalar(3.5), "tensor(3.5000)"},
		{"0-D sum", core.FromSlice([]float32{1, 2, 3}).Sum(), "tensor(6.0000)"},
		{"1-D aligned", core.FromSlice([]float32{1.5, -2.25, 3}), "tensor([ 1.5000, -2.2500,  3.0000])"},
		{"2-D", core.FromSlice([]float32{1.5, 20, -3, 0.25}, 2, 2),
			"tensor([[ 1.5000, 20.0000],\n" +
				"        [-3.0000,  0.2500]])"},
		{"3-D blank line between blocks", core.Arange(0, 8, 1).MulScalar(0.5).Reshape(2, 2, 2),
			"tensor([[[0.0000, 0.5000],\n" +
				"         [1.0000, 1.5000]],\n" +
				"\n" +
				"        [[2.0000, 2.5000],\n" +
				"         [3.0000, 3.5000]]])"},
		{"4-D two blank lines", core.Arange(1, 3, 1).Reshape(2, 1, 1, 1),
			"tensor([[[[1.0000]]],\n" +
				"\n" +
				"\n" +
				"        [[[2.0000]]]])"},
		{"scientific", core.FromSlice([]float32{1e-5, 1}), "tensor([1.0000e-05, 1.0000e+00])"},
		{"non-finite", core.FromSlice([]float32{nan, -inf, 1.5}), "tensor([   nan,   -inf, 1.5000])"},
		{"zeros", core.Zeros(2), "tensor([0.0000, 0.0000])"},
		{"empty", core.Zeros(0), "tensor([])"},
		{"empty 2-D", core.Zeros(2, 0), "tensor([], size=(2, 0))"},
		{"long row wraps", core.Arange(0, 20, 1).MulScalar(1.5),
			"tensor([ 0.0000,  1.5000,  3.0000,  4.5000,  6.0000,  7.5000,  9.0000, 10.5000,\n" +
				"        12.0000, 13.5000, 15.0000, 16.5000, 18.0000, 19.5000, 21.0000, 22.5000,\n" +
				"        24.0000, 25.5000, 27.0000, 28.5000])"},
		{"summarized 1-D", core.Linspace(1, 2, 1001), "tensor([1.0000, 1.0010, 1.0020,  ..., 1.9980, 1.9990, 2.0000])"},
		{"summarized 2-D", core.Linspace(1, 2, 1001).Reshape(7, 143),
			"tensor([[1.0000, 1.0010, 1.0020,  ..., 1.1400, 1.1410, 1.1420],\n" +
				"        [1.1430, 1.1440, 1.1450,  ..., 1.2830, 1.2840, 1.2850],\n" +
				"        [1.2860, 1.2870, 1.2880,  ..., 1.4260, 1.4270, 1.4280],\n" +
				"        ...,\n" +
				"        [1.5720, 1.5730, 1.5740,  ..., 1.7120, 1.7130, 1.7140],\n" +
				"        [1.7150, 1.7160, 1.7170,  ..., 1.8550, 1.8560, 1.8570],\n" +
				"        [1.8580, 1.8590, 1.8600,  ..., 1.9980, 1.9990, 2.0000]])"},
		{"requires_grad", core.FromSlice([]float32{1.5}).SetRequiresGrad(true), "tensor([1.5000], requires_grad=True)"},
		{"grad_fn", core.FromSlice([]float32{1.5}).SetRequiresGrad(true).MulScalar(2), "tensor([3.0000], grad_fn=<MulScalarBackward>)"},
		{"0-D grad_fn", core.Scalar(2).SetRequiresGrad(true).Mul(core.Scalar(-0.5)), "tensor(-1.0000, grad_fn=<MulBackward>)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.t.String(); got != tc.want {
				t.Fatalf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
