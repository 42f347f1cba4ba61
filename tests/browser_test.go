package tests

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// readyTimeout bounds the wait for window.gograd.ready after navigation:
// download, compile and the first frame on SwiftShader.
const readyTimeout = 2 * time.Minute

// chromiumPath returns the browser to drive: GOGRAD_CHROMIUM, else Debian's.
func chromiumPath(t *testing.T) string {
	t.Helper()
	p := os.Getenv("GOGRAD_CHROMIUM")
	if p == "" {
		p = "/usr/bin/chromium"
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("no Chromium at %s (%v): run ./test.sh, which installs it, or set GOGRAD_CHROMIUM", p, err)
	}
	return p
}

// browser is a headless Chromium tab whose console is watched for errors.
type browser struct {
	ctx context.Context

	mu      sync.Mutex
	errors  []string
	allowed []string // console errors containing one of these are expected
}

// allowConsoleError makes console errors that contain text expected: the
// browser's own report of an HTTP error status the test asks for.
func (b *browser) allowConsoleError(text string) {
	b.mu.Lock()
	b.allowed = append(b.allowed, text)
	b.mu.Unlock()
}

// newBrowser starts headless Chromium with WebGPU and WebGL (SwiftShader)
// turned on and a fresh profile, plus any extra options. It is closed when
// the test ends.
func newBrowser(t *testing.T, extra ...chromedp.ExecAllocatorOption) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.NoSandbox,
		chromedp.UserDataDir(t.TempDir()),
		// Without these Chromium keeps calling home on a closed network.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("enable-unsafe-webgpu", true),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.WindowSize(800, 600),
	)
	opts = append(opts, extra...)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	b := &browser{ctx: ctx}
	// Subscribing starts the browser and the tab, so no message is lost.
	messages := chromedp.Console(ctx)
	watching := make(chan struct{})
	go func() {
		defer close(watching)
		for m, err := range messages {
			if err != nil {
				if !errors.Is(err, context.Canceled) {
					b.fail("console: " + err.Error())
				}
				return
			}
			t.Logf("console %s", m)
			if m.Type == chromedp.ConsoleError || m.IsException() {
				b.fail(m.String() + at(m))
			}
		}
	}()
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
		<-watching
	})
	return b
}

func at(m chromedp.ConsoleMessage) string {
	if m.URL == "" {
		return ""
	}
	return " (" + m.URL + ")"
}

func (b *browser) fail(msg string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, a := range b.allowed {
		if strings.Contains(msg, a) {
			return
		}
	}
	b.errors = append(b.errors, msg)
}

// consoleErrors returns the errors seen so far, one per line.
func (b *browser) consoleErrors() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return strings.Join(b.errors, "\n")
}

// open navigates to url at 800x600.
func (b *browser) open(t *testing.T, url string) {
	t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(800, 600), chromedp.Navigate(url)); err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
}

// openReady navigates to url at 800x600 and waits until the program sets
// window.gograd.ready, failing on a timeout or on any console error.
func (b *browser) openReady(t *testing.T, url string) {
	t.Helper()
	b.open(t, url)
	ctx, cancel := context.WithTimeout(b.ctx, readyTimeout)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!(window.gograd && window.gograd.ready)`,
		chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(readyTimeout)))
	if err != nil {
		msg, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(document.getElementById("message") || {}).textContent || ""`))
		t.Fatalf("%s never set window.gograd.ready: %v\nloading screen says: %q\nconsole errors:\n%s", url, err, msg, b.consoleErrors())
	}
	b.checkConsole(t)
}

// checkConsole fails the test if the page logged an error or threw.
func (b *browser) checkConsole(t *testing.T) {
	t.Helper()
	if errs := b.consoleErrors(); errs != "" {
		t.Fatalf("the page reported errors:\n%s", errs)
	}
}

// screenshot saves the viewport as artifacts/<test name>.png.
func (b *browser) screenshot(t *testing.T) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.MkdirAll("artifacts", 0o755); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join("artifacts", strings.ReplaceAll(t.Name(), "/", "_")+".png")
	if err := os.WriteFile(name, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: tests/%s", name)
}
