package kernel

// Numel is the number of elements of a tensor of the given shape.
func Numel(shape []int) int {
	n := 1
	for _, d := range shape {
		n *= d
	}
	return n
}

// Coalesce merges neighbouring dimensions that every operand walks as one
// (the outer stride is the inner stride times the inner size) and drops
// dimensions of size 1. A broadcast over [N,C,H,W] against [1,C,1,1] becomes
// a walk over [N,C,H·W], so a backend's inner loops run over whole planes
// rather than rows of a few dozen values. The result has at least one dimension.
func Coalesce(shape []int, strides ...[]int) ([]int, [][]int) {
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

// ContiguousStrides are the row-major strides of shape.
func ContiguousStrides(shape []int) []int {
	st := make([]int, len(shape))
	s := 1
	for k := len(shape) - 1; k >= 0; k-- {
		st[k] = s
		s *= shape[k]
	}
	return st
}
