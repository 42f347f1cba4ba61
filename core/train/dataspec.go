package train

import (
	"fmt"
	"slices"

	"github.com/gograd/gograd/core/data"
)

// DatasetNames lists the data sets a Recipe accepts.
var DatasetNames = []string{"xor", "noisy_xor", "circles", "gaussians", "spirals", "moons", "sine", "polynomial", "mnist", "fashion_mnist"}

// DataSpec names a recipe's data set and its settings.
type DataSpec struct {
	Name string `json:"name"`
	// N is the number of training points of a synthetic set (0: the set's
	// default); TestN the number of test points (0: N). XOR always has its
	// four points.
	N     int `json:"n,omitempty"`
	TestN int `json:"test_n,omitempty"`
	// Noise is the standard deviation of a synthetic set's noise; nil
	// means the set's default.
	Noise *float64 `json:"noise,omitempty"`
	// Classes is the number of spiral arms (default 3).
	Classes int `json:"classes,omitempty"`
	// Normalize standardises image pixels with the set's mean and standard
	// deviation instead of scaling them to [0, 1].
	Normalize bool `json:"normalize,omitempty"`
}

// MaxSyntheticPoints bounds N and TestN.
const MaxSyntheticPoints = 1_000_000

// synthetic defaults: points and noise.
var syntheticDefaults = map[string]struct {
	n     int
	noise float64
}{
	"xor": {4, 0}, "noisy_xor": {200, 0.15}, "circles": {200, 0.05}, "gaussians": {200, 0.5},
	"spirals": {300, 0.1}, "moons": {200, 0.1}, "sine": {100, 0.1}, "polynomial": {100, 0.1},
}

// IsImages reports whether the set is read from IDX image files.
func (d DataSpec) IsImages() bool { return d.Name == "mnist" || d.Name == "fashion_mnist" }

func (d DataSpec) validate() error {
	switch {
	case !slices.Contains(DatasetNames, d.Name):
		return fieldErr("data.name", "unknown data set %q (want one of %v)", d.Name, DatasetNames)
	case d.N < 0 || d.N > MaxSyntheticPoints:
		return fieldErr("data.n", "must be 0..%d, got %d", MaxSyntheticPoints, d.N)
	case d.TestN < 0 || d.TestN > MaxSyntheticPoints:
		return fieldErr("data.test_n", "must be 0..%d, got %d", MaxSyntheticPoints, d.TestN)
	case d.Noise != nil && !(*d.Noise >= 0 && *d.Noise <= 10):
		return fieldErr("data.noise", "must be 0..10, got %g", *d.Noise)
	case d.Classes < 0 || d.Classes > 16 || (d.Classes > 0 && d.Name != "spirals"):
		return fieldErr("data.classes", "only spirals take a class count (2..16), got %d for %q", d.Classes, d.Name)
	case d.Normalize && !d.IsImages():
		return fieldErr("data.normalize", "only image sets are normalised, not %q", d.Name)
	}
	if d.Name == "spirals" && d.Classes == 1 {
		return fieldErr("data.classes", "spirals need at least 2 classes")
	}
	return nil
}

// inputShape is the shape of one sample, or nil for image sets, which give
// either [784] or [1, 28, 28] as the network asks.
func (d DataSpec) inputShape() []int {
	switch {
	case d.IsImages():
		return nil
	case d.Name == "sine" || d.Name == "polynomial":
		return []int{1}
	}
	return []int{2}
}

// NumClasses is the number of classes, 0 for a regression set.
func (d DataSpec) NumClasses() int {
	switch d.Name {
	case "sine", "polynomial":
		return 0
	case "mnist", "fashion_mnist":
		return 10
	case "spirals":
		if d.Classes > 0 {
			return d.Classes
		}
		return 3
	}
	return 2
}

// Load returns the training and test sets. Image sets are read from dir
// (resolved as data.ImageSet.Dir does when empty), flat when the network
// input is [784], as [1, 28, 28] images otherwise. Synthetic sets are drawn
// from seed (training) and seed+1 (test); XOR's test set is its four points.
func (d DataSpec) Load(dir string, input []int, seed uint64) (trainSet, testSet data.Dataset, err error) {
	if trainSet, err = d.load(dir, input, seed, true); err != nil {
		return nil, nil, err
	}
	if testSet, err = d.load(dir, input, seed, false); err != nil {
		return nil, nil, err
	}
	return trainSet, testSet, nil
}

// LoadTest returns the test set alone, the same one Load returns.
func (d DataSpec) LoadTest(dir string, input []int, seed uint64) (data.Dataset, error) {
	return d.load(dir, input, seed, false)
}

func (d DataSpec) load(dir string, input []int, seed uint64, training bool) (data.Dataset, error) {
	if err := d.validate(); err != nil {
		return nil, err
	}
	if d.IsImages() {
		set := data.MNIST
		if d.Name == "fashion_mnist" {
			set = data.FashionMNIST
		}
		images, err := set.Load(dir, training, data.ImageOptions{Flat: len(input) == 1, Normalize: d.Normalize})
		if err != nil {
			return nil, err // not a nil *Images inside a non-nil Dataset
		}
		return images, nil
	}
	def := syntheticDefaults[d.Name]
	n, noise := def.n, def.noise
	if d.N > 0 {
		n = d.N
	}
	if d.Noise != nil {
		noise = *d.Noise
	}
	if !training {
		seed++
		if d.TestN > 0 {
			n = d.TestN
		}
	}
	switch d.Name {
	case "xor":
		return data.XOR(), nil
	case "noisy_xor":
		return data.NoisyXOR(n, noise, seed), nil
	case "circles":
		return data.Circles(n, 0.5, noise, seed), nil
	case "gaussians":
		return data.Gaussians(n, noise, seed), nil
	case "spirals":
		return data.Spirals(n, d.NumClasses(), noise, seed), nil
	case "moons":
		return data.Moons(n, noise, seed), nil
	case "sine":
		return data.SineRegression(n, noise, seed), nil
	case "polynomial":
		return data.PolynomialRegression(n, noise, seed), nil
	}
	panic(fmt.Sprintf("train: unvalidated data set %q", d.Name))
}
