package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// File names one file of an image set and the SHA-256 sums it is checked
// against (lower-case hex; an empty sum is not checked).
type File struct {
	// Name is the file name without ".gz", e.g. "train-images-idx3-ubyte".
	// A directory may hold Name+".gz" (preferred) or the raw Name.
	Name string
	// GzSHA256 is the sum of the published Name+".gz".
	GzSHA256 string
	// SHA256 is the sum of the decompressed IDX bytes. It accepts raw files,
	// and .gz files compressed anew from the same bytes.
	SHA256 string
}

// ImageSet describes an MNIST-style set of four IDX files: 28×28 grey
// images and their class labels, split into training and test data.
type ImageSet struct {
	Name                     string // for errors and messages
	TrainImages, TrainLabels File
	TestImages, TestLabels   File
	// Mirrors are base URLs tried in order for missing files (the file name
	// is appended).
	Mirrors []string
	// EnvVar names the environment variable holding the directory when
	// none is passed; CacheName is the folder under the user cache directory
	// used when neither is set.
	EnvVar, CacheName string
	// Mean and Std of the training pixels scaled to [0, 1], for Normalize.
	Mean, Std float64
	// ClassNames name the labels 0, 1, ...
	ClassNames []string
}

// MNIST is the handwritten-digit set by LeCun, Cortes and Burges
// (CC BY-SA 3.0). The .gz sums are the canonical ones (nixpkgs pins the
// same); the content sums are of the decompressed files, whose MD5s match
// the published ones.
var MNIST = ImageSet{
	Name: "MNIST",
	TrainImages: File{"train-images-idx3-ubyte",
		"440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
		"ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"},
	TrainLabels: File{"train-labels-idx1-ubyte",
		"3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
		"65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"},
	TestImages: File{"t10k-images-idx3-ubyte",
		"8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
		"0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"},
	TestLabels: File{"t10k-labels-idx1-ubyte",
		"f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
		"ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"},
	Mirrors: []string{
		"https://ossci-datasets.s3.amazonaws.com/mnist/",
		"http://yann.lecun.com/exdb/mnist/",
	},
	EnvVar:     "GOGRAD_DATA",
	CacheName:  "mnist",
	Mean:       0.1307,
	Std:        0.3081,
	ClassNames: []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"},
}

// FashionMNIST is Zalando's set of clothing images (MIT licence), a drop-in
// replacement for MNIST. Upstream publishes only MD5s of its .gz files, so
// only the content is checked: the sums are of the decompressed files as
// Debian's dataset-fashion-mnist package (0.0~git20200523) ships them,
// installed under /usr/share/datasets/fashion-mnist.
var FashionMNIST = ImageSet{
	Name:        "Fashion-MNIST",
	TrainImages: File{"train-images-idx3-ubyte", "", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"},
	TrainLabels: File{"train-labels-idx1-ubyte", "", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"},
	TestImages:  File{"t10k-images-idx3-ubyte", "", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"},
	TestLabels:  File{"t10k-labels-idx1-ubyte", "", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"},
	Mirrors: []string{
		"http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
	},
	EnvVar:    "GOGRAD_FASHION_DATA",
	CacheName: "fashion-mnist",
	Mean:      0.2860,
	Std:       0.3530,
	ClassNames: []string{"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
		"Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"},
}

// Dir resolves where the set's files live: dir when not empty, else the
// directory in the set's environment variable, else
// os.UserCacheDir()/gograd/CacheName.
func (s ImageSet) Dir(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	if d := os.Getenv(s.EnvVar); d != "" {
		return d, nil
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("data: no directory for %s given, %s is not set, and there is no user cache directory: %w", s.Name, s.EnvVar, err)
	}
	return filepath.Join(cache, "gograd", s.CacheName), nil
}

// Missing lists the files that dir holds neither gzipped nor raw, by the
// .gz names a user should put there; a file it cannot check counts as
// missing.
func Missing(dir string, files ...File) []string {
	var out []string
	for _, f := range files {
		if p, err := locate(dir, f); p == "" || err != nil {
			out = append(out, f.Name+".gz")
		}
	}
	return out
}

// locate returns the path of f in dir, preferring the .gz file, or "" when
// neither form exists.
func locate(dir string, f File) (string, error) {
	for _, name := range []string{f.Name + ".gz", f.Name} {
		p := filepath.Join(dir, name)
		st, err := os.Stat(p)
		switch {
		case err == nil && st.Mode().IsRegular():
			return p, nil
		case err == nil:
			return "", fmt.Errorf("data: %s is not a regular file", p)
		case !errors.Is(err, os.ErrNotExist):
			return "", fmt.Errorf("data: %w", err)
		}
	}
	return "", nil
}
