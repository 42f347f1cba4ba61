//go:build js && wasm

package webgpu_test

import (
	"fmt"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/webgpu"
)

// Tensors made on the WebGPU backend compute there; Data waits for the
// device and reads the result back.
func Example() {
	be, err := webgpu.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	a := core.FromSliceOn(be, []float32{1, 2, 3, 4}, 2, 2)
	b := core.FromSliceOn(be, []float32{5, 6, 7, 8}, 2, 2)
	fmt.Println(a.MM(b).ReLU().Data())
	// Output: [19 22 43 50]
}
