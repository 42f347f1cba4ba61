package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gograd/gograd/core/data"
	"github.com/gograd/gograd/playground"
)

// idx encodes unsigned bytes as an IDX file with the given dimensions.
func idx(dims []int, values []byte) []byte {
	var b bytes.Buffer
	b.Write([]byte{0, 0, 0x08, byte(len(dims))})
	for _, d := range dims {
		binary.Write(&b, binary.BigEndian, uint32(d))
	}
	b.Write(values)
	return b.Bytes()
}

// tinyMNIST writes a three-digit MNIST test set to a temporary dir: digit
// i has label 7-i and pixel i*100 set to 10*(i+1). The images are gzipped,
// the labels raw, as core/data accepts both.
func tinyMNIST(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	px := make([]byte, 3*784)
	for i := range 3 {
		px[i*784+i*100] = byte(10 * (i + 1))
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(idx([]int{3, 28, 28}, px))
	zw.Close()
	if err := os.WriteFile(filepath.Join(dir, "t10k-images-idx3-ubyte.gz"), gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "t10k-labels-idx1-ubyte"), idx([]int{3}, []byte{7, 6, 5}), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// testSamples serves dir with MNIST's names but no checksums, since the
// synthetic files are not the real ones, and a fixed "random" pick.
func testSamples(dir string) *sampleServer {
	set := data.MNIST
	for _, f := range []*data.File{&set.TestImages, &set.TestLabels} {
		f.SHA256, f.GzSHA256 = "", ""
	}
	return &sampleServer{dir: dir, set: set, pick: func(n int) int { return n - 1 }}
}

func decodeSample(t *testing.T, r *http.Response) playground.SampleResponse {
	t.Helper()
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q", ct)
	}
	if cc := r.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control %q", cc)
	}
	var s playground.SampleResponse
	if err := json.NewDecoder(r.Body).Decode(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSampleEndpoint(t *testing.T) {
	mux := newMux(testSite(t), testSamples(tinyMNIST(t)))
	for _, tc := range []struct {
		path  string
		index int
	}{{"/api/sample?i=0", 0}, {"/api/sample?i=1", 1}, {"/api/sample", 2}} {
		r := get(mux, "GET", tc.path, nil)
		s := decodeSample(t, r)
		if r.StatusCode != http.StatusOK || s.Error != "" {
			t.Fatalf("GET %s: %d %q", tc.path, r.StatusCode, s.Error)
		}
		i := tc.index
		if s.Index != i || s.Count != 3 || s.Label != 7-i || s.Rows != 28 || s.Cols != 28 || len(s.Pixels) != 784 {
			t.Errorf("GET %s: index %d count %d label %d %dx%d, %d pixels", tc.path, s.Index, s.Count, s.Label, s.Rows, s.Cols, len(s.Pixels))
			continue
		}
		for j, p := range s.Pixels {
			want := byte(0)
			if j == i*100 {
				want = byte(10 * (i + 1))
			}
			if p != want {
				t.Errorf("GET %s: pixel %d = %d, want %d", tc.path, j, p, want)
			}
		}
		// The page decodes exactly this body.
		smp, err := playground.DecodeSample(mustJSON(t, s))
		if err != nil || smp.Label != 7-i || smp.Pixels[i*100] != float32(10*(i+1))/255 {
			t.Errorf("GET %s: the page would decode %v, %v", tc.path, smp.Label, err)
		}
	}
	for path, want := range map[string]struct {
		status int
		msg    string
	}{
		"/api/sample?i=3":  {http.StatusNotFound, "no test digit 3: there are 3 (0 to 2)"},
		"/api/sample?i=-1": {http.StatusNotFound, "no test digit -1: there are 3 (0 to 2)"},
		"/api/sample?i=x":  {http.StatusBadRequest, `i="x" is not a whole number`},
		"/api/other":       {http.StatusNotFound, "no API endpoint /api/other"},
	} {
		r := get(mux, "GET", path, nil)
		if s := decodeSample(t, r); r.StatusCode != want.status || s.Error != want.msg {
			t.Errorf("GET %s: %d %q, want %d %q", path, r.StatusCode, s.Error, want.status, want.msg)
		}
	}
	if r := get(mux, "POST", "/api/sample", nil); r.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", r.StatusCode)
	}
	// The static files are still there.
	if r := get(mux, "GET", "/", nil); r.StatusCode != http.StatusOK || body(t, r) != "<p>index</p>" {
		t.Errorf("GET /: %d", r.StatusCode)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Without the files the answer names them and the folder, and the server
// finds them once they appear, without a restart.
func TestSampleEndpointWithoutData(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mnist")
	srv := testSamples(dir)
	r := get(srv, "GET", "/api/sample", nil)
	s := decodeSample(t, r)
	if r.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("status %d, want 503", r.StatusCode)
	}
	for _, want := range []string{"t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", dir, "-data DIR", "GOGRAD_DATA"} {
		if !strings.Contains(s.Error, want) {
			t.Errorf("error %q does not mention %q", s.Error, want)
		}
	}
	if _, err := playground.DecodeSample(mustJSON(t, s)); err == nil || err.Error() != s.Error {
		t.Errorf("the page would show %v, want the server's message", err)
	}

	full := tinyMNIST(t)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	link := func(name string) {
		if err := os.Link(filepath.Join(full, name), filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	link("t10k-labels-idx1-ubyte")
	if s := decodeSample(t, get(srv, "GET", "/api/sample", nil)); !strings.Contains(s.Error, "t10k-images-idx3-ubyte.gz is missing from "+dir) {
		t.Errorf("one file missing: %q", s.Error)
	}
	link("t10k-images-idx3-ubyte.gz")
	if r := get(srv, "GET", "/api/sample?i=1", nil); r.StatusCode != http.StatusOK || decodeSample(t, r).Label != 6 {
		t.Errorf("after adding the files: status %d", r.StatusCode)
	}
}

// Files that are there but wrong give an error naming the folder; the real
// MNIST sums are checked by default.
func TestSampleEndpointBadData(t *testing.T) {
	srv := newSampleServer(tinyMNIST(t))
	r := get(srv, "GET", "/api/sample", nil)
	if s := decodeSample(t, r); r.StatusCode != http.StatusServiceUnavailable || !strings.Contains(s.Error, "cannot be read") || !strings.Contains(s.Error, "SHA-256") {
		t.Errorf("synthetic files under the real checksums: %d %q", r.StatusCode, s.Error)
	}
}

func TestSampleDirResolution(t *testing.T) {
	t.Setenv("GOGRAD_DATA", "/from/env")
	if s := newSampleServer("/from/flag"); s.dir != "/from/flag" {
		t.Errorf("-data ignored: %q", s.dir)
	}
	if s := newSampleServer(""); s.dir != "/from/env" {
		t.Errorf("GOGRAD_DATA ignored: %q", s.dir)
	}
}
