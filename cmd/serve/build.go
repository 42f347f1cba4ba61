package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// wasmTarget is a Go package built for GOOS=js GOARCH=wasm into static/.
type wasmTarget struct {
	pkg      string // relative to the module root
	out      string // file name in the static dir
	optional bool   // skipped when the package does not exist
}

// wasmTargets are the page's entry point and the training worker's.
var wasmTargets = []wasmTarget{
	{pkg: "wasm", out: "gograd.wasm"},
	{pkg: "wasm/worker", out: "worker.wasm", optional: true},
}

// sourceDirs hold every package the wasm binaries can import from this module.
var sourceDirs = []string{"core", "webgpu", "playground", "wasm"}

// buildWasm rebuilds each wasm target that is missing or older than the
// newest source. It builds into a temporary file and renames it, so a server
// never hands out a half-written binary.
func buildWasm(root, static string, logf func(string, ...any)) error {
	newest, err := newestSource(root, sourceDirs...)
	if err != nil {
		return err
	}
	for _, t := range wasmTargets {
		if !hasGoFiles(filepath.Join(root, t.pkg)) {
			if t.optional {
				continue
			}
			return fmt.Errorf("build %s: no Go package at %s", t.out, filepath.Join(root, t.pkg))
		}
		out := filepath.Join(static, t.out)
		if !isStale(out, newest) {
			continue
		}
		logf("building %s from ./%s", out, t.pkg)
		if err := goBuildWasm(root, "./"+t.pkg, out); err != nil {
			return err
		}
	}
	return nil
}

// goBuildWasm runs go build for js/wasm and moves the result to out.
func goBuildWasm(root, pkg, out string) error {
	tmp, err := os.CreateTemp(filepath.Dir(out), ".build-*.wasm")
	if err != nil {
		return err
	}
	tmp.Close()
	defer os.Remove(tmp.Name())
	// -trimpath and -s -w leave out build paths and the symbol table, which
	// the browser never uses (see bench/README.md for the sizes).
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", tmp.Name(), pkg)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build %s for js/wasm: %v\n%s", pkg, err, stderr.String())
	}
	return os.Rename(tmp.Name(), out)
}

// hasGoFiles reports whether dir directly holds a non-test .go file.
func hasGoFiles(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
			return true
		}
	}
	return false
}

// goEnv returns the value of one `go env` variable.
func goEnv(name string) (string, error) {
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		return "", fmt.Errorf("go env %s: %w", name, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// copyWasmExec copies the toolchain's wasm_exec.js into static, which must
// match the Go version that built the wasm. It rewrites the copy only when the
// bytes differ, so the precompressed variants stay fresh.
func copyWasmExec(goroot, static string) error {
	src := filepath.Join(goroot, "lib", "wasm", "wasm_exec.js")
	want, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	dst := filepath.Join(static, "wasm_exec.js")
	if have, err := os.ReadFile(dst); err == nil && bytes.Equal(have, want) {
		return nil
	}
	return writeFileAtomic(dst, want)
}

// writeFileAtomic writes data to a temporary file next to name and renames it.
func writeFileAtomic(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}
