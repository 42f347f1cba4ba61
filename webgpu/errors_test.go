//go:build js && wasm

package webgpu

import (
	"strings"
	"syscall/js"
	"testing"
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
