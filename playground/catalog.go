package playground

import "fmt"

// ModelEntry names a model and how to load it.
type ModelEntry struct {
	Name string
	Load func() (Predictor, error)
}

// Catalog is a Models made of a fixed list, in the order the dropdown
// shows them. The page builds one from the models it can actually load.
type Catalog []ModelEntry

// Available lists the entries' names.
func (c Catalog) Available() []string {
	out := make([]string, len(c))
	for i, e := range c {
		out[i] = e.Name
	}
	return out
}

// Load runs the named entry's loader.
func (c Catalog) Load(name string) (Predictor, error) {
	for _, e := range c {
		if e.Name == name {
			return e.Load()
		}
	}
	return nil, fmt.Errorf("no model named %q (have %v)", name, c.Available())
}
