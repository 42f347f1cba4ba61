package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot/plotter"
)

// compare trains several recipes and draws their per-epoch training and
// test losses on one PNG.
func compare(o options, names []string) error {
	var lines []series
	for i, name := range names {
		r, err := loadRecipe(strings.TrimSpace(name), o)
		if err != nil {
			return err
		}
		res, err := trainRecipe(r, o, progressWriter(o), os.Stdout)
		if err != nil {
			return err
		}
		var tr, te plotter.XYs
		for _, e := range res.trainer.EpochStats() {
			tr = append(tr, plotter.XY{X: float64(e.Epoch), Y: e.Loss})
		}
		for _, e := range res.evals {
			te = append(te, plotter.XY{X: float64(e.Epoch), Y: e.Loss})
		}
		final := res.evals[len(res.evals)-1]
		fmt.Printf("%s: final train loss %.5f, test loss %.5f (%s)\n", r.Name, tr[len(tr)-1].Y, final.Loss, res.duration.Round(1e6))
		lines = append(lines, series{name: r.Name + " train", xy: tr, color: i}, series{name: r.Name + " test", xy: te, dashed: true, color: i})
	}
	if err := os.MkdirAll(o.plots, 0o755); err != nil {
		return err
	}
	path := filepath.Join(o.plots, "compare_loss.png")
	if err := savePlot(path, "loss per epoch: "+strings.Join(names, ", "), "epoch", "loss", true, lines); err != nil {
		return err
	}
	fmt.Println("wrote", path)
	return nil
}
