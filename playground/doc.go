// Package playground is the interactive part of gograd: an App that hosts
// Scenes under a top bar of tabs, keeps the current scene's name in the URL,
// and the Draw scene, where a learner draws a digit, sees the 28x28 input a
// network would get and that network's ten class probabilities.
//
// The App speaks only ui.Input and ui.Canvas, so it has no Ebiten types and
// is tested with plain `go test`; playground/gfx adapts it to Ebiten for the
// browser page (wasm/) and the desktop build (cmd/playground). Models and
// MNIST samples arrive through the Models and SampleSource interfaces, and
// slow work (loading, inference, fetching) runs off the frame loop.
package playground
