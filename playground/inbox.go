package playground

import "sync"

// inbox hands results of background work back to the frame loop: workers
// Post closures, Update runs them, so scene state is only ever touched by
// the frame loop and needs no locks of its own.
type inbox struct {
	mu  sync.Mutex
	fns []func()
}

// Post queues f for the frame loop; any goroutine may call it.
func (b *inbox) Post(f func()) {
	b.mu.Lock()
	b.fns = append(b.fns, f)
	b.mu.Unlock()
}

// Drain runs the queued functions, on the frame loop.
func (b *inbox) Drain() {
	b.mu.Lock()
	fns := b.fns
	b.fns = nil
	b.mu.Unlock()
	for _, f := range fns {
		f()
	}
}
