package train

// DefaultHistoryLimit is the number of step results a History keeps when
// no limit is given.
const DefaultHistoryLimit = 4096

// History keeps step results for plotting in bounded memory. It records
// every Stride-th step; when full it drops every other kept result and
// doubles the stride, so a run of any length keeps between Limit/2 and
// Limit evenly spaced points covering the whole run.
type History struct {
	limit  int
	stride int
	points []StepResult
}

// NewHistory returns a History keeping at most limit results (at least 2;
// limit ≤ 0 means DefaultHistoryLimit).
func NewHistory(limit int) *History {
	if limit <= 0 {
		limit = DefaultHistoryLimit
	}
	return &History{limit: max(limit, 2), stride: 1}
}

// Add records r if its step falls on the current stride.
func (h *History) Add(r StepResult) {
	if r.Step%h.stride != 0 {
		return
	}
	if len(h.points) == h.limit {
		kept := h.points[:0]
		for _, p := range h.points {
			if p.Step%(2*h.stride) == 0 {
				kept = append(kept, p)
			}
		}
		h.points = kept
		h.stride *= 2
		if r.Step%h.stride != 0 {
			return
		}
	}
	h.points = append(h.points, r)
}

// Points returns a copy of the kept results in step order.
func (h *History) Points() []StepResult { return append([]StepResult(nil), h.points...) }

// Stride is the step spacing of the kept results.
func (h *History) Stride() int { return h.stride }

// Len is the number of kept results.
func (h *History) Len() int { return len(h.points) }
