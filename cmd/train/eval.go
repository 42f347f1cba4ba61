package main

import (
	"fmt"
	"io"

	"github.com/gograd/gograd/core/data"
	"github.com/gograd/gograd/core/train"
)

// evaluation is a saved model scored on its test set.
type evaluation struct {
	card      train.ModelCard
	testSet   data.Dataset
	loss      float64
	accuracy  float64
	confusion [][]int // nil for regression
}

// evaluateCard loads the model a card describes and scores it on the test
// set of the card's recipe, read from o.dataDir (first o.testLimit samples
// when set), in batches of o.evalBatch.
func evaluateCard(cardPath string, o options) (*evaluation, error) {
	card, model, err := openModel(cardPath)
	if err != nil {
		return nil, err
	}
	r := card.Training
	testSet, err := r.Data.LoadTest(o.dataDir, card.Spec.Input, r.Seed)
	if err != nil {
		return nil, err
	}
	if o.testLimit > 0 {
		testSet = data.First(testSet, o.testLimit)
	}
	ev := card.Evaluator(model)
	e := &evaluation{card: card, testSet: testSet}
	sc := ev.Score(testSet, o.evalBatch, r.Data.NumClasses())
	e.loss, e.accuracy, e.confusion = sc.Loss, sc.Accuracy, sc.Confusion
	return e, nil
}

// printEvaluation reports the test loss, accuracy and confusion matrix
// beside the figures the card recorded at training time.
func printEvaluation(w io.Writer, path string, e *evaluation) {
	c := e.card
	fmt.Fprintf(w, "%s: %s, %d parameters, trained %d epochs (seed %d)\n", path, c.Recipe, c.Params, c.Epochs, c.Seed)
	fmt.Fprintf(w, "test loss %.4f", e.loss)
	if c.TestLoss != nil {
		fmt.Fprintf(w, " (card: %.4f)", *c.TestLoss)
	}
	if e.confusion != nil {
		fmt.Fprintf(w, ", test accuracy %.2f%%", 100*e.accuracy)
		if c.TestAccuracy != nil {
			fmt.Fprintf(w, " (card: %.2f%%)", 100**c.TestAccuracy)
		}
	}
	fmt.Fprintf(w, " on %d samples\n", e.testSet.Len())
	if e.confusion != nil {
		fmt.Fprint(w, formatConfusion(e.confusion))
	}
}
