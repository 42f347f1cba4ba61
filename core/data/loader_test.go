package data

import (
	"slices"
	"testing"
)

// ramp is a dataset whose sample i is [i, -i] with target i, so a batch
// shows exactly which samples it holds.
func ramp(n int) *Set {
	x, y := make([]float32, 2*n), make([]float32, n)
	for i := range n {
		x[2*i], x[2*i+1], y[i] = float32(i), float32(-i), float32(i)
	}
	return NewSet(x, []int{2}, y, []int{}, 0)
}

// epoch drains one epoch and returns the batches' indices.
func epoch(t *testing.T, dl *DataLoader) [][]int {
	t.Helper()
	var out [][]int
	for b, ok := dl.Next(); ok; b, ok = dl.Next() {
		out = append(out, b.Indices)
		if len(out) > dl.Len() {
			t.Fatalf("epoch did not end after Len() = %d batches", dl.Len())
		}
	}
	return out
}

func TestLoaderLen(t *testing.T) {
	for _, tc := range []struct {
		n, batch int
		dropLast bool
		want     int
		last     int // size of the last batch
	}{
		{60000, 100, false, 600, 100},
		{60000, 100, true, 600, 100},
		{10000, 64, false, 157, 16},
		{10000, 64, true, 156, 64},
		{10, 3, false, 4, 1},
		{10, 3, true, 3, 3},
		{4, 4, false, 1, 4},
		{2, 5, false, 1, 2},
		{2, 5, true, 0, 0},
		{0, 5, false, 0, 0},
	} {
		dl := NewDataLoader(ramp(tc.n), tc.batch, LoaderOptions{DropLast: tc.dropLast, Shuffle: true, Seed: 3})
		if dl.Len() != tc.want {
			t.Errorf("n=%d batch=%d dropLast=%v: Len %d, want %d", tc.n, tc.batch, tc.dropLast, dl.Len(), tc.want)
		}
		got := epoch(t, dl)
		if len(got) != tc.want {
			t.Errorf("n=%d batch=%d dropLast=%v: %d batches in an epoch, want %d", tc.n, tc.batch, tc.dropLast, len(got), tc.want)
			continue
		}
		seen := map[int]bool{}
		for k, idx := range got {
			want := tc.batch
			if k == len(got)-1 {
				want = tc.last
			}
			if len(idx) != want {
				t.Errorf("n=%d batch=%d: batch %d has %d samples, want %d", tc.n, tc.batch, k, len(idx), want)
			}
			for _, i := range idx {
				if seen[i] {
					t.Fatalf("n=%d batch=%d: sample %d twice in one epoch", tc.n, tc.batch, i)
				}
				seen[i] = true
			}
		}
		wantSeen := tc.n
		if tc.dropLast {
			wantSeen = tc.want * tc.batch
		}
		if len(seen) != wantSeen {
			t.Errorf("n=%d batch=%d dropLast=%v: %d distinct samples per epoch, want %d", tc.n, tc.batch, tc.dropLast, len(seen), wantSeen)
		}
	}
}

func TestLoaderBatchContents(t *testing.T) {
	ds := ramp(7)
	dl := NewDataLoader(ds, 3, LoaderOptions{})
	first, _ := dl.Next()
	second, _ := dl.Next()
	third, _ := dl.Next()
	if _, ok := dl.Next(); ok {
		t.Fatal("a fourth batch from 7 samples in batches of 3")
	}
	for k, tc := range []struct {
		b    Batch
		x, y []float32
	}{
		{first, []float32{0, 0, 1, -1, 2, -2}, []float32{0, 1, 2}},
		{second, []float32{3, -3, 4, -4, 5, -5}, []float32{3, 4, 5}},
		{third, []float32{6, -6}, []float32{6}},
	} {
		// The loader reuses its gather buffers; earlier batches must keep
		// their own values.
		if !slices.Equal(tc.b.X.Data(), tc.x) || !slices.Equal(tc.b.Y.Data(), tc.y) {
			t.Errorf("batch %d: X %v Y %v, want %v %v", k, tc.b.X.Data(), tc.b.Y.Data(), tc.x, tc.y)
		}
		if n := tc.b.Size(); !slices.Equal(tc.b.X.Shape(), []int{n, 2}) || !slices.Equal(tc.b.Y.Shape(), []int{n}) {
			t.Errorf("batch %d: shapes %v %v, want [%d 2] [%d]", k, tc.b.X.Shape(), tc.b.Y.Shape(), n, n)
		}
	}
	reg := SineRegression(5, 0, 1)
	b, _ := NewDataLoader(reg, 4, LoaderOptions{}).Next()
	if !slices.Equal(b.X.Shape(), []int{4, 1}) || !slices.Equal(b.Y.Shape(), []int{4, 1}) {
		t.Errorf("regression batch shapes %v %v, want [4 1] [4 1]", b.X.Shape(), b.Y.Shape())
	}
}

