// Command playground runs the gograd playground as a desktop window.
//
//	go run ./cmd/playground [-scene draw] [-size 1024x768] [-demo] [-screenshot out.png -frames 10]
//
// With -screenshot it saves the screen as PNG after -frames frames and
// exits, which is how the layout is checked under xvfb-run.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/png"
	"log"
	"os"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/gograd/gograd/playground"
	"github.com/gograd/gograd/playground/digit"
	"github.com/gograd/gograd/playground/gfx"
)

func main() {
	scene := flag.String("scene", "", "scene to open (default: the first)")
	size := flag.String("size", "1024x768", "window size in points, WIDTHxHEIGHT")
	shot := flag.String("screenshot", "", "save a PNG of the window to this file and exit")
	frames := flag.Int("frames", 10, "frames to draw before the screenshot")
	demo := flag.Bool("demo", false, "start with a digit drawn on the pad")
	flag.Parse()
	var w, h int
	if _, err := fmt.Sscanf(*size, "%dx%d", &w, &h); err != nil || w <= 0 || h <= 0 {
		log.Fatalf("-size %q: want WIDTHxHEIGHT, e.g. 1024x768", *size)
	}
	if *frames < 1 {
		log.Fatalf("-frames %d: want at least 1", *frames)
	}

	draw := playground.NewDrawScene(playground.DrawConfig{})
	if *demo {
		// A hand-drawn looking 7: a top bar and a slanted stem.
		draw.Pad().AddStroke(digit.Stroke{Points: []digit.Point{
			{X: 80, Y: 70}, {X: 130, Y: 66}, {X: 190, Y: 64}, {X: 200, Y: 70},
			{X: 180, Y: 120}, {X: 160, Y: 170}, {X: 142, Y: 220},
		}})
	}
	app := playground.NewApp(&playground.StaticLocation{Name: *scene}, draw)
	game, err := gfx.NewGame(app)
	if err != nil {
		log.Fatal(err)
	}
	game.Guard.OnPanic = func(msg, stack string) { log.Printf("%s\n%s", msg, stack) }
	var saveErr error
	if *shot != "" {
		game.AfterDraw = func(screen *ebiten.Image, frame int) {
			if frame != *frames {
				return
			}
			saveErr = savePNG(screen, *shot)
			game.Stop()
		}
	}
	ebiten.SetWindowSize(w, h)
	ebiten.SetWindowTitle("gograd playground")
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	if err := ebiten.RunGame(game); err != nil {
		log.Fatal(err)
	}
	if saveErr != nil {
		log.Fatal(saveErr)
	}
}

func savePNG(screen *ebiten.Image, path string) error {
	b := screen.Bounds()
	img := image.NewRGBA(b)
	screen.ReadPixels(img.Pix)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
