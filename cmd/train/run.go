package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/gograd/gograd/core/data"
	"github.com/gograd/gograd/core/train"
)

// evalPoint is the test-set evaluation after one epoch.
type evalPoint struct {
	Epoch    int
	Loss     float64
	Accuracy float64
}

// run is one finished training run.
type run struct {
	recipe    train.Recipe
	trainer   *train.Trainer
	trainSet  data.Dataset
	testSet   data.Dataset
	evals     []evalPoint
	confusion [][]int // of the last evaluation; nil for regression
	duration  time.Duration
	stepTimes time.Duration // time in Step only
}

// trainRecipe loads the data, trains r for its epochs with a progress line
// on progress (nil for none) and evaluates on the test set after every
// epoch; log gets one line per reported epoch.
func trainRecipe(r train.Recipe, o options, progress, log io.Writer) (*run, error) {
	trainSet, testSet, err := r.Load(o.dataDir)
	if err != nil {
		return nil, err
	}
	if o.limit > 0 {
		trainSet = data.First(trainSet, o.limit)
	}
	if o.testLimit > 0 {
		testSet = data.First(testSet, o.testLimit)
	}
	t, err := r.NewTrainer(trainSet)
	if err != nil {
		return nil, err
	}
	res := &run{recipe: r, trainer: t, trainSet: trainSet, testSet: testSet}
	bar := newProgressBar(progress, r.Epochs, t.ItersPerEpoch())
	// Long runs of tiny epochs (XOR) report every few epochs only.
	every := max(1, r.Epochs/20)
	start := time.Now()
	for t.Epoch() < r.Epochs {
		s0 := time.Now()
		step := t.Step()
		res.stepTimes += time.Since(s0)
		bar.update(step, t.Classifies())
		if !step.EpochEnd {
			continue
		}
		// The last evaluation also counts the confusion matrix, in the same
		// pass over the test set.
		classes := 0
		if step.Epoch == r.Epochs {
			classes = r.Data.NumClasses()
		}
		sc := t.Score(testSet, o.evalBatch, classes)
		tl, ta := sc.Loss, sc.Accuracy
		res.confusion = sc.Confusion
		res.evals = append(res.evals, evalPoint{Epoch: step.Epoch, Loss: tl, Accuracy: ta})
		if step.Epoch%every == 0 || step.Epoch == r.Epochs {
			bar.clear()
			st := t.EpochStats()[step.Epoch-1]
			line := fmt.Sprintf("%s epoch %d/%d  train loss %.4f", r.Name, step.Epoch, r.Epochs, st.Loss)
			if t.Classifies() {
				line += fmt.Sprintf(" acc %.2f%%  test loss %.4f acc %.2f%%", 100*st.Accuracy, tl, 100*ta)
			} else {
				line += fmt.Sprintf("  test loss %.4f", tl)
			}
			fmt.Fprintf(log, "%s  (%s)\n", line, time.Since(start).Round(100*time.Millisecond))
		}
	}
	bar.clear()
	res.duration = time.Since(start)
	return res, nil
}

// single trains one recipe and writes its curves, confusion matrix,
// weights and card.
func single(o options) error {
	r, err := loadRecipe(o.recipe, o)
	if err != nil {
		return err
	}
	res, err := trainRecipe(r, o, progressWriter(o), os.Stdout)
	if err != nil {
		return err
	}
	final := res.evals[len(res.evals)-1]
	steps := res.trainer.Steps()
	fmt.Printf("%s: %d epochs, %d steps in %s (training steps: %.3g ms/step, %.3g steps/s, %.3g s/epoch); test loss %.4f",
		r.Name, r.Epochs, steps, res.duration.Round(time.Millisecond),
		1000*res.stepTimes.Seconds()/float64(steps), float64(steps)/res.stepTimes.Seconds(),
		res.stepTimes.Seconds()/float64(r.Epochs), final.Loss)
	if res.trainer.Classifies() {
		fmt.Printf(", test accuracy %.2f%% on %d samples\n", 100*final.Accuracy, res.testSet.Len())
		fmt.Print(formatConfusion(res.confusion))
	} else {
		fmt.Println()
	}
	if err := os.MkdirAll(o.plots, 0o755); err != nil {
		return err
	}
	files, err := plotRun(res, o.plots)
	if err != nil {
		return err
	}
	saved, err := saveModel(res, o.out)
	if err != nil {
		return err
	}
	for _, f := range append(files, saved...) {
		fmt.Println("wrote", f)
	}
	return nil
}

// progressWriter is where the progress line goes: stderr, or nowhere with -q.
func progressWriter(o options) io.Writer {
	if o.quiet {
		return nil
	}
	return os.Stderr
}
