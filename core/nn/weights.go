package nn

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/safetensors"
)

// ErrWeights is wrapped by every error about weights that do not fit a module.
var ErrWeights = errors.New("weights do not fit the network")

// stateDict is every parameter and buffer of m, by name.
func stateDict(m Module) []Named { return append(m.Parameters(), m.Buffers()...) }

// SaveWeights writes m's parameters and buffers to w in the safetensors
// format, under the names PyTorch's state_dict would use, with metadata.
func SaveWeights(w io.Writer, m Module, metadata map[string]string) error {
	tensors := map[string]safetensors.Tensor{}
	for _, p := range stateDict(m) {
		tensors[p.Name] = safetensors.Tensor{Shape: p.Tensor.Shape(), Data: p.Tensor.Data()}
	}
	return safetensors.Write(w, tensors, metadata)
}

// LoadWeights reads a safetensors file from r into m's parameters and
// buffers in place. Every name m has must be present with the same shape,
// and the file may hold nothing else; on any mismatch m is left unchanged.
// It returns the file's metadata.
func LoadWeights(r io.Reader, m Module) (map[string]string, error) {
	f, err := safetensors.Read(r)
	if err != nil {
		return nil, err
	}
	state := stateDict(m)
	want := map[string]bool{}
	for _, p := range state {
		want[p.Name] = true
		t, ok := f.Tensors[p.Name]
		if !ok {
			return nil, fmt.Errorf("%w: %q is missing from the file", ErrWeights, p.Name)
		}
		if !slices.Equal(t.Shape, p.Tensor.Shape()) {
			return nil, fmt.Errorf("%w: %q has shape %v in the file, %v in the network", ErrWeights, p.Name, t.Shape, p.Tensor.Shape())
		}
	}
	for _, name := range f.Names() {
		if !want[name] {
			return nil, fmt.Errorf("%w: the file has %q, which the network lacks", ErrWeights, name)
		}
	}
	core.NoGrad(func() {
		for _, p := range state {
			p.Tensor.SetData(f.Tensors[p.Name].Data)
		}
	})
	return f.Metadata, nil
}
