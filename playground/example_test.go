package playground_test

import (
	"errors"
	"fmt"

	"github.com/gograd/gograd/playground"
)

func ExampleSceneFromURL() {
	fmt.Println(playground.SceneFromURL("https://example.org/?scene=draw"))
	fmt.Println(playground.SceneFromURL("https://example.org/#train"))
	u, _ := playground.URLWithScene("https://example.org/?lang=en#scene=old", "draw")
	fmt.Println(u)
	// Output:
	// draw
	// train
	// https://example.org/?lang=en&scene=draw
}

// uniform is a stand-in model that is equally unsure about every digit.
type uniform struct{}

func (uniform) Predict(x []float32) ([]float32, error) {
	p := make([]float32, 10)
	for i := range p {
		p[i] = 0.1
	}
	return p, nil
}

func ExampleCatalog() {
	models := playground.Catalog{
		{Name: "MLP", Load: func() (playground.Predictor, error) { return uniform{}, nil }},
		{Name: "CNN", Load: func() (playground.Predictor, error) { return nil, errors.New("weights not found") }},
	}
	fmt.Println(models.Available())
	_, err := models.Load("CNN")
	fmt.Println(err)
	// Output:
	// [MLP CNN]
	// weights not found
}
