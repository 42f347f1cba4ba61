package playground

import (
	"fmt"
	"runtime/debug"
)

// Guard runs frame code so that a panic becomes a message instead of a
// dead page. Each distinct message goes to OnPanic once (with the stack),
// so a panic repeated every frame does not flood the console.
type Guard struct {
	OnPanic func(msg, stack string)
	last    string
}

// Run calls f and returns "" or, if f panicked, a message naming where.
func (g *Guard) Run(where string, f func()) (msg string) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		msg = fmt.Sprintf("internal error in %s: %v", where, r)
		if msg != g.last {
			g.last = msg
			if g.OnPanic != nil {
				g.OnPanic(msg, string(debug.Stack()))
			}
		}
	}()
	f()
	return ""
}
