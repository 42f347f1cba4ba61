package models

import (
	"errors"
	"fmt"
	"slices"
	"sort"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/nn"
	"github.com/gograd/gograd/playground"
)

// Explanation kinds, as playground.Explanation.Kind reports them.
const (
	KindWeights  = "weights"
	KindFeatures = "features"
)

// TopUnits is how many hidden units an MLP's explanation shows, and
// MaxMaps how many feature maps a CNN's shows at most.
const (
	TopUnits = 8
	MaxMaps  = 32
)

// plan says how a network is explained: layers [0, head) compute the
// hidden units (after the first Linear) or the feature maps (after the
// first Conv2d), first is the index of that Linear or Conv2d, and kind is
// "" for a network that has neither up front.
type plan struct {
	kind        string
	first, head int
}

// unitwise are the layers that act on each hidden unit or channel alone,
// so the units after them still match the first layer's weight rows.
var unitwise = []string{"relu", "sigmoid", "tanh", "leaky_relu", "elu", "identity", "dropout"}

// planFor picks the explanation for a spec: the first-layer weights for a
// network whose first trained layer is Linear on the 784 pixels (after an
// optional flatten), the first convolution's maps for one that starts with
// Conv2d, nothing otherwise.
func planFor(s nn.Spec) plan {
	if len(s.Layers) == 0 {
		return plan{}
	}
	first := 0
	if s.Layers[0].Type == "flatten" {
		first = 1
	}
	if first >= len(s.Layers) {
		return plan{}
	}
	var kind string
	var extra []string
	switch l := s.Layers[first]; {
	case l.Type == "linear" && (first == 1 || len(s.Input) == 1):
		kind, extra = KindWeights, []string{"batchnorm1d"}
	case l.Type == "conv2d" && first == 0:
		kind, extra = KindFeatures, []string{"batchnorm2d", "dropout2d"}
	default:
		return plan{}
	}
	head := first + 1
	for head < len(s.Layers) && (slices.Contains(unitwise, s.Layers[head].Type) || slices.Contains(extra, s.Layers[head].Type)) {
		head++
	}
	return plan{kind: kind, first: first, head: head}
}

// Explain implements playground.Explainer for the predicted class.
func (n *Net) Explain(x []float32, class int) (ex *playground.Explanation, err error) {
	if class < 0 || class > 9 {
		return nil, fmt.Errorf("model %s: class %d is not a digit", n.Name, class)
	}
	defer core.Recover(&err)
	in, err := n.input(x)
	if err != nil {
		return nil, err
	}
	switch n.plan.kind {
	case KindWeights:
		return n.explainWeights(n.head(x, in), class)
	case KindFeatures:
		return n.explainFeatures(n.head(x, in))
	}
	return nil, nil
}

// explainWeights scores each hidden unit j by h_j · ∂score_class/∂h_j, how
// much the unit's activation raised the class's score (for a one-hidden-
// layer MLP that is h_j times the output weight from j to the class), and
// shows the first-layer weight rows of the best TopUnits.
func (n *Net) explainWeights(h *core.Tensor, class int) (*playground.Explanation, error) {
	p := n.plan
	lin := n.model.Layers[p.first].(*nn.Linear)
	var score []float32
	if p.head == len(n.model.Layers) {
		// No layers after the units: they are the class scores themselves,
		// and the class's own weight row is the whole story.
		score = make([]float32, h.Numel())
		score[class] = 1
	} else {
		h = h.Detach().SetRequiresGrad(true)
		logits := n.forward(h, p.head, len(n.model.Layers))
		onehot := make([]float32, 10)
		onehot[class] = 1
		logits.BackwardWith(core.FromSlice(onehot, 1, 10))
		if h.Grad() == nil {
			return nil, errors.New("explain: no gradient reached the hidden units")
		}
		g, hv := h.Grad().Data(), h.Data()
		score = make([]float32, len(hv))
		for j := range hv {
			score[j] = hv[j] * g[j]
		}
	}
	units := topPositive(score, TopUnits)
	n.weightsOnce.Do(func() { n.firstWeights = lin.Weight.Data() })
	w, inF := n.firstWeights, lin.Weight.Size(1)
	ex := &playground.Explanation{
		Kind:  KindWeights,
		Title: fmt.Sprintf("first-layer weights of the units that raised %d most (red +, blue −)", class),
	}
	for _, j := range units {
		ex.Tiles = append(ex.Tiles, playground.Tile{
			W: 28, H: 28, Pix: signedUnit(w[j*inF : (j+1)*inF]), Signed: true,
			Label: fmt.Sprintf("%+.2f", score[j]),
		})
	}
	return ex, nil
}

// explainFeatures shows the first convolution's maps h (after its batch
// norm and activation), each scaled to [0,1].
func (n *Net) explainFeatures(h *core.Tensor) (*playground.Explanation, error) {
	c, oh, ow := h.Size(1), h.Size(2), h.Size(3)
	v := h.Data()
	shown := min(c, MaxMaps)
	ex := &playground.Explanation{Kind: KindFeatures, Title: fmt.Sprintf("first convolution's %d feature maps", c)}
	if shown < c {
		ex.Title = fmt.Sprintf("first convolution's feature maps (%d of %d)", shown, c)
	}
	for ch := range shown {
		ex.Tiles = append(ex.Tiles, playground.Tile{
			W: ow, H: oh, Pix: unitRange(v[ch*oh*ow : (ch+1)*oh*ow]), Label: fmt.Sprintf("%d", ch),
		})
	}
	return ex, nil
}

// topPositive returns the indices of the k largest positive values, largest
// first (ties by index).
func topPositive(v []float32, k int) []int {
	idx := make([]int, 0, len(v))
	for i, x := range v {
		if x > 0 {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] > v[idx[b]] })
	return idx[:min(k, len(idx))]
}

// signedUnit scales v by its largest magnitude into [-1,1].
func signedUnit(v []float32) []float32 {
	var m float32
	for _, x := range v {
		m = max(m, x, -x)
	}
	out := make([]float32, len(v))
	if m > 0 {
		for i, x := range v {
			out[i] = x / m
		}
	}
	return out
}

// unitRange maps v's range onto [0,1]; a constant map is all zeros.
func unitRange(v []float32) []float32 {
	lo, hi := slices.Min(v), slices.Max(v)
	out := make([]float32, len(v))
	if hi > lo {
		for i, x := range v {
			out[i] = (x - lo) / (hi - lo)
		}
	}
	return out
}
