package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/gograd/gograd/core/data"
	"github.com/gograd/gograd/core/train"
)

// seedSweep trains the recipe once per seed 1..o.seeds and reports which
// runs classified the whole test set correctly, with the final outputs for
// small test sets such as XOR's four points.
func seedSweep(o options) error {
	ok := 0
	for seed := 1; seed <= o.seeds; seed++ {
		o.seed = int64(seed)
		r, err := loadRecipe(o.recipe, o)
		if err != nil {
			return err
		}
		res, err := trainRecipe(r, o, nil, io.Discard)
		if err != nil {
			return err
		}
		if !res.trainer.Classifies() {
			return fmt.Errorf("-seeds needs a classification recipe; %s is regression", r.Name)
		}
		final := res.evals[len(res.evals)-1]
		solved := final.Accuracy == 1
		if solved {
			ok++
		}
		fmt.Printf("seed %2d: test accuracy %6.2f%%  loss %.5f  %s", seed, 100*final.Accuracy, final.Loss, map[bool]string{true: "solved", false: "FAILED"}[solved])
		if res.testSet.Len() <= 8 {
			fmt.Printf("  outputs %s", outputs(res.trainer, res.testSet))
		}
		fmt.Printf("  (%s)\n", res.duration.Round(1e6))
	}
	fmt.Printf("success: %d of %d seeds (%.0f%%)\n", ok, o.seeds, 100*float64(ok)/float64(o.seeds))
	return nil
}

// outputs formats the model's outputs for every sample of a small set.
func outputs(t *train.Trainer, ds data.Dataset) string {
	b := data.NewDataLoader(ds, ds.Len(), data.LoaderOptions{})
	batch, _ := b.Next()
	out := t.Predict(batch.X).Data()
	parts := make([]string, len(out))
	for i, v := range out {
		parts[i] = fmt.Sprintf("%.3f", v)
	}
	return "[" + strings.Join(parts, " ") + "]"
}
