// Package train runs training: a Trainer that takes one optimization step
// at a time (so a playground scene can step once per frame and a command
// can loop), and Recipe, a whole run described as data — data set, network
// spec, loss, optimizer, schedule, batch size, epochs, seed — with the
// course's named runs built in (xor, mlp, baseline and its improvements,
// cnn, and three optimizers on one regression problem).
//
// The course's counting is used throughout: one iteration (step) is one
// mini-batch, one epoch is one pass over the training set, so an epoch has
// ceil(N / batch) iterations, or floor(N / batch) when the last short batch
// is dropped.
//
// Everything random draws from the recipe's seed — weights, dropout masks,
// the batch order, the synthetic points — so the same recipe and seed give
// the same loss sequence on every run.
package train
