package playground

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/gograd/gograd/playground/digit"
	"github.com/gograd/gograd/playground/ui"
)

// Layout places the pad on the left (or on top in portrait) with its
// buttons under it, and beside it a column: the model, the input preview
// and the result, the bars, and the explanation in what is left.
func (s *DrawScene) Layout(area ui.Rect, th *ui.Theme) {
	s.theme = *th
	m := th.S(20)
	gap := th.S(8)
	ch := th.S(th.ControlHeight)
	landscape := area.W >= area.H
	var side float64
	if landscape {
		side = min(area.H-3*m-ch, (area.W-3*m)*0.5)
	} else {
		side = min(area.W-2*m, (area.H-4*m-ch)*0.5)
	}
	side = max(side, th.S(40))
	left := area.X + m
	if !landscape {
		left = area.X + (area.W-side)/2 // centred column
	}
	s.padRect = ui.Rect{X: left, Y: area.Y + m, W: side, H: side}
	bw := (side - 2*gap) / 3
	by := s.padRect.Bottom() + gap*1.5
	s.clearBtn.Rect = ui.Rect{X: s.padRect.X, Y: by, W: bw, H: ch}
	s.undoBtn.Rect = ui.Rect{X: s.padRect.X + bw + gap, Y: by, W: bw, H: ch}
	s.smpBtn.Rect = ui.Rect{X: s.padRect.X + 2*(bw+gap), Y: by, W: bw, H: ch}

	var col ui.Rect
	if landscape {
		x := s.padRect.Right() + 1.5*m
		col = ui.Rect{X: x, Y: area.Y + m, W: area.Right() - m - x, H: area.H - 2*m}
	} else {
		y := by + ch + m
		col = ui.Rect{X: left, Y: y, W: side, H: area.Bottom() - m - y}
	}
	lw := th.S(56)
	s.modelLabel = ui.Rect{X: col.X, Y: col.Y, W: lw, H: ch}
	s.modelDD.Rect = ui.Rect{X: col.X + lw, Y: col.Y, W: min(col.W-lw, th.S(200)), H: ch}
	s.modelDD.ItemHeight = ch

	top := col.Y + ch + m
	prev := max(min(th.S(28*4), col.W*0.4, col.H*0.25), th.S(28))
	s.inputRect = ui.Rect{X: col.X, Y: top + th.S(18), W: prev, H: prev}
	s.resultRect = ui.Rect{X: s.inputRect.Right() + m, Y: s.inputRect.Y, W: col.Right() - s.inputRect.Right() - m, H: prev}
	barsY := s.inputRect.Bottom() + m
	rest := max(col.Bottom()-barsY, th.S(40))
	s.barsRect = ui.Rect{X: col.X, Y: barsY, W: col.W, H: min(th.S(24)*10, rest*0.55)}
	exY := s.barsRect.Bottom() + m
	s.explainRect = ui.Rect{X: col.X, Y: exY, W: col.W, H: max(col.Bottom()-exY, 0)}
	s.layoutTiles()
}

// explainTitleH is the height of the explanation's title line, and
// tileLabelH that of a tile's label, in design pixels.
const (
	explainTitleH = 18
	tileLabelH    = 14
)

// layoutTiles places the explanation's tiles in a grid under its title,
// as large as the space allows; MLP tiles get a label line each.
func (s *DrawScene) layoutTiles() {
	s.tileRects = s.tileRects[:0]
	if s.explain == nil || len(s.explain.Tiles) == 0 {
		return
	}
	th := &s.theme
	r := s.explainRect
	gap, label := th.S(4), 0.0
	if s.tileLabels() {
		label = th.S(tileLabelH)
	}
	top := r.Y + th.S(explainTitleH)
	side, cols := fitGrid(len(s.explain.Tiles), r.W, r.Bottom()-top, gap, label)
	for i := range s.explain.Tiles {
		x := r.X + float64(i%cols)*(side+gap)
		y := top + float64(i/cols)*(side+label+gap)
		s.tileRects = append(s.tileRects, ui.Rect{X: x, Y: y, W: side, H: side})
	}
}

// tileLabels says whether tiles get labels: a few large ones (an MLP's
// units and their scores) do, a grid of feature maps does not.
func (s *DrawScene) tileLabels() bool {
	return s.explain != nil && len(s.explain.Tiles) <= 16 && s.explain.Tiles[0].Label != ""
}

