package playground

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/gograd/gograd/playground/digit"
	"github.com/gograd/gograd/playground/ui"
)

// explainingPredictor is a rampPredictor that also explains: n signed
// tiles whose labels name the class it was asked about.
type explainingPredictor struct {
	rampPredictor
	n       int
	fail    error
	classes []int
}

func (p *explainingPredictor) Explain(x []float32, class int) (*Explanation, error) {
	p.classes = append(p.classes, class)
	if p.fail != nil {
		return nil, p.fail
	}
	ex := &Explanation{Kind: "weights", Title: "why"}
	for i := range p.n {
		ex.Tiles = append(ex.Tiles, Tile{W: 28, H: 28, Pix: make([]float32, 784), Signed: true,
			Label: strings.Repeat("+", i+1) + string(rune('0'+class))})
	}
	return ex, nil
}

func TestExplanationFollowsPrediction(t *testing.T) {
	p := &explainingPredictor{n: 3}
	h := newHarness(t, DrawConfig{Models: testModels{"MLP": p}})
	h.drag([2]float64{0.5, 0.2}, [2]float64{0.5, 0.8})
	st := h.app.State()
	if st.Predicted == nil || st.Explain == nil {
		t.Fatalf("state %+v", st)
	}
	// One explanation per prediction, of the class predicted.
	if len(p.classes) != len(p.got) || p.classes[len(p.classes)-1] != *st.Predicted {
		t.Errorf("explained classes %v for %d predictions, predicted %d", p.classes, len(p.got), *st.Predicted)
	}
	if st.Explain.Kind != "weights" || !slices.Equal(st.Explain.Labels, []string{"+0", "++0", "+++0"}) {
		t.Errorf("explain state %+v", st.Explain)
	}
	rec := h.draw()
	var tiles int
	for _, op := range rec.Ops {
		if op.Kind == "gray" && op.Image.Signed {
			tiles++
			if !h.scene.explainRect.Contains(op.Rect.X, op.Rect.Y) || op.Rect.Bottom() > h.scene.explainRect.Bottom() {
				t.Errorf("tile %+v outside the explanation area %+v", op.Rect, h.scene.explainRect)
			}
		}
	}
	if tiles != 3 || !rec.HasText("why") || !rec.HasText("++0") {
		t.Errorf("%d tiles drawn, texts %q", tiles, rec.Texts())
	}
	// Clearing removes the prediction and with it the explanation.
	h.click(h.scene.clearBtn)
	if st := h.app.State(); st.Explain != nil {
		t.Errorf("explanation left after clearing: %+v", st.Explain)
	}
}

func TestExplanationErrorsAreShown(t *testing.T) {
	h := newHarness(t, DrawConfig{Models: testModels{"MLP": &explainingPredictor{fail: errors.New("no gradient")}}})
	h.drag([2]float64{0.5, 0.2}, [2]float64{0.5, 0.8})
	st := h.app.State()
	if st.Predicted == nil || st.Explain != nil {
		t.Fatalf("a failed explanation must not hide the prediction: %+v", st)
	}
	if rec := h.draw(); !rec.HasText("no explanation: no gradient") {
		t.Errorf("texts %q", rec.Texts())
	}
	// A tile whose size does not match its pixels is refused, not drawn.
	bad := &badTiles{}
	h = newHarness(t, DrawConfig{Models: testModels{"MLP": bad}})
	h.drag([2]float64{0.5, 0.2}, [2]float64{0.5, 0.8})
	if rec := h.draw(); !rec.HasText("no explanation: explanation tile 0 has 3 values for 28x28") {
		t.Errorf("texts %q", rec.Texts())
	}
}

type badTiles struct{ rampPredictor }

func (badTiles) Explain([]float32, int) (*Explanation, error) {
	return &Explanation{Tiles: []Tile{{W: 28, H: 28, Pix: make([]float32, 3)}}}, nil
}

func TestSampleShowsTrueLabel(t *testing.T) {
	px := make([]float32, 784)
	px[14*28+14] = 1
	for label, mark := range map[int]string{1: "true label 1 (right)", 7: "true label 7 (wrong)"} {
		h := newHarness(t, DrawConfig{Samples: fixedSamples{s: Sample{Pixels: px, Label: label}},
			Models: testModels{"MLP": &rampPredictor{}}}) // one row of ink: class 1
		h.click(h.scene.smpBtn)
		h.frame(&ui.Input{})
		if rec := h.draw(); !rec.HasText(mark) {
			t.Errorf("label %d: texts %q, want %q", label, rec.Texts(), mark)
		}
	}
}

