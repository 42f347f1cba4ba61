// Command serve builds gograd's WebAssembly and serves the playground.
//
//	go run ./cmd/serve                  # http://127.0.0.1:8080
//	go run ./cmd/serve -port 0          # any free port; the URL is logged
//	go run ./cmd/serve -export DIR      # write a static site to DIR and exit
//	go run ./cmd/serve -data DIR        # MNIST test digits for the Sample button from DIR
//
// On start it rebuilds static/gograd.wasm (from ./wasm) and static/worker.wasm
// (from ./wasm/worker, when that package exists) if any source they may depend
// on is newer, copies the Go toolchain's wasm_exec.js next to them, and writes
// gzip and brotli copies of the text and wasm files that are stale.
//
// Files are served with explicit MIME types (application/wasm included), the
// best precompressed variant the client accepts (br, then gzip, then
// identity), a content-hash ETag so that revalidation is a 304, and
// Cache-Control: no-cache, because file names carry no version.
//
// GET /api/sample answers with a random MNIST test digit as JSON (see
// playground.SampleResponse), GET /api/sample?i=N with digit N. The test
// files come from -data DIR, else $GOGRAD_DATA, else the user cache
// directory, and are read on the first request; without them the answer is
// a JSON error (HTTP 503) saying where to put them. An exported site has
// no server, so -export writes api/sample as a JSON note saying that
// samples need one, which the page shows.
package main
