//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"syscall/js"

	"github.com/gograd/gograd/playground"
	"github.com/gograd/gograd/playground/models"
)

// await blocks until the promise p settles. It must run on a goroutine of
// its own (main, or one started for the work), never inside a js.FuncOf
// callback, where waiting deadlocks the Go runtime.
func await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	then := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{v: args[0]}
		return nil
	})
	catch := js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "promise rejected"
		if len(args) > 0 && args[0].Truthy() {
			msg = args[0].Call("toString").String()
		}
		ch <- result{err: errors.New(msg)}
		return nil
	})
	defer then.Release()
	defer catch.Release()
	p.Call("then", then, catch)
	r := <-ch
	return r.v, r.err
}

// fetchBytes GETs path relative to the page and returns the HTTP status
// and the body.
func fetchBytes(path string) (int, []byte, error) {
	resp, err := await(js.Global().Call("fetch", path))
	if err != nil {
		return 0, nil, fmt.Errorf("GET %s: %w", path, err)
	}
	buf, err := await(resp.Call("arrayBuffer"))
	if err != nil {
		return 0, nil, fmt.Errorf("GET %s: %w", path, err)
	}
	u8 := js.Global().Get("Uint8Array").New(buf)
	b := make([]byte, u8.Get("length").Int())
	js.CopyBytesToGo(b, u8)
	return resp.Get("status").Int(), b, nil
}

// siteFetch is a models.Fetch over the page's origin: anything but 200 is
// an error naming the file.
func siteFetch(path string) ([]byte, error) {
	status, b, err := fetchBytes(path)
	if err != nil {
		return nil, err
	}
	if status != 200 {
		return nil, fmt.Errorf("GET %s: HTTP %d", path, status)
	}
	return b, nil
}

// loadModels reads models/index.json and offers its models, each fetched
// when chosen. Without an index the page has no models and says why.
func loadModels() (playground.Models, error) {
	names, err := models.LoadIndex(siteFetch)
	if err != nil {
		return nil, err
	}
	return models.Catalog(names, siteFetch), nil
}

// serverSamples fetches MNIST test digits from cmd/serve's /api/sample.
type serverSamples struct{}

// Sample implements playground.SampleSource.
func (serverSamples) Sample() (playground.Sample, error) {
	_, body, err := fetchBytes("api/sample")
	if err != nil {
		return playground.Sample{}, err
	}
	return playground.DecodeSample(body)
}

// exposeDrawAPI adds the Draw scene's model and sample calls to
// window.gograd (see the package comment).
func exposeDrawAPI(api js.Value, app *playground.App, draw *playground.DrawScene) {
	api.Set("models", js.FuncOf(func(js.Value, []js.Value) any {
		names := draw.Models()
		out := make([]any, len(names))
		for i, n := range names {
			out[i] = n
		}
		return js.ValueOf(out)
	}))
	api.Set("setModel", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 1 || args[0].Type() != js.TypeString {
			return "setModel takes one model name"
		}
		name := args[0].String()
		for _, n := range draw.Models() {
			if n == name {
				app.Do(func() {
					if err := draw.SelectModel(name); err != nil {
						app.ReportError(err.Error())
					}
				})
				return js.Null()
			}
		}
		return fmt.Sprintf("no model named %q (have %v)", name, draw.Models())
	}))
	api.Set("sample", js.FuncOf(func(js.Value, []js.Value) any { app.Do(draw.RequestSample); return nil }))
}
