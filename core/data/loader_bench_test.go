package data

import "testing"

// BenchmarkLoaderMNIST measures one shuffled batch of 100 flat MNIST
// images: gathering, scaling and making the two tensors.
func BenchmarkLoaderMNIST(b *testing.B) {
	dir := mnistDir(b)
	im, err := LoadMNIST(dir, false, ImageOptions{Flat: true, Normalize: true})
	if err != nil {
		b.Fatal(err)
	}
	dl := NewDataLoader(im, 100, LoaderOptions{Shuffle: true, Seed: 1})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, ok := dl.Next(); !ok {
			dl.Next()
		}
	}
}
