package playground

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/gograd/gograd/playground/digit"
	"github.com/gograd/gograd/playground/ui"
)

// Pad geometry: a 280x280 ink image, ten times MNIST's 28, with a brush
// about as wide (relative to the digit) as MNIST's pen strokes.
const (
	PadSize     = 280
	BrushRadius = 11
)

// DrawConfig supplies the Draw scene's outside world. Every field may be
// nil: without Models the scene says no model is loaded, without Samples
// the sample button says none are available.
type DrawConfig struct {
	Models  Models
	Samples SampleSource
	// Go runs background work (loading, inference, fetching); nil means a
	// new goroutine. Tests pass a function that runs it at once.
	Go func(func())
}

// DrawScene is the draw-a-digit page: a pad, the preprocessed 28x28 input,
// and the selected model's ten probabilities.
type DrawScene struct {
	cfg   DrawConfig
	inbox inbox

	pad       *digit.Pad
	padVer    uint64
	stroking  bool
	input     []float32 // current 28x28 input, nil without a drawing
	inputImg  ui.GrayImage
	inputSeq  uint64
	inputErr  error
	sample    *Sample
	sampleImg ui.GrayImage

	models    []string
	model     string // selected model name
	predictor Predictor
	loading   bool
	modelErr  error
	inflight  bool
	probs     []float32 // for input number probsSeq
	probsSeq  uint64
	latency   time.Duration
	predErr   error
	message   string

	explain    *Explanation // for input number probsSeq, or nil
	explainErr error
	tileImgs   []ui.GrayImage
	tileRects  []ui.Rect

	strokesVer uint64
	strokes    [][][3]float32 // the pad's strokes for State, rebuilt per pad version

	widgets                   []ui.Widget
	clearBtn, undoBtn, smpBtn *ui.Button
	modelDD                   *ui.Dropdown

	theme                          ui.Theme // as of the last Layout
	padRect, inputRect, resultRect ui.Rect
	barsRect, modelLabel           ui.Rect
	explainRect                    ui.Rect
}

// NewDrawScene returns the Draw scene and starts loading the first
// available model.
func NewDrawScene(cfg DrawConfig) *DrawScene {
	if cfg.Go == nil {
		cfg.Go = func(f func()) { go f() }
	}
	s := &DrawScene{cfg: cfg, pad: digit.NewPad(PadSize, PadSize, BrushRadius)}
	s.inputImg = ui.GrayImage{W: digit.Side, H: digit.Side}
	s.sampleImg = ui.GrayImage{W: digit.Side, H: digit.Side} // crisp blocks: it is a 28x28 image
	s.clearBtn = &ui.Button{Label: "Clear", TipText: "erase the drawing (C)", OnClick: s.Clear}
	s.undoBtn = &ui.Button{Label: "Undo", TipText: "remove the last stroke (Z)", OnClick: s.Undo}
	s.smpBtn = &ui.Button{Label: "Sample", TipText: "show a random MNIST test digit", OnClick: s.RequestSample}
	s.modelDD = &ui.Dropdown{Selected: -1, Placeholder: "no models", TipText: "the network that reads the digit"}
	s.modelDD.OnChange = func(i int) { s.selectModel(s.models[i]) }
	s.widgets = []ui.Widget{s.clearBtn, s.undoBtn, s.smpBtn, s.modelDD}
	if cfg.Models != nil {
		s.models = cfg.Models.Available()
	}
	s.modelDD.Options = s.models
	if len(s.models) > 0 {
		s.modelDD.Selected = 0
		s.selectModel(s.models[0])
	}
	return s
}

// Name is the scene's id in URLs.
func (s *DrawScene) Name() string { return "draw" }

// Widgets returns the buttons and the model dropdown, in Tab order.
func (s *DrawScene) Widgets() []ui.Widget { return s.widgets }

// Title is the tab label.
func (s *DrawScene) Title() string { return "Draw" }

// Pad returns the drawing pad (for tests and embedding).
func (s *DrawScene) Pad() *digit.Pad { return s.pad }

// PadRect is where the pad is on screen.
func (s *DrawScene) PadRect() ui.Rect { return s.padRect }

