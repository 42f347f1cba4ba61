package cpu

import "testing"

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

// TestParallelRanges checks that the ranges cover [0, n) once, in order
// within each range, for counts below, at and above the worker count.
func TestParallelRanges(t *testing.T) {
	for _, n := range []int{0, 1, 3, 8, 101} {
		for _, w := range []int{1, 2, 5} {
			seen := make([]int32, n)
			parallelRanges(n, w, func(lo, hi int) {
				if lo >= hi {
					t.Errorf("n=%d w=%d: empty range [%d, %d)", n, w, lo, hi)
				}
				for i := lo; i < hi; i++ {
					seen[i]++
				}
			})
			for i, c := range seen {
				if c != 1 {
					t.Fatalf("n=%d w=%d: index %d covered %d times", n, w, i, c)
				}
			}
		}
	}
}
