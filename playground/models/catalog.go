package models

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/gograd/gograd/playground"
)

// IndexPath is where the list of models lives, relative to the site root.
const IndexPath = "models/index.json"

// Fetch returns the bytes of a file given by its path relative to the site
// root, such as "models/mlp.json": the browser's fetch on the page, a file
// read in tests and on the desktop.
type Fetch func(path string) ([]byte, error)

// DirFetch reads paths from the static directory dir.
func DirFetch(dir string) Fetch {
	return func(path string) ([]byte, error) {
		return os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
	}
}

// Load fetches the card models/NAME.json and the weights it names, and
// builds the network. Errors name the file at fault; the page puts the
// model's name before them.
func Load(name string, fetch Fetch) (*Net, error) {
	if !modelName.MatchString(name) {
		return nil, fmt.Errorf("%w: model name %q must be 1 to 32 of a-z, 0-9, _ and -", ErrCard, name)
	}
	cardPath := "models/" + name + ".json"
	b, err := fetch(cardPath)
	if err != nil {
		return nil, err
	}
	card, err := ParseCard(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cardPath, err)
	}
	w, err := fetch("models/" + card.Weights)
	if err != nil {
		return nil, err
	}
	return NewNet(name, card, w)
}

// LoadIndex fetches and parses models/index.json.
func LoadIndex(fetch Fetch) ([]string, error) {
	b, err := fetch(IndexPath)
	if err != nil {
		return nil, fmt.Errorf("the model list: %w", err)
	}
	names, err := ParseIndex(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", IndexPath, err)
	}
	return names, nil
}

// Catalog offers the named models, each fetched and built when chosen.
func Catalog(names []string, fetch Fetch) playground.Catalog {
	c := make(playground.Catalog, len(names))
	for i, n := range names {
		c[i] = playground.ModelEntry{Name: n, Load: func() (playground.Predictor, error) {
			net, err := Load(n, fetch)
			if err != nil {
				return nil, err
			}
			return net, nil
		}}
	}
	return c
}
