// Package playground is the interactive part of gograd: an App that hosts
// Scenes under a top bar of tabs, keeps the current scene's name in the URL,
// and the Draw scene, where a learner draws a digit, sees the 28x28 input a
// network would get and that network's ten class probabilities.
//
// The App speaks only ui.Input and ui.Canvas, so it has no Ebiten types and
// is tested with plain `go test`; playground/gfx adapts it to Ebiten for the
// browser page (wasm/) and the desktop build (cmd/playground).
//
// Models plug in through Models (a Catalog of named loaders will do): a
// Predictor takes the 784 preprocessed pixels in [0,1] and returns ten
// probabilities, applying its own input normalization; one that is also an
// Explainer gets its explanation drawn under the bars. playground/models
// provides both from the model cards under static/models. MNIST test digits
// arrive through a SampleSource (cmd/serve's /api/sample in the page, see
// SampleResponse). Loading, inference and fetching run off the frame loop
// and hand their results back through an inbox, so a slow model never
// freezes drawing. Without a model the scene says so and shows no numbers.
package playground
