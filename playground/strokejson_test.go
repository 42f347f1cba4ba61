package playground

import (
	"strings"
	"testing"

	"github.com/gograd/gograd/playground/digit"
)

func TestParseStroke(t *testing.T) {
	st, err := ParseStroke(`[[10, 20], [30.5, 40, 0.5]]`)
	if err != nil {
		t.Fatal(err)
	}
	want := []digit.Point{{X: 10, Y: 20}, {X: 30.5, Y: 40, Pressure: 0.5}}
	if len(st.Points) != 2 || st.Points[0] != want[0] || st.Points[1] != want[1] {
		t.Errorf("points %+v, want %+v", st.Points, want)
	}
	for text, msg := range map[string]string{
		`{"x": 1}`:            "want an array",
		`[[1]]`:               "point 0 has 1 numbers",
		`[[1, 2], [1,2,3,4]]`: "point 1 has 4 numbers",
		`[]`:                  "no points",
		`[[1, 2, 7]]`:         "pressure 7",
		`null`:                "no points",
	} {
		if _, err := ParseStroke(text); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("ParseStroke(%s) = %v, want an error with %q", text, err, msg)
		}
	}
}
