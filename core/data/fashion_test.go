package data

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// fashionDir is where Debian's dataset-fashion-mnist package installs the
// Fashion-MNIST files, unless GOGRAD_FASHION_DATA says otherwise. Missing
// data fails the test.
func fashionDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("GOGRAD_FASHION_DATA")
	if dir == "" {
		dir = "/usr/share/datasets/fashion-mnist"
	}
	if _, err := os.Stat(filepath.Join(dir, FashionMNIST.TestImages.Name+".gz")); err != nil {
		t.Fatalf("Fashion-MNIST test data missing: %v (apt-get install dataset-fashion-mnist, or set GOGRAD_FASHION_DATA)", err)
	}
	return dir
}

func TestFashionMNIST(t *testing.T) {
	dir := fashionDir(t)
	for _, tc := range []struct {
		train   bool
		n, each int
	}{{true, 60000, 6000}, {false, 10000, 1000}} {
		im := loadShared(t, FashionMNIST, dir, tc.train)
		// Fashion-MNIST is balanced: every class has the same count.
		want := slices.Repeat([]int{tc.each}, 10)
		if im.Len() != tc.n || !slices.Equal(im.Counts(), want) {
			t.Errorf("train=%v: %d images with counts %v, want %d with %v", tc.train, im.Len(), im.Counts(), tc.n, want)
		}
		if !slices.Equal(im.SampleShape(), []int{1, 28, 28}) || len(FashionMNIST.ClassNames) != im.Classes {
			t.Errorf("train=%v: sample shape %v, %d class names for %d classes", tc.train, im.SampleShape(), len(FashionMNIST.ClassNames), im.Classes)
		}
	}
	flat, err := LoadFashionMNIST(dir, false, ImageOptions{Flat: true})
	if err != nil || !slices.Equal(flat.SampleShape(), []int{784}) {
		t.Errorf("flat Fashion-MNIST: %v", err)
	}
	// The MNIST files are not Fashion-MNIST: the content sums catch it.
	if _, err := LoadFashionMNIST(mnistDir(t), false, ImageOptions{}); err == nil {
		t.Error("the MNIST files passed as Fashion-MNIST")
	}
}
