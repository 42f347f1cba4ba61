package core

import (
	"fmt"
	"strings"
)

// format prints a tensor the way PyTorch does, e.g.
//
//	tensor([[1.0000, 2.0000],
//	        [3.0000, 4.0000]], grad_fn=<MMBackward>)
func format(t *Tensor) string {
	var sb strings.Builder
	sb.WriteString("tensor(")
	data := t.Data()
	if len(t.shape) == 0 {
		fmt.Fprintf(&sb, "%.4f", data[0])
	} else {
		formatDim(&sb, data, t.shape, 0, len("tensor("))
	}
	if t.GradFn() != "" {
		fmt.Fprintf(&sb, ", grad_fn=<%sBackward>", t.GradFn())
	} else if t.requiresGrad {
		sb.WriteString(", requires_grad=True")
	}
	sb.WriteString(")")
	return sb.String()
}

func formatDim(sb *strings.Builder, data []float32, shape []int, dim, indent int) {
	sb.WriteByte('[')
	n := shape[dim]
	stride := numel(shape[dim+1:])
	for i := 0; i < n; i++ {
		if i > 0 {
			sb.WriteByte(',')
			if dim == len(shape)-1 {
				sb.WriteByte(' ')
			} else {
				sb.WriteString(strings.Repeat("\n", len(shape)-1-dim))
				sb.WriteString(strings.Repeat(" ", indent+dim+1))
			}
		}
		if dim == len(shape)-1 {
			fmt.Fprintf(sb, "%.4f", data[i])
		} else {
			formatDim(sb, data[i*stride:(i+1)*stride], shape, dim+1, indent)
		}
	}
	sb.WriteByte(']')
}
