package safetensors

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	in := map[string]Tensor{
		"0.weight": {Shape: []int{2, 3}, Data: []float32{1, 2, 3, 4, 5, -6.5}},
		"0.bias":   {Shape: []int{2}, Data: []float32{0.25, -1}},
		"scalar":   {Shape: []int{}, Data: []float32{7}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, in, map[string]string{"recipe": "mlp"}); err != nil {
		t.Fatal(err)
	}
	if n := binary.LittleEndian.Uint64(buf.Bytes()); (8+n)%8 != 0 {
		t.Errorf("data starts at byte %d, not 8-byte aligned", 8+n)
	}
	f, err := Parse(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if f.Metadata["recipe"] != "mlp" {
		t.Errorf("metadata %v", f.Metadata)
	}
	for name, want := range in {
		got := f.Tensors[name]
		if len(got.Shape) != len(want.Shape) || len(got.Data) != len(want.Data) {
			t.Fatalf("%s: got %v, want %v", name, got, want)
		}
		for i := range want.Data {
			if got.Data[i] != want.Data[i] {
				t.Fatalf("%s: got %v, want %v", name, got.Data, want.Data)
			}
		}
	}
}

// A file written by Python's safetensors for {"a": torch.tensor([1., 2.])}
// has this exact header.
func TestParsesReferenceLayout(t *testing.T) {
	header := `{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}`
	data := binary.LittleEndian.AppendUint64(nil, uint64(len(header)))
	data = append(data, header...)
	data = append(data, 0, 0, 0x80, 0x3f, 0, 0, 0, 0x40) // 1.0, 2.0
	f, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Tensors["a"].Data; got[0] != 1 || got[1] != 2 {
		t.Errorf("values %v, want [1 2]", got)
	}
}

func TestRejectsMalformed(t *testing.T) {
	mk := func(header string, body int) []byte {
		d := binary.LittleEndian.AppendUint64(nil, uint64(len(header)))
		return append(append(d, header...), make([]byte, body)...)
	}
	cases := map[string]struct {
		data []byte
		want string
	}{
		"short":      {[]byte{1, 2}, "too short"},
		"big length": {binary.LittleEndian.AppendUint64(nil, 1<<40), "does not fit"},
		"not json":   {mk("{oops", 0), "not a JSON object"},
		"dtype":      {mk(`{"a":{"dtype":"F16","shape":[1],"data_offsets":[0,2]}}`, 2), `only F32`},
		"past end":   {mk(`{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}`, 8), "outside"},
		"size":       {mk(`{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}`, 8), "8 bytes for shape [3]"},
		"gap":        {mk(`{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}`, 8), "gap or overlap"},
		"leftover":   {mk(`{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}`, 8), "cover 4"},
		"negative":   {mk(`{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,0]}}`, 0), "invalid shape"},
		"extra key":  {mk(`{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4],"x":1}}`, 4), "unknown field"},
	}
	for name, c := range cases {
		_, err := Parse(c.data)
		if err == nil || !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want ErrFormat mentioning %q", name, err, c.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	var buf bytes.Buffer
	Write(&buf, map[string]Tensor{"w": {Shape: []int{2, 2}, Data: []float32{1, 2, 3, 4}}}, map[string]string{"k": "v"})
	f.Add(buf.Bytes())
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse(data)
		if err != nil {
			return
		}
		// Whatever parses must survive a round trip unchanged.
		var out bytes.Buffer
		if err := Write(&out, file.Tensors, file.Metadata); err != nil {
			t.Fatal(err)
		}
		again, err := Parse(out.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if len(again.Tensors) != len(file.Tensors) {
			t.Fatal("round trip lost tensors")
		}
	})
}
