package safetensors

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
)

// ErrFormat is wrapped by every error about a malformed file.
var ErrFormat = errors.New("safetensors: malformed file")

// MaxHeader bounds the JSON header, as the reference implementation does,
// so a corrupt length cannot make us allocate gigabytes.
const MaxHeader = 100 << 20

// Tensor is one named array of float32 values.
type Tensor struct {
	Shape []int
	Data  []float32
}

// File is the contents of a safetensors file.
type File struct {
	Tensors  map[string]Tensor
	Metadata map[string]string
}

type entry struct {
	DType   string `json:"dtype"`
	Shape   []int  `json:"shape"`
	Offsets [2]int `json:"data_offsets"`
}

// Write encodes tensors (and optional metadata) in name order.
func Write(w io.Writer, tensors map[string]Tensor, metadata map[string]string) error {
	names := make([]string, 0, len(tensors))
	for name := range tensors {
		names = append(names, name)
	}
	sort.Strings(names)
	header := map[string]any{}
	if len(metadata) > 0 {
		header["__metadata__"] = metadata
	}
	offset := 0
	for _, name := range names {
		t := tensors[name]
		if n := product(t.Shape); n != len(t.Data) {
			return fmt.Errorf("safetensors: tensor %q has shape %v but %d values", name, t.Shape, len(t.Data))
		}
		shape := t.Shape
		if shape == nil {
			shape = []int{}
		}
		header[name] = entry{DType: "F32", Shape: shape, Offsets: [2]int{offset, offset + 4*len(t.Data)}}
		offset += 4 * len(t.Data)
	}
	js, err := json.Marshal(header)
	if err != nil {
		return err
	}
	// Pad the header with spaces so the data starts 8-byte aligned.
	if pad := (8 - len(js)%8) % 8; pad > 0 {
		js = append(js, bytes.Repeat([]byte(" "), pad)...)
	}
	buf := make([]byte, 8, 8+len(js)+offset)
	binary.LittleEndian.PutUint64(buf, uint64(len(js)))
	buf = append(buf, js...)
	for _, name := range names {
		for _, v := range tensors[name].Data {
			buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(v))
		}
	}
	_, err = w.Write(buf)
	return err
}

// Parse decodes a whole safetensors file held in memory.
func Parse(data []byte) (*File, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrFormat, fmt.Sprintf(format, args...))
	}
	if len(data) < 8 {
		return nil, bad("%d bytes is too short for the header length", len(data))
	}
	n := binary.LittleEndian.Uint64(data)
	if n > MaxHeader || n > uint64(len(data)-8) {
		return nil, bad("header length %d does not fit in a %d-byte file", n, len(data))
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data[8:8+n], &raw); err != nil {
		return nil, bad("header is not a JSON object: %v", err)
	}
	body := data[8+n:]
	f := &File{Tensors: map[string]Tensor{}}
	type span struct {
		begin, end int
		name       string
	}
	var spans []span
	for name, msg := range raw {
		if name == "__metadata__" {
			if err := json.Unmarshal(msg, &f.Metadata); err != nil {
				return nil, bad("__metadata__ must map strings to strings: %v", err)
			}
			continue
		}
		if name == "" {
			return nil, bad("a tensor has an empty name")
		}
		var e entry
		dec := json.NewDecoder(bytes.NewReader(msg))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			return nil, bad("tensor %q: %v", name, err)
		}
		if e.DType != "F32" {
			return nil, bad("tensor %q has dtype %q; only F32 is supported", name, e.DType)
		}
		count, ok := checkedProduct(e.Shape)
		if !ok {
			return nil, bad("tensor %q has an invalid shape %v", name, e.Shape)
		}
		begin, end := e.Offsets[0], e.Offsets[1]
		if begin < 0 || end < begin || end > len(body) {
			return nil, bad("tensor %q: offsets [%d, %d] outside the %d data bytes", name, begin, end, len(body))
		}
		if end-begin != 4*count {
			return nil, bad("tensor %q: %d bytes for shape %v (%d values)", name, end-begin, e.Shape, count)
		}
		values := make([]float32, count)
		for i := range values {
			values[i] = math.Float32frombits(binary.LittleEndian.Uint32(body[begin+4*i:]))
		}
		f.Tensors[name] = Tensor{Shape: slices.Clone(e.Shape), Data: values}
		spans = append(spans, span{begin, end, name})
	}
	// The format requires the tensors to tile the data exactly: no gaps, no
	// overlaps, nothing left over.
	sort.Slice(spans, func(i, j int) bool {
		return spans[i].begin < spans[j].begin || spans[i].begin == spans[j].begin && spans[i].end < spans[j].end
	})
	at := 0
	for _, s := range spans {
		if s.begin != at {
			return nil, bad("tensor %q starts at byte %d, expected %d (gap or overlap)", s.name, s.begin, at)
		}
		at = s.end
	}
	if at != len(body) {
		return nil, bad("%d data bytes but the tensors cover %d", len(body), at)
	}
	return f, nil
}

// Read reads and parses a whole file from r.
func Read(r io.Reader) (*File, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return Parse(data)
}

// Names returns the tensor names in order.
func (f *File) Names() []string {
	names := make([]string, 0, len(f.Tensors))
	for n := range f.Tensors {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func product(shape []int) int {
	n := 1
	for _, d := range shape {
		n *= d
	}
	return n
}

// checkedProduct multiplies the dimensions, refusing negative ones and any
// count too large to be real (which also rules out overflow).
func checkedProduct(shape []int) (int, bool) {
	n := 1
	for _, d := range shape {
		if d < 0 || (d > 0 && n > (1<<40)/d) {
			return 0, false
		}
		n *= d
	}
	return n, true
}
