package nn

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
)

// Spec describes a feed-forward network as data: the shape of one input
// sample and the layers in order. The playground's builder edits a Spec,
// the URL carries it as JSON, and Build turns it into modules.
type Spec struct {
	Input  []int       `json:"input"`
	Layers []LayerSpec `json:"layers"`
}

// LayerSpec is one layer. Type is one of the names in LayerTypes; the other
// fields apply to the types noted.
type LayerSpec struct {
	Type    string  `json:"type"`
	Out     int     `json:"out,omitempty"`     // linear: output features; conv2d: output channels
	Kernel  int     `json:"kernel,omitempty"`  // conv2d, maxpool2d, avgpool2d
	Stride  int     `json:"stride,omitempty"`  // conv2d (default 1), pools (default kernel)
	Padding int     `json:"padding,omitempty"` // conv2d, pools
	NoBias  bool    `json:"no_bias,omitempty"` // linear, conv2d
	P       float64 `json:"p,omitempty"`       // dropout, dropout2d
	Alpha   float64 `json:"alpha,omitempty"`   // leaky_relu slope (default 0.01), elu alpha (default 1)
	Pieces  int     `json:"pieces,omitempty"`  // maxout
	Init    string  `json:"init,omitempty"`    // linear, conv2d: one of InitNames; "" is PyTorch's default
}

// LayerTypes lists the layer names a Spec accepts.
var LayerTypes = []string{"linear", "conv2d", "maxpool2d", "avgpool2d", "batchnorm1d", "batchnorm2d",
	"dropout", "dropout2d", "flatten", "relu", "sigmoid", "tanh", "leaky_relu", "elu", "maxout", "softmax", "log_softmax", "identity"}

// InitNames lists the weight initialisations a Spec accepts.
var InitNames = []string{"default", "uniform", "normal", "xavier_uniform", "xavier_normal", "kaiming_uniform", "kaiming_normal", "zeros"}

// Limits that keep a spec from a URL or a file within what a browser tab
// can hold.
const (
	MaxLayers     = 64
	MaxParameters = 20_000_000
	MaxDimension  = 1 << 16
)

// ErrSpec is wrapped by every error about an invalid Spec.
var ErrSpec = errors.New("invalid network spec")

// LayerError says which layer of a Spec is wrong and why.
type LayerError struct {
	Index  int
	Type   string
	Reason string
}

func (e *LayerError) Error() string {
	return fmt.Sprintf("layer %d (%s): %s", e.Index+1, e.Type, e.Reason)
}

func (e *LayerError) Unwrap() error { return ErrSpec }

// ParseSpec decodes a JSON spec, rejecting unknown fields, and validates it.
func ParseSpec(data []byte) (Spec, error) {
	var s Spec
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return Spec{}, fmt.Errorf("%w: %v", ErrSpec, err)
	}
	if _, err := s.Shapes(); err != nil {
		return Spec{}, err
	}
	return s, nil
}

// JSON encodes the spec.
func (s Spec) JSON() ([]byte, error) { return json.Marshal(s) }

// Validate reports the first problem in the spec, or nil.
func (s Spec) Validate() error {
	_, err := s.Shapes()
	return err
}

// LayerInfo is what Shapes reports for one layer.
type LayerInfo struct {
	Out    []int // output shape of one sample
	Params int   // trainable numbers
}

// Shapes runs the input shape through every layer and returns each layer's
// output shape and parameter count, or the first layer that does not fit.
func (s Spec) Shapes() ([]LayerInfo, error) {
	if len(s.Input) == 0 || len(s.Input) > 3 {
		return nil, fmt.Errorf("%w: input shape %v must have 1 to 3 dimensions", ErrSpec, s.Input)
	}
	for _, d := range s.Input {
		if d <= 0 || d > MaxDimension {
			return nil, fmt.Errorf("%w: input shape %v has a dimension outside 1..%d", ErrSpec, s.Input, MaxDimension)
		}
	}
	if len(s.Layers) == 0 {
		return nil, fmt.Errorf("%w: no layers", ErrSpec)
	}
	if len(s.Layers) > MaxLayers {
		return nil, fmt.Errorf("%w: %d layers, at most %d", ErrSpec, len(s.Layers), MaxLayers)
	}
	shape := append([]int(nil), s.Input...)
	infos := make([]LayerInfo, len(s.Layers))
	total := 0
	for i, l := range s.Layers {
		out, params, reason := l.outShape(shape)
		if reason != "" {
			return nil, &LayerError{Index: i, Type: l.Type, Reason: reason}
		}
		total += params
		if total > MaxParameters {
			return nil, &LayerError{Index: i, Type: l.Type, Reason: fmt.Sprintf("the network would have over %d parameters", MaxParameters)}
		}
		infos[i] = LayerInfo{Out: out, Params: params}
		shape = out
	}
	return infos, nil
}

