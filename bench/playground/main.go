package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 60, "drawings timed per model")
	loads := flag.Int("loads", 5, "page loads timed, each in a fresh browser")
	chromium := flag.String("chromium", "/usr/bin/chromium", "the browser to drive")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("bench/playground: ")
	if err := run(*n, *loads, *chromium); err != nil {
		log.Fatal(err)
	}
}

func run(n, loads int, chromium string) error {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return err
	}
	root := filepath.Dir(strings.TrimSpace(string(out)))
	tmp, err := os.MkdirTemp("", "gograd-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	serveBin := filepath.Join(tmp, "serve")
	build := exec.Command("go", "build", "-o", serveBin, "./cmd/serve")
	build.Dir = root
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building cmd/serve: %w", err)
	}
	site := filepath.Join(tmp, "site")
	if err := exportSite(root, serveBin, site); err != nil {
		return err
	}
	url, stop, err := serve(root, serveBin, site)
	if err != nil {
		return err
	}
	defer stop()

	fmt.Printf("## Playground (%s, %s %s/%s, %d cores, load average %s)\n\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), loadAverage())
	if err := printSizes(site); err != nil {
		return err
	}
	if err := printFirstFrame(chromium, url, loads); err != nil {
		return err
	}
	if err := printLatency(chromium, url, n); err != nil {
		return err
	}

	return nil
}

// printSizes reports gograd.wasm raw and as cmd/serve serves it.
func printSizes(site string) error {
	fmt.Println("| gograd.wasm | bytes | MB |")
	fmt.Println("|---|---:|---:|")
	for _, f := range []struct{ name, label string }{
		{"gograd.wasm", "raw"}, {"gograd.wasm.gz", "gzip -9 (served)"}, {"gograd.wasm.br", "brotli level 9 (served)"},
	} {
		fi, err := os.Stat(filepath.Join(site, f.name))
		if err != nil {
			return err
		}
		fmt.Printf("| %s | %d | %.2f |\n", f.label, fi.Size(), float64(fi.Size())/1e6)
	}
	fmt.Println()
	return nil
}

// serve starts cmd/serve on the site and returns its URL.
func serve(root, serveBin, site string) (string, func(), error) {
	cmd := exec.Command(serveBin, "-addr", "127.0.0.1", "-port", "0", "-static", site)
	cmd.Dir = root
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return "", nil, err
	}
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	stop := func() { cmd.Process.Kill(); cmd.Wait() }
	line := regexp.MustCompile(`serving .* on (http://\S+/)`)
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		if m := line.FindStringSubmatch(sc.Text()); m != nil {
			go io.Copy(io.Discard, stderr)
			return m[1], stop, nil
		}
	}
	stop()
	return "", nil, fmt.Errorf("cmd/serve stopped before serving")
}

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}
