package data

import (
	"math"
	"sync"
	"testing"
)

var (
	loadedMu sync.Mutex
	loaded   = map[string]*Images{}
)

// loadShared loads a set with default options once per test binary, as the
// training sets take a while to decompress and check.
func loadShared(t *testing.T, set ImageSet, dir string, train bool) *Images {
	t.Helper()
	loadedMu.Lock()
	defer loadedMu.Unlock()
	key := set.Name + " " + dir + " " + map[bool]string{true: "train", false: "test"}[train]
	if im, ok := loaded[key]; ok {
		return im
	}
	im, err := set.Load(dir, train, ImageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	loaded[key] = im
	return im
}

// pixelStats is the mean and standard deviation of an image set's pixels
// scaled to [0, 1], from a histogram of the bytes.
func pixelStats(im *Images) (mean, std float64) {
	var hist [256]float64
	for _, p := range im.Pixels {
		hist[p]++
	}
	var n, s, sq float64
	for p, c := range hist {
		v := float64(p) / 255
		n += c
		s += c * v
		sq += c * v * v
	}
	mean = s / n
	return mean, math.Sqrt(sq/n - mean*mean)
}

// TestNormalizationConstants checks each set's Mean and Std against its
// training pixels (they are quoted to four digits).
func TestNormalizationConstants(t *testing.T) {
	for _, tc := range []struct {
		set ImageSet
		dir string
	}{{MNIST, mnistDir(t)}, {FashionMNIST, fashionDir(t)}} {
		im := loadShared(t, tc.set, tc.dir, true)
		mean, std := pixelStats(im)
		if math.Abs(mean-tc.set.Mean) > 5e-5 || math.Abs(std-tc.set.Std) > 5e-5 {
			t.Errorf("%s training pixels: mean %.5f std %.5f, constants say %v and %v", tc.set.Name, mean, std, tc.set.Mean, tc.set.Std)
		}
	}
}
