package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// testSite builds a static dir with a page, a wasm and its variants.
func testSite(t *testing.T) *fileServer {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, "index.html", "<p>index</p>", t0)
	writeFile(t, dir, "app.wasm", "\x00asm identity", t0)
	writeFile(t, dir, "app.wasm.br", "br body", t0)
	writeFile(t, dir, "app.wasm.gz", "gzip body", t0)
	writeFile(t, dir, "loader.js", "js", t0)
	writeFile(t, dir, "style.css", "css", t0)
	writeFile(t, dir, "models/w.safetensors", "weights", t0)
	writeFile(t, dir, "docs/index.html", "<p>docs</p>", t0)
	// An edited page whose compressed copy was not refreshed.
	writeFile(t, dir, "embed.html", "<p>new</p>", t0.Add(time.Hour))
	writeFile(t, dir, "embed.html.gz", "old gzip", t0)
	writeFile(t, dir, ".secret", "no", t0)
	s, err := newFileServer(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func get(s http.Handler, method, path string, header map[string]string) *http.Response {
	req := httptest.NewRequest(method, path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, r *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestServeContent(t *testing.T) {
	s := testSite(t)
	tests := []struct {
		path, accept string
		wantType     string
		wantEncoding string
		wantBody     string
	}{
		{"/", "", "text/html; charset=utf-8", "", "<p>index</p>"},
		{"/index.html", "", "text/html; charset=utf-8", "", "<p>index</p>"},
		{"/docs/", "", "text/html; charset=utf-8", "", "<p>docs</p>"},
		{"/docs", "", "text/html; charset=utf-8", "", "<p>docs</p>"},
		{"/app.wasm", "", "application/wasm", "", "\x00asm identity"},
		{"/app.wasm", "gzip, deflate, br", "application/wasm", "br", "br body"},
		{"/app.wasm", "gzip", "application/wasm", "gzip", "gzip body"},
		{"/app.wasm", "br;q=0, gzip", "application/wasm", "gzip", "gzip body"},
		{"/app.wasm", "deflate", "application/wasm", "", "\x00asm identity"},
		{"/loader.js", "br", "text/javascript; charset=utf-8", "", "js"},
		{"/style.css", "", "text/css; charset=utf-8", "", "css"},
		{"/models/w.safetensors", "", "application/octet-stream", "", "weights"},
		// The stale gzip copy must not be served in place of the edited page.
		{"/embed.html", "gzip", "text/html; charset=utf-8", "", "<p>new</p>"},
	}
	for _, tt := range tests {
		r := get(s, "GET", tt.path, map[string]string{"Accept-Encoding": tt.accept})
		if r.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d", tt.path, r.StatusCode)
			continue
		}
		h := r.Header
		if got := h.Get("Content-Type"); got != tt.wantType {
			t.Errorf("GET %s: Content-Type %q, want %q", tt.path, got, tt.wantType)
		}
		if got := h.Get("Content-Encoding"); got != tt.wantEncoding {
			t.Errorf("GET %s (Accept-Encoding %q): Content-Encoding %q, want %q", tt.path, tt.accept, got, tt.wantEncoding)
		}
		if got := body(t, r); got != tt.wantBody {
			t.Errorf("GET %s (Accept-Encoding %q): body %q, want %q", tt.path, tt.accept, got, tt.wantBody)
		}
		if h.Get("Vary") != "Accept-Encoding" || h.Get("Cache-Control") != "no-cache" || h.Get("ETag") == "" {
			t.Errorf("GET %s: Vary %q, Cache-Control %q, ETag %q", tt.path, h.Get("Vary"), h.Get("Cache-Control"), h.Get("ETag"))
		}
	}
}

func TestDecodedLength(t *testing.T) {
	r := get(testSite(t), "GET", "/app.wasm", map[string]string{"Accept-Encoding": "br"})
	if got, want := r.Header.Get("X-Decoded-Length"), "13"; got != want {
		t.Errorf("X-Decoded-Length = %q, want %q (the identity size)", got, want)
	}
}

func TestETag(t *testing.T) {
	s := testSite(t)
	br := get(s, "GET", "/app.wasm", map[string]string{"Accept-Encoding": "br"}).Header.Get("ETag")
	gz := get(s, "GET", "/app.wasm", map[string]string{"Accept-Encoding": "gzip"}).Header.Get("ETag")
	id := get(s, "GET", "/app.wasm", nil).Header.Get("ETag")
	if br == gz || br == id || gz == id {
		t.Errorf("the encodings share ETags: br %s, gzip %s, identity %s", br, gz, id)
	}
	if again := get(s, "GET", "/app.wasm", map[string]string{"Accept-Encoding": "br"}).Header.Get("ETag"); again != br {
		t.Errorf("ETag changed between requests: %s then %s", br, again)
	}

	r := get(s, "GET", "/app.wasm", map[string]string{"Accept-Encoding": "br", "If-None-Match": br})
	if r.StatusCode != http.StatusNotModified {
		t.Fatalf("If-None-Match with the current ETag: status %d, want 304", r.StatusCode)
	}
	if b := body(t, r); b != "" {
		t.Errorf("304 has a body: %q", b)
	}
	r = get(s, "GET", "/app.wasm", map[string]string{"Accept-Encoding": "gzip", "If-None-Match": br})
	if r.StatusCode != http.StatusOK || body(t, r) != "gzip body" {
		t.Errorf("If-None-Match with another encoding's ETag: status %d, want 200 with the gzip body", r.StatusCode)
	}
}

func TestETagFollowsContent(t *testing.T) {
	s := testSite(t)
	before := get(s, "GET", "/loader.js", nil).Header.Get("ETag")
	root := s.root.Name()
	writeFile(t, root, "loader.js", "js v2", t0.Add(time.Minute))
	after := get(s, "GET", "/loader.js", nil).Header.Get("ETag")
	if before == after {
		t.Errorf("ETag %s did not change when loader.js changed", before)
	}
}

func TestNotFound(t *testing.T) {
	s := testSite(t)
	for _, p := range []string{"/missing.js", "/.secret", "/../index.html/x", "/models/", "/app.wasm/x", "/%2e%2e/etc/passwd"} {
		if r := get(s, "GET", p, nil); r.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", p, r.StatusCode)
		}
	}
}

func TestMethods(t *testing.T) {
	s := testSite(t)
	r := get(s, "HEAD", "/app.wasm", map[string]string{"Accept-Encoding": "br"})
	if r.StatusCode != http.StatusOK || r.Header.Get("Content-Encoding") != "br" || body(t, r) != "" {
		t.Errorf("HEAD: status %d, encoding %q", r.StatusCode, r.Header.Get("Content-Encoding"))
	}
	if r := get(s, "POST", "/", nil); r.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", r.StatusCode)
	}
}
