// Command train trains gograd's built-in recipes natively: a live progress
// line, a test-set evaluation after each epoch, loss and accuracy curves as
// PNG, a confusion matrix, and the weights (safetensors) with a JSON model
// card.
//
//	go run ./cmd/train -recipe mlp -out static/models -plots out
//	go run ./cmd/train -recipe xor -seeds 20
//	go run ./cmd/train -compare regression_sgd,regression_momentum,regression_adam
//	go run ./cmd/train -recipe xor -print > my.json; go run ./cmd/train -recipe my.json
//	go run ./cmd/train -eval static/models/mlp.json
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/gograd/gograd/core/train"
)

type options struct {
	recipe    string
	dataDir   string
	epochs    int
	seed      int64
	out       string
	plots     string
	limit     int
	testLimit int
	seeds     int
	compare   string
	evalBatch int
	quiet     bool
	print     bool
	eval      string
}

func main() {
	var o options
	flag.StringVar(&o.recipe, "recipe", "mlp", "built-in recipe ("+strings.Join(train.BuiltinNames(), ", ")+") or a recipe .json file")
	flag.StringVar(&o.dataDir, "data", "", "directory of the MNIST IDX files (default $GOGRAD_DATA, then the user cache)")
	flag.IntVar(&o.epochs, "epochs", 0, "epochs to train (0: the recipe's)")
	flag.Int64Var(&o.seed, "seed", -1, "random seed (-1: the recipe's)")
	flag.StringVar(&o.out, "out", "out", "directory for the weights and model card")
	flag.StringVar(&o.plots, "plots", "", "directory for the PNG curves (default: -out)")
	flag.IntVar(&o.limit, "limit", 0, "train on the first N training samples only (0: all)")
	flag.IntVar(&o.testLimit, "test-limit", 0, "evaluate on the first N test samples only (0: all)")
	flag.IntVar(&o.seeds, "seeds", 0, "train with seeds 1..N and report the success rate and final outputs")
	flag.StringVar(&o.compare, "compare", "", "comma-separated recipes whose loss curves are drawn on one PNG")
	flag.IntVar(&o.evalBatch, "eval-batch", 1000, "batch size for evaluation")
	flag.BoolVar(&o.quiet, "q", false, "no progress line")
	flag.BoolVar(&o.print, "print", false, "print the recipe as JSON (a starting point for a recipe file) and exit")
	flag.StringVar(&o.eval, "eval", "", "model card (.json) of saved weights to evaluate on the test set instead of training")
	flag.Parse()
	if o.plots == "" {
		o.plots = o.out
	}
	var err error
	switch {
	case o.eval != "":
		var e *evaluation
		if e, err = evaluateCard(o.eval, o); err == nil {
			printEvaluation(os.Stdout, o.eval, e)
		}
	case o.print:
		err = printRecipe(o)
	case o.compare != "":
		err = compare(o, strings.Split(o.compare, ","))
	case o.seeds > 0:
		err = seedSweep(o)
	default:
		err = single(o)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

// loadRecipe returns a built-in recipe or one read from a JSON file, with
// the -epochs and -seed overrides applied.
func loadRecipe(name string, o options) (train.Recipe, error) {
	var r train.Recipe
	var err error
	if strings.HasSuffix(name, ".json") {
		b, rerr := os.ReadFile(name)
		if rerr != nil {
			return r, rerr
		}
		r, err = train.ParseRecipe(b)
	} else {
		r, err = train.Builtin(name)
	}
	if err != nil {
		return r, err
	}
	if o.epochs > 0 {
		r.Epochs = o.epochs
	}
	if o.seed >= 0 {
		r.Seed = uint64(o.seed)
	}
	return r, r.Validate()
}

// printRecipe writes the recipe, overrides applied, as indented JSON.
func printRecipe(o options) error {
	r, err := loadRecipe(o.recipe, o)
	if err != nil {
		return err
	}
	b, err := r.JSON()
	if err != nil {
		return err
	}
	_, err = fmt.Printf("%s\n", b)
	return err
}
