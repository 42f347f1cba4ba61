package ui

import (
	"fmt"
	"strconv"
	"strings"
)

// NumberField shows a number and lets the user type a new one. Typing while
// focused starts an edit; Enter or leaving the field commits it, Escape
// cancels. Text that is not a number in [Min, Max] is kept with an error
// message instead of being applied. Up and Down step the value.
type NumberField struct {
	Label    string
	TipText  string
	Rect     Rect
	Value    float64
	Min, Max float64
	Step     float64
	Decimals int
	OnChange func(v float64)

	editing bool
	buf     string
	err     string
	hover   bool
}

// Bounds returns the hit area.
func (n *NumberField) Bounds() Rect { return n.Rect }

// Focusable reports whether Tab may stop here.
func (n *NumberField) Focusable() bool { return true }

// Tip returns the tooltip text.
func (n *NumberField) Tip() string { return n.TipText }

// Editing reports whether typed text is pending.
func (n *NumberField) Editing() bool { return n.editing }

// Err is the last commit's validation message, "" when fine.
func (n *NumberField) Err() string { return n.err }

// Text is what the field shows: the typed text while editing.
func (n *NumberField) Text() string {
	if n.editing {
		return n.buf
	}
	return strconv.FormatFloat(n.Value, 'f', n.Decimals, 64)
}

func (n *NumberField) set(v float64) {
	if v != n.Value {
		n.Value = v
		if n.OnChange != nil {
			n.OnChange(v)
		}
	}
}

// commit applies the typed text when it is a valid number in range.
func (n *NumberField) commit() {
	v, err := strconv.ParseFloat(strings.TrimSpace(n.buf), 64)
	switch {
	case err != nil:
		n.err = fmt.Sprintf("%q is not a number", n.buf)
	case v < n.Min || v > n.Max:
		n.err = fmt.Sprintf("must be between %g and %g", n.Min, n.Max)
	default:
		n.err = ""
		n.editing = false
		n.set(v)
	}
}

// Update reads one frame of input.
func (n *NumberField) Update(in *Input, focused bool) {
	n.hover = in.HoverIn(n.Rect)
	if in.PressIn(n.Rect) {
		in.ConsumePointer()
	}
	if !focused {
		if n.editing {
			n.commit()
			if n.err != "" {
				n.editing, n.err = false, ""
			}
		}
		return
	}
	for _, r := range in.Chars {
		if strings.ContainsRune("0123456789.-+eE", r) {
			if !n.editing {
				n.editing, n.buf = true, ""
			}
			n.buf += string(r)
		}
	}
	switch {
	case in.Key(KeyBackspace) && n.editing:
		if len(n.buf) > 0 {
			n.buf = n.buf[:len(n.buf)-1]
		}
	case in.Key(KeyEnter) && n.editing:
		n.commit()
	case in.Key(KeyEscape) && n.editing:
		n.editing, n.err = false, ""
	case in.Key(KeyUp) && !n.editing:
		n.set(min(n.Value+n.Step, n.Max))
	case in.Key(KeyDown) && !n.editing:
		n.set(max(n.Value-n.Step, n.Min))
	default:
		return
	}
	in.ConsumeKeys()
}

// Draw draws the widget in its state; focused adds the focus ring.
func (n *NumberField) Draw(c Canvas, th *Theme, focused bool) {
	drawFrame(c, th, n.Rect, n.hover, n.editing, focused, false)
	size := th.S(th.FontSize)
	s := n.Text()
	if n.editing {
		s += "|"
	}
	_, h := c.MeasureText(s, size)
	pad := th.S(th.Padding)
	c.Text(s, n.Rect.Right()-pad, n.Rect.Y+(n.Rect.H-h)/2, size, th.Text, AlignRight)
	if n.Label != "" {
		c.Text(n.Label, n.Rect.X+pad, n.Rect.Y+(n.Rect.H-h)/2, size, th.TextDim, AlignLeft)
	}
	if n.err != "" {
		c.Text(n.err, n.Rect.X, n.Rect.Bottom()+th.S(2), th.S(th.SmallFontSize), th.Error, AlignLeft)
	}
}
