package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gograd/gograd/playground"
)

// newBrowser starts headless Chromium with the flags tests/ uses (see
// BROWSER.md) and a fresh profile; cancel ends it.
func newBrowser(chromium string) (context.Context, context.CancelFunc, error) {
	dir, err := os.MkdirTemp("", "gograd-bench-chromium-")
	if err != nil {
		return nil, nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium), chromedp.NoSandbox, chromedp.UserDataDir(dir),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("enable-unsafe-webgpu", true), chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.WindowSize(800, 600))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 5*time.Minute)
	return ctx, func() { cancelT(); cancelB(); cancelA(); os.RemoveAll(dir) }, nil
}

// loadTimes are the milestones of one page load in ms since navigation.
type loadTimes struct {
	Wasm         float64 `json:"wasm"`         // gograd.wasm fully received
	Instantiated float64 `json:"instantiated"` // compiled and instantiated
	Ready        float64 `json:"ready"`        // first frame drawn
}

// open navigates to url at 800x600, waits for the first frame and returns
// the load's milestones.
func open(ctx context.Context, url string) (loadTimes, error) {
	var lt loadTimes
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(800, 600), chromedp.Navigate(url)); err != nil {
		return lt, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!(window.gograd && window.gograd.ready)`,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(2*time.Minute))); err != nil {
		return lt, err
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify({
		wasm: (performance.getEntriesByType("resource").find((e) => e.name.endsWith("/gograd.wasm")) || {}).responseEnd || 0,
		instantiated: (performance.getEntriesByName("gograd:instantiated")[0] || {}).startTime || 0,
		ready: window.gograd.readyAt})`))
	if err != nil {
		return lt, err
	}
	return lt, json.Unmarshal([]byte(raw), &lt)
}

// printFirstFrame times navigation to the first frame: cold in a fresh
// profile, then warm on a second navigation in the same browser.
func printFirstFrame(chromium, url string, loads int) error {
	var cold, warm []loadTimes
	for range loads {
		ctx, cancel, err := newBrowser(chromium)
		if err != nil {
			return err
		}
		c, err := open(ctx, url)
		if err == nil {
			var w loadTimes
			w, err = open(ctx, url+"?again")
			cold, warm = append(cold, c), append(warm, w)
		}
		cancel()
		if err != nil {
			return err
		}
	}
	fmt.Println("| page load, 800x600, localhost (median ms since navigation) | wasm received | instantiated | first frame | first frame min–max | loads |")
	fmt.Println("|---|---:|---:|---:|---:|---:|")
	for _, r := range []struct {
		name string
		v    []loadTimes
	}{{"fresh profile (nothing cached)", cold}, {"second load (HTTP cache revalidated)", warm}} {
		pick := func(f func(loadTimes) float64) []float64 {
			out := make([]float64, len(r.v))
			for i, t := range r.v {
				out[i] = f(t)
			}
			return out
		}
		ready := pick(func(t loadTimes) float64 { return t.Ready })
		fmt.Printf("| %s | %.0f | %.0f | %.0f | %.0f–%.0f | %d |\n", r.name,
			median(pick(func(t loadTimes) float64 { return t.Wasm })),
			median(pick(func(t loadTimes) float64 { return t.Instantiated })),
			median(ready), slices.Min(ready), slices.Max(ready), len(r.v))
	}
	fmt.Println()
	return nil
}

// printLatency draws n digits per model with gograd.stroke and collects
// the latency the page measured around each Predict.
func printLatency(chromium, url string, n int) error {
	ctx, cancel, err := newBrowser(chromium)
	if err != nil {
		return err
	}
	defer cancel()
	if _, err := open(ctx, url); err != nil {
		return err
	}
	names, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.gograd.models()`))
	if err != nil {
		return err
	}
	fmt.Println("| model | Predict median ms | p90 | min | max | drawings |")
	fmt.Println("|---|---:|---:|---:|---:|---:|")
	for _, m := range names {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](fmt.Sprintf(`window.gograd.setModel(%q)`, m))); err != nil {
			return err
		}
		var lat []float64
		for i := range n {
			// A different stroke each time, so each is a new input.
			x0 := 90 + float64(i%50)
			st := fmt.Sprintf(`[[%g, 50], [%g, 140], [%g, 230]]`, x0, x0+30, x0+10)
			js := fmt.Sprintf(`window.gograd.clear(); window.gograd.stroke(%s)`, st)
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](js)); err != nil {
				return err
			}
			s, err := waitPrediction(ctx, m, float32(x0))
			if err != nil {
				return fmt.Errorf("%s drawing %d: %w", m, i, err)
			}
			lat = append(lat, *s.LatencyMs)
		}
		slices.Sort(lat)
		fmt.Printf("| %s | %.2f | %.2f | %.2f | %.2f | %d |\n", m, median(lat), lat[len(lat)*9/10], lat[0], lat[len(lat)-1], n)
	}
	return nil
}

// waitPrediction waits until model has answered for the stroke that
// starts at x0.
func waitPrediction(ctx context.Context, model string, x0 float32) (playground.State, error) {
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`window.gograd.stateJSON()`))
		if err != nil {
			return playground.State{}, err
		}
		var s playground.State
		if err := json.Unmarshal([]byte(raw), &s); err != nil {
			return s, err
		}
		if s.Model != nil && *s.Model == model && len(s.Strokes) == 1 && s.Strokes[0][0][0] == x0 &&
			s.Predicted != nil && !s.Pending && s.LatencyMs != nil {
			return s, nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	return playground.State{}, fmt.Errorf("no prediction within a minute")
}

func median(v []float64) float64 {
	s := slices.Sorted(slices.Values(v))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
