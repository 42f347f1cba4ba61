package playground

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestDecodeSample(t *testing.T) {
	px := make([]byte, 784)
	px[0], px[783] = 255, 51
	b, err := json.Marshal(SampleResponse{Index: 42, Count: 100, Label: 7, Rows: 28, Cols: 28, Pixels: px})
	if err != nil {
		t.Fatal(err)
	}
	s, err := DecodeSample(b)
	if err != nil {
		t.Fatal(err)
	}
	if s.Index != 42 || s.Label != 7 || len(s.Pixels) != 784 || s.Pixels[0] != 1 || s.Pixels[783] != 0.2 || s.Pixels[1] != 0 {
		t.Errorf("sample %d label %d pixels %v %v", s.Index, s.Label, s.Pixels[0], s.Pixels[783])
	}
	for body, want := range map[string]string{
		`{"error": "no MNIST files in /x"}`:                                 "no MNIST files in /x",
		`<html>404 page not found</html>`:                                   ErrNoServer.Error(),
		`404 page not found`:                                                ErrNoServer.Error(),
		`{"index": 1, "label": 3, "rows": 28, "cols": 27}`:                  "28x27",
		`{"index": 1, "label": 11, "rows": 1, "cols": 1, "pixels": "AA=="}`: "1x1",
	} {
		if _, err := DecodeSample([]byte(body)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("DecodeSample(%s): %v, want %q", body, err, want)
		}
	}
	px28 := strings.Repeat("A", 1044) // base64 of 783 zero bytes
	if _, err := DecodeSample([]byte(`{"label": 12, "rows": 28, "cols": 28, "pixels": "` + px28 + `AA=="}`)); err == nil || !strings.Contains(err.Error(), "label 12") {
		t.Errorf("label 12: %v", err)
	}
	if _, err := DecodeSample([]byte("x")); !errors.Is(err, ErrNoServer) {
		t.Errorf("not JSON: %v", err)
	}
}
