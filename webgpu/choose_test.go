//go:build js && wasm

package webgpu

import (
	"context"
	"strings"
	"syscall/js"
	"testing"
	"time"
)

func TestChooseWebGPU(t *testing.T) {
	c := Choose(context.Background())
	t.Log(c.Reason)
	if !c.WebGPU() || !strings.HasPrefix(c.Reason, "webgpu: ") || c.Backend.Name() != "webgpu" {
		t.Fatalf("Choose on a runtime with WebGPU = %q (%s backend), want webgpu", c.Reason, c.Backend.Name())
	}
	c.Backend.(*Backend).Close()
}

func TestChooseFallsBackToCPU(t *testing.T) {
	fake := func(body string) js.Value { return js.Global().Get("Function").New(body).Invoke() }
	cases := []struct {
		name, want string
		gpu        js.Value
		timeout    time.Duration
	}{
		{"no navigator.gpu", "cpu: webgpu: navigator.gpu is missing", js.Undefined(), time.Minute},
		{"no adapter", "cpu: webgpu: no adapter", fake("return {requestAdapter: () => Promise.resolve(null)}"), time.Minute},
		{"adapter never answers", "cpu: webgpu: no working device before the deadline", fake("return {requestAdapter: () => new Promise(() => {})}"), 50 * time.Millisecond},
	}
	for _, tc := range cases {
		withGPU(tc.gpu, func() {
			ctx, cancel := context.WithTimeout(context.Background(), tc.timeout)
			defer cancel()
			c := Choose(ctx)
			if c.WebGPU() || c.Backend.Name() != "cpu" || !strings.HasPrefix(c.Reason, tc.want) {
				t.Errorf("%s: Choose = %q on %s, want the cpu backend and a reason starting %q", tc.name, c.Reason, c.Backend.Name(), tc.want)
			}
		})
	}
}

// TestProbeFailsOnLostDevice checks that the probe Choose relies on turns
// a broken device into an error rather than a panic or a wrong answer.
func TestProbeFailsOnLostDevice(t *testing.T) {
	be, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if err := probe(be); err != nil {
		t.Fatalf("probe on a working device: %v", err)
	}
	be.dev.v.Call("destroy")
	if _, err := await(be.dev.v.Get("lost")); err != nil {
		t.Fatal(err)
	}
	if err := probe(be); err == nil || !strings.Contains(err.Error(), "device lost") {
		t.Fatalf("probe on a destroyed device = %v, want a device-lost error", err)
	}
}
