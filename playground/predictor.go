package playground

import "errors"

// Predictor classifies one digit: x holds the 784 values of a 28x28 image
// in [0,1] (0 = paper), row-major, as digit.Preprocess makes them; the
// result is 10 probabilities summing to 1. A Predictor applies whatever
// input normalization its model was trained with.
type Predictor interface {
	Predict(x []float32) ([]float32, error)
}

// Models lists the classifiers that can be loaded and loads one by name.
// Load may be slow (fetching weights) and runs off the frame loop.
type Models interface {
	Available() []string
	Load(name string) (Predictor, error)
}

// Sample is one MNIST test digit: 784 values in [0,1] and its label.
type Sample struct {
	Pixels []float32
	Label  int
}

// SampleSource hands out random MNIST test digits; Sample may block (a
// network fetch) and runs off the frame loop.
type SampleSource interface {
	Sample() (Sample, error)
}

// ErrNoSamples is what a SampleSource returns when it has no data.
var ErrNoSamples = errors.New("no MNIST samples available")
