package playground

import "github.com/gograd/gograd/playground/ui"

// Scene is one page of the playground.
type Scene interface {
	// Name is the scene's id in URLs ("draw"); Title its tab label.
	Name() string
	Title() string
	// Layout places the scene's content in area (device pixels).
	Layout(area ui.Rect, th *ui.Theme)
	// Widgets are the scene's controls. The App puts them in one Form with
	// the scene tabs, so Tab walks through all of them, and updates them
	// before Update and draws them (with overlays and tooltips) after Draw.
	Widgets() []ui.Widget
	// Update handles one frame of input.
	Update(in *ui.Input)
	Draw(c ui.Canvas, th *ui.Theme)
	// FillState adds the scene's part to a State snapshot.
	FillState(s *State)
}

// State is the snapshot the page exposes to tests and embedders as JSON.
// Fields that do not apply are null.
type State struct {
	Scene string `json:"scene"`
	Frame uint64 `json:"frame"`
	// Error is the message shown in the app's banner, if any.
	Error string `json:"error,omitempty"`

	// Draw scene: the 28x28 input in [0,1] (null with no drawing), the model,
	// and the model's probabilities and predicted class for exactly that
	// input (null until they are computed). Pending says an answer for the
	// current input is still being computed.
	Input       []float32 `json:"input"`
	Model       *string   `json:"model"`
	Probs       []float32 `json:"probs"`
	Predicted   *int      `json:"predicted"`
	LatencyMs   *float64  `json:"latencyMs"`
	Pending     bool      `json:"pending"`
	SampleLabel *int      `json:"sampleLabel"`
	SampleIndex *int      `json:"sampleIndex"`
	Message     string    `json:"message,omitempty"`
	// Explain sums up the explanation drawn for the prediction (null
	// without one).
	Explain *ExplainState `json:"explain"`
	// Strokes are the pad's strokes, each a list of [x, y, pressure]
	// points in pad pixels, exactly as the pad inked them.
	Strokes [][][3]float32 `json:"strokes,omitempty"`
	// Rects are where the scene's controls are, [x, y, w, h] in device
	// pixels (divide by devicePixelRatio for CSS pixels): "pad", "clear",
	// "undo", "sample" and "model" in the Draw scene.
	Rects map[string][4]float64 `json:"rects,omitempty"`
}

// ExplainState is the page API's view of an Explanation: its kind, title,
// and each tile's label.
type ExplainState struct {
	Kind   string   `json:"kind"`
	Title  string   `json:"title"`
	Labels []string `json:"labels"`
}
