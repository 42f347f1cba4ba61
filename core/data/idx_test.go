package data

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// idxBytes builds an unsigned-byte IDX file with the given dimensions and
// data.
func idxBytes(dims []int, data []byte) []byte {
	b := []byte{0, 0, idxUbyte, byte(len(dims))}
	for _, d := range dims {
		b = binary.BigEndian.AppendUint32(b, uint32(d))
	}
	return append(b, data...)
}

func TestParseIDX(t *testing.T) {
	got, err := ParseIDX("ok", idxBytes([]int{2, 3}, []byte{1, 2, 3, 4, 5, 6}))
	if err != nil || !slices.Equal(got.Dims, []int{2, 3}) || !slices.Equal(got.Data, []byte{1, 2, 3, 4, 5, 6}) {
		t.Fatalf("ParseIDX = %+v, %v", got, err)
	}
	floatType := idxBytes([]int{1}, []byte{0, 0, 0, 0})
	floatType[2] = 0x0D
	for _, tc := range []struct {
		name string
		b    []byte
		want string
	}{
		{"empty", nil, "too short"},
		{"bad magic", append([]byte{0x1f, 0x8b}, idxBytes([]int{1}, []byte{0})[2:]...), "magic"},
		{"float data", floatType, "data type 0x0d"},
		{"no dims", []byte{0, 0, 8, 0}, "no dimensions"},
		{"short header", []byte{0, 0, 8, 3, 0, 0, 0, 1}, "too short for an IDX header of 3"},
		{"short data", idxBytes([]int{2, 3}, []byte{1, 2, 3}), "promises 6 values for dimensions [2 3] but 3 bytes follow"},
		{"trailing data", idxBytes([]int{2}, []byte{1, 2, 3}), "promises 2 values"},
		{"huge dims", idxBytes([]int{1 << 20, 1 << 20}, nil), "implausibly large"},
	} {
		_, err := ParseIDX("f.idx", tc.b)
		if err == nil {
			t.Errorf("%s: parsed without error", tc.name)
			continue
		}
		if !strings.Contains(err.Error(), "f.idx") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %q, want the file name and %q", tc.name, err, tc.want)
		}
	}
}

// TestLoadStructure checks what Load demands of the files beyond a valid
// IDX header, on a set with no checksums.
func TestLoadStructure(t *testing.T) {
	set := ImageSet{
		Name:        "Tiny",
		TestImages:  File{Name: "img"},
		TestLabels:  File{Name: "lbl"},
		EnvVar:      "GOGRAD_TINY",
		Mean:        0.5,
		Std:         0.25,
		ClassNames:  []string{"a", "b", "c"},
		TrainImages: File{Name: "train-img"},
		TrainLabels: File{Name: "train-lbl"},
	}
	pixels := []byte{0, 255, 51, 102, 0, 0, 0, 255}
	for _, tc := range []struct {
		name     string
		img, lbl []byte
		want     string
	}{
		{"ok", idxBytes([]int{2, 2, 2}, pixels), idxBytes([]int{2}, []byte{2, 0}), ""},
		{"labels rank 2", idxBytes([]int{2, 2, 2}, pixels), idxBytes([]int{2, 1}, []byte{2, 0}), "lbl: dimensions [2 1], want [count]"},
		{"images rank 2", idxBytes([]int{2, 4}, pixels), idxBytes([]int{2}, []byte{2, 0}), "img: dimensions [2 4], want [count rows cols]"},
		{"count mismatch", idxBytes([]int{2, 2, 2}, pixels), idxBytes([]int{3}, []byte{2, 0, 1}), "img holds 2 images but lbl holds 3 labels"},
		{"label out of range", idxBytes([]int{2, 2, 2}, pixels), idxBytes([]int{2}, []byte{2, 3}), "label 3 of sample 1 is not a class (0 to 2)"},
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "img"), tc.img, 0o644)
		os.WriteFile(filepath.Join(dir, "lbl"), tc.lbl, 0o644)
		im, err := set.Load(dir, false, ImageOptions{Normalize: true, Flat: true})
		if tc.want != "" {
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "Tiny") {
				t.Errorf("%s: error %v, want one naming the set and saying %q", tc.name, err, tc.want)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		x, y := make([]float32, 4), make([]float32, 1)
		im.Fill(0, x, y)
		// (p/255 - 0.5) / 0.25 for p = 0, 255, 51, 102.
		want := []float32{-2, 2, -1.2, -0.4}
		for j := range x {
			if d := x[j] - want[j]; d > 1e-6 || d < -1e-6 {
				t.Errorf("normalized pixels %v, want %v", x, want)
				break
			}
		}
		if y[0] != 2 || !slices.Equal(im.SampleShape(), []int{4}) || !slices.Equal(im.Counts(), []int{1, 0, 1}) {
			t.Errorf("label %v, shape %v, counts %v", y[0], im.SampleShape(), im.Counts())
		}
	}
	// A directory in place of a file is reported, not read.
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "img.gz"), 0o755)
	if _, err := set.Load(dir, false, ImageOptions{}); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("directory in place of a file: error %v", err)
	}
}
