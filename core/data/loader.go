package data

import (
	"fmt"
	"iter"
	"math/rand/v2"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/kernel"
)

// Batch is one mini-batch: inputs X of shape [B, SampleShape...], targets Y
// of shape [B, TargetShape...], and the dataset indices of its samples.
type Batch struct {
	X, Y    *core.Tensor
	Indices []int
}

// Size is the number of samples in the batch.
func (b Batch) Size() int { return len(b.Indices) }

// LoaderOptions configure a DataLoader, as PyTorch's DataLoader arguments do.
type LoaderOptions struct {
	// Shuffle draws a new order of the samples each epoch. The order of
	// epoch e depends only on Seed and e, so runs with the same seed see the
	// same batches.
	Shuffle bool
	Seed    uint64
	// DropLast leaves out the last batch of an epoch when it would be
	// smaller than the batch size.
	DropLast bool
	// Backend holds the batch tensors; nil means core.DefaultBackend().
	Backend core.Backend
}

// DataLoader cuts a Dataset into mini-batches, one step at a time:
//
//	for b, ok := dl.Next(); ok; b, ok = dl.Next() { ... } // one epoch
//
// After the last batch of an epoch Next returns false once and moves on to
// the next epoch, so the same loop runs the next epoch too. A UI that takes
// one step per frame calls Next each frame and counts epochs by its false
// results (or reads Epoch).
type DataLoader struct {
	ds        Dataset
	batchSize int
	opts      LoaderOptions

	epoch int   // the epoch Next is drawing from, 0-based
	pos   int   // next position in order
	iter  int   // batches returned since Reset
	order []int // sample order of the current epoch

	xShape, yShape []int
	xn, yn         int
	// Batch buffers, reused: the backend copies them into its own storage.
	xbuf, ybuf []float32
}

// NewDataLoader returns a loader of ds in batches of batchSize. A batch size
// below 1 is a programmer error and panics.
func NewDataLoader(ds Dataset, batchSize int, opts LoaderOptions) *DataLoader {
	if batchSize < 1 {
		panic(fmt.Sprintf("data.NewDataLoader: batch size %d, want at least 1", batchSize))
	}
	if opts.Backend == nil {
		opts.Backend = core.DefaultBackend()
	}
	dl := &DataLoader{ds: ds, batchSize: batchSize, opts: opts,
		xShape: ds.SampleShape(), yShape: ds.TargetShape()}
	dl.xn, dl.yn = kernel.Numel(dl.xShape), kernel.Numel(dl.yShape)
	dl.order = make([]int, ds.Len())
	dl.Reset()
	return dl
}

// Len is the number of iterations (batches) per epoch: ceil(N / batch size),
// or floor(N / batch size) with DropLast.
func (dl *DataLoader) Len() int {
	n := dl.ds.Len()
	if dl.opts.DropLast {
		return n / dl.batchSize
	}
	return (n + dl.batchSize - 1) / dl.batchSize
}

// BatchSize is the number of samples in a full batch.
func (dl *DataLoader) BatchSize() int { return dl.batchSize }

// Dataset returns the dataset being loaded.
func (dl *DataLoader) Dataset() Dataset { return dl.ds }

// Epoch is the 0-based epoch that the next batch comes from; it equals the
// number of epochs completed.
func (dl *DataLoader) Epoch() int { return dl.epoch }

// Iteration is the number of batches returned since the last Reset.
func (dl *DataLoader) Iteration() int { return dl.iter }

// Reset goes back to the start of epoch 0; the same batches follow again.
func (dl *DataLoader) Reset() {
	dl.iter = 0
	dl.startEpoch(0)
}

// startEpoch lays out the sample order of epoch e and rewinds to its start.
func (dl *DataLoader) startEpoch(e int) {
	dl.epoch, dl.pos = e, 0
	for i := range dl.order {
		dl.order[i] = i
	}
	if dl.opts.Shuffle {
		// The epoch number is the PCG stream selector: each epoch's order
		// depends on nothing but the seed and the epoch.
		r := rand.New(rand.NewPCG(dl.opts.Seed, uint64(e)))
		r.Shuffle(len(dl.order), func(i, j int) { dl.order[i], dl.order[j] = dl.order[j], dl.order[i] })
	}
}

// Next returns the next batch of the current epoch. At the end of the epoch
// it returns false and moves to the next epoch (reshuffled when Shuffle).
func (dl *DataLoader) Next() (Batch, bool) {
	n := len(dl.order)
	b := min(dl.batchSize, n-dl.pos)
	if b <= 0 || (dl.opts.DropLast && b < dl.batchSize) {
		dl.startEpoch(dl.epoch + 1)
		return Batch{}, false
	}
	idx := make([]int, b)
	copy(idx, dl.order[dl.pos:dl.pos+b])
	dl.pos += b
	dl.iter++
	return dl.gather(idx), true
}

// Batches runs the rest of the current epoch as a sequence of batches, for
// range loops: for b := range dl.Batches() { ... }.
func (dl *DataLoader) Batches() iter.Seq[Batch] {
	return func(yield func(Batch) bool) {
		for b, ok := dl.Next(); ok; b, ok = dl.Next() {
			if !yield(b) {
				return
			}
		}
	}
}

// gather copies the samples at idx into one contiguous buffer per tensor.
func (dl *DataLoader) gather(idx []int) Batch {
	b := len(idx)
	if len(dl.xbuf) < b*dl.xn {
		dl.xbuf = make([]float32, dl.batchSize*dl.xn)
		dl.ybuf = make([]float32, dl.batchSize*dl.yn)
	}
	x, y := dl.xbuf[:b*dl.xn], dl.ybuf[:b*dl.yn]
	for k, i := range idx {
		dl.ds.Fill(i, x[k*dl.xn:(k+1)*dl.xn], y[k*dl.yn:(k+1)*dl.yn])
	}
	be := dl.opts.Backend
	return Batch{
		X:       core.FromSliceOn(be, x, append([]int{b}, dl.xShape...)...),
		Y:       core.FromSliceOn(be, y, append([]int{b}, dl.yShape...)...),
		Indices: idx,
	}
}
