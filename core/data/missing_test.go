package data

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestMissing(t *testing.T) {
	dir := t.TempDir()
	images, labels := MNIST.TestImages, MNIST.TestLabels
	// The images gzipped, the labels absent, a directory in place of the training labels.
	if err := os.WriteFile(filepath.Join(dir, images.Name+".gz"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, MNIST.TrainLabels.Name+".gz"), 0o755); err != nil {
		t.Fatal(err)
	}
	got := Missing(dir, images, labels, MNIST.TrainLabels)
	want := []string{labels.Name + ".gz", MNIST.TrainLabels.Name + ".gz"}
	if !slices.Equal(got, want) {
		t.Errorf("Missing = %v, want %v", got, want)
	}
	// A raw file counts as present too.
	if err := os.WriteFile(filepath.Join(dir, labels.Name), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Missing(dir, images, labels); len(got) != 0 {
		t.Errorf("Missing = %v, want none", got)
	}
}
