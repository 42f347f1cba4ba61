package train

import "github.com/gograd/gograd/core"

// Classes returns the class each row of the network's output [B, C]
// predicts: the largest score, or for a single column [B, 1] class 1 when
// the output is above the threshold (0 for logits, 0.5 for
// probabilities).
func (l Loss) Classes(out *core.Tensor) []int {
	v := out.Data()
	rows := out.Size(0)
	cols := out.Numel() / max(rows, 1)
	pred := make([]int, rows)
	for i := range pred {
		row := v[i*cols : (i+1)*cols]
		if cols == 1 {
			threshold := float32(0.5)
			if l.Logits {
				threshold = 0
			}
			if row[0] > threshold {
				pred[i] = 1
			}
			continue
		}
		best := 0
		for j, x := range row {
			if x > row[best] {
				best = j
			}
		}
		pred[i] = best
	}
	return pred
}

// correct counts the rows of out whose predicted class equals the class
// index in target.
func (l Loss) correct(out, target *core.Tensor) int {
	n, y := 0, target.Data()
	for i, c := range l.Classes(out) {
		if float32(c) == y[i] {
			n++
		}
	}
	return n
}
