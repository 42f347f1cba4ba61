package train

import "testing"

func TestHistoryBoundedAndEven(t *testing.T) {
	h := NewHistory(8)
	for s := 1; s <= 1000; s++ {
		h.Add(StepResult{Step: s})
		if h.Len() > 8 {
			t.Fatalf("after step %d the history holds %d results", s, h.Len())
		}
	}
	pts := h.Points()
	if len(pts) < 4 {
		t.Fatalf("only %d results kept", len(pts))
	}
	stride := h.Stride()
	for i, p := range pts {
		if p.Step != (i+1)*stride {
			t.Fatalf("result %d is step %d, want %d (stride %d)", i, p.Step, (i+1)*stride, stride)
		}
	}
	// The kept results reach the end of the run.
	if last := pts[len(pts)-1].Step; 1000-last >= stride {
		t.Errorf("last kept step %d with stride %d leaves the end of 1000 steps out", last, stride)
	}
}

func TestHistoryKeepsShortRunsWhole(t *testing.T) {
	h := NewHistory(0)
	for s := 1; s <= 100; s++ {
		h.Add(StepResult{Step: s})
	}
	if h.Len() != 100 || h.Stride() != 1 {
		t.Errorf("%d results at stride %d, want all 100", h.Len(), h.Stride())
	}
}
