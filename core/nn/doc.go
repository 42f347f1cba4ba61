// Package nn holds the building blocks of neural networks: layers (Linear,
// Conv2d, pooling, BatchNorm, Dropout, activations), losses, weight
// initialisation, and Spec, a network described as data that the
// playground's builder edits, validates and turns into modules.
//
// A Module maps a batch of inputs to a batch of outputs and owns named
// parameters, as torch.nn.Module does. Layers start in training mode; Eval
// switches Dropout and BatchNorm to inference behaviour.
package nn
