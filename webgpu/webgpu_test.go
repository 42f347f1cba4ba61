//go:build js && wasm

package webgpu

import (
	"context"
	"fmt"
	"os"
	"testing"
)

// testBackend is shared by all tests: creating a device takes a while, and
// the pipeline cache then makes later tests fast.
var testBackend *Backend

func TestMain(m *testing.M) {
	be, err := New()
	if err != nil {
		fmt.Fprintln(os.Stderr, "webgpu tests need WebGPU (run scripts/test-webgpu.sh):", err)
		os.Exit(1)
	}
	testBackend = be
	fmt.Println("adapter:", be.Adapter())
	os.Exit(m.Run())
}

func TestKernels(t *testing.T) {
	for i, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if err := runCheck(testBackend, c, uint64(i)); err != nil {
				t.Error(err)
			}
		})
	}
	if err := testBackend.Err(); err != nil {
		t.Fatal(err)
	}
}

func TestSelfTest(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if errs := SelfTest(ctx, testBackend); len(errs) != 1 || errs[0] != context.Canceled {
		t.Fatalf("SelfTest with a cancelled context = %v, want [context.Canceled]", errs)
	}
}
