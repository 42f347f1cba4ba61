package main

import (
	"io/fs"
	"path/filepath"
	"strings"
)

// walkSite calls fn for each regular file under dir. Names starting with a
// dot are skipped, with everything under them: they are temporary build
// outputs and editor files, never part of the site (the handler refuses them
// too).
func walkSite(dir string, fn func(path string, fi fs.FileInfo) error) error {
	return filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(e.Name(), ".") && p != dir {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !e.Type().IsRegular() {
			return nil
		}
		fi, err := e.Info()
		if err != nil {
			return err
		}
		return fn(p, fi)
	})
}
