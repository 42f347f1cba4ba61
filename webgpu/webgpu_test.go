//go:build js && wasm

package webgpu

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
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

// TestSelfTest runs SelfTest as a page would, on inputs it has not seen
// before, and checks that it reports every check once, in order.
func TestSelfTest(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	var got []string
	errs := SelfTest(context.Background(), testBackend, seed, func(r CheckResult) {
		t.Logf("%-14s %6.0f ms %v", r.Name, float64(r.Duration.Microseconds())/1e3, r.Err)
		got = append(got, r.Name)
	})
	for _, err := range errs {
		t.Error(err)
	}
	if len(got) != len(checks) {
		t.Fatalf("SelfTest reported %d checks, want %d", len(got), len(checks))
	}
	for i, c := range checks {
		if got[i] != c.name {
			t.Errorf("report %d is %q, want %q", i, got[i], c.name)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if errs := SelfTest(ctx, testBackend, seed, nil); len(errs) != 1 || errs[0] != context.Canceled {
		t.Fatalf("SelfTest with a cancelled context = %v, want [context.Canceled]", errs)
	}
}

func TestCompileErrors(t *testing.T) {
	binds := []bindKind{bindReadWrite}
	cases := []struct {
		name, src, entry string
	}{
		{"syntax.wgsl", "fn broken( {", "main"},
		{"noentry.wgsl", "@group(0) @binding(1) var<storage, read_write> d: array<f32>;\n@compute @workgroup_size(1) fn main() { d[0] = 1.0; }", "missing"},
		{"types.wgsl", "@group(0) @binding(1) var<storage, read_write> d: array<f32>;\n@compute @workgroup_size(1) fn main() { d[0] = 1u; }", "main"},
	}
	for _, tc := range cases {
		testBackend.mu.Lock()
		_, err := testBackend.build(tc.name, tc.src, binds, tc.entry)
		testBackend.mu.Unlock()
		if err == nil {
			t.Errorf("%s: compiled without error", tc.name)
			continue
		}
		if !strings.Contains(err.Error(), tc.name) || !strings.Contains(err.Error(), tc.entry) {
			t.Errorf("%s: error %q does not name the shader and entry point", tc.name, err)
		}
		t.Log(err)
	}
	if err := testBackend.Err(); err != nil {
		t.Fatalf("a caught compile error leaked as an uncaptured error: %v", err)
	}
}

// TestPoolBudgetCollects drops many buffers without any Go allocation
// pressure: only the pool's byte budget can make the collector return them.
func TestPoolBudgetCollects(t *testing.T) {
	p := testBackend.pool
	p.mu.Lock()
	saved := p.budget
	p.budget = p.live + 1<<20
	before := p.created
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		p.budget = max(saved, p.budget)
		p.mu.Unlock()
	}()
	const count, size = 200, 64 << 10 // 12.5 MiB in all
	for range count {
		testBackend.New(size / 4)
	}
	if created := p.created - before; created > count/2 {
		t.Errorf("%d of %d dropped buffers were new: the budget did not trigger collections", created, count)
	}
}

// TestGridSpread reruns kernel checks with the per-dimension workgroup
// limit lowered to 3, so that grids spread over x and y as they do for
// tensors of more than 16M elements on a real device.
func TestGridSpread(t *testing.T) {
	saved := testBackend.limits.maxWorkgroups
	testBackend.limits.maxWorkgroups = 3
	defer func() { testBackend.limits.maxWorkgroups = saved }()
	for i, c := range checks {
		if c.name == "MatMul" { // batches use the z dimension, up to the real limit
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			if err := runCheck(testBackend, c, uint64(100+i)); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestSizeClass(t *testing.T) {
	prev := 0
	for bytes := 1; bytes < 1<<24; bytes = bytes*3/2 + 1 {
		c := sizeClass(bytes)
		if c < bytes || c < prev || float64(c) > 1.25*float64(max(bytes, 1024)) {
			t.Fatalf("sizeClass(%d) = %d (previous class %d)", bytes, c, prev)
		}
		prev = c
	}
}
