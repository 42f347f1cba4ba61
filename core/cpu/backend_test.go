package cpu

import "github.com/gograd/gograd/core/kernel"

var (
	_ kernel.Backend = New()
	_ kernel.Backend = New64()
)