// fitGrid returns the largest square side (and the columns) for n tiles in
// a w x h area with gap between tiles and a label of labelH under each;
// at least one pixel, so tiles never vanish in a cramped window.
func fitGrid(n int, w, h, gap, labelH float64) (side float64, cols int) {
	for side = math.Floor(min(w, h)); side > 1; side-- {
		cols = int((w + gap) / (side + gap))
		if cols < 1 {
			continue
		}
		rows := (n + cols - 1) / cols
		if float64(rows)*(side+labelH+gap)-gap <= h {
			return side, min(cols, n)
		}
	}
	return 1, max(int((w+gap)/(1+gap)), 1)
}

// Draw draws the scene.
func (s *DrawScene) Draw(c ui.Canvas, th *ui.Theme) {
	s.drawPad(c, th)
	size := th.S(th.FontSize)
	small := th.S(th.SmallFontSize)
	_, lh := c.MeasureText("Model", size)
	c.Text("Model", s.modelLabel.X, s.modelLabel.Y+(s.modelLabel.H-lh)/2, size, th.TextDim, ui.AlignLeft)

	c.Text("28×28 input", s.inputRect.X, s.inputRect.Y-th.S(18), small, th.TextDim, ui.AlignLeft)
	c.FillRect(s.inputRect, ui.RGB(0, 0, 0))
	if s.input != nil {
		s.inputImg.Ink, s.inputImg.Paper = ui.RGB(255, 255, 255), ui.RGB(0, 0, 0)
		c.Gray(&s.inputImg, s.inputRect)
	}
	c.StrokeRect(s.inputRect, th.S(1), th.Border)

	s.drawResult(c, th)
	s.drawBars(c, th)
	s.drawExplanation(c, th)
	if s.message != "" {
		r := ui.Rect{X: s.padRect.X, Y: s.clearBtn.Rect.Bottom() + th.S(8), W: s.padRect.W}
		s.wrapText(c, s.message, r, small, th.TextDim)
	}
}

func (s *DrawScene) drawPad(c ui.Canvas, th *ui.Theme) {
	paper, ink := ui.RGB(0xfa, 0xfa, 0xf7), ui.RGB(0x10, 0x12, 0x18)
	c.FillRect(s.padRect, paper)
	if s.sample != nil {
		s.sampleImg.Ink, s.sampleImg.Paper = ink, paper
		c.Gray(&s.sampleImg, s.padRect)
	} else if !s.pad.Empty() {
		c.Clip(s.padRect, func() { s.drawStrokes(c, ink) })
	} else {
		// On an empty pad, the 20x20 box MNIST digits are scaled into is a
		// faint hint of how big to draw.
		g := s.padRect.W * float64(digit.Box) / float64(digit.Side)
		guide := ui.Rect{X: s.padRect.X + (s.padRect.W-g)/2, Y: s.padRect.Y + (s.padRect.H-g)/2, W: g, H: g}
		c.StrokeRect(guide, th.S(1), ui.RGB(0xe2, 0xe4, 0xe8))
		hint := "draw a digit here"
		_, h := c.MeasureText(hint, th.S(th.FontSize))
		c.Text(hint, s.padRect.X+s.padRect.W/2, s.padRect.Y+(s.padRect.H-h)/2, th.S(th.FontSize), ui.RGB(0xa0, 0xa4, 0xac), ui.AlignCenter)
	}
	c.StrokeRect(s.padRect, th.S(1), th.Border)
}

// drawStrokes draws the pad's strokes as round-capped vector lines at
// screen resolution, the same geometry the pad rasterizes at 280x280 for
// the model, so the ink stays sharp on high-density screens.
func (s *DrawScene) drawStrokes(c ui.Canvas, ink ui.Color) {
	k := s.padRect.W / PadSize
	at := func(pt digit.Point) (x, y, r float64) {
		return s.padRect.X + float64(pt.X)*k, s.padRect.Y + float64(pt.Y)*k, float64(s.pad.RadiusAt(pt)) * k
	}
	s.pad.EachStroke(func(st digit.Stroke) {
		for i, pt := range st.Points {
			x, y, r := at(pt)
			c.FillCircle(x, y, r, ink)
			if i > 0 {
				x0, y0, r0 := at(st.Points[i-1])
				c.Line(x0, y0, x, y, r0+r, ink)
			}
		}
	})
}

