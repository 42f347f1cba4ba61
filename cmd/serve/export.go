package main

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// exportSite copies every file under static (precompressed variants
// included, dotfiles left out) to dst, keeping modification times so that the
// variants stay as fresh as their sources, and adds api/sample, a JSON note
// saying that samples need the server. dst must not lie inside static.
func exportSite(static, dst string) error {
	absStatic, err := filepath.Abs(static)
	if err != nil {
		return err
	}
	absDst, err := filepath.Abs(dst)
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(absStatic, absDst)
	if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fmt.Errorf("export dir %s is inside the static dir %s", dst, static)
	}
	err = walkSite(absStatic, func(p string, _ fs.FileInfo) error {
		rel, err := filepath.Rel(absStatic, p)
		if err != nil {
			return err
		}
		out := filepath.Join(absDst, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return copyFile(p, out)
	})
	if err != nil {
		return err
	}
	return writeSampleNote(absDst)
}

// writeSampleNote puts staticSampleNote at api/sample in the exported site.
func writeSampleNote(dst string) error {
	b, err := json.Marshal(staticSampleNote)
	if err != nil {
		return err
	}
	p := filepath.Join(dst, "api", "sample")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, b, 0o644)
}

// copyFile copies src to dst with mode 0644 and src's modification time.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Chtimes(dst, fi.ModTime(), fi.ModTime())
}
