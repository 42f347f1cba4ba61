package main

import (
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
)

// series is one named line of a plot.
type series struct {
	name   string
	xy     plotter.XYs
	thin   bool // drawn thin (noisy per-step values)
	dashed bool // drawn dashed (the second curve of a group)
	// color picks the line's colour; lines of one group share it.
	color int
}

// savePlot draws the series as lines with a title, axis labels and a
// legend into a PNG file.
// The legend goes top right for falling curves (losses), bottom right for
// rising ones (accuracies), where the lines usually leave room.
func savePlot(path, title, xLabel, yLabel string, logY bool, lines []series) error {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	p.Legend.Top = !strings.HasPrefix(yLabel, "accuracy")
	p.Add(plotter.NewGrid())
	if logY {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = logTicks{}
	}
	for _, s := range lines {
		xy := finite(s.xy)
		if len(xy) == 0 {
			continue
		}
		l, err := plotter.NewLine(xy)
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		l.Color = plotutil.Color(s.color)
		l.Width = vg.Points(1.5)
		if s.thin {
			l.Width = vg.Points(0.5)
		}
		if s.dashed {
			l.Dashes = []vg.Length{vg.Points(4), vg.Points(2)}
		}
		p.Add(l)
		p.Legend.Add(s.name, l)
	}
	return p.Save(7*vg.Inch, 4.5*vg.Inch, path)
}

// plotRun writes the loss curve (and the accuracy curve for a classifier)
// of a finished run and returns the files written.
func plotRun(res *run, dir string) ([]string, error) {
	t := res.trainer
	iters := float64(t.ItersPerEpoch())
	var steps, epochLoss, epochAcc, testLoss, testAcc plotter.XYs
	for _, s := range t.History().Points() {
		steps = append(steps, plotter.XY{X: float64(s.Step) / iters, Y: s.Loss})
	}
	for _, e := range t.EpochStats() {
		epochLoss = append(epochLoss, plotter.XY{X: float64(e.Epoch), Y: e.Loss})
		epochAcc = append(epochAcc, plotter.XY{X: float64(e.Epoch), Y: 100 * e.Accuracy})
	}
	for _, e := range res.evals {
		testLoss = append(testLoss, plotter.XY{X: float64(e.Epoch), Y: e.Loss})
		testAcc = append(testAcc, plotter.XY{X: float64(e.Epoch), Y: 100 * e.Accuracy})
	}
	name := res.recipe.Name
	lossPath := filepath.Join(dir, name+"_loss.png")
	lossLines := []series{{name: "train (batch)", xy: steps, thin: true, color: 2}, {name: "train (epoch mean)", xy: epochLoss}, {name: "test", xy: testLoss, color: 1}}
	if err := savePlot(lossPath, name+": loss ("+res.recipe.Loss+")", "epoch", "loss", positive(steps, testLoss), lossLines); err != nil {
		return nil, err
	}
	files := []string{lossPath}
	if t.Classifies() {
		accPath := filepath.Join(dir, name+"_accuracy.png")
		if err := savePlot(accPath, name+": accuracy", "epoch", "accuracy (%)", false,
			[]series{{name: "train (epoch mean)", xy: epochAcc}, {name: "test", xy: testAcc, color: 1}}); err != nil {
			return nil, err
		}
		files = append(files, accPath)
	}
	return files, nil
}

// positive reports whether every y is above zero, so a log axis can show
// the curves.
func positive(sets ...plotter.XYs) bool {
	for _, s := range sets {
		for _, p := range s {
			if p.Y <= 0 {
				return false
			}
		}
	}
	return true
}

// finite drops points whose loss or accuracy is NaN or infinite (a
// diverged run), which a plot cannot place.
func finite(xy plotter.XYs) plotter.XYs {
	var out plotter.XYs
	for _, p := range xy {
		if !math.IsNaN(p.Y) && !math.IsInf(p.Y, 0) {
			out = append(out, p)
		}
	}
	return out
}

// logTicks labels 1, 2 and 5 times each power of ten: a loss often spans
// only a decade or two, where powers of ten alone would leave the axis bare.
type logTicks struct{}

// Ticks implements plot.Ticker.
func (logTicks) Ticks(lo, hi float64) []plot.Tick {
	var ticks []plot.Tick
	for e := math.Floor(math.Log10(lo)); e <= math.Ceil(math.Log10(hi)); e++ {
		for _, m := range []float64{1, 2, 5} {
			if v := m * math.Pow(10, e); v >= lo && v <= hi {
				ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'g', -1, 64)})
			}
		}
	}
	return ticks
}
