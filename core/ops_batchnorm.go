package core

import "github.com/gograd/gograd/core/kernel"

// BatchNorm normalizes x of shape [N, C, ...] per channel (dimension 1), as
// torch.nn.functional.batch_norm does: y = (x − mean)/√(var + eps)·weight +
// bias. In training mode mean and var are the batch's (var biased), and
// runningMean and runningVar, when not nil, are updated in place with
// momentum, the variance unbiased as PyTorch keeps it; in eval mode the
// running statistics are used. weight and bias may be nil (no affine part).
//
// It is one graph node rather than a chain of elementwise ops because its
// closed-form backward touches the activation five times where the chain's
// touches it fifteen, and a CNN's BatchNorm layers run over its largest
// tensors.
func BatchNorm(x, runningMean, runningVar, weight, bias *Tensor, training bool, momentum, eps float64) *Tensor {
	if x.Dim() < 2 {
		panicf("BatchNorm", ErrShape, [][]int{x.shape}, "input must be N×C or N×C×...")
	}
	n, c, l := x.shape[0], x.shape[1], kernel.Numel(x.shape[2:])
	for _, p := range []*Tensor{runningMean, runningVar, weight, bias} {
		if p != nil && (p.Dim() != 1 || p.shape[0] != c) {
			panicf("BatchNorm", ErrShape, [][]int{x.shape, p.shape}, "statistics, weight and bias need one value per channel")
		}
	}
	if !training && (runningMean == nil || runningVar == nil) {
		panicf("BatchNorm", ErrShape, nil, "eval mode needs running statistics")
	}
	count := float64(n * l)
	x3 := newTensor(x.backend, x.buf, []int{n, c, l})
	perChannel := func(t *Tensor) *Tensor { return t.SumDim(2, false).SumDim(0, false) }
	column := func(t *Tensor) *Tensor { return t.Reshape(1, c, 1) }
	var centered, invstd, scale, out *Tensor
	NoGrad(func() {
		var mean, variance *Tensor
		if training {
			mean = perChannel(x3).MulScalar(1 / count)
			centered = x3.Sub(column(mean))
			variance = perChannel(centered.Mul(centered)).MulScalar(1 / count)
			if runningMean != nil {
				runningMean.Assign(runningMean.MulScalar(1 - momentum).Add(mean.MulScalar(momentum)))
			}
			if runningVar != nil {
				unbiased := variance.MulScalar(count / max(count-1, 1))
				runningVar.Assign(runningVar.MulScalar(1 - momentum).Add(unbiased.MulScalar(momentum)))
			}
		} else {
			mean, variance = runningMean, runningVar
			centered = x3.Sub(column(mean))
		}
		invstd = variance.AddScalar(eps).Pow(-0.5)
		scale = invstd
		if weight != nil {
			scale = invstd.Mul(weight)
		}
		out = centered.Mul(column(scale))
		if bias != nil {
			out = out.Add(column(bias))
		}
	})
	out = newTensor(out.backend, out.buf, cloneShape(x.shape))
	inputs := []*Tensor{x}
	if weight != nil {
		inputs = append(inputs, weight)
	}
	if bias != nil {
		inputs = append(inputs, bias)
	}
	return record("BatchNorm", out, func(g *Tensor) []*Tensor {
		g3 := newTensor(g.backend, g.buf, []int{n, c, l})
		sumG := perChannel(g3)
		// Σ g·x̂ per channel, with x̂ = centered·invstd.
		sumGXhat := perChannel(g3.Mul(centered)).Mul(invstd)
		grads := []*Tensor{nil}
		if x.requiresGrad {
			// Training: dx = scale·(g − mean(g) − x̂·mean(g·x̂)), the batch
			// statistics' own dependence on x folded in; eval: dx = scale·g.
			dx := g3.Mul(column(scale))
			if training {
				b := scale.Mul(invstd).Mul(sumGXhat).MulScalar(-1 / count)
				k := scale.Mul(sumG).MulScalar(-1 / count)
				dx = dx.Add(centered.Mul(column(b))).Add(column(k))
			}
			grads[0] = newTensor(dx.backend, dx.buf, cloneShape(x.shape))
		}
		if weight != nil {
			grads = append(grads, sumGXhat)
		}
		if bias != nil {
			grads = append(grads, sumG)
		}
		return grads
	}, inputs...)
}
