//go:build js && wasm

package webgpu

import (
	"strings"
	"testing"

	"github.com/gograd/gograd/core/kernel"
)

func TestProfile(t *testing.T) {
	be := testBackend
	x := be.FromFloat32(benchData(300 * 300))
	y, z := be.New(300*300), be.New(300*300)
	if err := be.StartProfile(); err != nil {
		t.Fatal(err) // lavapipe and SwiftShader both offer timestamp-query
	}
	for range 3 {
		be.MatMul(y, x, x, kernel.MatMulParams{Batch: 1, M: 300, K: 300, N: 300})
	}
	// More dispatches than one batch holds, so several batches are timed.
	for range maxPending + 5 {
		be.Unary(kernel.ReLU, z, y, 0, 0)
	}
	times := be.StopProfile()
	if err := be.Err(); err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, k := range times {
		t.Logf("%-24s %4d %v", k.Kernel, k.Count, k.Total)
		entry, _, _ := strings.Cut(k.Kernel, " ")
		for _, family := range []string{"matmul", "unary"} {
			if strings.HasPrefix(entry, family) {
				entry = family
			}
		}
		count[entry] += k.Count
		if k.Total <= 0 {
			t.Errorf("%s: total time %v", k.Kernel, k.Total)
		}
	}
	if count["matmul"] != 3 || count["unary"] != maxPending+5 {
		t.Errorf("profile counted %v, want 3 matmuls and %d unary", count, maxPending+5)
	}
	if len(times) > 1 && times[0].Total < times[1].Total {
		t.Error("profile not sorted by total time")
	}
	if be.StopProfile() != nil {
		t.Error("a second StopProfile returned times")
	}
}
