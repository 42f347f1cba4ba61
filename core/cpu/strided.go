package cpu

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
		w = elementWorkers(rows * shape[last])
	}
	parallelRanges(rows, w, func(first, end int) {
		idx := make([]int, last)
		offs := make([]int, len(strides))
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
		for r := first; r < end; r++ {
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
