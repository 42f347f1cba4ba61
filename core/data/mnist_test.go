package data

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// mnistDir is where the four canonical MNIST files are: $GOGRAD_DATA, or
// shared/data/mnist beside the repository. Missing data fails the test.
func mnistDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("GOGRAD_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data", "mnist")
	}
	for _, f := range []File{MNIST.TrainImages, MNIST.TrainLabels, MNIST.TestImages, MNIST.TestLabels} {
		if _, err := os.Stat(filepath.Join(dir, f.Name+".gz")); err != nil {
			t.Fatalf("MNIST test data missing: %v (set GOGRAD_DATA to the directory holding the four MNIST .gz files)", err)
		}
	}
	return dir
}

// gunzipFile reads a .gz file with the standard library alone, as an
// independent reference for the loader.
func gunzipFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := out.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestMNISTCountsAndLabels(t *testing.T) {
	dir := mnistDir(t)
	for _, tc := range []struct {
		train  bool
		n      int
		counts []int
		first  []byte
		iters  int // per epoch in batches of 100
	}{
		{true, 60000, []int{5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, []byte{5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, 600},
		{false, 10000, []int{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, []byte{7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, 100},
	} {
		im := loadShared(t, MNIST, dir, tc.train)
		if im.Len() != tc.n || im.Rows != 28 || im.Cols != 28 || im.Classes != 10 {
			t.Errorf("train=%v: %d images of %d×%d in %d classes, want %d of 28×28 in 10", tc.train, im.Len(), im.Rows, im.Cols, im.Classes, tc.n)
		}
		if got := im.Counts(); !slices.Equal(got, tc.counts) {
			t.Errorf("train=%v: label counts %v, want %v", tc.train, got, tc.counts)
		}
		if got := im.Labels[:10]; !slices.Equal(got, tc.first) {
			t.Errorf("train=%v: first labels %v, want %v", tc.train, got, tc.first)
		}
		if got := NewDataLoader(im, 100, LoaderOptions{}).Len(); got != tc.iters {
			t.Errorf("train=%v: %d iterations per epoch in batches of 100, want %d", tc.train, got, tc.iters)
		}
	}
}

func TestMNISTPixels(t *testing.T) {
	dir := mnistDir(t)
	ref := gunzipFile(t, filepath.Join(dir, "t10k-images-idx3-ubyte.gz"))[16:]
	unit, err := LoadMNIST(dir, false, ImageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	norm, err := LoadMNIST(dir, false, ImageOptions{Normalize: true, Flat: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(unit.SampleShape(), []int{1, 28, 28}) || !slices.Equal(norm.SampleShape(), []int{784}) {
		t.Fatalf("sample shapes %v and %v, want [1 28 28] and [784]", unit.SampleShape(), norm.SampleShape())
	}
	b, _ := NewDataLoader(unit, 1000, LoaderOptions{}).Next()
	if !slices.Equal(b.X.Shape(), []int{1000, 1, 28, 28}) || !slices.Equal(b.Y.Shape(), []int{1000}) {
		t.Fatalf("batch shapes %v %v", b.X.Shape(), b.Y.Shape())
	}
	if !slices.Equal(b.Y.Data()[:3], []float32{7, 2, 1}) {
		t.Errorf("first batch labels %v, want 7 2 1 ...", b.Y.Data()[:3])
	}
	lo, hi := float32(1), float32(0)
	for j, v := range b.X.Data() {
		if want := float32(ref[j]) / 255; v != want {
			t.Fatalf("pixel %d: %v, want %v", j, v, want)
		}
		lo, hi = min(lo, v), max(hi, v)
	}
	if lo != 0 || hi != 1 {
		t.Errorf("scaled pixels span [%v, %v], want [0, 1]", lo, hi)
	}

	x, y := make([]float32, 784), make([]float32, 1)
	var sum, sq float64
	nlo, nhi := float32(10), float32(-10)
	for i := range norm.Len() {
		norm.Fill(i, x, y)
		for _, v := range x {
			sum += float64(v)
			sq += float64(v) * float64(v)
			nlo, nhi = min(nlo, v), max(nhi, v)
		}
	}
	wantLo, wantHi := float32(-0.1307/0.3081), float32((1-0.1307)/0.3081)
	if nlo != wantLo || nhi != wantHi {
		t.Errorf("normalized pixels span [%v, %v], want [%v, %v]", nlo, nhi, wantLo, wantHi)
	}
	// The constants are the training set's mean and std; the test set's
	// statistics are close to them, so normalized data is near 0 and 1.
	n := float64(norm.Len() * 784)
	mean := sum / n
	std := sq/n - mean*mean
	if mean < -0.02 || mean > 0.02 || std < 0.95 || std > 1.05 {
		t.Errorf("normalized test set has mean %.4f and variance %.4f, want about 0 and 1", mean, std)
	}
}

// TestMNISTRawAndRecompressed loads the test set from uncompressed files
// and from .gz files compressed anew, both checked by their content sums.
func TestMNISTRawAndRecompressed(t *testing.T) {
	src := mnistDir(t)
	raw, regz := t.TempDir(), t.TempDir()
	for _, f := range []File{MNIST.TestImages, MNIST.TestLabels} {
		b := gunzipFile(t, filepath.Join(src, f.Name+".gz"))
		if err := os.WriteFile(filepath.Join(raw, f.Name), b, 0o644); err != nil {
			t.Fatal(err)
		}
		var z bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&z, gzip.BestSpeed)
		zw.Write(b)
		zw.Close()
		if err := os.WriteFile(filepath.Join(regz, f.Name+".gz"), z.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, dir := range []string{raw, regz} {
		im, err := LoadMNIST(dir, false, ImageOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if im.Len() != 10000 || im.Counts()[1] != 1135 {
			t.Errorf("%s: %d images, %d ones; want 10000 and 1135", dir, im.Len(), im.Counts()[1])
		}
	}
}

// TestMNISTBadLocalFiles: a corrupted or truncated file in the data
// directory gives an error naming it and the checksum, and is left alone.
func TestMNISTBadLocalFiles(t *testing.T) {
	src := mnistDir(t)
	good, err := os.ReadFile(filepath.Join(src, "t10k-labels-idx1-ubyte.gz"))
	if err != nil {
		t.Fatal(err)
	}
	images, err := os.ReadFile(filepath.Join(src, "t10k-images-idx3-ubyte.gz"))
	if err != nil {
		t.Fatal(err)
	}
	corrupt := slices.Clone(good)
	corrupt[len(corrupt)/2] ^= 0x40
	rawLabels := gunzipFile(t, filepath.Join(src, "t10k-labels-idx1-ubyte.gz"))
	for _, tc := range []struct {
		name string
		file string
		data []byte
	}{
		{"corrupted gz", "t10k-labels-idx1-ubyte.gz", corrupt},
		{"truncated gz", "t10k-labels-idx1-ubyte.gz", good[:len(good)/2]},
		{"truncated raw", "t10k-labels-idx1-ubyte", rawLabels[:5000]},
		{"not gzip", "t10k-labels-idx1-ubyte.gz", rawLabels},
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "t10k-images-idx3-ubyte.gz"), images, 0o644)
		os.WriteFile(filepath.Join(dir, tc.file), tc.data, 0o644)
		_, err := LoadMNIST(dir, false, ImageOptions{})
		if err == nil {
			t.Errorf("%s: loaded without error", tc.name)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, tc.file) || !strings.Contains(msg, "SHA-256") {
			t.Errorf("%s: error %q does not name the file and its checksum", tc.name, msg)
		}
	}
}

func TestMNISTMissing(t *testing.T) {
	dir := t.TempDir()
	_, err := LoadMNIST(dir, true, ImageOptions{})
	if err == nil {
		t.Fatal("loaded from an empty directory")
	}
	for _, want := range []string{"train-images-idx3-ubyte.gz", dir, "GOGRAD_DATA"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("loading without Download wrote %d files", len(entries))
	}
}

func TestImageSetDir(t *testing.T) {
	t.Setenv("GOGRAD_DATA", "/somewhere/mnist")
	if d, _ := MNIST.Dir("given"); d != "given" {
		t.Errorf("Dir(given) = %q", d)
	}
	if d, _ := MNIST.Dir(""); d != "/somewhere/mnist" {
		t.Errorf("Dir with GOGRAD_DATA set = %q", d)
	}
	t.Setenv("GOGRAD_DATA", "")
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	if d, _ := MNIST.Dir(""); d != filepath.Join(cache, "gograd", "mnist") {
		t.Errorf("default Dir = %q, want under %s", d, cache)
	}
	if d, _ := FashionMNIST.Dir(""); d != filepath.Join(cache, "gograd", "fashion-mnist") {
		t.Errorf("default Fashion-MNIST Dir = %q", d)
	}
}
