package train

import (
	"fmt"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/nn"
)

// LossNames lists the losses a Recipe accepts.
var LossNames = []string{"mse", "mse_half_sum", "bce", "bce_with_logits", "cross_entropy", "nll", "huber"}

// Loss is a named loss function that also adapts the targets a DataLoader
// delivers to the network's output: class indices [B] become one-hot rows
// for the element-wise losses when the output has several columns, or a
// column [B, 1] when it has one.
type Loss struct {
	Name string
	// Summed is true when the loss adds over samples instead of averaging,
	// so a whole set's loss is the sum of its batches' losses.
	Summed bool
	// Logits is true when the network's outputs are raw scores (the loss
	// applies the sigmoid or softmax itself); a one-column classifier then
	// predicts class 1 above 0 instead of above 0.5.
	Logits bool
	fn     func(pred, target *core.Tensor) *core.Tensor
	// indices is true when the loss takes class indices as they come.
	indices bool
}

// NewLoss returns the loss with the given name, one of LossNames.
func NewLoss(name string) (Loss, error) {
	l := Loss{Name: name}
	switch name {
	case "mse":
		l.fn = nn.MSELoss{}.Loss
	case "mse_half_sum":
		l.fn, l.Summed = nn.MSELoss{Reduction: nn.HalfSum}.Loss, true
	case "bce":
		l.fn = nn.BCELoss{}.Loss
	case "bce_with_logits":
		l.fn, l.Logits = nn.BCEWithLogitsLoss{}.Loss, true
	case "cross_entropy":
		l.fn, l.Logits, l.indices = nn.CrossEntropyLoss{}.Loss, true, true
	case "nll":
		l.fn, l.indices = nn.NLLLoss{}.Loss, true
	case "huber":
		l.fn = nn.HuberLoss{}.Loss
	default:
		return Loss{}, fmt.Errorf("unknown loss %q (want one of %v)", name, LossNames)
	}
	return l, nil
}

// Compute returns the loss of the network's output pred against the
// targets of a batch.
func (l Loss) Compute(pred, target *core.Tensor) *core.Tensor {
	return l.fn(pred, l.Target(pred, target))
}

// Target adapts a batch's targets to the shape the loss compares with pred.
func (l Loss) Target(pred, target *core.Tensor) *core.Tensor {
	if l.indices || target.Dim() != 1 || pred.Dim() != 2 {
		return target
	}
	if pred.Size(1) == 1 {
		return target.Reshape(-1, 1)
	}
	return nn.OneHot(target, pred.Size(1))
}
