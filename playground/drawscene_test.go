package playground

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/gograd/gograd/playground/digit"
	"github.com/gograd/gograd/playground/ui"
	"github.com/gograd/gograd/playground/ui/uitest"
)

// rampPredictor is a test model: it puts probability on the class equal to
// the number of rows the digit spans, mod 10, and records what it was given.
type rampPredictor struct {
	got  [][]float32
	fail error
	out  []float32
}

func (p *rampPredictor) Predict(x []float32) ([]float32, error) {
	p.got = append(p.got, append([]float32(nil), x...))
	if p.fail != nil {
		return nil, p.fail
	}
	if p.out != nil {
		return p.out, nil
	}
	rows := 0
	for y := 0; y < 28; y++ {
		for x0 := 0; x0 < 28; x0++ {
			if x[y*28+x0] > 0 {
				rows++
				break
			}
		}
	}
	probs := make([]float32, 10)
	for i := range probs {
		probs[i] = 0.02
	}
	probs[rows%10] = 0.82
	return probs, nil
}

type testModels map[string]Predictor

func (m testModels) Available() []string {
	var out []string
	for _, n := range []string{"MLP", "CNN"} {
		if _, ok := m[n]; ok {
			out = append(out, n)
		}
	}
	return out
}
func (m testModels) Load(name string) (Predictor, error) {
	p := m[name]
	if p == nil {
		return nil, errors.New("no such model")
	}
	return p, nil
}

type fixedSamples struct {
	s   Sample
	err error
}

func (f fixedSamples) Sample() (Sample, error) { return f.s, f.err }

func now(f func()) { f() }

// harness drives an App holding one DrawScene at 1000x700, scale 1.
type harness struct {
	t     *testing.T
	app   *App
	scene *DrawScene
}

func newHarness(t *testing.T, cfg DrawConfig) *harness {
	cfg.Go = now
	s := NewDrawScene(cfg)
	h := &harness{t: t, app: NewApp(nil, s), scene: s}
	h.frame(&ui.Input{})
	return h
}

func (h *harness) frame(in *ui.Input) { h.app.Update(in, 1000, 700, 1) }

// drag draws a stroke through pad-relative points (fractions of the pad).
func (h *harness) drag(pts ...[2]float64) {
	r := h.scene.PadRect()
	at := func(p [2]float64) (float64, float64) { return r.X + p[0]*r.W, r.Y + p[1]*r.H }
	x, y := at(pts[0])
	h.frame(&ui.Input{X: x, Y: y, Hover: true, Down: true, Pressed: true})
	for _, p := range pts[1:] {
		x, y = at(p)
		h.frame(&ui.Input{X: x, Y: y, Hover: true, Down: true})
	}
	h.frame(&ui.Input{X: x, Y: y, Hover: true, Released: true})
	h.frame(&ui.Input{X: x, Y: y, Hover: true})
}

func (h *harness) click(b *ui.Button) {
	x, y := b.Rect.X+b.Rect.W/2, b.Rect.Y+b.Rect.H/2
	h.frame(&ui.Input{X: x, Y: y, Hover: true, Down: true, Pressed: true})
	h.frame(&ui.Input{X: x, Y: y, Hover: true, Released: true})
	h.frame(&ui.Input{X: x, Y: y, Hover: true})
}

func (h *harness) draw() *uitest.Recorder {
	var rec uitest.Recorder
	h.app.Draw(&rec)
	return &rec
}

