//go:build js && wasm

package webgpu

import (
	"strings"
	"syscall/js"
	"testing"

	"github.com/gograd/gograd/core/kernel"
)

// withGPU replaces navigator.gpu by v (shadowing the prototype's getter) for
// the duration of f.
func withGPU(v js.Value, f func()) {
	nav := js.Global().Get("navigator")
	js.Global().Get("Object").Call("defineProperty", nav, "gpu", map[string]any{"value": v, "configurable": true})
	defer js.Global().Get("Reflect").Call("deleteProperty", nav, "gpu")
	f()
}

func TestNewErrors(t *testing.T) {
	fake := func(body string) js.Value { return js.Global().Get("Function").New(body).Invoke() }
	cases := []struct {
		name, want string
		gpu        js.Value
	}{
		{"no navigator.gpu", "navigator.gpu is missing", js.Undefined()},
		{"no adapter", "no adapter", fake("return {requestAdapter: () => Promise.resolve(null)}")},
		{"adapter refused", "requestAdapter: blocked by test", fake("return {requestAdapter: () => Promise.reject(new Error('blocked by test'))}")},
	}
	for _, tc := range cases {
		withGPU(tc.gpu, func() {
			_, err := New()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: New() error = %v, want one containing %q", tc.name, err, tc.want)
			}
		})
	}
	if _, err := New(); err != nil {
		t.Fatalf("navigator.gpu not restored: %v", err)
	}
}

func TestDeviceLost(t *testing.T) {
	be, err := New()
	if err != nil {
		t.Fatal(err)
	}
	buf := be.FromFloat32([]float32{1, 2, 3})
	be.dev.v.Call("destroy")
	if _, err := await(be.dev.v.Get("lost")); err != nil {
		t.Fatal(err)
	}
	if err := be.Err(); err == nil || !strings.Contains(err.Error(), "device lost") {
		t.Fatalf("Err() after destroy = %v, want a device-lost error", err)
	}
	defer func() {
		r := recover()
		if r == nil || !strings.Contains(fmtPanic(r), "device lost") {
			t.Errorf("ReadFloat32 on a lost device: panic %v, want a device-lost panic", r)
		}
	}()
	be.ReadFloat32(buf, make([]float32, 3))
}

func fmtPanic(r any) string {
	if err, ok := r.(error); ok {
		return err.Error()
	}
	if s, ok := r.(string); ok {
		return s
	}
	return ""
}

// TestShortBuffersPanic checks that a kernel given a buffer too short for
// its arguments panics, as the CPU backend does, instead of letting WebGPU
// clamp the out-of-range accesses.
func TestShortBuffersPanic(t *testing.T) {
	be := testBackend
	short, long := be.New(5), be.New(100)
	cases := map[string]func(){
		"Unary":   func() { be.Unary(0, short, long, 1, 0) },
		"Binary":  func() { be.Binary(0, long, short, long, []int{10}, []int{1}, []int{1}) },
		"Copy":    func() { be.Copy(long, 0, []int{1}, short, 2, []int{1}, []int{4}) },
		"Reduce":  func() { be.Reduce(0, long, short, 2, 3, 1) },
		"MatMul":  func() { be.MatMul(long, short, long, kernel.MatMulParams{Batch: 1, M: 2, K: 3, N: 2}) },
		"Gather":  func() { be.Gather(long, long, short, 1, 10, 1, 6) },
		"SGDStep": func() { be.SGDStep(long, short, nil, kernel.SGDParams{LR: 1}) },
	}
	for name, f := range cases {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(fmtPanic(r), "needs") {
					t.Errorf("%s with a short buffer: panic %v, want a length panic", name, r)
				}
			}()
			f()
		}()
	}
}

func TestClose(t *testing.T) {
	be, err := New()
	if err != nil {
		t.Fatal(err)
	}
	b := be.New(1000)
	be.Fill(b, 1)
	be.New(2000) // dropped: its buffer may sit in the pool
	be.Close()
	if _, err := await(be.dev.v.Get("lost")); err != nil {
		t.Fatal(err)
	}
	if err := be.Err(); err == nil || !strings.Contains(err.Error(), "destroyed") {
		t.Fatalf("Err() after Close = %v, want the device reported destroyed", err)
	}
}

func TestUncapturedErrorReported(t *testing.T) {
	be, err := New()
	if err != nil {
		t.Fatal(err)
	}
	defer be.Close()
	// MAP_READ may only be combined with COPY_DST: a validation error
	// outside any error scope.
	be.dev.createBuffer(16, usageMapRead|usageStorage)
	if err := be.Sync(); err == nil {
		t.Fatal("Sync after an invalid createBuffer returned no error")
	} else {
		t.Log(err)
	}
}

// TestOutOfMemoryReported checks that an out-of-memory error the device
// raises outside any error scope (as createBuffer does when memory runs
// out) reaches Sync and makes the next read panic. The error is dispatched
// as the device would dispatch it: exhausting real memory on a shared
// machine to provoke one is not an option.
func TestOutOfMemoryReported(t *testing.T) {
	be, err := New()
	if err != nil {
		t.Fatal(err)
	}
	defer be.Close()
	buf := be.FromFloat32([]float32{1, 2})
	oom := js.Global().Get("GPUOutOfMemoryError").New("test: out of memory creating a buffer")
	ev := js.Global().Get("GPUUncapturedErrorEvent").New("uncapturederror", map[string]any{"error": oom})
	be.dev.v.Call("dispatchEvent", ev)
	if err := be.Sync(); err == nil || !strings.Contains(err.Error(), "out of memory") {
		t.Fatalf("Sync after an out-of-memory error = %v, want it reported", err)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmtPanic(r), "out of memory") {
			t.Errorf("ReadFloat32 after an out-of-memory error: panic %v, want the error", r)
		}
	}()
	be.ReadFloat32(buf, make([]float32, 2))
}