func TestLoaderShuffleDeterministic(t *testing.T) {
	run := func(seed uint64) [][][]int {
		dl := NewDataLoader(ramp(50), 8, LoaderOptions{Shuffle: true, Seed: seed})
		var epochs [][][]int
		for e := range 3 {
			if dl.Epoch() != e {
				t.Fatalf("Epoch() = %d before epoch %d", dl.Epoch(), e)
			}
			epochs = append(epochs, epoch(t, dl))
		}
		if dl.Iteration() != 3*7 {
			t.Errorf("Iteration() = %d after 3 epochs of 7, want 21", dl.Iteration())
		}
		return epochs
	}
	a, b, c := run(42), run(42), run(43)
	flat := func(e [][]int) []int { return slices.Concat(e...) }
	for e := range a {
		if !slices.Equal(flat(a[e]), flat(b[e])) {
			t.Errorf("epoch %d differs between two loaders with seed 42", e)
		}
		if slices.Equal(flat(a[e]), flat(c[e])) {
			t.Errorf("epoch %d is the same for seeds 42 and 43", e)
		}
		if s := flat(a[e]); slices.IsSorted(s) {
			t.Errorf("epoch %d is not shuffled: %v", e, s)
		}
	}
	if slices.Equal(flat(a[0]), flat(a[1])) || slices.Equal(flat(a[1]), flat(a[2])) {
		t.Error("the order does not change from epoch to epoch")
	}

	dl := NewDataLoader(ramp(50), 8, LoaderOptions{Shuffle: true, Seed: 42})
	epoch(t, dl)
	dl.Next()
	dl.Reset()
	if dl.Epoch() != 0 || dl.Iteration() != 0 {
		t.Errorf("after Reset: epoch %d iteration %d, want 0 0", dl.Epoch(), dl.Iteration())
	}
	if got := flat(epoch(t, dl)); !slices.Equal(got, flat(a[0])) {
		t.Error("Reset does not replay epoch 0")
	}
}

func TestLoaderNoShuffleInOrder(t *testing.T) {
	dl := NewDataLoader(ramp(10), 4, LoaderOptions{})
	for range 2 {
		if got := slices.Concat(epoch(t, dl)...); !slices.Equal(got, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}) {
			t.Errorf("unshuffled epoch order %v", got)
		}
	}
}

func TestLoaderBatchesRange(t *testing.T) {
	dl := NewDataLoader(ramp(25), 10, LoaderOptions{Shuffle: true, Seed: 9})
	ref := NewDataLoader(ramp(25), 10, LoaderOptions{Shuffle: true, Seed: 9})
	n := 0
	for b := range dl.Batches() {
		r, _ := ref.Next()
		if !slices.Equal(b.Indices, r.Indices) {
			t.Errorf("Batches and Next disagree at batch %d", n)
		}
		n++
	}
	if n != 3 || dl.Epoch() != 1 {
		t.Errorf("Batches gave %d batches and left epoch %d, want 3 and 1", n, dl.Epoch())
	}
	for range dl.Batches() {
		break // stopping early must leave the loader mid-epoch
	}
	if dl.Epoch() != 1 || dl.Iteration() != 4 {
		t.Errorf("after a broken range: epoch %d iteration %d, want 1 4", dl.Epoch(), dl.Iteration())
	}
}

func TestLoaderSubset(t *testing.T) {
	s := Subset{Dataset: ramp(10), Indices: []int{7, 2, 5}}
	b, _ := NewDataLoader(s, 3, LoaderOptions{}).Next()
	if !slices.Equal(b.Y.Data(), []float32{7, 2, 5}) {
		t.Errorf("subset targets %v, want [7 2 5]", b.Y.Data())
	}
	if f := First(ramp(10), 4); f.Len() != 4 || First(ramp(3), 4).Len() != 3 {
		t.Errorf("First lengths %d %d, want 4 3", f.Len(), First(ramp(3), 4).Len())
	}
}

func TestLoaderBadBatchSizePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("batch size 0 did not panic")
		}
	}()
	NewDataLoader(ramp(3), 0, LoaderOptions{})
}
