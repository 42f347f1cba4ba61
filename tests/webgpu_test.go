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

	"github.com/chromedp/cdproto/page"
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

// TestPageChoosesBackend checks the backend the playground page picks at
// startup and shows as gograd.backend: WebGPU (SwiftShader) in a Chromium
// that has it, the CPU where requestAdapter gives no adapter (Chromium
// without --enable-unsafe-webgpu on a machine with no GPU) or where
// navigator.gpu does not exist (removed before any script runs), each time
// without a console error.
func TestPageChoosesBackend(t *testing.T) {
	url := startServe(t)
	cases := []struct {
		name   string
		opts   []chromedp.ExecAllocatorOption
		script string
		want   string
	}{
		{"webgpu", nil, "", "webgpu: swiftshader"},
		{"no adapter", []chromedp.ExecAllocatorOption{chromedp.Flag("enable-unsafe-webgpu", false)}, "", "cpu: webgpu: no adapter"},
		{"no navigator.gpu", nil, "delete Navigator.prototype.gpu;", "cpu: webgpu: navigator.gpu is missing"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := newBrowser(t, tc.opts...)
			if tc.script != "" {
				_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: tc.script})
				if err != nil {
					t.Fatal(err)
				}
			}
			b.openReady(t, url)
			ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
			defer cancel()
			got, err := chromedp.Run(ctx, chromedp.Poll[string](`window.gograd.backend || null`,
				chromedp.WithPollingInterval(100*time.Millisecond)))
			if err != nil {
				t.Fatalf("gograd.backend never set: %v", err)
			}
			t.Logf("gograd.backend = %q", got)
			if !strings.HasPrefix(got, tc.want) {
				t.Errorf("gograd.backend = %q, want it to start with %q", got, tc.want)
			}
			b.checkConsole(t)
		})
	}
}
