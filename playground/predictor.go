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

// Sample is one MNIST test digit: 784 values in [0,1], its label, and its
// index in the test set.
type Sample struct {
	Pixels []float32
	Label  int
	Index  int
}

// SampleSource hands out random MNIST test digits; Sample may block (a
// network fetch) and runs off the frame loop.
type SampleSource interface {
	Sample() (Sample, error)
}

// ErrNoSamples is what a SampleSource returns when it has no data.
var ErrNoSamples = errors.New("no MNIST samples available")

// Explainer is a Predictor that can also show what in its input led to an
// answer. The Draw scene asks for an explanation of the class it predicted,
// right after the prediction and off the frame loop.
type Explainer interface {
	Explain(x []float32, class int) (*Explanation, error)
}

// Explanation is a titled row of small images, such as the first-layer
// weights that pushed the predicted class up, or the feature maps of a
// convolution.
type Explanation struct {
	// Kind is a short id for the page API ("weights", "features").
	Kind  string
	Title string
	Tiles []Tile
}

// Tile is one small image of an Explanation. Pix holds W*H values: in
// [-1,1] when Signed (negative and positive drawn in two colours), else in
// [0,1].
type Tile struct {
	W, H   int
	Pix    []float32
	Signed bool
	Label  string
}
