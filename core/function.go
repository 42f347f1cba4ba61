package core

// Function records a differentiable operation defined outside core. out is
// its result, already computed from inputs by other means (usually other
// ops under NoGrad, so that no graph runs through them); backward gets the
// gradient of out and returns one gradient per input, shaped like that
// input, or nil where an input needs none. It lets a composite such as a
// loss give itself a numerically safer gradient than the chain rule through
// its parts would (nn.BCELoss does at probabilities 0 and 1). Like every
// op, it records nothing under NoGrad or when no input requires a gradient.
// out must not already have a graph of its own nor be one of the inputs.
func Function(op string, out *Tensor, backward func(grad *Tensor) []*Tensor, inputs ...*Tensor) *Tensor {
	if !out.IsLeaf() || out.requiresGrad {
		panicf(op, ErrGrad, nil, "the result passed to Function already has a graph (made by %q); compute it under NoGrad", out.GradFn())
	}
	for _, in := range inputs {
		if in == out {
			panicf(op, ErrGrad, nil, "the result passed to Function is one of its inputs")
		}
	}
	return record(op, out, backward, inputs...)
}
