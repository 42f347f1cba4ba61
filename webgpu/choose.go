//go:build js && wasm

package webgpu

import (
	"context"
	"fmt"
	"slices"

	"github.com/gograd/gograd/core/cpu"
	"github.com/gograd/gograd/core/kernel"
)

// Choice is the backend a page computes on, and why.
type Choice struct {
	// Backend is a *Backend when WebGPU works, else the CPU backend.
	Backend kernel.Backend
	// Reason says which and why, for the console and for tests:
	// "webgpu: ADAPTER" or "cpu: WHY WEBGPU IS NOT USED".
	Reason string
}

// WebGPU reports whether the choice is the WebGPU backend.
func (c Choice) WebGPU() bool {
	_, ok := c.Backend.(*Backend)
	return ok
}

// Choose picks a page's backend at startup: WebGPU when navigator.gpu gives
// an adapter and a device that compile, run and read back a small kernel
// correctly before ctx ends, the CPU backend otherwise. It never fails: a
// page without WebGPU still works, on the CPU, and Reason says why.
//
// The probe runs one kernel, not SelfTest: SelfTest compiles every
// pipeline, seconds on a software adapter, while this one pipeline is
// enough to catch a runtime whose WGSL compiler rejects the shaders or
// whose device is unusable. Like every method that waits on the GPU,
// Choose must not be called from a js.FuncOf callback.
func Choose(ctx context.Context) Choice {
	type result struct {
		be  *Backend
		err error
	}
	done := make(chan result, 1)
	go func() {
		be, err := New()
		if err == nil {
			err = probe(be)
		}
		done <- result{be, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			if r.be != nil {
				r.be.Close()
			}
			return cpuChoice(r.err)
		}
		return Choice{Backend: r.be, Reason: "webgpu: " + r.be.Adapter()}
	case <-ctx.Done():
		// The probe may still finish: free its device then.
		go func() {
			if r := <-done; r.be != nil {
				r.be.Close()
			}
		}()
		return cpuChoice(fmt.Errorf("webgpu: no working device before the deadline: %w", ctx.Err()))
	}
}

func cpuChoice(err error) Choice {
	return Choice{Backend: cpu.New(), Reason: "cpu: " + err.Error()}
}

// probe adds a small vector to itself on the device and checks the sum.
func probe(be *Backend) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("webgpu: probe kernel: %v", r)
		}
	}()
	x := be.FromFloat32([]float32{1, 2, 3, -4.5, 0.25})
	y := be.New(x.Len())
	be.Binary(kernel.Add, y, x, x, []int{x.Len()}, []int{1}, []int{1})
	got := make([]float32, y.Len())
	be.ReadFloat32(y, got)
	if err := be.Err(); err != nil {
		return err
	}
	if want := []float32{2, 4, 6, -9, 0.5}; !slices.Equal(got, want) {
		return fmt.Errorf("webgpu: probe kernel computed %v, want %v", got, want)
	}
	return nil
}
