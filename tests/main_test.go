package tests

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// serveBin is the cmd/serve binary that TestMain builds once for all tests.
var serveBin string

// repoRoot is the module root; go test runs in tests/.
const repoRoot = ".."

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gograd-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	serveBin = filepath.Join(dir, "serve")
	build := exec.Command("go", "build", "-o", serveBin, "./cmd/serve")
	build.Dir = repoRoot
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	code := 1
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building cmd/serve:", err)
	} else {
		code = m.Run()
	}
	os.RemoveAll(dir)
	os.Exit(code)
}
