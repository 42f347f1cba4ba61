package tests

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/gograd/gograd/playground"
	"github.com/gograd/gograd/playground/digit"
	"github.com/gograd/gograd/playground/models"
)

// stateTimeout bounds a wait for the page to reach a state: a model load
// or a prediction on a busy machine.
const stateTimeout = time.Minute

// state returns the page's window.gograd.state().
func state(t *testing.T, b *browser) playground.State {
	t.Helper()
	var st playground.State
	if err := json.Unmarshal([]byte(eval[string](t, b, `window.gograd.stateJSON()`)), &st); err != nil {
		t.Fatalf("state: %v", err)
	}
	return st
}

// waitState polls the page's state until ok accepts it, failing after
// stateTimeout with what the state was and the words what.
func waitState(t *testing.T, b *browser, what string, ok func(playground.State) bool) playground.State {
	t.Helper()
	deadline := time.Now().Add(stateTimeout)
	for {
		st := state(t, b)
		if ok(st) {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited %v for %s; the state is %s", stateTimeout, what, summary(st))
		}
		if errs := b.consoleErrors(); errs != "" {
			t.Fatalf("while waiting for %s the page reported errors:\n%s", what, errs)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// summary is the state without its long arrays, for failure messages.
func summary(st playground.State) string {
	st.Input, st.Strokes = nil, nil
	b, _ := json.Marshal(st)
	return string(b)
}

// predicted reports a finished prediction by model for the current input.
func predicted(model string) func(playground.State) bool {
	return func(st playground.State) bool {
		return st.Model != nil && *st.Model == model && st.Predicted != nil && !st.Pending
	}
}

// nextFrame waits until the page has drawn a frame after now, so that the
// input events sent before have been through an Update.
func nextFrame(t *testing.T, b *browser) {
	t.Helper()
	f := eval[int](t, b, `window.gograd.frame`)
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[bool](fmt.Sprintf(`window.gograd.frame > %d`, f),
		chromedp.WithPollingTimeout(stateTimeout))); err != nil {
		t.Fatalf("no frame after frame %d: %v", f, err)
	}
}

// mouse sends one mouse event at CSS pixel (x, y); down says whether the
// left button is (or stays) held.
func mouse(t *testing.T, b *browser, typ input.DispatchMouseEventType, x, y float64, down bool) {
	t.Helper()
	opts := []chromedp.MouseOption{chromedp.ButtonNone}
	if down || typ == chromedp.MouseReleased {
		opts = []chromedp.MouseOption{chromedp.ButtonLeft, chromedp.ClickCount(1)}
	}
	if down {
		opts = append(opts, func(p *input.DispatchMouseEventParams) { p.Buttons = 1 })
	}
	if err := chromedp.Do(b.ctx, chromedp.MouseEvent(typ, x, y, opts...)); err != nil {
		t.Fatalf("mouse %s at (%v, %v): %v", typ, x, y, err)
	}
	nextFrame(t, b)
}

// screenRect returns the named control's rectangle in CSS pixels.
func screenRect(t *testing.T, b *browser, st playground.State, name string) [4]float64 {
	t.Helper()
	r, ok := st.Rects[name]
	if !ok {
		t.Fatalf("the state has no rectangle %q: %v", name, st.Rects)
	}
	dpr := eval[float64](t, b, `window.devicePixelRatio`)
	return [4]float64{r[0] / dpr, r[1] / dpr, r[2] / dpr, r[3] / dpr}
}

// click presses and releases the mouse in the middle of the named control.
func click(t *testing.T, b *browser, name string) {
	t.Helper()
	r := screenRect(t, b, state(t, b), name)
	x, y := math.Round(r[0]+r[2]/2), math.Round(r[1]+r[3]/2)
	mouse(t, b, chromedp.MouseMoved, x, y, false)
	mouse(t, b, chromedp.MousePressed, x, y, true)
	mouse(t, b, chromedp.MouseReleased, x, y, false)
}

// drawStrokes moves the mouse through each stroke's points (pad pixels) over
// the pad with the button held, one event per frame so that the page sees
// every point, and checks what the page made of it.
func drawStrokes(t *testing.T, b *browser, strokes [][][2]float64) playground.State {
	t.Helper()
	pad := screenRect(t, b, state(t, b), "pad")
	k := pad[2] / playground.PadSize
	at := func(p [2]float64) (float64, float64) {
		// Whole CSS pixels: the page reads the cursor in whole pixels too.
		return math.Round(pad[0] + p[0]*k), math.Round(pad[1] + p[1]*k)
	}
	for _, s := range strokes {
		x, y := at(s[0])
		mouse(t, b, chromedp.MouseMoved, x, y, false)
		mouse(t, b, chromedp.MousePressed, x, y, true)
		for _, p := range s[1:] {
			x, y = at(p)
			mouse(t, b, chromedp.MouseMoved, x, y, true)
		}
		mouse(t, b, chromedp.MouseReleased, x, y, false)
	}
	st := waitState(t, b, "the strokes and their input", func(st playground.State) bool {
		return len(st.Strokes) == len(strokes) && st.Input != nil
	})
	checkStrokes(t, st, strokes, k)
	checkPreprocessing(t, st)
	return st
}

// checkStrokes asserts that the pad recorded every point the mouse went
// through, to within the rounding to whole screen pixels (k screen pixels
// per pad pixel).
func checkStrokes(t *testing.T, st playground.State, want [][][2]float64, k float64) {
	t.Helper()
	tol := 0.75/k + 1e-3 // half a pixel each way, in pad pixels, on both axes
	for i, s := range want {
		got := st.Strokes[i]
		for j, p := range s {
			near := false
			for _, q := range got {
				if math.Hypot(float64(q[0])-p[0], float64(q[1])-p[1]) <= tol {
					near = true
					break
				}
			}
			if !near {
				t.Errorf("stroke %d point %d %v: the pad has no point within %.2f pad pixels (it has %v)", i, j, p, tol, got)
				return
			}
		}
	}
}

// checkPreprocessing rasterizes the strokes the page recorded with
// playground/digit natively and preprocesses them: the 28x28 input must
// match the page's, computed by the same Go code compiled to wasm.
func checkPreprocessing(t *testing.T, st playground.State) {
	t.Helper()
	pad := digit.NewPad(playground.PadSize, playground.PadSize, playground.BrushRadius)
	for _, s := range st.Strokes {
		var k digit.Stroke
		for _, p := range s {
			k.Points = append(k.Points, digit.Point{X: p[0], Y: p[1], Pressure: p[2]})
		}
		pad.AddStroke(k)
	}
	want, err := digit.Preprocess(pad.Pix(), playground.PadSize, playground.PadSize)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Input) != len(want) {
		t.Fatalf("the page's input has %d values, want %d", len(st.Input), len(want))
	}
	var worst float64
	for i := range want {
		worst = max(worst, math.Abs(float64(st.Input[i]-want[i])))
	}
	if worst > 1e-5 {
		t.Errorf("the page's 28x28 input differs from digit.Preprocess on the same strokes by up to %g", worst)
	}
}

// natives are the bundled models loaded natively, by name.
var natives = map[string]*models.Net{}

// checkAgainstNative runs the page's model natively on the page's input:
// the probabilities computed in wasm must be the same.
func checkAgainstNative(t *testing.T, st playground.State) {
	t.Helper()
	name := *st.Model
	net := natives[name]
	if net == nil {
		var err error
		if net, err = models.Load(name, models.DirFetch(filepath.Join(repoRoot, "static"))); err != nil {
			t.Fatal(err)
		}
		natives[name] = net
	}
	want, err := net.Predict(st.Input)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if math.Abs(float64(st.Probs[i]-want[i])) > 1e-5 {
			t.Errorf("%s in the page gives p[%d] = %v, natively %v", name, i, st.Probs[i], want[i])
		}
	}
}

