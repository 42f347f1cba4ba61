package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

func decode(t *testing.T, p string) string {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader
	switch filepath.Ext(p) {
	case ".br":
		r = brotli.NewReader(f)
	case ".gz":
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestPrecompress(t *testing.T) {
	dir := t.TempDir()
	page := strings.Repeat("<p>gograd</p>\n", 200)
	writeFile(t, dir, "index.html", page, t0)
	writeFile(t, dir, "models/net.json", `{"layers":[784,256,10]}`, t0)
	writeFile(t, dir, "logo.png", "\x89PNG", t0)
	writeFile(t, dir, ".hidden.js", "x", t0)

	if err := precompress(dir, quiet); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"index.html.br", "index.html.gz"} {
		if got := decode(t, filepath.Join(dir, p)); got != page {
			t.Errorf("%s does not decode to index.html", p)
		}
	}
	if got := decode(t, filepath.Join(dir, "models/net.json.gz")); got != `{"layers":[784,256,10]}` {
		t.Errorf("models/net.json.gz = %q", got)
	}
	for _, p := range []string{"logo.png.gz", ".hidden.js.gz", "index.html.br.gz"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
			t.Errorf("precompress wrote %s", p)
		}
	}

	// Fresh copies are left alone.
	br := filepath.Join(dir, "index.html.br")
	old := t0.Add(time.Hour)
	if err := os.Chtimes(br, old, old); err != nil {
		t.Fatal(err)
	}
	if err := precompress(dir, quiet); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(br); !fi.ModTime().Equal(old) {
		t.Error("precompress rewrote a fresh index.html.br")
	}

	// An edited source gets new copies.
	edited := "<p>edited</p>"
	writeFile(t, dir, "index.html", edited, t0.Add(2*time.Hour))
	if err := precompress(dir, quiet); err != nil {
		t.Fatal(err)
	}
	if got := decode(t, br); got != edited {
		t.Errorf("after an edit index.html.br decodes to %q, want %q", got, edited)
	}
}

func TestCopyWasmExec(t *testing.T) {
	goroot := t.TempDir()
	static := t.TempDir()
	writeFile(t, goroot, "lib/wasm/wasm_exec.js", "// runtime v1", t0)
	if err := copyWasmExec(goroot, static); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(static, "wasm_exec.js")
	if b, _ := os.ReadFile(dst); !bytes.Equal(b, []byte("// runtime v1")) {
		t.Fatalf("wasm_exec.js = %q", b)
	}
	if err := os.Chtimes(dst, t0, t0); err != nil {
		t.Fatal(err)
	}
	if err := copyWasmExec(goroot, static); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(dst); !fi.ModTime().Equal(t0) {
		t.Error("an identical wasm_exec.js was rewritten, which would make its variants stale")
	}
	writeFile(t, goroot, "lib/wasm/wasm_exec.js", "// runtime v2", t0)
	if err := copyWasmExec(goroot, static); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(dst); string(b) != "// runtime v2" {
		t.Errorf("after a toolchain change wasm_exec.js = %q", b)
	}
}
