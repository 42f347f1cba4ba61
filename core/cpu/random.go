package cpu

import "github.com/gograd/gograd/core/kernel"

// RandomUniform implements kernel.Backend.
func (be *Backend[T]) RandomUniform(dst kernel.Buffer, seed, offset uint64) {
	d := be.data(dst)
	for i := range d {
		d[i] = T(kernel.CounterUniform(seed, offset+uint64(i)))
	}
}
