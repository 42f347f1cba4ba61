// Package data feeds training: datasets, a DataLoader that cuts them into
// shuffled mini-batches, the MNIST and Fashion-MNIST image sets read from
// their canonical IDX files, and small seeded synthetic sets (XOR, circles,
// two gaussians, spirals, moons, sine and polynomial regression) for the
// course's first networks.
//
// A Dataset copies one sample at a time into slices the caller owns, so the
// DataLoader gathers a whole batch into one contiguous []float32 and makes a
// single tensor from it per batch, with no per-sample allocation.
//
// Classification targets are class indices stored as float numbers (a batch
// of them is a tensor of shape [B]); regression targets have shape [1] per
// sample ([B, 1] per batch).
//
// The course's counting: one iteration is one mini-batch, one epoch is one
// pass over the data, so an epoch has N / batch size iterations (rounded up,
// or down with DropLast). 60000 MNIST images in batches of 100 give 600
// iterations per epoch.
//
// Files are bad user input, never a reason to panic: the IDX reader checks
// magic numbers, dimensions and lengths, every file is checked against its
// SHA-256, and errors name the file and what is wrong with it. Missing files
// may be downloaded from mirrors; a download lands under its final name only
// after its checksum matched, so a failed one leaves nothing behind.
package data
