package tests

import (
	"bufio"
	"io"
	"os/exec"
	"regexp"
	"testing"
	"time"
)

// startupTimeout covers a cold wasm build (Ebiten takes 35 s alone on an
// idle machine) and its precompression on a busy 2-core one.
const startupTimeout = 5 * time.Minute

var servingLine = regexp.MustCompile(`serving .* on (http://\S+/)`)

// startServe runs cmd/serve on a free loopback port, with any extra
// flags, and returns its URL. The server is stopped when the test ends.
func startServe(t *testing.T, flags ...string) string {
	t.Helper()
	cmd := exec.Command(serveBin, append([]string{"-addr", "127.0.0.1", "-port", "0"}, flags...)...)
	cmd.Dir = repoRoot
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	urls := make(chan string, 1)
	logged := make(chan struct{})
	go func() {
		defer close(logged)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			t.Log(line)
			if m := servingLine.FindStringSubmatch(line); m != nil {
				urls <- m[1]
				break
			}
		}
		// Keep draining so the server never blocks on a full pipe.
		io.Copy(io.Discard, stderr)
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		<-logged
	})
	select {
	case u := <-urls:
		return u
	case <-logged:
		t.Fatalf("cmd/serve stopped before serving (its log is above)")
	case <-time.After(startupTimeout):
		t.Fatalf("cmd/serve did not serve within %v", startupTimeout)
	}
	return ""
}

// exportSite runs cmd/serve -export into a temporary dir and returns it.
func exportSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command(serveBin, "-export", dir)
	cmd.Dir = repoRoot
	out, err := cmd.CombinedOutput()
	t.Logf("cmd/serve -export:\n%s", out)
	if err != nil {
		t.Fatalf("cmd/serve -export %s: %v", dir, err)
	}
	return dir
}
