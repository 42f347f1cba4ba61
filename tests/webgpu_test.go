package tests

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// selfTestTimeout bounds the kernel self-test in Chromium: SwiftShader
// compiles each of some twenty pipelines in 0.3-1.6 s.
const selfTestTimeout = 3 * time.Minute

// selfTestReport mirrors webgpu/selftest's Report.
type selfTestReport struct {
	Done    bool
	Adapter string
	Seed    uint64
	Error   string
	Results []struct {
		Name  string
		OK    bool
		Error string
		MS    float64
	}
}

// serveSelfTest builds webgpu/selftest for js/wasm and serves it with its
// page and Go's wasm_exec.js, returning the page's URL.
func serveSelfTest(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	wasm := filepath.Join(dir, "selftest.wasm")
	build := exec.Command("go", "build", "-o", wasm, "./webgpu/selftest")
	build.Dir = repoRoot
	build.Env = append(build.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building webgpu/selftest: %v\n%s", err, out)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	files := map[string]string{
		"/":              filepath.Join(repoRoot, "webgpu", "selftest", "index.html"),
		"/selftest.wasm": wasm,
		"/wasm_exec.js":  filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"),
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		http.ServeFile(w, r, name)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

// TestWebGPUKernelsInChromium runs every WebGPU kernel against the CPU
// backend in headless Chromium (WebGPU on SwiftShader) on fresh random
// inputs, and fails on any mismatch, device error, or missing adapter.
func TestWebGPUKernelsInChromium(t *testing.T) {
	url := serveSelfTest(t)
	b := newBrowser(t)
	start := time.Now()
	b.open(t, url)
	ctx, cancel := context.WithTimeout(b.ctx, selfTestTimeout)
	defer cancel()
	r, err := chromedp.Run(ctx, chromedp.Poll[selfTestReport](`window.gogradSelfTest && window.gogradSelfTest.done ? window.gogradSelfTest : null`,
		chromedp.WithPollingInterval(200*time.Millisecond), chromedp.WithPollingTimeout(selfTestTimeout)))
	if err != nil {
		t.Fatalf("the self-test page did not finish: %v\nconsole errors:\n%s", err, b.consoleErrors())
	}
	t.Logf("adapter %q, seed %d, %d checks in %v", r.Adapter, r.Seed, len(r.Results), time.Since(start).Round(time.Millisecond))
	if r.Error != "" {
		t.Fatalf("self-test error: %s", r.Error)
	}
	if r.Adapter == "" {
		t.Fatal("the self-test page found no WebGPU adapter")
	}
	if len(r.Results) == 0 {
		t.Fatal("the self-test ran no checks")
	}
	for _, c := range r.Results {
		if c.OK {
			t.Logf("%-14s ok   %6.0f ms", c.Name, c.MS)
		} else {
			t.Errorf("%-14s FAIL %6.0f ms: %s", c.Name, c.MS, c.Error)
		}
	}
	b.checkConsole(t)
}
