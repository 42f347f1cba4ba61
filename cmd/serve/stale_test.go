package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestNewestSource(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "go.mod", "module x", t0)
	writeFile(t, root, "core/a.go", "package core", t0.Add(time.Hour))
	writeFile(t, root, "webgpu/k.wgsl", "// shader", t0.Add(2*time.Hour))
	// None of these can reach a binary, so none may make it stale.
	writeFile(t, root, "core/a_test.go", "package core", t0.Add(10*time.Hour))
	writeFile(t, root, "core/testdata/x.txt", "x", t0.Add(10*time.Hour))
	writeFile(t, root, "core/.x.go.swp", "x", t0.Add(10*time.Hour))
	writeFile(t, root, "other/b.go", "package other", t0.Add(10*time.Hour))

	got, err := newestSource(root, "core", "webgpu", "missing")
	if err != nil {
		t.Fatal(err)
	}
	if want := t0.Add(2 * time.Hour); !got.Equal(want) {
		t.Errorf("newestSource = %v, want %v (the shader)", got, want)
	}

	writeFile(t, root, "go.sum", "", t0.Add(3*time.Hour))
	got, err = newestSource(root, "core")
	if err != nil {
		t.Fatal(err)
	}
	if want := t0.Add(3 * time.Hour); !got.Equal(want) {
		t.Errorf("newestSource after touching go.sum = %v, want %v", got, want)
	}
}

func TestIsStale(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "out.wasm", "x", t0)
	if isStale(p, t0.Add(-time.Second)) {
		t.Error("a target newer than its sources is stale")
	}
	if isStale(p, t0) {
		t.Error("a target as new as its sources is stale")
	}
	if !isStale(p, t0.Add(time.Second)) {
		t.Error("a target older than its sources is not stale")
	}
	if !isStale(filepath.Join(dir, "missing.wasm"), t0) {
		t.Error("a missing target is not stale")
	}
}

func TestBuildWasmSkipsFreshTargets(t *testing.T) {
	root := t.TempDir()
	static := t.TempDir()
	writeFile(t, root, "go.mod", "module x", t0)
	writeFile(t, root, "wasm/main.go", "package main", t0)
	writeFile(t, static, "gograd.wasm", "built", t0.Add(time.Hour))
	// Fresh page binary and no worker package: nothing to build, so this
	// succeeds without running the go command on the fake module.
	if err := buildWasm(root, static, quiet); err != nil {
		t.Fatalf("buildWasm with fresh targets: %v", err)
	}
}

func TestBuildWasmNeedsEntryPackage(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "go.mod", "module x", t0)
	err := buildWasm(root, t.TempDir(), quiet)
	if err == nil || !strings.Contains(err.Error(), "no Go package") {
		t.Fatalf("buildWasm without ./wasm: err = %v, want one naming the missing package", err)
	}
}

func TestBuildWasmReportsCompileErrors(t *testing.T) {
	root := t.TempDir()
	static := t.TempDir()
	writeFile(t, root, "go.mod", "module example.com/broken\n\ngo 1.26\n", t0)
	writeFile(t, root, "wasm/main.go", "package main\n\nfunc main() { undefined() }\n", t0)
	err := buildWasm(root, static, quiet)
	if err == nil || !strings.Contains(err.Error(), "undefined") {
		t.Fatalf("buildWasm of a broken package: err = %v, want the compiler's message", err)
	}
	if !isStale(filepath.Join(static, "gograd.wasm"), t0) {
		t.Error("a failed build left a gograd.wasm behind")
	}
}
