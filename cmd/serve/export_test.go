package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gograd/gograd/playground"
)

func TestExportSite(t *testing.T) {
	static := t.TempDir()
	writeFile(t, static, "index.html", "<p>hi</p>", t0)
	writeFile(t, static, "index.html.br", "br bytes", t0)
	writeFile(t, static, "models/mlp.safetensors", "weights", t0)
	writeFile(t, static, ".build-123.wasm", "partial", t0)
	dst := filepath.Join(t.TempDir(), "site")

	if err := exportSite(static, dst); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"index.html":             "<p>hi</p>",
		"index.html.br":          "br bytes",
		"models/mlp.safetensors": "weights",
	} {
		p := filepath.Join(dst, filepath.FromSlash(name))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("export lacks %s: %v", name, err)
			continue
		}
		if string(b) != want {
			t.Errorf("%s = %q, want %q", name, b, want)
		}
		if fi, _ := os.Stat(p); !fi.ModTime().Equal(t0) {
			t.Errorf("%s has mod time %v, want the source's %v", name, fi.ModTime(), t0)
		}
	}
	if _, err := os.Stat(filepath.Join(dst, ".build-123.wasm")); err == nil {
		t.Error("export copied a dotfile")
	}
	// A static host answers sample requests with a note the page shows.
	b, err := os.ReadFile(filepath.Join(dst, "api", "sample"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := playground.DecodeSample(b); err == nil || !strings.Contains(err.Error(), "need the gograd server") {
		t.Errorf("api/sample in the export reads as %v", err)
	}
}

func TestExportSiteRefusesDirInsideStatic(t *testing.T) {
	static := t.TempDir()
	writeFile(t, static, "index.html", "x", t0)
	for _, dst := range []string{static, filepath.Join(static, "out")} {
		if err := exportSite(static, dst); err == nil {
			t.Errorf("exportSite(%s, %s) succeeded; it would copy the site into itself", static, dst)
		}
	}
}
