package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// t0 is a fixed time for files whose age matters.
var t0 = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// writeFile creates dir/name (and its parents) with content and mod time.
func writeFile(t *testing.T, dir, name, content string, mod time.Time) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, mod, mod); err != nil {
		t.Fatal(err)
	}
	return p
}

func quiet(string, ...any) {}