func (s *DrawScene) drawResult(c ui.Canvas, th *ui.Theme) {
	r := s.resultRect
	p := s.current()
	var y float64
	k := -1
	if p == nil {
		msg := s.status()
		col := th.TextDim
		if s.modelErr != nil || s.predErr != nil {
			col = th.Error
		}
		y = s.wrapText(c, msg, r, th.S(th.FontSize), col)
	} else {
		k = argmax(p)
		big := min(th.S(th.LargeFontSize)*1.6, r.H*0.6)
		c.Text(strconv.Itoa(k), r.X, r.Y, big, th.Text, ui.AlignLeft)
		_, bh := c.MeasureText("0", big)
		y = r.Y + bh
		c.Text(fmt.Sprintf("%.1f%%  %s", 100*p[k], s.model), r.X, y, th.S(th.FontSize), th.Accent, ui.AlignLeft)
		y += th.S(22)
		c.Text("latency "+formatLatency(s.latency), r.X, y, th.S(th.SmallFontSize), th.TextDim, ui.AlignLeft)
		y += th.S(18)
	}
	if s.sample != nil {
		col, verdict := th.TextDim, ""
		if k >= 0 {
			col, verdict = ui.RGB(0x5e, 0xd0, 0x8a), " (right)"
			if k != s.sample.Label {
				col, verdict = th.Error, " (wrong)"
			}
		}
		c.Text(fmt.Sprintf("true label %d%s", s.sample.Label, verdict), r.X, y, th.S(th.FontSize), col, ui.AlignLeft)
	}
}

// wrapText draws msg in r's width, breaking lines at spaces, and returns
// the y under the last line; a long error stays readable in a narrow
// column.
func (s *DrawScene) wrapText(c ui.Canvas, msg string, r ui.Rect, size float64, col ui.Color) float64 {
	y := r.Y
	for _, line := range wrap(msg, func(t string) float64 { w, _ := c.MeasureText(t, size); return w }, r.W) {
		c.Text(line, r.X, y, size, col, ui.AlignLeft)
		_, h := c.MeasureText(line, size)
		y += h
	}
	return y
}

// wrap breaks text into lines no wider than w where spaces allow.
func wrap(text string, width func(string) float64, w float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && width(line+" "+word) > w {
			lines = append(lines, line)
			line = word
			continue
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// drawExplanation draws the title and tiles of the current explanation,
// or why there is none.
func (s *DrawScene) drawExplanation(c ui.Canvas, th *ui.Theme) {
	r := s.explainRect
	if r.H < th.S(explainTitleH) || s.current() == nil {
		return
	}
	small := th.S(th.SmallFontSize)
	ex := s.currentExplanation()
	switch {
	case s.explainErr != nil:
		s.wrapText(c, "no explanation: "+s.explainErr.Error(), r, small, th.Error)
		return
	case ex == nil:
		return
	case len(ex.Tiles) == 0:
		c.Text("no unit raised this class", r.X, r.Y, small, th.TextDim, ui.AlignLeft)
		return
	}
	c.Text(ex.Title, r.X, r.Y, small, th.TextDim, ui.AlignLeft)
	for i, tr := range s.tileRects {
		if tr.Bottom() > r.Bottom()+0.5 {
			break
		}
		c.Gray(&s.tileImgs[i], tr)
		if s.tileLabels() {
			c.Text(ex.Tiles[i].Label, tr.X+tr.W/2, tr.Bottom()+th.S(1), th.S(10), th.TextDim, ui.AlignCenter)
		}
	}
}

// formatLatency shows sub-millisecond times in microseconds.
func formatLatency(d time.Duration) string {
	if d < time.Millisecond {
		return fmt.Sprintf("%d µs", d.Microseconds())
	}
	return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000)
}

// drawBars draws one row per class. Without probabilities for the current
// input the bars stay empty rather than showing stale or made-up values.
func (s *DrawScene) drawBars(c ui.Canvas, th *ui.Theme) {
	r := s.barsRect
	row := r.H / 10
	size := min(th.S(th.FontSize), row*0.7)
	p := s.current()
	k := -1
	if p != nil {
		k = argmax(p)
	}
	lw := th.S(24)
	pw := th.S(64)
	for d := 0; d < 10; d++ {
		y := r.Y + float64(d)*row
		_, lh := c.MeasureText("0", size)
		col := th.TextDim
		if d == k {
			col = th.Text
		}
		c.Text(strconv.Itoa(d), r.X, y+(row-lh)/2, size, col, ui.AlignLeft)
		bar := ui.Rect{X: r.X + lw, Y: y + row*0.18, W: max(r.W-lw-pw, 0), H: row * 0.64}
		c.FillRect(bar, th.Surface)
		if p != nil {
			fill := th.Accent
			if d != k {
				fill = th.SurfaceActive
			}
			c.FillRect(ui.Rect{X: bar.X, Y: bar.Y, W: bar.W * float64(p[d]), H: bar.H}, fill)
			c.Text(fmt.Sprintf("%5.1f%%", 100*p[d]), r.Right(), y+(row-lh)/2, size, col, ui.AlignRight)
		}
	}
}
