package playground

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/gograd/gograd/playground/digit"
)

// SampleResponse is the JSON body of cmd/serve's GET /api/sample: one MNIST
// test digit, or Error alone when there is none to give.
type SampleResponse struct {
	Index int `json:"index"`
	Count int `json:"count"`
	Label int `json:"label"`
	Rows  int `json:"rows"`
	Cols  int `json:"cols"`
	// Pixels are Rows*Cols bytes, row-major, 0 paper and 255 ink; JSON
	// carries them as base64.
	Pixels []byte `json:"pixels"`
	Error  string `json:"error,omitempty"`
}

// ErrNoServer is returned for a sample answer that is not the server's
// JSON: the page is served by a plain static host.
var ErrNoServer = errors.New("MNIST samples need the gograd server (go run ./cmd/serve); this copy of the site cannot give them")

// DecodeSample reads a GET /api/sample body into a Sample, or returns the
// error the server sent.
func DecodeSample(body []byte) (Sample, error) {
	var r SampleResponse
	if err := json.Unmarshal(body, &r); err != nil {
		return Sample{}, ErrNoServer
	}
	if r.Error != "" {
		return Sample{}, errors.New(r.Error)
	}
	if r.Rows != digit.Side || r.Cols != digit.Side || len(r.Pixels) != r.Rows*r.Cols {
		return Sample{}, fmt.Errorf("sample %d is %dx%d with %d pixels, want 28x28", r.Index, r.Rows, r.Cols, len(r.Pixels))
	}
	if r.Label < 0 || r.Label > 9 {
		return Sample{}, fmt.Errorf("sample %d has label %d, not a digit", r.Index, r.Label)
	}
	s := Sample{Pixels: make([]float32, len(r.Pixels)), Label: r.Label, Index: r.Index}
	for i, p := range r.Pixels {
		s.Pixels[i] = float32(p) / 255
	}
	return s, nil
}