// Clear erases the drawing and any sample.
func (s *DrawScene) Clear() {
	s.pad.Clear()
	s.sample = nil
	s.message = ""
}

// Undo removes the last stroke.
func (s *DrawScene) Undo() { s.pad.Undo() }

// AddStroke draws a stroke given in pad pixels (0..PadSize), as if the
// user had drawn it; embedders and tests use it for repeatable drawings.
// It returns Validate's error for a bad stroke.
func (s *DrawScene) AddStroke(st digit.Stroke) error {
	if err := st.Validate(); err != nil {
		return err
	}
	if s.sample != nil {
		s.sample, s.message = nil, ""
	}
	s.pad.AddStroke(st)
	return nil
}

// SelectModel switches to the named model, as choosing it in the dropdown
// does, and returns an error naming the models when there is none by that
// name.
func (s *DrawScene) SelectModel(name string) error {
	for i, n := range s.models {
		if n == name {
			if i != s.modelDD.Selected {
				s.modelDD.Selected = i
				s.selectModel(name)
			}
			return nil
		}
	}
	return fmt.Errorf("no model named %q (have %v)", name, s.models)
}

// Models lists the models the dropdown offers.
func (s *DrawScene) Models() []string { return append([]string(nil), s.models...) }

func (s *DrawScene) selectModel(name string) {
	s.model, s.predictor, s.modelErr, s.loading = name, nil, nil, true
	models := s.cfg.Models
	s.cfg.Go(func() {
		p, err := models.Load(name)
		s.inbox.Post(func() {
			if name != s.model {
				return // a newer choice won
			}
			s.loading = false
			s.predictor, s.modelErr = p, err
			if err == nil && p == nil {
				s.modelErr = fmt.Errorf("model %s: loader returned nothing", name)
			}
			s.probs, s.probsSeq = nil, 0
			s.setExplanation(nil, nil)
		})
	})
}

// RequestSample fetches a random MNIST test digit, as the Sample button
// does.
func (s *DrawScene) RequestSample() {
	if s.cfg.Samples == nil {
		s.message = ErrNoSamples.Error()
		return
	}
	s.message = "fetching a sample…"
	src := s.cfg.Samples
	s.cfg.Go(func() {
		smp, err := src.Sample()
		s.inbox.Post(func() { s.showSample(smp, err) })
	})
}

func (s *DrawScene) showSample(smp Sample, err error) {
	if err == nil && len(smp.Pixels) != digit.Side*digit.Side {
		err = fmt.Errorf("sample has %d pixels, want %d", len(smp.Pixels), digit.Side*digit.Side)
	}
	if err == nil && (smp.Label < 0 || smp.Label > 9) {
		err = fmt.Errorf("sample label %d is not a digit", smp.Label)
	}
	if err != nil {
		s.message = err.Error()
		return
	}
	s.pad.Clear()
	s.padVer = s.pad.Version()
	s.sample = &Sample{Pixels: append([]float32(nil), smp.Pixels...), Label: smp.Label, Index: smp.Index}
	s.sampleImg.Pix = s.sample.Pixels
	s.sampleImg.Version++
	s.setInput(s.sample.Pixels, nil)
	s.message = fmt.Sprintf("MNIST test digit #%d, labelled %d", smp.Index, smp.Label)
}

func (s *DrawScene) setInput(x []float32, err error) {
	s.input, s.inputErr = x, err
	s.inputSeq++
	s.inputImg.Pix = x
	s.inputImg.Version++
}

// Update handles one frame.
func (s *DrawScene) Update(in *ui.Input) {
	s.inbox.Drain()
	s.clearBtn.Disabled = s.pad.Empty() && s.sample == nil
	s.undoBtn.Disabled = s.pad.Empty()
	s.updatePad(in)
	if in.Key(ui.KeyBackspace) {
		in.ConsumeKeys()
		s.Undo()
	}
	for _, r := range in.Chars {
		switch r {
		case 'z', 'Z', 'u':
			s.Undo()
		case 'c', 'C':
			s.Clear()
		}
	}
	if v := s.pad.Version(); v != s.padVer {
		s.padVer = v
		if s.pad.Empty() {
			if s.sample == nil {
				s.setInput(nil, nil)
			}
		} else {
			s.sample = nil
			x, err := digit.Preprocess(s.pad.Pix(), PadSize, PadSize)
			s.setInput(x, err)
		}
	}
	s.predict()
}

