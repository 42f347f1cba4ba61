package cpu

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
		shape, st := coalesce(c.shape, c.a, c.b)
		if got := fmt.Sprint(shape, st); got != c.want {
			t.Errorf("coalesce(%v, %v, %v) = %s, want %s", c.shape, c.a, c.b, got, c.want)
		}
	}
}

// TestForRowsParallel checks that a walk shared across goroutines visits
// every row once with the right offsets, for a transposed operand.
func TestForRowsParallel(t *testing.T) {
	shape := []int{37, 11, 300}
	st := [][]int{{3300, 300, 1}, {1, 37, 407}}
	seen := make([]int, 37*11)
	forRows(shape, st, true, func(r int, offs []int) {
		i, j := r/11, r%11
		if offs[0] != i*3300+j*300 || offs[1] != i+j*37 {
			t.Errorf("row %d: offsets %v", r, offs)
		}
		seen[r]++
	})
	for r, n := range seen {
		if n != 1 {
			t.Fatalf("row %d visited %d times", r, n)
		}
	}
}
