//go:build js && wasm

// Command wasm is the browser page of the gograd playground. It runs the
// playground App on a canvas that fills the page, keeps the scene name in
// the URL (?scene=NAME), and exposes window.gograd for tests and embedding:
//
//	gograd.ready        true once the first frame is drawn
//	gograd.readyAt      performance.now() when the first frame was drawn (ms since navigation)
//	gograd.frame        frames drawn so far
//	gograd.scene        the scene shown
//	gograd.scenes()     the scene names
//	gograd.state()      the App's State as an object (see playground.State)
//	gograd.stateJSON()  the same as a JSON string
//	gograd.setScene(n)  switch scene at the next frame; returns null or an error message
//	gograd.padSize      the drawing pad's size in pad pixels (280)
//	gograd.stroke(pts)  draw a stroke on the pad at the next frame: pts is an array of
//	                    [x, y] or [x, y, pressure] in pad pixels; returns null or an error message
//	gograd.clear()      erase the drawing at the next frame
//	gograd.undo()       remove the last stroke at the next frame
//	gograd.models()     the model names the Draw scene offers (from models/index.json)
//	gograd.setModel(n)  switch model at the next frame; returns null or an error message
//	gograd.sample()     fetch a random MNIST test digit from the server, as the Sample button does
//	gograd.backend      "webgpu: ADAPTER" or "cpu: REASON", set once chosen (webgpu.Choose)
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"syscall/js"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/gograd/gograd/playground"
	"github.com/gograd/gograd/playground/gfx"
	"github.com/gograd/gograd/webgpu"
)

// urlLocation keeps the scene in the page URL without reloading it.
type urlLocation struct{}

// Scene returns the scene name recorded, or "".
func (urlLocation) Scene() string {
	return playground.SceneFromURL(js.Global().Get("location").Get("href").String())
}

// SetScene records the scene shown.
func (urlLocation) SetScene(name string) {
	href := js.Global().Get("location").Get("href").String()
	u, err := playground.URLWithScene(href, name)
	if err != nil {
		consoleError("gograd: cannot put the scene in the URL:", err.Error())
		return
	}
	js.Global().Get("history").Call("replaceState", js.Null(), "", u)
}

func consoleError(args ...any) {
	js.Global().Get("console").Call("error", args...)
}

func main() {
	catalog, modelsErr := loadModels()
	draw := playground.NewDrawScene(playground.DrawConfig{Models: catalog, Samples: serverSamples{}})
	app := playground.NewApp(urlLocation{}, draw)
	if modelsErr != nil {
		consoleError("gograd:", modelsErr.Error())
		app.ReportError(modelsErr.Error())
	}
	api := js.Global().Get("Object").New()
	api.Set("ready", false)
	api.Set("frame", 0)
	api.Set("scene", app.State().Scene)
	js.Global().Set("gograd", api)
	// WebGPU when it works here, else the CPU; chosen off the main goroutine
	// so the first frame does not wait for the probe's shader compile.
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		choice := webgpu.Choose(ctx)
		api.Set("backend", choice.Reason)
		js.Global().Get("console").Call("log", "gograd: backend", choice.Reason)
		// The Draw scene predicts on the CPU (one WebGPU readback costs more
		// than a whole CNN forward pass on software adapters), and nothing
		// here trains yet, so the device is not kept open.
		if gpu, ok := choice.Backend.(*webgpu.Backend); ok {
			gpu.Close()
		}
	}()

	stateJSON := func() string {
		b, err := json.Marshal(app.State())
		if err != nil {
			return fmt.Sprintf(`{"error":%q}`, err.Error())
		}
		return string(b)
	}
	api.Set("stateJSON", js.FuncOf(func(js.Value, []js.Value) any { return stateJSON() }))
	api.Set("state", js.FuncOf(func(js.Value, []js.Value) any {
		return js.Global().Get("JSON").Call("parse", stateJSON())
	}))
	api.Set("scenes", js.FuncOf(func(js.Value, []js.Value) any {
		names := app.SceneNames()
		out := make([]any, len(names))
		for i, n := range names {
			out[i] = n
		}
		return js.ValueOf(out)
	}))
	api.Set("setScene", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 1 || args[0].Type() != js.TypeString {
			return "setScene takes one scene name"
		}
		if err := app.RequestScene(args[0].String()); err != nil {
			return err.Error()
		}
		return js.Null()
	}))
	api.Set("padSize", playground.PadSize)
	api.Set("stroke", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 1 {
			return "stroke takes one array of [x, y] or [x, y, pressure] points"
		}
		st, err := playground.ParseStroke(js.Global().Get("JSON").Call("stringify", args[0]).String())
		if err != nil {
			return err.Error()
		}
		app.Do(func() {
			if err := draw.AddStroke(st); err != nil {
				app.ReportError(err.Error())
			}
		})
		return js.Null()
	}))
	api.Set("clear", js.FuncOf(func(js.Value, []js.Value) any { app.Do(draw.Clear); return nil }))
	api.Set("undo", js.FuncOf(func(js.Value, []js.Value) any { app.Do(draw.Undo); return nil }))
	exposeDrawAPI(api, app, draw)
	// Back/forward and hand-edited URLs switch scenes too.
	onURL := js.FuncOf(func(js.Value, []js.Value) any {
		if name := (urlLocation{}).Scene(); name != "" {
			if err := app.RequestScene(name); err != nil {
				app.ReportError(err.Error())
			}
		}
		return nil
	})
	js.Global().Call("addEventListener", "popstate", onURL)
	js.Global().Call("addEventListener", "hashchange", onURL)

	game, err := gfx.NewGame(app)
	if err != nil {
		consoleError("gograd:", err.Error())
		return
	}
	game.Guard.OnPanic = func(msg, stack string) { consoleError("gograd:", msg, "\n", stack) }
	scene := ""
	game.AfterDraw = func(_ *ebiten.Image, frame int) {
		api.Set("frame", frame)
		if s := app.State().Scene; s != scene {
			scene = s
			api.Set("scene", s)
		}
		if frame == 1 {
			api.Set("readyAt", js.Global().Get("performance").Call("now"))
			api.Set("ready", true)
		}
	}
	ebiten.SetWindowTitle("gograd playground")
	if err := ebiten.RunGame(game); err != nil {
		consoleError("gograd: the playground stopped:", err.Error())
	}
}
