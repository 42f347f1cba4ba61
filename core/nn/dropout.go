package nn

import "github.com/gograd/gograd/core"

// Dropout zeroes each input with probability P in training and scales the
// rest by 1/(1-P), so inference needs no change. Channel (Dropout2d) drops
// whole feature maps of N×C×H×W inputs instead of single values. Masks come
// from a counter-based stream named by Seed, so a run repeats exactly on
// every backend.
type Dropout struct {
	leaf
	P       float64
	Seed    uint64
	Channel bool
	drawn   uint64 // how many random numbers earlier calls consumed
}

// NewDropout returns element-wise dropout.
func NewDropout(p float64, seed uint64) *Dropout {
	return &Dropout{leaf: leaf{training: true}, P: p, Seed: seed}
}

// NewDropout2d returns channel-wise dropout.
func NewDropout2d(p float64, seed uint64) *Dropout {
	d := NewDropout(p, seed)
	d.Channel = true
	return d
}

// Forward implements Module.
func (d *Dropout) Forward(x *core.Tensor) *core.Tensor {
	if !d.training || d.P == 0 {
		return x
	}
	offset := d.drawn
	if d.Channel {
		d.drawn += uint64(x.Size(0) * x.Size(1))
		return core.Dropout2d(x, d.P, d.Seed, offset)
	}
	d.drawn += uint64(x.Numel())
	return core.Dropout(x, d.P, d.Seed, offset)
}
