package cpu

// coalesce merges neighbouring dimensions that every operand walks as one
// (the outer stride is the inner stride times the inner size) and drops
// dimensions of size 1. A broadcast over [N,C,H,W] against [1,C,1,1] becomes
// a walk over [N,C,H·W], so inner loops run over whole planes rather than
// rows of a few dozen values. The result has at least one dimension.
func coalesce(shape []int, strides ...[]int) ([]int, [][]int) {
	out := make([]int, 0, len(shape))
	outStrides := make([][]int, len(strides))
	for k, n := range shape {
		if n == 1 {
			continue
		}
		if j := len(out) - 1; j >= 0 {
			merge := true
			for o, st := range strides {
				if outStrides[o][j] != st[k]*n {
					merge = false
					break
				}
			}
			if merge {
				out[j] *= n
				for o, st := range strides {
					outStrides[o][j] = st[k]
				}
				continue
			}
		}
		out = append(out, n)
		for o, st := range strides {
			outStrides[o] = append(outStrides[o], st[k])
		}
	}
	if len(out) == 0 {
		out = append(out, 1)
		for o := range outStrides {
			outStrides[o] = append(outStrides[o], 0)
		}
	}
	return out, outStrides
}

// contiguousStrides are the row-major strides of shape.
func contiguousStrides(shape []int) []int {
	st := make([]int, len(shape))
	s := 1
	for k := len(shape) - 1; k >= 0; k-- {
		st[k] = s
		s *= shape[k]
	}
	return st
}

// forRows walks every row (all but the last dimension) of shape and calls
// f with the row's number and each operand's offset to its first element;
// f must not keep offs. With parallel, rows are shared out across cores when
// the walk is large enough to repay it, so f must then only write memory no
// other row writes.
func forRows(shape []int, strides [][]int, parallel bool, f func(row int, offs []int)) {
	last := len(shape) - 1
	rows := 1
	for _, n := range shape[:last] {
		rows *= n
	}
	if rows == 0 || shape[last] == 0 {
		return
	}
	w := 1
	if parallel {
		w = min(rows, elementWorkers(rows*shape[last]))
	}
	chunk := (rows + 4*w - 1) / (4 * w)
	parallelFor((rows+chunk-1)/chunk, w, func(c int) {
		idx := make([]int, last)
		offs := make([]int, len(strides))
		first := c * chunk
		rem := first
		for k := last - 1; k >= 0; k-- {
			idx[k] = rem % shape[k]
			rem /= shape[k]
		}
		for o, st := range strides {
			for k, v := range idx {
				offs[o] += v * st[k]
			}
		}
		for r := first; r < min(rows, first+chunk); r++ {
			f(r, offs)
			for k := last - 1; k >= 0; k-- {
				idx[k]++
				for o, st := range strides {
					offs[o] += st[k]
				}
				if idx[k] < shape[k] {
					break
				}
				for o, st := range strides {
					offs[o] -= st[k] * shape[k]
				}
				idx[k] = 0
			}
		}
	})
}