// outShape returns the output shape of one sample and the parameter count,
// or a reason the layer does not fit its input.
func (l LayerSpec) outShape(in []int) (out []int, params int, reason string) {
	need := func(rank int, what string) string {
		if len(in) != rank {
			return fmt.Sprintf("needs %s input, got shape %v", what, in)
		}
		return ""
	}
	if !slices.Contains(LayerTypes, l.Type) {
		return nil, 0, fmt.Sprintf("unknown layer type %q", l.Type)
	}
	if l.Init != "" && !slices.Contains(InitNames, l.Init) {
		return nil, 0, fmt.Sprintf("unknown init %q", l.Init)
	}
	if l.Out < 0 || l.Kernel < 0 || l.Stride < 0 || l.Padding < 0 || l.Pieces < 0 {
		return nil, 0, "sizes must not be negative"
	}
	switch l.Type {
	case "linear":
		if r := need(1, "a flat [features]"); r != "" {
			return nil, 0, r + "; add a flatten layer first"
		}
		if l.Out < 1 || l.Out > MaxDimension {
			return nil, 0, fmt.Sprintf("out must be 1..%d, got %d", MaxDimension, l.Out)
		}
		params = in[0] * l.Out
		if !l.NoBias {
			params += l.Out
		}
		return []int{l.Out}, params, ""
	case "conv2d":
		if r := need(3, "an image [channels, height, width]"); r != "" {
			return nil, 0, r
		}
		if l.Out < 1 || l.Out > MaxDimension || l.Kernel < 1 {
			return nil, 0, fmt.Sprintf("out (%d) and kernel (%d) must be positive", l.Out, l.Kernel)
		}
		h, w, r := windowOut(in, l.Kernel, max(l.Stride, 1), l.Padding)
		if r != "" {
			return nil, 0, r
		}
		params = l.Out * in[0] * l.Kernel * l.Kernel
		if !l.NoBias {
			params += l.Out
		}
		return []int{l.Out, h, w}, params, ""
	case "maxpool2d", "avgpool2d":
		if r := need(3, "an image [channels, height, width]"); r != "" {
			return nil, 0, r
		}
		if l.Kernel < 1 {
			return nil, 0, "kernel must be positive"
		}
		if 2*l.Padding > l.Kernel {
			return nil, 0, fmt.Sprintf("padding %d is more than half the kernel %d", l.Padding, l.Kernel)
		}
		stride := l.Stride
		if stride == 0 {
			stride = l.Kernel
		}
		h, w, r := windowOut(in, l.Kernel, stride, l.Padding)
		if r != "" {
			return nil, 0, r
		}
		return []int{in[0], h, w}, 0, ""
	case "batchnorm1d":
		if r := need(1, "a flat [features]"); r != "" {
			return nil, 0, r
		}
		return in, 2 * in[0], ""
	case "batchnorm2d":
		if r := need(3, "an image [channels, height, width]"); r != "" {
			return nil, 0, r
		}
		return in, 2 * in[0], ""
	case "dropout", "dropout2d":
		if l.P < 0 || l.P >= 1 {
			return nil, 0, fmt.Sprintf("p must be in [0, 1), got %g", l.P)
		}
		if l.Type == "dropout2d" {
			if r := need(3, "an image [channels, height, width]"); r != "" {
				return nil, 0, r
			}
		}
		return in, 0, ""
	case "flatten":
		n := 1
		for _, d := range in {
			n *= d
		}
		return []int{n}, 0, ""
	case "maxout":
		if r := need(1, "a flat [features]"); r != "" {
			return nil, 0, r
		}
		if l.Pieces < 1 || in[0]%l.Pieces != 0 {
			return nil, 0, fmt.Sprintf("pieces (%d) must divide the %d features", l.Pieces, in[0])
		}
		return []int{in[0] / l.Pieces}, 0, ""
	default: // element-wise activations and identity
		return in, 0, ""
	}
}

func windowOut(in []int, k, stride, pad int) (h, w int, reason string) {
	h = (in[1]+2*pad-k)/stride + 1
	w = (in[2]+2*pad-k)/stride + 1
	if in[1]+2*pad < k || in[2]+2*pad < k || h < 1 || w < 1 {
		return 0, 0, fmt.Sprintf("kernel %d does not fit the %dx%d input with padding %d", k, in[1], in[2], pad)
	}
	return h, w, ""
}
