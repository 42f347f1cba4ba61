// Command chromium runs the WebGPU benchmark pages in one headless Chromium
// (WebGPU on SwiftShader, its only adapter on a machine without a GPU) and
// prints their JSON result lines on stdout. It serves bench/webgpu itself.
//
//	go run ./bench/webgpu/chromium [-tools tfjs,gograd] [-args 'sizes=256,512&steps=5']
//
// Each tool's page (tfjs.html, gograd.html) runs in its own tab, one after
// the other, in the same browser, so both get the same adapter. gograd.html
// needs bench/webgpu/gograd.wasm (see README.md). With -serve it only
// serves the directory and prints the address, to open the pages by hand.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

func main() {
	dir := flag.String("dir", "bench/webgpu", "directory holding the pages and node_modules")
	tools := flag.String("tools", "tfjs,gograd", "comma-separated pages to run, in order: tfjs, gograd")
	args := flag.String("args", "", "query string passed to every page, e.g. sizes=256,512&runs=3&steps=10")
	timeout := flag.Duration("timeout", 15*time.Minute, "time limit for each page")
	exe := flag.String("chromium", "/usr/bin/chromium", "Chromium binary")
	serve := flag.Bool("serve", false, "only serve the directory and print its address")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("chromium: ")

	h, err := handler(*dir)
	if err != nil {
		log.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	base := "http://" + ln.Addr().String() + "/"
	if *serve {
		fmt.Println("serving", *dir, "at", base+"tfjs.html", "and", base+"gograd.html")
		log.Fatal(http.Serve(ln, h))
	}
	go http.Serve(ln, h) //nolint:errcheck // ends with the process

	var pages []string
	for _, t := range strings.Split(*tools, ",") {
		if t != "tfjs" && t != "gograd" {
			log.Fatalf("unknown tool %q in -tools (want tfjs, gograd)", t)
		}
		if t == "gograd" {
			if _, err := os.Stat(filepath.Join(*dir, "gograd.wasm")); err != nil {
				log.Fatalf("%v: build it first (see bench/webgpu/README.md) or pass -tools tfjs", err)
			}
		}
		pages = append(pages, t)
	}
	if err := run(base, pages, *args, *exe, *timeout); err != nil {
		log.Fatal(err)
	}
}

// handler serves dir, and Go's wasm_exec.js (which must match the Go that
// built gograd.wasm) at /wasm_exec.js. Nothing is cached, so a rebuilt
// wasm binary is always the one that runs.
func handler(dir string) (http.Handler, error) {
	if _, err := os.Stat(filepath.Join(dir, "tfjs_bench_lib.js")); err != nil {
		return nil, fmt.Errorf("-dir %s is not bench/webgpu: %w", dir, err)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOROOT: %w", err)
	}
	wasmExec := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js")
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if r.URL.Path == "/wasm_exec.js" {
			http.ServeFile(w, r, wasmExec)
			return
		}
		files.ServeHTTP(w, r)
	}), nil
}

// run starts Chromium and runs each page in a fresh tab.
func run(base string, pages []string, args, exe string, timeout time.Duration) error {
	profile, err := os.MkdirTemp("", "bench-webgpu-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.UserDataDir(profile),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("enable-unsafe-webgpu", true), chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.WindowSize(800, 600))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	browser, cancel := chromedp.NewContext(actx)
	defer cancel()
	// Start the browser with no time limit on its context: a timeout there
	// would stop the whole browser, not one page.
	if err := chromedp.Do(browser); err != nil {
		return fmt.Errorf("starting %s: %w", exe, err)
	}
	query := ""
	if args != "" {
		query = "?" + args
	}
	for _, p := range pages {
		if err := runPage(browser, base+p+".html"+query, p, timeout); err != nil {
			return fmt.Errorf("%s.html: %w", p, err)
		}
	}
	return nil
}

// runPage opens url in a new tab and copies the page's JSON lines for tool
// to stdout until its "done" or "error" line.
func runPage(browser context.Context, url, tool string, timeout time.Duration) error {
	tab, closeTab := chromedp.NewContext(browser)
	defer closeTab()
	if err := chromedp.Do(tab); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(tab, timeout)
	defer cancel()
	// Subscribe before navigating so no line is lost.
	messages := chromedp.Console(ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return err
	}
	for m, err := range messages {
		if err != nil {
			return fmt.Errorf("waiting for results: %w", err)
		}
		if m.IsException() {
			return fmt.Errorf("uncaught exception: %s", m.Text)
		}
		var line struct{ Tool, What, Error string }
		if !strings.HasPrefix(m.Text, "{") || json.Unmarshal([]byte(m.Text), &line) != nil || line.Tool != tool {
			// Anything else (TF.js's notices, browser log entries) goes to
			// stderr, so stdout holds only result lines.
			fmt.Fprintln(os.Stderr, m)
			continue
		}
		fmt.Println(m.Text)
		switch line.What {
		case "done":
			return nil
		case "error":
			return errors.New(line.Error)
		}
	}
	return errors.New("console closed before the page finished")
}
