package playground

import (
	"fmt"
	"regexp"
	"sync"
	"sync/atomic"

	"github.com/gograd/gograd/playground/ui"
)

// TopBarHeight is the height of the scene switcher in design pixels.
const TopBarHeight = 44

var sceneName = regexp.MustCompile(`^[a-z0-9-]{1,32}$`)

// App hosts the scenes: a top bar with one tab per scene, the current scene
// below it, and a banner for errors. Update and Draw run on the frame loop;
// State and RequestScene may be called from any goroutine.
type App struct {
	scenes []Scene
	cur    int
	loc    Location
	theme  ui.Theme
	w, h   float64
	tabs   []*ui.Button
	form   ui.Form
	banner string
	frame  uint64
	cursor ui.Cursor

	mu      sync.Mutex
	request string
	queued  []func()
	state   atomic.Pointer[State]
}

// NewApp returns an App showing the scene loc names, or the first scene
// (with a banner saying why) when that name is unknown. loc may be nil.
func NewApp(loc Location, scenes ...Scene) *App {
	if len(scenes) == 0 {
		panic("playground.NewApp: no scenes")
	}
	a := &App{scenes: scenes, loc: loc, theme: ui.DefaultTheme(1)}
	for i, s := range scenes {
		if !sceneName.MatchString(s.Name()) {
			panic(fmt.Sprintf("playground.NewApp: bad scene name %q", s.Name()))
		}
		b := &ui.Button{Label: s.Title(), TipText: "show the " + s.Title() + " scene"}
		b.OnClick = func() { a.show(i) }
		a.tabs = append(a.tabs, b)
	}
	if loc != nil {
		if name := loc.Scene(); name != "" {
			if i := a.index(name); i >= 0 {
				a.cur = i
			} else {
				a.banner = fmt.Sprintf("unknown scene %q; showing %s", name, scenes[0].Title())
			}
		}
	}
	a.setWidgets()
	a.publish()
	return a
}

// setWidgets puts the tabs and the current scene's widgets in the form.
func (a *App) setWidgets() {
	ws := make([]ui.Widget, 0, len(a.tabs)+8)
	for _, t := range a.tabs {
		ws = append(ws, t)
	}
	a.form.Widgets = append(ws, a.scenes[a.cur].Widgets()...)
	a.form.SetFocus(nil)
}

func (a *App) index(name string) int {
	for i, s := range a.scenes {
		if s.Name() == name {
			return i
		}
	}
	return -1
}

// Scene returns the scene shown now.
func (a *App) Scene() Scene { return a.scenes[a.cur] }

// SceneNames lists the scenes' names in tab order.
func (a *App) SceneNames() []string {
	out := make([]string, len(a.scenes))
	for i, s := range a.scenes {
		out[i] = s.Name()
	}
	return out
}

// RequestScene asks for a scene switch at the next frame. It returns an
// error naming the valid scenes when name is not one of them.
func (a *App) RequestScene(name string) error {
	if a.index(name) < 0 {
		return fmt.Errorf("unknown scene %q (have %v)", name, a.SceneNames())
	}
	a.mu.Lock()
	a.request = name
	a.mu.Unlock()
	return nil
}

// Do runs f on the frame loop at the start of the next Update, where it may
// touch scene state; the page's API uses it from JavaScript callbacks.
func (a *App) Do(f func()) {
	a.mu.Lock()
	a.queued = append(a.queued, f)
	a.mu.Unlock()
}

func (a *App) show(i int) {
	if i == a.cur {
		return
	}
	a.cur = i
	a.setWidgets()
	a.layout()
	if a.loc != nil {
		a.loc.SetScene(a.scenes[i].Name())
	}
}

// ReportError shows msg in the banner; the platform layer uses it for
// recovered panics.
func (a *App) ReportError(msg string) {
	a.banner = msg
	a.publish()
}

// Banner returns the error message shown at the top, or "".
func (a *App) Banner() string { return a.banner }

// State returns the latest snapshot, published at the end of every frame.
func (a *App) State() State { return *a.state.Load() }

// Update runs one frame: w x h is the screen in device pixels and scale the
// device scale factor.
func (a *App) Update(in *ui.Input, w, h, scale float64) {
	a.frame++
	a.mu.Lock()
	req := a.request
	a.request = ""
	queued := a.queued
	a.queued = nil
	a.mu.Unlock()
	for _, f := range queued {
		f()
	}
	if req != "" {
		a.show(a.index(req))
	}
	if w != a.w || h != a.h || scale != a.theme.Scale {
		a.w, a.h = w, h
		a.theme = ui.DefaultTheme(scale)
		a.layout()
	}
	for i, t := range a.tabs {
		t.Selected = i == a.cur
	}
	if a.banner != "" && in.PressIn(a.bannerRect()) {
		in.ConsumePointer()
		a.banner = ""
	}
	a.form.Update(in)
	a.scenes[a.cur].Update(in)
	a.cursor = ui.CursorDefault
	if w := a.form.Hovered(); w != nil && w.Focusable() {
		a.cursor = ui.CursorPointer
	} else if c, ok := a.scenes[a.cur].(interface{ CursorAt(x, y float64) ui.Cursor }); ok && in.Hover {
		a.cursor = c.CursorAt(in.X, in.Y)
	}
	a.publish()
}

// Cursor is the pointer shape for the last frame: a hand over enabled
// controls, whatever the scene asks for elsewhere.
func (a *App) Cursor() ui.Cursor { return a.cursor }

func (a *App) layout() {
	th := &a.theme
	bar := th.S(TopBarHeight)
	x := th.S(110)
	for _, t := range a.tabs {
		t.Rect = ui.Rect{X: x, Y: th.S(6), W: th.S(96), H: bar - th.S(12)}
		x += t.Rect.W + th.S(6)
	}
	a.scenes[a.cur].Layout(ui.Rect{X: 0, Y: bar, W: a.w, H: max(a.h-bar, 0)}, th)
}

func (a *App) publish() {
	s := &State{Scene: a.scenes[a.cur].Name(), Frame: a.frame, Error: a.banner}
	a.scenes[a.cur].FillState(s)
	a.state.Store(s)
}

// bannerRect is the error banner's strip under the top bar.
func (a *App) bannerRect() ui.Rect {
	th := &a.theme
	return ui.Rect{Y: th.S(TopBarHeight), W: a.w, H: th.S(th.FontSize*1.3 + 12)}
}

// Draw draws the frame.
func (a *App) Draw(c ui.Canvas) {
	th := &a.theme
	c.FillRect(ui.Rect{W: a.w, H: a.h}, th.Background)
	a.scenes[a.cur].Draw(c, th)
	bar := ui.Rect{W: a.w, H: th.S(TopBarHeight)}
	c.FillRect(bar, th.Surface)
	c.FillRect(ui.Rect{Y: bar.H - th.S(1), W: a.w, H: th.S(1)}, th.Border)
	size := th.S(th.FontSize + 3)
	_, lh := c.MeasureText("gograd", size)
	c.Text("gograd", th.S(16), (bar.H-lh)/2, size, th.Text, ui.AlignLeft)
	if a.banner != "" {
		r := a.bannerRect()
		c.FillRect(r, th.Error)
		c.Text(a.banner+"  (click to dismiss)", th.S(16), r.Y+th.S(6), th.S(th.FontSize), th.TooltipBg, ui.AlignLeft)
	}
	a.form.Draw(c, th, a.w)
}

// Focused returns the widget with keyboard focus, or nil.
func (a *App) Focused() ui.Widget { return a.form.Focused() }
