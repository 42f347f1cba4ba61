//go:build js && wasm

// Command selftest runs webgpu.SelfTest in a browser: every WebGPU kernel
// against the CPU backend on fresh random inputs. index.html loads it as
// selftest.wasm with Go's wasm_exec.js; tests/webgpu_test.go builds it and
// drives the page in headless Chromium. By hand:
//
//	mkdir -p /tmp/st && GOOS=js GOARCH=wasm go build -o /tmp/st/selftest.wasm ./webgpu/selftest
//	cp webgpu/selftest/index.html "$(go env GOROOT)/lib/wasm/wasm_exec.js" /tmp/st/
//	(then serve /tmp/st over HTTP and open index.html)
//
// The query parameter seed=N repeats a run; otherwise the seed comes from
// the clock. The page logs one line per check to the console and sets
// window.gogradSelfTest to a Report (as JSON) when it is done.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"syscall/js"
	"time"

	"github.com/gograd/gograd/webgpu"
)

// Report is what the page publishes as window.gogradSelfTest.
type Report struct {
	Done    bool     `json:"done"`
	Adapter string   `json:"adapter"`
	Seed    uint64   `json:"seed"`
	Error   string   `json:"error,omitempty"` // no WebGPU device, or a bad query
	Results []Result `json:"results"`
}

// Result is one kernel family's check.
type Result struct {
	Name  string  `json:"name"`
	OK    bool    `json:"ok"`
	Error string  `json:"error,omitempty"`
	MS    float64 `json:"ms"`
}

func main() {
	r := run()
	r.Done = true
	b, err := json.Marshal(r)
	if err != nil {
		panic(err)
	}
	js.Global().Set("gogradSelfTest", js.Global().Get("JSON").Call("parse", string(b)))
	log(fmt.Sprintf("selftest: done, %d checks, error %q", len(r.Results), r.Error))
	// Stay alive: the device's lost promise settles after Close and calls
	// back into Go, which must still be running.
	select {}
}

func run() Report {
	var r Report
	seed, err := seedFromQuery()
	if err != nil {
		r.Error = err.Error()
		return r
	}
	r.Seed = seed
	be, err := webgpu.New()
	if err != nil {
		r.Error = err.Error()
		return r
	}
	defer be.Close()
	r.Adapter = be.Adapter()
	log(fmt.Sprintf("selftest: adapter %s, seed %d", r.Adapter, seed))
	webgpu.SelfTest(context.Background(), be, seed, func(c webgpu.CheckResult) {
		res := Result{Name: c.Name, OK: c.Err == nil, MS: float64(c.Duration.Microseconds()) / 1e3}
		status := "ok"
		if c.Err != nil {
			res.Error = c.Err.Error()
			status = "FAIL: " + res.Error
		}
		r.Results = append(r.Results, res)
		log(fmt.Sprintf("selftest: %s %.0f ms %s", c.Name, res.MS, status))
	})
	if err := be.Err(); err != nil {
		r.Error = err.Error()
	}
	return r
}

// seedFromQuery reads ?seed=N, or draws a seed from the clock.
func seedFromQuery() (uint64, error) {
	q, err := url.ParseQuery(strings.TrimPrefix(js.Global().Get("location").Get("search").String(), "?"))
	if err != nil {
		return 0, fmt.Errorf("query: %w", err)
	}
	s := q.Get("seed")
	if s == "" {
		return uint64(time.Now().UnixNano()), nil
	}
	seed, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("seed=%q is not an unsigned integer", s)
	}
	return seed, nil
}

// log writes to the console with console.log: the end-to-end tests treat
// console errors as failures of the page itself.
func log(msg string) { js.Global().Get("console").Call("log", msg) }