func TestSelectModel(t *testing.T) {
	cnn := &rampPredictor{out: []float32{0, 0, 0, 0.9, 0.1, 0, 0, 0, 0, 0}}
	h := newHarness(t, DrawConfig{Models: testModels{"MLP": &rampPredictor{}, "CNN": cnn}})
	if got := h.scene.Models(); !slices.Equal(got, []string{"MLP", "CNN"}) {
		t.Errorf("Models() = %v", got)
	}
	if err := h.scene.SelectModel("RNN"); err == nil || !strings.Contains(err.Error(), "[MLP CNN]") {
		t.Errorf("unknown model: %v", err)
	}
	if err := h.scene.SelectModel("CNN"); err != nil {
		t.Fatal(err)
	}
	h.drag([2]float64{0.5, 0.2}, [2]float64{0.5, 0.8})
	st := h.app.State()
	if st.Model == nil || *st.Model != "CNN" || *st.Predicted != 3 || h.scene.modelDD.Selected != 1 {
		t.Errorf("after SelectModel(CNN): model %v predicted %v dropdown %d", st.Model, st.Predicted, h.scene.modelDD.Selected)
	}
}

// The state carries the pad's strokes exactly and the controls' places,
// so a test driving real mouse events can aim and check.
func TestStateStrokesAndRects(t *testing.T) {
	h := newHarness(t, DrawConfig{})
	if st := h.app.State(); len(st.Strokes) != 0 {
		t.Errorf("strokes on an empty pad: %v", st.Strokes)
	}
	if err := h.scene.AddStroke(digit.Stroke{Points: []digit.Point{{X: 10.25, Y: 20, Pressure: 0.5}, {X: 30, Y: 40}}}); err != nil {
		t.Fatal(err)
	}
	h.frame(&ui.Input{})
	st := h.app.State()
	if len(st.Strokes) != 1 || st.Strokes[0][0] != [3]float32{10.25, 20, 0.5} || st.Strokes[0][1] != [3]float32{30, 40, 0} {
		t.Errorf("strokes %v", st.Strokes)
	}
	r := h.scene.PadRect()
	if st.Rects["pad"] != [4]float64{r.X, r.Y, r.W, r.H} {
		t.Errorf("pad rect %v, want %+v", st.Rects["pad"], r)
	}
	b := h.scene.smpBtn.Rect
	if st.Rects["sample"] != [4]float64{b.X, b.Y, b.W, b.H} || len(st.Rects) != 5 {
		t.Errorf("rects %v", st.Rects)
	}
}

func TestFitGrid(t *testing.T) {
	for _, tc := range []struct {
		n          int
		w, h, g, l float64
		side       float64
		cols       int
	}{
		{8, 360, 104, 4, 14, 41, 8},  // one labelled row
		{32, 360, 104, 4, 0, 29, 11}, // three rows of feature maps
		{1, 50, 30, 4, 0, 30, 1},
		{100, 10, 10, 4, 0, 1, 2}, // hopelessly cramped: tiny tiles, no panic
	} {
		side, cols := fitGrid(tc.n, tc.w, tc.h, tc.g, tc.l)
		if side != tc.side || cols != tc.cols {
			t.Errorf("fitGrid(%d, %v, %v, %v, %v) = %v, %d; want %v, %d", tc.n, tc.w, tc.h, tc.g, tc.l, side, cols, tc.side, tc.cols)
		}
	}
}

func TestWrap(t *testing.T) {
	width := func(s string) float64 { return float64(len(s)) }
	got := wrap("could not load cnn: weights do not fit", width, 12)
	want := []string{"could not", "load cnn:", "weights do", "not fit"}
	if !slices.Equal(got, want) {
		t.Errorf("wrap = %q, want %q", got, want)
	}
	if got := wrap("averyveryverylongword x", width, 5); !slices.Equal(got, []string{"averyveryverylongword", "x"}) {
		t.Errorf("long word: %q", got)
	}
}
