//go:build js && wasm

// Command wasm is the browser entry point of gograd, loaded by
// static/loader.js. This minimal version proves that core runs in the page:
// it computes a small sum with the CPU backend and publishes the result on
// window.gograd, the hook the end-to-end tests wait for.
package main

import (
	"syscall/js"

	"github.com/gograd/gograd/core"
)

func main() {
	sum := core.FromSlice([]float32{1, 2, 3, 4}, 2, 2).Sum().Item()
	cfg := js.Global().Get("gogradConfig")
	scene := ""
	if cfg.Truthy() && cfg.Get("scene").Truthy() {
		scene = cfg.Get("scene").String()
	}
	state := js.FuncOf(func(js.Value, []js.Value) any {
		return map[string]any{"backend": "cpu", "scene": scene, "check": float64(sum)}
	})
	js.Global().Set("gograd", map[string]any{"ready": true, "state": state})
	js.Global().Get("console").Call("log", "gograd: wasm started, core check sum =", float64(sum))
	select {}
}
