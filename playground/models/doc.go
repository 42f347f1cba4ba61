// Package models turns the model cards under static/models into
// playground Predictors. A card (NAME.json, written by cmd/train) holds the
// network as an nn.Spec, the name of its safetensors weights file and the
// recipe it was trained with, whose data settings say how to scale the
// input; models/index.json lists the cards the page offers, in order.
//
// A Net runs the network on one 28x28 digit and returns its ten class
// probabilities. It is also a playground.Explainer: for a network whose
// first layer is Linear on the 784 pixels it shows the first-layer weights
// of the hidden units that did most for the predicted class, and for a
// convolutional network the feature maps of its first convolution.
//
// Fetching is left to the caller (the browser's fetch in wasm/, files on
// disk in tests), so this package is plain Go and tested natively.
package models