func TestDrawWithoutModelNeverPredicts(t *testing.T) {
	h := newHarness(t, DrawConfig{})
	st := h.app.State()
	if st.Scene != "draw" || st.Input != nil || st.Probs != nil || st.Predicted != nil {
		t.Fatalf("initial state %+v", st)
	}
	h.drag([2]float64{0.5, 0.2}, [2]float64{0.5, 0.8})
	st = h.app.State()
	if len(st.Input) != 784 {
		t.Fatalf("input has %d values after drawing", len(st.Input))
	}
	if st.Probs != nil || st.Predicted != nil || st.Model != nil || st.Pending {
		t.Errorf("predictions without a model: %+v", st)
	}
	if !strings.Contains(st.Message, "no model loaded") {
		t.Errorf("message %q", st.Message)
	}
	rec := h.draw()
	if !rec.HasText("no model loaded") || !rec.HasText("no models") {
		t.Errorf("drawn texts %q", rec.Texts())
	}
	for _, txt := range rec.Texts() {
		if strings.HasSuffix(txt, "%") {
			t.Errorf("a percentage is drawn without a model: %q", txt)
		}
	}
	// The state's input is exactly the preprocessing of the pad.
	want, err := digit.Preprocess(h.scene.Pad().Pix(), PadSize, PadSize)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if want[i] != st.Input[i] {
			t.Fatalf("input[%d] = %v, want %v", i, st.Input[i], want[i])
		}
	}
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"probs":null`) || !strings.Contains(string(b), `"predicted":null`) {
		t.Errorf("JSON %s", b)
	}
}

func TestDrawPredictsCurrentInput(t *testing.T) {
	mlp, cnn := &rampPredictor{}, &rampPredictor{out: []float32{0, 0, 0, 0.9, 0.1, 0, 0, 0, 0, 0}}
	h := newHarness(t, DrawConfig{Models: testModels{"MLP": mlp, "CNN": cnn}})
	if got := h.scene.modelDD.Options; len(got) != 2 || got[0] != "MLP" {
		t.Fatalf("model options %v", got)
	}
	h.drag([2]float64{0.5, 0.2}, [2]float64{0.5, 0.8})
	st := h.app.State()
	if st.Probs == nil || st.Predicted == nil || st.Pending {
		t.Fatalf("no prediction after drawing: %+v", st)
	}
	if *st.Predicted != 0 { // a full-height bar spans 20 rows → class 0
		t.Errorf("predicted %d, want 0", *st.Predicted)
	}
	last := mlp.got[len(mlp.got)-1]
	for i := range last {
		if last[i] != st.Input[i] {
			t.Fatal("the model was not given the state's input")
		}
	}
	if st.Model == nil || *st.Model != "MLP" || st.LatencyMs == nil {
		t.Errorf("model %v latency %v", st.Model, st.LatencyMs)
	}
	rec := h.draw()
	if !rec.HasText("82.0%") {
		t.Errorf("top probability not drawn: %q", rec.Texts())
	}
	// Switch model through the dropdown: open it, pick the second row.
	d := h.scene.modelDD
	x, y := d.Rect.X+5, d.Rect.Y+5
	h.frame(&ui.Input{X: x, Y: y, Hover: true, Down: true, Pressed: true})
	h.frame(&ui.Input{X: x, Y: y, Hover: true, Released: true})
	y = d.Rect.Bottom() + d.ItemHeight*1.5
	h.frame(&ui.Input{X: x, Y: y, Hover: true, Down: true, Pressed: true})
	h.frame(&ui.Input{X: x, Y: y, Hover: true, Released: true})
	h.frame(&ui.Input{})
	st = h.app.State()
	if st.Model == nil || *st.Model != "CNN" || st.Predicted == nil || *st.Predicted != 3 {
		t.Fatalf("after switching to CNN: model %v predicted %v", st.Model, st.Predicted)
	}
	// Undo empties the pad: no input, no prediction.
	h.click(h.scene.undoBtn)
	st = h.app.State()
	if st.Input != nil || st.Probs != nil {
		t.Errorf("after undo: %+v", st)
	}
}

func TestDrawRejectsBadModelOutput(t *testing.T) {
	cases := map[string]*rampPredictor{
		"9 values":  {out: make([]float32, 9)},
		"sum not 1": {out: make([]float32, 10)},
		"negative":  {out: []float32{-0.5, 1.5, 0, 0, 0, 0, 0, 0, 0, 0}},
		"error":     {fail: errors.New("weights corrupt")},
		"NaN":       {out: []float32{float32(math.NaN()), 1, 0, 0, 0, 0, 0, 0, 0, 0}},
	}
	for name, p := range cases {
		h := newHarness(t, DrawConfig{Models: testModels{"MLP": p}})
		h.drag([2]float64{0.3, 0.3}, [2]float64{0.6, 0.7})
		st := h.app.State()
		if st.Probs != nil || st.Predicted != nil {
			t.Errorf("%s: bad output shown as a prediction", name)
		}
		if st.Message == "" {
			t.Errorf("%s: no error message", name)
		}
	}
}

type panicky struct{}

func (panicky) Predict([]float32) ([]float32, error) { panic("index out of range") }

func TestModelPanicBecomesError(t *testing.T) {
	h := newHarness(t, DrawConfig{Models: testModels{"MLP": panicky{}}})
	h.drag([2]float64{0.3, 0.3}, [2]float64{0.6, 0.7})
	if st := h.app.State(); !strings.Contains(st.Message, "panicked") || st.Probs != nil {
		t.Errorf("state %+v", st)
	}
}

func TestUndoClearButtons(t *testing.T) {
	h := newHarness(t, DrawConfig{})
	if !h.scene.undoBtn.Disabled || !h.scene.clearBtn.Disabled {
		t.Error("undo/clear enabled on an empty pad")
	}
	h.drag([2]float64{0.2, 0.2}, [2]float64{0.3, 0.8})
	h.drag([2]float64{0.6, 0.2}, [2]float64{0.7, 0.8})
	if n := len(h.scene.Pad().Strokes()); n != 2 {
		t.Fatalf("strokes %d", n)
	}
	h.click(h.scene.undoBtn)
	if n := len(h.scene.Pad().Strokes()); n != 1 {
		t.Fatalf("after undo strokes %d", n)
	}
	if h.app.State().Input == nil {
		t.Error("input vanished with a stroke left")
	}
	h.click(h.scene.clearBtn)
	if !h.scene.Pad().Empty() || h.app.State().Input != nil {
		t.Error("clear left ink or input")
	}
	// Keyboard shortcut: Backspace undoes.
	h.drag([2]float64{0.2, 0.2}, [2]float64{0.3, 0.8})
	h.frame(&ui.Input{Keys: []ui.Key{ui.KeyBackspace}})
	if !h.scene.Pad().Empty() {
		t.Error("Backspace did not undo")
	}
}

func TestSampleButton(t *testing.T) {
	h := newHarness(t, DrawConfig{})
	h.click(h.scene.smpBtn)
	if st := h.app.State(); !strings.Contains(st.Message, "no MNIST samples") || st.Input != nil {
		t.Errorf("without a source: %+v", st)
	}
	h = newHarness(t, DrawConfig{Samples: fixedSamples{err: ErrNoSamples}})
	h.click(h.scene.smpBtn)
	if st := h.app.State(); !strings.Contains(st.Message, "no MNIST samples") {
		t.Errorf("empty source: %q", st.Message)
	}
	h = newHarness(t, DrawConfig{Samples: fixedSamples{s: Sample{Pixels: make([]float32, 10), Label: 3}}})
	h.click(h.scene.smpBtn)
	if st := h.app.State(); !strings.Contains(st.Message, "10 pixels") || st.Input != nil {
		t.Errorf("bad sample accepted: %+v", st)
	}
	px := make([]float32, 784)
	px[14*28+14] = 1
	p := &rampPredictor{}
	h = newHarness(t, DrawConfig{Samples: fixedSamples{s: Sample{Pixels: px, Label: 7}}, Models: testModels{"MLP": p}})
	h.drag([2]float64{0.2, 0.2}, [2]float64{0.3, 0.8})
	h.click(h.scene.smpBtn)
	h.frame(&ui.Input{}) // the inference result arrives a frame after the sample
	st := h.app.State()
	if st.SampleLabel == nil || *st.SampleLabel != 7 || len(st.Input) != 784 || st.Input[14*28+14] != 1 {
		t.Fatalf("sample state %+v", st)
	}
	if !h.scene.Pad().Empty() {
		t.Error("the drawing stayed under the sample")
	}
	if st.Predicted == nil || *st.Predicted != 1 {
		t.Errorf("sample not classified: %v", st.Predicted)
	}
	// Drawing again replaces the sample.
	h.drag([2]float64{0.2, 0.2}, [2]float64{0.3, 0.8})
	if st := h.app.State(); st.SampleLabel != nil {
		t.Error("sample kept after drawing")
	}
}

// Touch and pen arrive as the same pointer; a drag that leaves the pad
// keeps drawing to the release, clipped at the pad's edge.
func TestStrokeLeavingPad(t *testing.T) {
	h := newHarness(t, DrawConfig{})
	h.drag([2]float64{0.5, 0.5}, [2]float64{1.5, 0.5})
	s := h.scene.Pad().Strokes()
	if len(s) != 1 || len(s[0].Points) != 2 || s[0].Points[1].X != 1.5*PadSize {
		t.Fatalf("strokes %+v", s)
	}
	// A press outside the pad draws nothing.
	h.frame(&ui.Input{X: 999, Y: 690, Hover: true, Down: true, Pressed: true})
	h.frame(&ui.Input{X: 999, Y: 690, Hover: true, Released: true})
	if len(h.scene.Pad().Strokes()) != 1 {
		t.Error("press outside the pad started a stroke")
	}
}

func TestLayoutFitsScreen(t *testing.T) {
	for _, sz := range [][3]float64{{1024, 768, 1}, {2048, 1536, 2}, {1170, 2532, 3}, {600, 900, 1}, {800, 457, 1}} {
		s := NewDrawScene(DrawConfig{Go: now})
		a := NewApp(nil, s)
		a.Update(&ui.Input{}, sz[0], sz[1], sz[2])
		screen := ui.Rect{W: sz[0], H: sz[1]}
		s.setExplanation(&Explanation{Tiles: make([]Tile, 32)}, nil)
		rects := append([]ui.Rect{s.padRect, s.inputRect, s.barsRect, s.clearBtn.Rect, s.smpBtn.Rect, s.modelDD.Rect}, s.tileRects...)
		if s.explainRect.H > 0 {
			rects = append(rects, s.explainRect)
		}
		for _, r := range rects {
			if r.X < 0 || r.Y < 0 || r.Right() > screen.W+0.5 || r.Bottom() > screen.H+0.5 || r.W <= 0 || r.H <= 0 {
				t.Errorf("%v: rect %+v outside the screen", sz, r)
			}
		}
		if s.padRect.W != s.padRect.H {
			t.Errorf("%v: pad not square", sz)
		}
	}
}

func TestFormatLatency(t *testing.T) {
	for d, want := range map[time.Duration]string{
		350 * time.Microsecond:  "350 µs",
		2500 * time.Microsecond: "2.5 ms",
		40 * time.Millisecond:   "40.0 ms",
	} {
		if got := formatLatency(d); got != want {
			t.Errorf("formatLatency(%v) = %q, want %q", d, got, want)
		}
	}
}

// With the default runner, loading and inference happen on goroutines and
// their results reach the frame loop through the inbox.
func TestAsyncPrediction(t *testing.T) {
	s := NewDrawScene(DrawConfig{Models: testModels{"MLP": &rampPredictor{}}})
	a := NewApp(nil, s)
	a.Update(&ui.Input{}, 1000, 700, 1)
	s.Pad().AddStroke(digit.Stroke{Points: []digit.Point{{X: 140, Y: 40}, {X: 140, Y: 240}}})
	deadline := time.Now().Add(5 * time.Second)
	for {
		a.Update(&ui.Input{}, 1000, 700, 1)
		st := a.State()
		if st.Predicted != nil {
			if *st.Predicted != 0 || st.Pending {
				t.Errorf("predicted %d pending %v", *st.Predicted, st.Pending)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no prediction after 5 s: %+v", st)
		}
		time.Sleep(time.Millisecond)
	}
}

// The pad's ink is drawn as vectors, clipped to the pad, one round dot per
// point and a line per segment, at the brush's width scaled to the screen.
func TestPadDrawnAsClippedVectors(t *testing.T) {
	h := newHarness(t, DrawConfig{})
	h.drag([2]float64{0.5, 0.5}, [2]float64{1.5, 0.5})
	rec := h.draw()
	r := h.scene.PadRect()
	k := r.W / PadSize
	var clipped bool
	var circles, lines int
	for _, op := range rec.Ops {
		switch op.Kind {
		case "clip":
			clipped = op.Rect == r
		case "unclip":
			clipped = false
		case "circle":
			if !clipped {
				t.Fatal("ink drawn outside the pad's clip")
			}
			circles++
			if math.Abs(op.Rect.W-2*BrushRadius*k) > 1e-9 {
				t.Errorf("dot diameter %v, want %v", op.Rect.W, 2*BrushRadius*k)
			}
		case "line":
			if clipped {
				lines++
				if op.Rect.X != r.X+r.W/2 || op.Rect.W != r.W {
					t.Errorf("segment %+v, want from the pad centre one pad width right", op.Rect)
				}
			}
		}
	}
	if circles != 2 || lines != 1 {
		t.Errorf("%d dots and %d segments, want 2 and 1", circles, lines)
	}
}

// Tab walks from the scene tabs into the scene's controls and Enter
// activates the focused one.
func TestTabReachesSceneControls(t *testing.T) {
	h := newHarness(t, DrawConfig{})
	h.drag([2]float64{0.2, 0.2}, [2]float64{0.3, 0.8})
	tab := func() { h.frame(&ui.Input{Keys: []ui.Key{ui.KeyTab}}) }
	tab()
	if h.app.Focused() != h.app.tabs[0] {
		t.Fatalf("first Tab focused %v", h.app.Focused())
	}
	tab()
	if h.app.Focused() != h.scene.clearBtn {
		t.Fatalf("second Tab focused %v, want the Clear button", h.app.Focused())
	}
	tab() // Undo
	h.frame(&ui.Input{Keys: []ui.Key{ui.KeyEnter}})
	if !h.scene.Pad().Empty() {
		t.Error("Enter on the focused Undo button did not undo")
	}
}

func TestCursor(t *testing.T) {
	h := newHarness(t, DrawConfig{})
	r := h.scene.PadRect()
	h.frame(&ui.Input{X: r.X + 5, Y: r.Y + 5, Hover: true})
	if h.app.Cursor() != ui.CursorCrosshair {
		t.Errorf("over the pad: cursor %v", h.app.Cursor())
	}
	b := h.scene.smpBtn.Rect
	h.frame(&ui.Input{X: b.X + 5, Y: b.Y + 5, Hover: true})
	if h.app.Cursor() != ui.CursorPointer {
		t.Errorf("over Sample: cursor %v", h.app.Cursor())
	}
	u := h.scene.undoBtn.Rect // disabled on an empty pad
	h.frame(&ui.Input{X: u.X + 5, Y: u.Y + 5, Hover: true})
	if h.app.Cursor() != ui.CursorDefault {
		t.Errorf("over disabled Undo: cursor %v", h.app.Cursor())
	}
}