// CursorAt asks for a crosshair over the pad.
func (s *DrawScene) CursorAt(x, y float64) ui.Cursor {
	if s.padRect.Contains(x, y) {
		return ui.CursorCrosshair
	}
	return ui.CursorDefault
}

// updatePad turns pointer drags on the pad into strokes.
func (s *DrawScene) updatePad(in *ui.Input) {
	toPad := func() digit.Point {
		return digit.Point{
			X: float32((in.X - s.padRect.X) * PadSize / s.padRect.W),
			Y: float32((in.Y - s.padRect.Y) * PadSize / s.padRect.H),
		}
	}
	if in.PressIn(s.padRect) {
		in.ConsumePointer()
		if s.sample != nil {
			s.sample = nil
			s.message = ""
		}
		s.stroking = true
		s.pad.Begin(toPad())
		return
	}
	if !s.stroking {
		return
	}
	if in.Down || in.Released {
		s.pad.Extend(toPad())
	}
	if !in.Down {
		s.stroking = false
		s.pad.End()
	}
}

// predict starts inference for the current input when the model is idle.
func (s *DrawScene) predict() {
	if s.predictor == nil || s.input == nil || s.inflight || s.probsSeq == s.inputSeq {
		return
	}
	s.inflight = true
	p, seq := s.predictor, s.inputSeq
	x := append([]float32(nil), s.input...)
	s.cfg.Go(func() {
		start := time.Now()
		probs, err := safePredict(p, x)
		lat := time.Since(start)
		if err == nil {
			err = checkProbs(probs)
		}
		// The explanation is not part of the latency: it is extra work the
		// page does to show why.
		var ex *Explanation
		var exErr error
		if e, ok := p.(Explainer); ok && err == nil {
			ex, exErr = safeExplain(e, x, argmax(probs))
		}
		s.inbox.Post(func() {
			s.inflight = false
			if p != s.predictor {
				return
			}
			s.probsSeq, s.predErr = seq, err
			s.probs, s.latency = nil, lat
			if err == nil {
				s.probs = probs
			}
			s.setExplanation(ex, exErr)
		})
	})
}

// setExplanation shows ex (or exErr) for the current probabilities,
// preparing one image per tile.
func (s *DrawScene) setExplanation(ex *Explanation, exErr error) {
	s.explain, s.explainErr = ex, exErr
	if ex == nil {
		s.tileImgs = s.tileImgs[:0]
		return
	}
	if cap(s.tileImgs) < len(ex.Tiles) {
		s.tileImgs = make([]ui.GrayImage, len(ex.Tiles))
	}
	s.tileImgs = s.tileImgs[:len(ex.Tiles)]
	for i, t := range ex.Tiles {
		img := &s.tileImgs[i]
		ver := img.Version + 1
		*img = ui.GrayImage{W: t.W, H: t.H, Pix: t.Pix, Signed: t.Signed, Version: ver,
			Paper: ui.RGB(0x0b, 0x0d, 0x11), Ink: ui.RGB(0xf2, 0x6b, 0x5e), Neg: ui.RGB(0x4e, 0xa1, 0xf2)}
		if !t.Signed {
			img.Ink = ui.RGB(0xf0, 0xf0, 0xf0)
		}
	}
	s.layoutTiles()
}

// safeExplain is safePredict for explanations; a tile that does not match
// its size is an error too, since drawing it would misplace pixels.
func safeExplain(e Explainer, x []float32, class int) (ex *Explanation, err error) {
	defer func() {
		if r := recover(); r != nil {
			ex, err = nil, fmt.Errorf("explanation panicked: %v", r)
		}
	}()
	ex, err = e.Explain(x, class)
	if err != nil || ex == nil {
		return nil, err
	}
	for i, t := range ex.Tiles {
		if t.W <= 0 || t.H <= 0 || len(t.Pix) != t.W*t.H {
			return nil, fmt.Errorf("explanation tile %d has %d values for %dx%d", i, len(t.Pix), t.W, t.H)
		}
	}
	return ex, nil
}

