package nn

import (
	"math"

	"github.com/gograd/gograd/core"
)

// The initialisers below overwrite a tensor in place, as torch.nn.init's
// functions do, drawing from g.

// InitUniform fills t from U(a, b).
func InitUniform(g *core.Generator, t *core.Tensor, a, b float64) {
	t.Assign(core.Uniform(g, a, b, t.Shape()...).To(t.Backend()))
}

// InitNormal fills t from N(mean, std²).
func InitNormal(g *core.Generator, t *core.Tensor, mean, std float64) {
	t.Assign(core.Normal(g, mean, std, t.Shape()...).To(t.Backend()))
}

// InitConstant fills t with v.
func InitConstant(t *core.Tensor, v float64) {
	data := make([]float32, t.Numel())
	for i := range data {
		data[i] = float32(v)
	}
	t.SetData(data)
}

// InitZeros fills t with zeros.
func InitZeros(t *core.Tensor) { InitConstant(t, 0) }

// Fans returns the fan-in and fan-out of a weight shaped [out, in, k...].
func Fans(shape []int) (fanIn, fanOut int) {
	if len(shape) < 2 {
		return shape[0], shape[0]
	}
	receptive := 1
	for _, d := range shape[2:] {
		receptive *= d
	}
	return shape[1] * receptive, shape[0] * receptive
}

// XavierUniform (Glorot) fills t from U(±gain·√(6/(fan_in+fan_out))).
func XavierUniform(g *core.Generator, t *core.Tensor, gain float64) {
	in, out := Fans(t.Shape())
	b := gain * math.Sqrt(6/float64(in+out))
	InitUniform(g, t, -b, b)
}

// XavierNormal (Glorot) fills t from N(0, gain²·2/(fan_in+fan_out)).
func XavierNormal(g *core.Generator, t *core.Tensor, gain float64) {
	in, out := Fans(t.Shape())
	InitNormal(g, t, 0, gain*math.Sqrt(2/float64(in+out)))
}

// KaimingUniform (He) fills t from U(±√(6/fan_in)), the bound that keeps
// the variance of ReLU activations constant; slope is the negative slope of
// a leaky ReLU (0 for ReLU).
func KaimingUniform(g *core.Generator, t *core.Tensor, slope float64) {
	in, _ := Fans(t.Shape())
	b := math.Sqrt(3) * math.Sqrt(2/(1+slope*slope)) / math.Sqrt(float64(in))
	InitUniform(g, t, -b, b)
}

// KaimingNormal (He) fills t from N(0, 2/fan_in) for ReLU (scaled for a
// leaky slope).
func KaimingNormal(g *core.Generator, t *core.Tensor, slope float64) {
	in, _ := Fans(t.Shape())
	InitNormal(g, t, 0, math.Sqrt(2/(1+slope*slope))/math.Sqrt(float64(in)))
}
