package data

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
)

// ImageOptions configure loading an ImageSet.
type ImageOptions struct {
	// Flat gives samples of shape [rows*cols] (784, for an MLP) instead of
	// [1, rows, cols] (for a CNN).
	Flat bool
	// Normalize maps a pixel p in [0, 255] to (p/255 - Mean) / Std with the
	// set's Mean and Std (0.1307 and 0.3081 for MNIST). Without it pixels
	// are p/255, in [0, 1].
	Normalize bool
	// Download fetches missing files from the mirrors into the directory.
	Download bool
	// Mirrors replace the set's own mirror base URLs when not nil.
	Mirrors []string
	// Client makes the downloads; nil means a client with a 10-minute
	// timeout.
	Client *http.Client
	// Context cancels downloads; nil means context.Background().
	Context context.Context
}

// Images is a loaded image set: N grey images of Rows×Cols bytes and their
// labels. It implements Dataset; samples are scaled (or normalized) as the
// options said, and targets are class indices.
type Images struct {
	Pixels     []byte // N*Rows*Cols, image after image, row-major
	Labels     []byte // N class indices
	Rows, Cols int
	Classes    int
	shape      []int
	scale      [256]float32 // pixel byte → input value
}

// LoadMNIST loads MNIST's training (train) or test images from dir; see
// ImageSet.Load.
func LoadMNIST(dir string, train bool, opts ImageOptions) (*Images, error) {
	return MNIST.Load(dir, train, opts)
}

// LoadFashionMNIST loads Fashion-MNIST's training or test images from dir;
// see ImageSet.Load.
func LoadFashionMNIST(dir string, train bool, opts ImageOptions) (*Images, error) {
	return FashionMNIST.Load(dir, train, opts)
}

// Load reads the training (train) or test images and labels of s from dir
// (resolved by s.Dir when empty). Each file may be gzip-compressed (Name.gz)
// or raw; it is checked against its SHA-256 and parsed strictly. A missing
// file is downloaded when opts.Download is set.
func (s ImageSet) Load(dir string, train bool, opts ImageOptions) (*Images, error) {
	dir, err := s.Dir(dir)
	if err != nil {
		return nil, err
	}
	imgFile, lblFile := s.TestImages, s.TestLabels
	if train {
		imgFile, lblFile = s.TrainImages, s.TrainLabels
	}
	img, err := s.read(dir, imgFile, opts)
	if err != nil {
		return nil, err
	}
	lbl, err := s.read(dir, lblFile, opts)
	if err != nil {
		return nil, err
	}
	if len(img.Dims) != 3 {
		return nil, fmt.Errorf("data: %s %s: dimensions %v, want [count rows cols]", s.Name, imgFile.Name, img.Dims)
	}
	if len(lbl.Dims) != 1 {
		return nil, fmt.Errorf("data: %s %s: dimensions %v, want [count]", s.Name, lblFile.Name, lbl.Dims)
	}
	if img.Dims[0] != lbl.Dims[0] {
		return nil, fmt.Errorf("data: %s: %s holds %d images but %s holds %d labels", s.Name, imgFile.Name, img.Dims[0], lblFile.Name, lbl.Dims[0])
	}
	classes := len(s.ClassNames)
	for i, l := range lbl.Data {
		if int(l) >= classes {
			return nil, fmt.Errorf("data: %s %s: label %d of sample %d is not a class (0 to %d)", s.Name, lblFile.Name, l, i, classes-1)
		}
	}
	im := &Images{Pixels: img.Data, Labels: lbl.Data, Rows: img.Dims[1], Cols: img.Dims[2], Classes: classes}
	im.shape = []int{1, im.Rows, im.Cols}
	if opts.Flat {
		im.shape = []int{im.Rows * im.Cols}
	}
	for p := range im.scale {
		v := float64(p) / 255
		if opts.Normalize {
			v = (v - s.Mean) / s.Std
		}
		im.scale[p] = float32(v)
	}
	return im, nil
}

// read returns the parsed IDX file f from dir, downloading it if allowed.
func (s ImageSet) read(dir string, f File, opts ImageOptions) (*IDX, error) {
	path, err := locate(dir, f)
	if err != nil {
		return nil, err
	}
	var raw []byte
	if path == "" {
		if !opts.Download {
			return nil, fmt.Errorf("data: %s file %s.gz (or %s) not found in %s; pass the directory that holds it, set %s, or allow downloading",
				s.Name, f.Name, f.Name, dir, s.EnvVar)
		}
		mirrors, client, ctx := s.Mirrors, opts.Client, opts.Context
		if opts.Mirrors != nil {
			mirrors = opts.Mirrors
		}
		if client == nil {
			client = defaultClient
		}
		if ctx == nil {
			ctx = context.Background()
		}
		path = filepath.Join(dir, f.Name+".gz")
		if raw, err = fetch(ctx, client, mirrors, dir, f); err != nil {
			return nil, err
		}
	} else {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("data: %w", err)
		}
		if raw, err = decode(f, path, b); err != nil {
			return nil, fmt.Errorf("data: %w", err)
		}
	}
	return ParseIDX(path, raw)
}

// Len implements Dataset.
func (im *Images) Len() int { return len(im.Labels) }

// SampleShape implements Dataset: [1, Rows, Cols], or [Rows*Cols] when
// loaded with Flat.
func (im *Images) SampleShape() []int { return slices.Clone(im.shape) }

// TargetShape implements Dataset: a class index per sample.
func (im *Images) TargetShape() []int { return []int{} }

// Fill implements Dataset.
func (im *Images) Fill(i int, x, y []float32) {
	n := im.Rows * im.Cols
	for j, p := range im.Pixels[i*n : (i+1)*n] {
		x[j] = im.scale[p]
	}
	y[0] = float32(im.Labels[i])
}

// Counts returns how many samples carry each label.
func (im *Images) Counts() []int {
	c := make([]int, im.Classes)
	for _, l := range im.Labels {
		c[l]++
	}
	return c
}
