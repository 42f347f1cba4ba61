package nn

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/gograd/gograd/core"
)

// Build validates the spec and returns it as modules, with weights drawn
// from a generator seeded with seed. Dropout layers get their own streams
// derived from the seed too, so one seed fixes the whole run.
func (s Spec) Build(seed uint64) (*Sequential, error) {
	infos, err := s.Shapes()
	if err != nil {
		return nil, err
	}
	g := core.NewGenerator(seed)
	shape := s.Input
	layers := make([]Module, len(s.Layers))
	for i, l := range s.Layers {
		layers[i] = l.build(g, shape, seed+uint64(i)+1)
		shape = infos[i].Out
	}
	return NewSequential(layers...), nil
}

func (l LayerSpec) build(g *core.Generator, in []int, seed uint64) Module {
	switch l.Type {
	case "linear":
		m := NewLinear(g, in[0], l.Out, !l.NoBias)
		l.initWeight(g, m.Weight, m.Bias)
		return m
	case "conv2d":
		m := NewConv2d(g, in[0], l.Out, l.Kernel, max(l.Stride, 1), l.Padding, !l.NoBias)
		l.initWeight(g, m.Weight, m.Bias)
		return m
	case "maxpool2d", "avgpool2d":
		stride := l.Stride
		if stride == 0 {
			stride = l.Kernel
		}
		if l.Type == "maxpool2d" {
			return &MaxPool2d{Kernel: l.Kernel, Stride: stride, Padding: l.Padding}
		}
		return &AvgPool2d{Kernel: l.Kernel, Stride: stride, Padding: l.Padding}
	case "batchnorm1d":
		return NewBatchNorm1d(in[0])
	case "batchnorm2d":
		return NewBatchNorm2d(in[0])
	case "dropout":
		return NewDropout(l.P, seed)
	case "dropout2d":
		return NewDropout2d(l.P, seed)
	case "flatten":
		return &Flatten{}
	case "relu":
		return &ReLU{}
	case "sigmoid":
		return &Sigmoid{}
	case "tanh":
		return &Tanh{}
	case "leaky_relu":
		return &LeakyReLU{Slope: cmp.Or(l.Alpha, 0.01)}
	case "elu":
		return &ELU{Alpha: cmp.Or(l.Alpha, 1)}
	case "maxout":
		return &Maxout{Pieces: l.Pieces}
	case "softmax":
		return &Softmax{Dim: 1}
	case "log_softmax":
		return &LogSoftmax{Dim: 1}
	case "identity":
		return &Identity{}
	}
	panic("nn: unvalidated layer type " + l.Type)
}

// initWeight applies the spec's named initialisation; biases start at zero
// for every named scheme, as the course's recipes do.
func (l LayerSpec) initWeight(g *core.Generator, w, b *core.Tensor) {
	switch l.Init {
	case "", "default":
		return
	case "uniform":
		InitUniform(g, w, 0, 1)
	case "normal":
		InitNormal(g, w, 0, 0.01)
	case "xavier_uniform":
		XavierUniform(g, w, 1)
	case "xavier_normal":
		XavierNormal(g, w, 1)
	case "kaiming_uniform":
		KaimingUniform(g, w, 0)
	case "kaiming_normal":
		KaimingNormal(g, w, 0)
	case "zeros":
		InitZeros(w)
	}
	if b != nil {
		InitZeros(b)
	}
}

// Summary prints the network as a table in the manner of torchsummary:
// each layer with its output shape (batch dimension shown as -1) and
// parameter count, then the totals.
func (s Spec) Summary() (string, error) {
	infos, err := s.Shapes()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	line := strings.Repeat("-", 64) + "\n"
	fmt.Fprintf(&b, "%s%-28s %-22s %12s\n%s", line, "Layer (type)", "Output Shape", "Param #", strings.Repeat("=", 64)+"\n")
	fmt.Fprintf(&b, "%-28s %-22s %12d\n", "Input", shapeString(s.Input), 0)
	total := 0
	for i, l := range s.Layers {
		fmt.Fprintf(&b, "%-28s %-22s %12d\n", fmt.Sprintf("%s-%d", l.Type, i+1), shapeString(infos[i].Out), infos[i].Params)
		total += infos[i].Params
	}
	fmt.Fprintf(&b, "%sTotal params: %d\n%s", strings.Repeat("=", 64)+"\n", total, line)
	return b.String(), nil
}

func shapeString(sample []int) string {
	parts := []string{"-1"}
	for _, d := range sample {
		parts = append(parts, fmt.Sprint(d))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
