package ui

// Key names the keys widgets react to.
type Key int

const (
	KeyTab Key = iota + 1
	KeyEnter
	KeySpace
	KeyEscape
	KeyBackspace
	KeyLeft
	KeyRight
	KeyUp
	KeyDown
	KeyHome
	KeyEnd
)

// Key repeat: a held key fires again after RepeatDelay frames, then every
// RepeatEvery frames.
const (
	RepeatDelay = 30
	RepeatEvery = 4
)

// KeyRepeats reports whether a key held for d frames fires this frame (on
// its first frame and on each repeat); platform layers use it to fill Keys.
func KeyRepeats(d int) bool {
	return d == 1 || d > RepeatDelay && (d-RepeatDelay)%RepeatEvery == 0
}

// Input is one frame's worth of pointer and keyboard state, filled by the
// platform layer (mouse, touch and pen all become the one pointer).
type Input struct {
	// X, Y is the pointer position in device pixels; Hover says whether it
	// is meaningful (a touch screen has no pointer between touches).
	X, Y  float64
	Hover bool
	// Down: the primary button or finger is held. Pressed and Released are
	// the edges of this frame.
	Down, Pressed, Released bool
	// Keys pressed this frame (including auto-repeat) and typed characters.
	Keys  []Key
	Shift bool
	Chars []rune

	consumedPointer bool
	consumedKeys    bool
}

// Key reports whether k was pressed this frame and not yet consumed.
func (in *Input) Key(k Key) bool {
	if in.consumedKeys {
		return false
	}
	for _, x := range in.Keys {
		if x == k {
			return true
		}
	}
	return false
}

// ConsumePointer marks the pointer's press/release as handled, so widgets
// underneath (or later in the frame) ignore them.
func (in *Input) ConsumePointer() { in.consumedPointer = true }

// ConsumeKeys marks this frame's keys as handled.
func (in *Input) ConsumeKeys() { in.consumedKeys = true }

// PointerFree reports whether the pointer events are still unhandled.
func (in *Input) PointerFree() bool { return !in.consumedPointer }

// PressIn reports an unconsumed press inside r.
func (in *Input) PressIn(r Rect) bool {
	return in.Pressed && !in.consumedPointer && r.Contains(in.X, in.Y)
}

// HoverIn reports whether the pointer hovers over r.
func (in *Input) HoverIn(r Rect) bool {
	return in.Hover && r.Contains(in.X, in.Y)
}

// Cursor is the pointer shape the app asks for.
type Cursor int

const (
	CursorDefault   Cursor = iota
	CursorPointer          // over something clickable
	CursorCrosshair        // over a drawing surface
)
