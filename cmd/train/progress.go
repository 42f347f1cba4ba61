package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/gograd/gograd/core/train"
)

// progressBar redraws one status line (carriage return, no newline) at
// most every 200 ms: epoch, step in epoch, loss, accuracy, elapsed, ETA.
type progressBar struct {
	w             io.Writer
	epochs, iters int
	start, last   time.Time
	width         int // characters last written, to blank them out
}

func newProgressBar(w io.Writer, epochs, iters int) *progressBar {
	now := time.Now()
	return &progressBar{w: w, epochs: epochs, iters: iters, start: now}
}

func (p *progressBar) update(s train.StepResult, classify bool) {
	if p.w == nil {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < 200*time.Millisecond && s.Step != p.epochs*p.iters {
		return
	}
	p.last = now
	elapsed := now.Sub(p.start)
	total := p.epochs * p.iters
	eta := time.Duration(float64(elapsed) / float64(s.Step) * float64(total-s.Step))
	const barLen = 20
	filled := barLen * s.Iteration / p.iters
	line := fmt.Sprintf("epoch %d/%d [%s%s] %d/%d loss %.4f", s.Epoch, p.epochs,
		strings.Repeat("=", filled), strings.Repeat(" ", barLen-filled), s.Iteration, p.iters, s.Loss)
	if classify {
		line += fmt.Sprintf(" acc %5.1f%%", 100*s.Accuracy)
	}
	line += fmt.Sprintf(" elapsed %s ETA %s", elapsed.Round(time.Second), eta.Round(time.Second))
	pad := max(0, p.width-len(line))
	fmt.Fprintf(p.w, "\r%s%s", line, strings.Repeat(" ", pad))
	p.width = len(line)
}

// clear blanks the status line so ordinary output can follow.
func (p *progressBar) clear() {
	if p.w == nil || p.width == 0 {
		return
	}
	fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
	p.width = 0
}
