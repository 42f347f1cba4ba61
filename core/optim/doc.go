// Package optim holds gograd's optimizers, learning-rate schedulers and
// gradient clipping, named and computed as in torch.optim.
//
// An Optimizer updates a fixed list of parameter tensors in place from the
// gradients Backward left on them:
//
//	opt := optim.NewSGD(model.Parameters(), optim.SGDOptions{LR: 0.1, Momentum: 0.9})
//	for ... {
//		opt.ZeroGrad()
//		loss := ...
//		loss.Backward()
//		opt.Step()
//	}
//
// SGD and Adam/AdamW update each parameter with one fused backend kernel
// (kernel.Backend.SGDStep and AdamStep), so on a GPU a step is one dispatch
// per parameter. Adagrad, Adadelta and RMSprop are built from tensor ops and
// then copy the result into the parameter's existing storage, so modules that
// hold the parameter see the new values.
//
// A Scheduler changes an optimizer's learning rate as training goes on. Its
// LRAt is a pure function of the step number, so the playground can plot a
// whole schedule before training; Step advances the schedule by one and sets
// the optimizer's learning rate.
//
// ClipGradNorm caps the joint L2 norm of the gradients before a Step, as
// torch.nn.utils.clip_grad_norm_ does.
package optim
