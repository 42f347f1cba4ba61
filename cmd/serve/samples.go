package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"

	"github.com/gograd/gograd/core/data"
	"github.com/gograd/gograd/playground"
)

// sampleServer answers GET /api/sample with a random MNIST test digit, or
// GET /api/sample?i=N with digit N, as a playground.SampleResponse. The
// test set is read from dir on the first request and kept in memory; until
// it can be read every request gets a JSON error saying where the files go.
type sampleServer struct {
	dir    string
	dirErr error           // why there is no directory at all
	set    data.ImageSet   // data.MNIST; tests pass a copy without checksums
	pick   func(n int) int // a random index below n

	mu     sync.Mutex
	images *data.Images
}

// newSampleServer serves digits from dir, else $GOGRAD_DATA, else the user
// cache directory, as core/data resolves them.
func newSampleServer(dir string) *sampleServer {
	s := &sampleServer{set: data.MNIST, pick: rand.IntN}
	s.dir, s.dirErr = data.MNIST.Dir(dir)
	return s
}

// load returns the test set, reading it on first use. Failures are not
// kept, so files put in place later are found without a restart.
func (s *sampleServer) load() (*data.Images, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.images != nil {
		return s.images, nil
	}
	if s.dirErr != nil {
		return nil, fmt.Errorf("no MNIST test digits: %v; start cmd/serve with -data DIR", s.dirErr)
	}
	missing := data.Missing(s.dir, s.set.TestImages, s.set.TestLabels)
	if len(missing) == 2 {
		return nil, fmt.Errorf("no MNIST test digits: put %s and %s in %s, or start cmd/serve with -data DIR or %s=DIR naming the folder that holds them",
			missing[0], missing[1], s.dir, s.set.EnvVar)
	}
	if len(missing) == 1 {
		return nil, fmt.Errorf("no MNIST test digits: %s is missing from %s", missing[0], s.dir)
	}
	im, err := s.set.Load(s.dir, false, data.ImageOptions{})
	if err != nil {
		return nil, fmt.Errorf("the MNIST test digits in %s cannot be read: %v", s.dir, err)
	}
	if im.Len() == 0 {
		return nil, fmt.Errorf("the MNIST test set in %s holds no digits", s.dir)
	}
	s.images = im
	return im, nil
}

func (s *sampleServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeJSON(w, http.StatusMethodNotAllowed, playground.SampleResponse{Error: "method not allowed"})
		return
	}
	im, err := s.load()
	if err != nil {
		writeJSON(w, http.StatusServiceUnavailable, playground.SampleResponse{Error: err.Error()})
		return
	}
	i := s.pick(im.Len())
	if q := r.URL.Query().Get("i"); q != "" {
		n, err := strconv.Atoi(q)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, playground.SampleResponse{Error: fmt.Sprintf("i=%q is not a whole number", q)})
			return
		}
		if n < 0 || n >= im.Len() {
			writeJSON(w, http.StatusNotFound, playground.SampleResponse{Error: fmt.Sprintf("no test digit %d: there are %d (0 to %d)", n, im.Len(), im.Len()-1)})
			return
		}
		i = n
	}
	px := im.Rows * im.Cols
	writeJSON(w, http.StatusOK, playground.SampleResponse{
		Index: i, Count: im.Len(), Label: int(im.Labels[i]), Rows: im.Rows, Cols: im.Cols,
		Pixels: im.Pixels[i*px : (i+1)*px],
	})
}

// writeJSON sends v with status; samples are random, so never cached.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b)
}

// apiNotFound answers unknown /api/ paths in JSON, as the page expects.
func apiNotFound(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusNotFound, playground.SampleResponse{Error: "no API endpoint " + r.URL.Path})
}

// staticSampleNote is written to api/sample in an exported site: a static
// host serves it as the answer to every sample request, so the page says
// why there are none instead of failing on a 404.
var staticSampleNote = playground.SampleResponse{
	Error: "MNIST samples need the gograd server: this is a static copy of the site; run go run ./cmd/serve -data DIR to use them",
}