// safePredict turns a panicking model into an error, so one bad model
// cannot take the page down from a background goroutine.
func safePredict(p Predictor, x []float32) (probs []float32, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("model panicked: %v", r)
		}
	}()
	return p.Predict(x)
}

// checkProbs rejects model output that is not 10 probabilities.
func checkProbs(p []float32) error {
	if len(p) != 10 {
		return fmt.Errorf("model returned %d values, want 10", len(p))
	}
	var sum float64
	for _, v := range p {
		if math.IsNaN(float64(v)) || v < 0 || v > 1 {
			return fmt.Errorf("model returned %v, not a probability", v)
		}
		sum += float64(v)
	}
	if math.Abs(sum-1) > 1e-3 {
		return fmt.Errorf("model probabilities sum to %.4f, not 1", sum)
	}
	return nil
}

// currentExplanation returns the explanation of the prediction shown, or
// nil.
func (s *DrawScene) currentExplanation() *Explanation {
	if s.current() == nil {
		return nil
	}
	return s.explain
}

// current returns the probabilities for the current input, or nil.
func (s *DrawScene) current() []float32 {
	if s.input == nil || s.probsSeq != s.inputSeq {
		return nil
	}
	return s.probs
}

func argmax(p []float32) int {
	best := 0
	for i, v := range p {
		if v > p[best] {
			best = i
		}
	}
	return best
}

// status is the line shown where the prediction goes when there is none.
func (s *DrawScene) status() string {
	switch {
	case s.model == "":
		return "no model loaded"
	case s.loading:
		return "loading " + s.model + "…"
	case s.modelErr != nil:
		return "could not load " + s.model + ": " + s.modelErr.Error()
	case s.inputErr != nil && !errors.Is(s.inputErr, digit.ErrEmptyDrawing):
		return s.inputErr.Error()
	case s.input == nil:
		return "draw a digit"
	case s.predErr != nil && s.probsSeq == s.inputSeq:
		return s.predErr.Error()
	}
	return "thinking…"
}

// FillState reports the scene for the page API.
func (s *DrawScene) FillState(st *State) {
	if s.input != nil {
		st.Input = append([]float32(nil), s.input...)
	}
	if s.model != "" && s.predictor != nil {
		m := s.model
		st.Model = &m
	}
	if p := s.current(); p != nil {
		st.Probs = append([]float32(nil), p...)
		k := argmax(p)
		st.Predicted = &k
		ms := float64(s.latency.Nanoseconds()) / 1e6
		st.LatencyMs = &ms
	}
	st.Pending = s.predictor != nil && s.input != nil && s.probsSeq != s.inputSeq
	if s.sample != nil {
		l, i := s.sample.Label, s.sample.Index
		st.SampleLabel, st.SampleIndex = &l, &i
	}
	if ex := s.currentExplanation(); ex != nil {
		es := &ExplainState{Kind: ex.Kind, Title: ex.Title}
		for _, t := range ex.Tiles {
			es.Labels = append(es.Labels, t.Label)
		}
		st.Explain = es
	}
	if v := s.pad.Version(); v != s.strokesVer || s.strokes == nil {
		s.strokesVer = v
		s.strokes = [][][3]float32{}
		s.pad.EachStroke(func(k digit.Stroke) {
			pts := make([][3]float32, len(k.Points))
			for i, p := range k.Points {
				pts[i] = [3]float32{p.X, p.Y, p.Pressure}
			}
			s.strokes = append(s.strokes, pts)
		})
	}
	st.Strokes = s.strokes
	st.Rects = map[string][4]float64{}
	for name, r := range map[string]ui.Rect{"pad": s.padRect, "clear": s.clearBtn.Rect, "undo": s.undoBtn.Rect,
		"sample": s.smpBtn.Rect, "model": s.modelDD.Rect} {
		st.Rects[name] = [4]float64{r.X, r.Y, r.W, r.H}
	}
	st.Message = s.message
	if st.Probs == nil && s.input != nil || s.model == "" || s.modelErr != nil {
		if msg := s.status(); msg != "thinking…" && msg != "draw a digit" {
			st.Message = joinMsg(st.Message, msg)
		}
	}
}

func joinMsg(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}
