package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// newestSource returns the latest modification time among the files under
// root/dirs that a build can read, plus root/go.mod and root/go.sum. Test files
// and testdata are left out: they never end up in a binary. Non-Go files count
// because packages embed them (WGSL shaders, fonts). Missing dirs are skipped,
// as the planned packages may not exist yet.
func newestSource(root string, dirs ...string) (time.Time, error) {
	var newest time.Time
	note := func(t time.Time) {
		if t.After(newest) {
			newest = t
		}
	}
	for _, f := range []string{"go.mod", "go.sum"} {
		if fi, err := os.Stat(filepath.Join(root, f)); err == nil {
			note(fi.ModTime())
		}
	}
	for _, d := range dirs {
		err := filepath.WalkDir(filepath.Join(root, d), func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := e.Name()
			if e.IsDir() {
				if name == "testdata" || (strings.HasPrefix(name, ".") && p != filepath.Join(root, d)) {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(name, "_test.go") || strings.HasPrefix(name, ".") {
				return nil
			}
			fi, err := e.Info()
			if err != nil {
				return err
			}
			note(fi.ModTime())
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return time.Time{}, err
		}
	}
	return newest, nil
}

// isStale reports whether target is missing or older than t.
func isStale(target string, t time.Time) bool {
	fi, err := os.Stat(target)
	return err != nil || fi.ModTime().Before(t)
}
