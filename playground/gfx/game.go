package gfx

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/gograd/gograd/playground"
	"github.com/gograd/gograd/playground/ui"
)

// App is what Game runs: playground.App satisfies it.
type App interface {
	Update(in *ui.Input, w, h, scale float64)
	Cursor() ui.Cursor
	Draw(c ui.Canvas)
	ReportError(msg string)
}

// Game adapts an App to ebiten.Game with a screen of device pixels.
// A panic in Update or Draw is recovered: it is shown in the App's banner
// and passed to OnPanic (console.error in the browser), and the page keeps
// running.
type Game struct {
	App App
	// Guard recovers panics; set Guard.OnPanic to log them.
	Guard playground.Guard
	// AfterDraw runs after each frame is drawn with the frame number (from 1).
	AfterDraw func(screen *ebiten.Image, frame int)

	canvas *Canvas
	poller Poller
	w, h   float64
	scale  float64
	frames int
	stop   bool
	cursor ui.Cursor
}

var cursorShapes = map[ui.Cursor]ebiten.CursorShapeType{
	ui.CursorDefault:   ebiten.CursorShapeDefault,
	ui.CursorPointer:   ebiten.CursorShapePointer,
	ui.CursorCrosshair: ebiten.CursorShapeCrosshair,
}

// NewGame returns a Game for app.
func NewGame(app App) (*Game, error) {
	c, err := NewCanvas()
	if err != nil {
		return nil, err
	}
	return &Game{App: app, canvas: c, scale: 1}, nil
}

// Stop makes the next Update end the game loop.
func (g *Game) Stop() { g.stop = true }

// Frames returns the number of frames drawn.
func (g *Game) Frames() int { return g.frames }

// Update polls input and updates the App; it ends the loop after Stop.
func (g *Game) Update() error {
	if g.stop {
		return ebiten.Termination
	}
	if msg := g.Guard.Run("Update", func() { g.App.Update(g.poller.Poll(), g.w, g.h, g.scale) }); msg != "" {
		g.Guard.Run("ReportError", func() { g.App.ReportError(msg) })
	}
	if c := g.App.Cursor(); c != g.cursor {
		g.cursor = c
		ebiten.SetCursorShape(cursorShapes[c])
	}
	return nil
}

// Draw draws the App onto screen, or its error if drawing panicked, then runs AfterDraw.
func (g *Game) Draw(screen *ebiten.Image) {
	g.canvas.Dst = screen
	if msg := g.Guard.Run("Draw", func() { g.App.Draw(g.canvas) }); msg != "" {
		// Replace the half-drawn frame with the error, so the page never
		// goes blank without a word.
		th := ui.DefaultTheme(g.scale)
		g.Guard.Run("Draw", func() {
			g.canvas.FillRect(ui.Rect{W: g.w, H: g.h}, th.Background)
			g.canvas.Text(msg, th.S(16), th.S(16), th.S(th.FontSize), th.Error, ui.AlignLeft)
		})
	}
	g.frames++
	if g.AfterDraw != nil {
		g.AfterDraw(screen, g.frames)
	}
}

// LayoutF makes the screen as many pixels as the device has, so drawing is
// never scaled by Ebiten and text is sharp.
func (g *Game) LayoutF(outsideW, outsideH float64) (float64, float64) {
	s := ebiten.Monitor().DeviceScaleFactor()
	if !(s > 0) {
		s = 1
	}
	g.scale = s
	g.w, g.h = math.Ceil(outsideW*s), math.Ceil(outsideH*s)
	return g.w, g.h
}

// Layout is required by ebiten.Game; Ebiten calls LayoutF instead.
func (g *Game) Layout(outsideW, outsideH int) (int, int) {
	w, h := g.LayoutF(float64(outsideW), float64(outsideH))
	return int(w), int(h)
}
