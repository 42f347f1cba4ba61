package playground

import (
	"encoding/json"
	"fmt"

	"github.com/gograd/gograd/playground/digit"
)

// ParseStroke reads a stroke written as JSON, [[x, y], [x, y, pressure], ...]
// in pad pixels, as the page API's gograd.stroke receives it, and validates
// it. One JSON string crosses from JavaScript instead of one call per
// array element.
func ParseStroke(text string) (digit.Stroke, error) {
	var pts [][]float64
	if err := json.Unmarshal([]byte(text), &pts); err != nil {
		return digit.Stroke{}, fmt.Errorf("stroke: want an array of [x, y] points: %v", err)
	}
	st := digit.Stroke{Points: make([]digit.Point, len(pts))}
	for i, p := range pts {
		if len(p) != 2 && len(p) != 3 {
			return digit.Stroke{}, fmt.Errorf("stroke: point %d has %d numbers, want 2 or 3", i, len(p))
		}
		st.Points[i] = digit.Point{X: float32(p[0]), Y: float32(p[1])}
		if len(p) == 3 {
			st.Points[i].Pressure = float32(p[2])
		}
	}
	return st, st.Validate()
}
