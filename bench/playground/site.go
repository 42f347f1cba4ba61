package main

import (
	"fmt"
	"os/exec"
)

// exportSite writes the site with cmd/serve -export into dir, so the pages
// are measured exactly as a static host would serve them.
func exportSite(root, serveBin, dir string) error {
	cmd := exec.Command(serveBin, "-export", dir)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("cmd/serve -export: %v\n%s", err, out)
	}
	return nil
}
