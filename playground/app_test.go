package playground

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/gograd/gograd/playground/digit"
	"github.com/gograd/gograd/playground/ui"
)

type blankScene struct{ name string }

func (b blankScene) Name() string            { return b.name }
func (b blankScene) Title() string           { return strings.ToUpper(b.name) }
func (blankScene) Layout(ui.Rect, *ui.Theme) {}
func (blankScene) Update(*ui.Input)          {}
func (blankScene) Widgets() []ui.Widget      { return nil }
func (blankScene) Draw(ui.Canvas, *ui.Theme) {}
func (blankScene) FillState(*State)          {}

func TestAppSceneFromLocation(t *testing.T) {
	loc := &StaticLocation{Name: "two"}
	a := NewApp(loc, blankScene{"one"}, blankScene{"two"})
	if a.State().Scene != "two" || a.Banner() != "" {
		t.Fatalf("scene %q banner %q", a.State().Scene, a.Banner())
	}
	loc = &StaticLocation{Name: "<script>"}
	a = NewApp(loc, blankScene{"one"}, blankScene{"two"})
	if a.State().Scene != "one" || !strings.Contains(a.Banner(), `unknown scene "<script>"`) {
		t.Fatalf("scene %q banner %q", a.State().Scene, a.Banner())
	}
	// Clicking the banner dismisses it.
	a.Update(&ui.Input{}, 800, 600, 1)
	r := a.bannerRect()
	a.Update(&ui.Input{X: r.X + 300, Y: r.Y + 5, Hover: true, Down: true, Pressed: true}, 800, 600, 1)
	if a.Banner() != "" {
		t.Error("banner not dismissed")
	}
}

func TestAppSwitchesScenes(t *testing.T) {
	loc := &StaticLocation{}
	a := NewApp(loc, blankScene{"one"}, blankScene{"two"})
	a.Update(&ui.Input{}, 800, 600, 2)
	tab := a.tabs[1].Rect
	x, y := tab.X+tab.W/2, tab.Y+tab.H/2
	a.Update(&ui.Input{X: x, Y: y, Hover: true, Down: true, Pressed: true}, 800, 600, 2)
	a.Update(&ui.Input{X: x, Y: y, Hover: true, Released: true}, 800, 600, 2)
	if a.State().Scene != "two" || loc.Name != "two" {
		t.Fatalf("after clicking tab: scene %q location %q", a.State().Scene, loc.Name)
	}
	if err := a.RequestScene("nope"); err == nil || !strings.Contains(err.Error(), "[one two]") {
		t.Errorf("bad request error %v", err)
	}
	if err := a.RequestScene("one"); err != nil {
		t.Fatal(err)
	}
	if a.State().Scene != "two" {
		t.Error("request applied before the next frame")
	}
	a.Update(&ui.Input{}, 800, 600, 2)
	if a.State().Scene != "one" || loc.Name != "one" {
		t.Errorf("after request: %q %q", a.State().Scene, loc.Name)
	}
	if a.State().Frame != 4 {
		t.Errorf("frame %d", a.State().Frame)
	}
}

func TestSceneURL(t *testing.T) {
	for raw, want := range map[string]string{
		"http://h/?scene=draw":          "draw",
		"http://h/#scene=train":         "train",
		"http://h/#graph":               "graph",
		"http://h/?a=1&scene=x#scene=y": "x",
		"http://h/":                     "",
		"http://h/#a=1":                 "",
		"%zz":                           "",
	} {
		if got := SceneFromURL(raw); got != want {
			t.Errorf("SceneFromURL(%q) = %q, want %q", raw, got, want)
		}
	}
	got, err := URLWithScene("http://h/p?a=1#scene=old", "draw")
	if err != nil || got != "http://h/p?a=1&scene=draw" {
		t.Errorf("URLWithScene = %q, %v", got, err)
	}
	got, err = URLWithScene("http://h/p#notes", "draw")
	if err != nil || SceneFromURL(got) != "draw" {
		t.Errorf("URLWithScene = %q, %v", got, err)
	}
	if _, err := URLWithScene("%zz", "draw"); err == nil {
		t.Error("bad URL accepted")
	}
}

func TestCatalog(t *testing.T) {
	p := &rampPredictor{}
	c := Catalog{
		{Name: "MLP", Load: func() (Predictor, error) { return p, nil }},
		{Name: "CNN", Load: func() (Predictor, error) { return nil, errors.New("weights missing") }},
	}
	if got := c.Available(); len(got) != 2 || got[0] != "MLP" || got[1] != "CNN" {
		t.Errorf("Available %v", got)
	}
	if got, err := c.Load("MLP"); got != p || err != nil {
		t.Errorf("Load MLP: %v %v", got, err)
	}
	if _, err := c.Load("RNN"); err == nil || !strings.Contains(err.Error(), `"RNN"`) {
		t.Errorf("Load RNN: %v", err)
	}
	// A model that fails to load is reported, and nothing is predicted.
	h := newHarness(t, DrawConfig{Models: c})
	h.scene.selectModel("CNN")
	h.frame(&ui.Input{})
	if st := h.app.State(); !strings.Contains(st.Message, "could not load CNN: weights missing") {
		t.Errorf("before any drawing the state says %q", st.Message)
	}
	h.drag([2]float64{0.5, 0.2}, [2]float64{0.5, 0.8})
	st := h.app.State()
	if st.Probs != nil || st.Model != nil || !strings.Contains(st.Message, "weights missing") {
		t.Errorf("state after a failed load: %+v", st)
	}
	if !h.draw().HasText("could not load CNN: weights missing") {
		t.Error("load error not drawn")
	}
}

func TestAppDoRunsOnNextFrame(t *testing.T) {
	s := NewDrawScene(DrawConfig{Go: now})
	a := NewApp(nil, s)
	var bad error
	a.Do(func() {
		bad = s.AddStroke(digit.Stroke{Points: []digit.Point{{X: float32(math.NaN()), Y: 1}}})
		if err := s.AddStroke(digit.Stroke{Points: []digit.Point{{X: 140, Y: 40}, {X: 140, Y: 240}}}); err != nil {
			t.Error(err)
		}
	})
	if a.State().Input != nil {
		t.Fatal("Do ran before the frame")
	}
	a.Update(&ui.Input{}, 800, 600, 1)
	if bad == nil || !strings.Contains(bad.Error(), "not finite") {
		t.Errorf("NaN stroke error %v", bad)
	}
	if err := s.AddStroke(digit.Stroke{}); err == nil {
		t.Error("empty stroke accepted")
	}
	if st := a.State(); len(st.Input) != 784 || len(s.Pad().Strokes()) != 1 {
		t.Errorf("after Do: %d input values, %d strokes", len(st.Input), len(s.Pad().Strokes()))
	}
}
