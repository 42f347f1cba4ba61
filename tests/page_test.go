package tests

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gograd/gograd/playground"
)

// eval runs a JavaScript expression in the page and returns its value.
func eval[T any](t *testing.T, b *browser, expr string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// checkStarted asserts what every page shows once the program is ready.
func checkStarted(t *testing.T, b *browser) {
	t.Helper()
	if eval[bool](t, b, `document.getElementById("loading") !== null`) {
		t.Error("the loading screen is still there after the program became ready")
	}
	if eval[string](t, b, `typeof window.gograd.state`) != "function" {
		t.Error("window.gograd.state is not a function")
	}
	if eval[bool](t, b, `window.gograd.state() == null`) {
		t.Error("window.gograd.state() returned nothing")
	}
	b.checkConsole(t)
	b.screenshot(t)
}

func TestPageLoads(t *testing.T) {
	url := startServe(t)
	b := newBrowser(t)
	b.openReady(t, url)
	checkStarted(t, b)
	if eval[bool](t, b, `window.gogradConfig.embed`) {
		t.Error("index.html says it is embedded")
	}
}

func TestEmbedPageTakesSceneFromQuery(t *testing.T) {
	url := startServe(t)
	b := newBrowser(t)
	b.openReady(t, url+"embed.html?scene=xor")
	checkStarted(t, b)
	if !eval[bool](t, b, `window.gogradConfig.embed === true`) {
		t.Error("embed.html does not set gogradConfig.embed")
	}
	if got := eval[string](t, b, `window.gogradConfig.scene`); got != "xor" {
		t.Errorf("gogradConfig.scene = %q, want %q from ?scene=xor", got, "xor")
	}
}

func TestExportedSiteLoads(t *testing.T) {
	dir := exportSite(t)
	// A plain file server, as a static host would be: no cmd/serve logic.
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	b := newBrowser(t)
	b.openReady(t, srv.URL+"/")
	checkStarted(t, b)
	// The models come with the site: draw a digit and read it.
	drawStrokes(t, b, handwriting[3])
	st := waitState(t, b, "the mlp's prediction", predicted("mlp"))
	if *st.Predicted != 3 {
		t.Errorf("the exported site reads the handwritten 3 as %d", *st.Predicted)
	}
	// Samples need the server: the button says so.
	click(t, b, "sample")
	st = waitState(t, b, "the sample button's answer", func(st playground.State) bool {
		return st.Message != "" && !strings.Contains(st.Message, "fetching")
	})
	if !strings.Contains(st.Message, "need the gograd server") {
		t.Errorf("the sample button says %q", st.Message)
	}
	saveScreenshot(t, b, "sample")
	b.checkConsole(t)
}

// TestBrokenModelIsExplained serves a site whose model weights are
// damaged: the page must keep running and say what went wrong.
func TestBrokenModelIsExplained(t *testing.T) {
	dir := exportSite(t)
	if err := os.WriteFile(filepath.Join(dir, "models", "mlp.safetensors"), []byte("not weights"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	b := newBrowser(t)
	b.openReady(t, srv.URL+"/")
	st := waitState(t, b, "the load error", func(st playground.State) bool { return strings.Contains(st.Message, "could not load mlp") })
	if !strings.Contains(st.Message, "safetensors") || st.Model != nil {
		t.Errorf("state after a failed load: %s", summary(st))
	}
	drawStrokes(t, b, handwriting[1]) // drawing still works
	if st := state(t, b); st.Probs != nil || st.Predicted != nil {
		t.Errorf("a prediction without a model: %s", summary(st))
	}
	saveScreenshot(t, b, "error")
	b.checkConsole(t)
}

// TestWasmIsCompressed checks, through the browser's own resource timing,
// that Chromium received the wasm compressed.
func TestWasmIsCompressed(t *testing.T) {
	url := startServe(t)
	b := newBrowser(t)
	b.openReady(t, url)
	sizes := eval[[]float64](t, b, `(() => {
		const e = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/gograd.wasm"));
		return e ? [e.encodedBodySize, e.decodedBodySize] : [];
	})()`)
	if len(sizes) != 2 {
		t.Fatal("the page has no resource timing entry for gograd.wasm")
	}
	if enc, dec := sizes[0], sizes[1]; !(enc > 0 && enc < dec/2) {
		t.Errorf("gograd.wasm came as %.0f bytes for %.0f decoded; want less than half", enc, dec)
	}
}

// TestMissingWebGL2IsExplained starts Chromium with WebGL turned off: the
// loading screen must say so instead of failing somewhere in the wasm.
func TestMissingWebGL2IsExplained(t *testing.T) {
	url := startServe(t)
	b := newBrowser(t, chromedp.Flag("disable-3d-apis", true))
	b.open(t, url)
	ctx, cancel := context.WithTimeout(b.ctx, readyTimeout)
	defer cancel()
	msg, err := chromedp.Run(ctx, chromedp.Poll[string](
		`document.querySelector("#loading.error") && document.getElementById("message").textContent`,
		chromedp.WithPollingInterval(100*time.Millisecond)))
	if err != nil {
		t.Fatalf("no error on the loading screen: %v", err)
	}
	if !strings.Contains(msg, "WebGL2") {
		t.Errorf("loading screen says %q; want it to name WebGL2", msg)
	}
	if errs := b.consoleErrors(); !strings.Contains(errs, "WebGL2") {
		t.Errorf("console errors %q do not name WebGL2", errs)
	}
	if eval[bool](t, b, `window.gograd !== undefined`) {
		t.Error("the program started although WebGL2 is missing")
	}
}
