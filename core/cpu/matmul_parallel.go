package cpu

import (
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"
)

// minWorkFlops is the work (2·m·k·n) that justifies one more goroutine:
// some fifty microseconds of kernel time, far above the microsecond or so it
// costs to start and join one.
const minWorkFlops = 1 << 18

// workers is how many goroutines one m×k×n product should use.
func workers(m, k, n int) int {
	if !threaded {
		return 1
	}
	return max(1, min(runtime.GOMAXPROCS(0), 2*m*k*n/minWorkFlops))
}

// batchWorkers is how many goroutines a batch of small products should use.
func batchWorkers(batch, m, k, n int) int {
	if !threaded {
		return 1
	}
	return max(1, min(runtime.GOMAXPROCS(0), batch, batch*2*m*k*n/minWorkFlops))
}

// elementWorkers is how many goroutines an elementwise update of n values
// with a few dozen cycles of work each should use.
func elementWorkers(n int) int {
	if !threaded {
		return 1
	}
	return max(1, min(runtime.GOMAXPROCS(0), n/(1<<15)))
}

// parallelFor runs fn(0..n-1) on w goroutines (the caller is one of them).
// Tasks are handed out one at a time, so a worker slowed by a busy core
// simply takes fewer of them.
func parallelFor(n, w int, fn func(int)) {
	if w <= 1 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	run := func() {
		for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
			fn(i)
		}
	}
	var wg sync.WaitGroup
	for range w - 1 {
		wg.Go(run)
	}
	run()
	wg.Wait()
}

// parallelRanges splits [0, n) into about four ranges per worker, so a
// worker on a busier core takes fewer of them, and runs fn on each with w
// goroutines; w ≤ 1 runs fn(0, n) once.
func parallelRanges(n, w int, fn func(lo, hi int)) {
	if n <= 0 {
		return
	}
	w = max(1, min(w, n))
	size := (n + 4*w - 1) / (4 * w)
	if w == 1 {
		size = n
	}
	parallelFor((n+size-1)/size, w, func(c int) {
		fn(c*size, min(n, (c+1)*size))
	})
}

// Which packing buffer a pool holds: packed A blocks and packed B slabs have
// very different sizes, so they are pooled apart and a request for the large
// one does not keep drawing (and dropping) small ones.
const (
	packOfA = iota
	packOfB
)

// packPools recycle packing buffers, per element size and kind, so repeated
// products (every training step) do not allocate.
var packPools [2][2]sync.Pool

func getPack[T Float](kind, n int) *[]T {
	pool := &packPools[unsafe.Sizeof(T(0))/8][kind]
	if p, ok := pool.Get().(*[]T); ok && cap(*p) >= n {
		*p = (*p)[:n]
		return p
	}
	s := make([]T, n)
	return &s
}

func putPack[T Float](kind int, p *[]T) { packPools[unsafe.Sizeof(T(0))/8][kind].Put(p) }