// saveScreenshot writes the page to artifacts/<test>_<name>.png.
func saveScreenshot(t *testing.T, b *browser, name string) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.MkdirAll("artifacts", 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join("artifacts", t.Name()+"_"+name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// wantExplanation says which explanation each bundled model gives.
var wantExplanation = map[string]string{"mlp": "weights", "cnn": "features"}

// TestDrawDigits writes each digit with the mouse and expects every model
// the page offers to read it, with an explanation of its kind.
func TestDrawDigits(t *testing.T) {
	url := startServe(t)
	b := newBrowser(t)
	b.openReady(t, url)
	models := eval[[]string](t, b, `window.gograd.models()`)
	if len(models) == 0 || models[0] != "mlp" {
		t.Fatalf("the page offers the models %v; want the mlp first", models)
	}
	for d, strokes := range handwriting {
		if d > 0 {
			click(t, b, "clear")
			waitState(t, b, "a cleared pad", func(st playground.State) bool { return st.Input == nil && len(st.Strokes) == 0 })
		}
		drawStrokes(t, b, strokes)
		for _, m := range models {
			if msg := eval[any](t, b, fmt.Sprintf(`window.gograd.setModel(%q)`, m)); msg != nil {
				t.Fatalf("setModel(%q): %v", m, msg)
			}
			st := waitState(t, b, m+"'s prediction", predicted(m))
			if *st.Predicted != d {
				t.Errorf("%s read the handwritten %d as %d (probabilities %.3f)", m, d, *st.Predicted, st.Probs)
			}
			if st.LatencyMs == nil || *st.LatencyMs < 0 {
				t.Errorf("%s: latency %v", m, st.LatencyMs)
			}
			checkAgainstNative(t, st)
			if want := wantExplanation[m]; st.Explain == nil || st.Explain.Kind != want || len(st.Explain.Labels) == 0 {
				t.Errorf("%s: explanation %+v, want kind %q with tiles", m, st.Explain, want)
			}
			saveScreenshot(t, b, fmt.Sprintf("%d_%s", d, m))
		}
	}
	b.checkConsole(t)
}

// TestModelDropdown picks the model with the mouse, as a person would.
func TestModelDropdown(t *testing.T) {
	url := startServe(t)
	b := newBrowser(t)
	b.openReady(t, url)
	models := eval[[]string](t, b, `window.gograd.models()`)
	drawStrokes(t, b, handwriting[7])
	for i, m := range models {
		click(t, b, "model")
		r := screenRect(t, b, state(t, b), "model")
		// The list opens under the box, one row per model, as high as the box.
		x, y := math.Round(r[0]+r[2]/2), math.Round(r[1]+r[3]*(float64(i)+1.5))
		mouse(t, b, chromedp.MouseMoved, x, y, false)
		mouse(t, b, chromedp.MousePressed, x, y, true)
		mouse(t, b, chromedp.MouseReleased, x, y, false)
		st := waitState(t, b, m+" chosen in the dropdown", predicted(m))
		if *st.Predicted != 7 {
			t.Errorf("%s read 7 as %d", m, *st.Predicted)
		}
	}
	if !slices.Contains(models, "mlp") {
		t.Errorf("no mlp among %v", models)
	}
	b.checkConsole(t)
}
