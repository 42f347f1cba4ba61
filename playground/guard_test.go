package playground

import (
	"strings"
	"testing"
)

func explode() { panic("boom") }

func TestGuard(t *testing.T) {
	var logged []string
	g := Guard{OnPanic: func(msg, stack string) {
		if !strings.Contains(stack, "explode") {
			t.Errorf("stack does not name the panicking function:\n%s", stack)
		}
		logged = append(logged, msg)
	}}
	if msg := g.Run("Update", func() {}); msg != "" {
		t.Errorf("no panic gave %q", msg)
	}
	for range 3 {
		if msg := g.Run("Update", explode); msg != "internal error in Update: boom" {
			t.Errorf("msg %q", msg)
		}
	}
	g.Run("Draw", explode)
	if len(logged) != 2 || !strings.Contains(logged[1], "in Draw") {
		t.Errorf("logged %q, want one Update and one Draw report", logged)
	}
}
