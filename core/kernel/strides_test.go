package kernel

import (
	"fmt"
	"testing"
)

func TestCoalesce(t *testing.T) {
	cases := []struct {
		shape, a, b []int
		want        string
	}{
		// A per-channel broadcast over an image batch: H and W merge.
		{[]int{4, 3, 5, 6}, []int{90, 30, 6, 1}, []int{0, 1, 0, 0}, "[4 3 30] [[90 30 1] [0 1 0]]"},
		// Both contiguous: one flat run.
		{[]int{2, 3, 4}, []int{12, 4, 1}, []int{12, 4, 1}, "[24] [[1] [1]]"},
		// Size-1 dimensions vanish; a transposed operand blocks merging.
		{[]int{2, 1, 3}, []int{3, 3, 1}, []int{1, 1, 2}, "[2 3] [[3 1] [1 2]]"},
		// A single element keeps one dimension.
		{[]int{1, 1}, []int{1, 1}, []int{0, 0}, "[1] [[0] [0]]"},
	}
	for _, c := range cases {
		shape, st := Coalesce(c.shape, c.a, c.b)
		if got := fmt.Sprint(shape, st); got != c.want {
			t.Errorf("coalesce(%v, %v, %v) = %s, want %s", c.shape, c.a, c.b, got, c.want)
		}
	}
}
