package core

import (
	"fmt"
	"math"
	"strings"

	"github.com/gograd/gograd/core/kernel"
)

// Print settings, PyTorch's defaults.
const (
	printThreshold = 1000 // tensors with more elements are summarized with "..."
	printEdgeItems = 3    // items kept at each end of a summarized dimension
	printLineWidth = 80   // long rows wrap to stay within this many columns
)

// format prints a tensor the way PyTorch does, e.g.
//
//	tensor([[ 1.0000, -2.0000],
//	        [ 3.0000,  4.0000]], grad_fn=<MMBackward>)
//
// Numbers have four decimals, or switch to scientific notation when their
// magnitudes span more than a factor of 1000 (or leave [1e-4, 1e8]), and are
// padded to one width so that columns line up. Unlike PyTorch, whole numbers
// keep their decimals (1.0000, not 1.).
func format(t *Tensor) string {
	var sb strings.Builder
	sb.WriteString("tensor(")
	data := t.Data()
	switch {
	case len(data) == 0:
		sb.WriteString("[]")
		if len(t.shape) != 1 {
			sb.WriteString(", size=(")
			for i, d := range t.shape {
				if i > 0 {
					sb.WriteString(", ")
				}
				fmt.Fprint(&sb, d)
			}
			sb.WriteString(")")
		}
	case len(t.shape) == 0:
		sb.WriteString(newNumberFormat(data).format(data[0]))
	default:
		p := printer{shape: t.shape, summarize: len(data) > printThreshold}
		var shown []float32
		p.visit(data, 0, func(v float32) { shown = append(shown, v) })
		p.nf = newNumberFormat(shown)
		p.dim(&sb, data, 0, len("tensor("))
	}
	if t.GradFn() != "" {
		fmt.Fprintf(&sb, ", grad_fn=<%sBackward>", t.GradFn())
	} else if t.requiresGrad {
		sb.WriteString(", requires_grad=True")
	}
	sb.WriteString(")")
	return sb.String()
}

// numberFormat prints every number of one tensor alike.
type numberFormat struct {
	sci   bool
	width int
}

// newNumberFormat picks fixed or scientific notation and the common width
// from the nonzero finite numbers that will be shown, as PyTorch does.
func newNumberFormat(vals []float32) numberFormat {
	lo, hi := math.Inf(1), 0.0
	for _, v := range vals {
		a := math.Abs(float64(v))
		if a != 0 && !math.IsInf(a, 0) && !math.IsNaN(a) {
			lo, hi = min(lo, a), max(hi, a)
		}
	}
	nf := numberFormat{width: 1}
	if hi == 0 {
		return nf
	}
	nf.sci = hi/lo > 1000 || hi > 1e8 || lo < 1e-4
	for _, v := range vals {
		a := math.Abs(float64(v))
		if a != 0 && !math.IsInf(a, 0) && !math.IsNaN(a) {
			nf.width = max(nf.width, len(nf.text(v)))
		}
	}
	return nf
}

// text is v in the chosen notation, spelling NaN and infinities as Python does.
func (nf numberFormat) text(v float32) string {
	f := float64(v)
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case nf.sci:
		return fmt.Sprintf("%.4e", f)
	}
	return fmt.Sprintf("%.4f", f)
}

// format is text padded on the left to the common width.
func (nf numberFormat) format(v float32) string {
	s := nf.text(v)
	return strings.Repeat(" ", max(0, nf.width-len(s))) + s
}

// printer writes the nested brackets of a tensor of at least one dimension.
type printer struct {
	shape     []int
	summarize bool
	nf        numberFormat
}

// shown returns the indices of dimension dim that are printed: all of
// them, or the first and last printEdgeItems around a gap (-1) when
// summarizing.
func (p printer) shown(dim int) []int {
	n := p.shape[dim]
	var idx []int
	if p.summarize && n > 2*printEdgeItems {
		for i := 0; i < printEdgeItems; i++ {
			idx = append(idx, i)
		}
		idx = append(idx, -1)
		for i := n - printEdgeItems; i < n; i++ {
			idx = append(idx, i)
		}
		return idx
	}
	for i := 0; i < n; i++ {
		idx = append(idx, i)
	}
	return idx
}

// visit calls f with every number that will be printed, in order.
func (p printer) visit(data []float32, dim int, f func(float32)) {
	stride := kernel.Numel(p.shape[dim+1:])
	for _, i := range p.shown(dim) {
		switch {
		case i < 0:
		case dim == len(p.shape)-1:
			f(data[i])
		default:
			p.visit(data[i*stride:(i+1)*stride], dim+1, f)
		}
	}
}

// dim writes dimension dim of data, whose first bracket is at column indent.
func (p printer) dim(sb *strings.Builder, data []float32, dim, indent int) {
	stride := kernel.Numel(p.shape[dim+1:])
	last := dim == len(p.shape)-1
	var parts []string
	for _, i := range p.shown(dim) {
		switch {
		case i < 0 && last:
			parts = append(parts, " ...")
		case i < 0:
			parts = append(parts, "...")
		case last:
			parts = append(parts, p.nf.format(data[i]))
		default:
			var sub strings.Builder
			p.dim(&sub, data[i*stride:(i+1)*stride], dim+1, indent+1)
			parts = append(parts, sub.String())
		}
	}
	sb.WriteByte('[')
	if last {
		// Wrap long rows so each line fits in printLineWidth columns.
		perLine := max(1, (printLineWidth-indent)/(p.nf.width+2))
		for start := 0; start < len(parts); start += perLine {
			if start > 0 {
				sb.WriteString(",\n" + strings.Repeat(" ", indent+1))
			}
			sb.WriteString(strings.Join(parts[start:min(start+perLine, len(parts))], ", "))
		}
	} else {
		// Blocks of k dimensions are k-1 blank lines apart, as in PyTorch.
		sep := "," + strings.Repeat("\n", len(p.shape)-1-dim) + strings.Repeat(" ", indent+1)
		sb.WriteString(strings.Join(parts, sep))
	}
	sb.WriteByte(']')
}
