// Command playground measures the playground page in headless Chromium and
// prints the Playground tables of bench/README.md:
//
//	go run ./bench/playground [-n 60] [-loads 5]
//
// It prepares the site as cmd/serve does (building the wasm with its
// flags), copies it to a temporary folder and serves that with cmd/serve on
// a free loopback port. It reports the size of gograd.wasm raw and as
// served (gzip, brotli); the time from navigation to the first frame the
// program draws (window.gograd.readyAt, performance.now() at that frame),
// in a fresh browser profile and again on reload; and, for each model the
// page offers, the time Predict takes on one drawn digit, as the page
// measures it around Predict (state.latencyMs, from performance.now()),
// over n drawings.
package main
