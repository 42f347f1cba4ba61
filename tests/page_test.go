package tests

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
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
}
