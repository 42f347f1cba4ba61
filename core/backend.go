package core

import (
	"sync/atomic"

	"github.com/gograd/gograd/core/cpu"
	"github.com/gograd/gograd/core/kernel"
)

// Backend is the set of kernels a device implements; see package kernel.
type Backend = kernel.Backend

var defaultBackend atomic.Value

func init() { defaultBackend.Store(Backend(cpu.New())) }

// DefaultBackend returns the backend that constructors use.
func DefaultBackend() Backend { return defaultBackend.Load().(Backend) }

// SetDefaultBackend makes b the backend that constructors use from now on.
// Tensors already made stay where they are.
func SetDefaultBackend(b Backend) { defaultBackend.Store(b) }
