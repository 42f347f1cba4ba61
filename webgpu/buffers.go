//go:build js && wasm

package webgpu

import (
	"fmt"
	"runtime"
	"sync"
	"syscall/js"
	"unsafe"

	"github.com/gograd/gograd/core/kernel"
)

// gpuBuffer is one storage buffer of size bytes (a pool size class).
type gpuBuffer struct {
	buf  Buffer
	size int
}

// bufferHandle is the kernel.Buffer the backend hands out. When it becomes
// unreachable its GPU buffer goes back to the pool (runtime.AddCleanup), so
// a training loop reuses a steady set of buffers.
type bufferHandle struct {
	be  *Backend
	gpu *gpuBuffer
	n   int
}

// Len implements kernel.Buffer.
func (h *bufferHandle) Len() int { return h.n }

// bufferPool keeps released storage buffers by size class. GPU memory is
// invisible to the Go garbage collector, so the pool also counts the bytes
// handed out and forces a collection when they grow past a budget: that is
// what returns the buffers of dead tensors.
type bufferPool struct {
	mu      sync.Mutex
	dev     Device
	free    map[int][]*gpuBuffer
	live    int // bytes held by live handles
	budget  int // live bytes that trigger a collection
	reused  int // buffers handed out again, for tests
	created int // buffers created, for tests
}

const minBudget = 256 << 20

func newBufferPool(d Device) *bufferPool {
	return &bufferPool{dev: d, free: map[int][]*gpuBuffer{}, budget: minBudget}
}

// sizeClass rounds a byte size up to one of four steps per power of two
// (at most 19% waste), at least 1 KiB.
func sizeClass(bytes int) int {
	if bytes <= 1024 {
		return 1024
	}
	p := 1024
	for p*2 < bytes {
		p *= 2
	}
	step := p / 4
	return (bytes + step - 1) / step * step
}

// get returns a buffer of at least bytes bytes, and at most limit when its
// size class would pass the device's limit, and whether it is reused (its
// contents are then stale).
func (p *bufferPool) get(bytes, limit int) (*gpuBuffer, bool) {
	size := min(sizeClass(bytes), limit&^3)
	p.mu.Lock()
	if p.live > p.budget {
		p.mu.Unlock()
		runtime.GC()
		runtime.Gosched() // let the cleanups of dead handles run
		p.mu.Lock()
		if p.live > p.budget/2 {
			p.budget = 2 * p.live
		}
	}
	p.live += size
	if l := p.free[size]; len(l) > 0 {
		g := l[len(l)-1]
		p.free[size] = l[:len(l)-1]
		p.reused++
		p.mu.Unlock()
		return g, true
	}
	p.created++
	p.mu.Unlock()
	return &gpuBuffer{buf: p.dev.createBuffer(size, storageUsages), size: size}, false
}

func (p *bufferPool) put(g *gpuBuffer) {
	p.mu.Lock()
	p.live -= g.size
	p.free[g.size] = append(p.free[g.size], g)
	p.mu.Unlock()
}

// drain destroys every pooled buffer.
func (p *bufferPool) drain() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for size, l := range p.free {
		for _, g := range l {
			g.buf.destroy()
		}
		delete(p.free, size)
	}
}

// alloc returns a handle of n elements; zero asks for zeroed contents.
func (be *Backend) alloc(n int, zero bool) *bufferHandle {
	bytes := 4 * n
	if bytes > be.limits.maxStorageBinding {
		panic(fmt.Sprintf("webgpu: buffer of %d elements exceeds the device's %d-byte storage binding limit", n, be.limits.maxStorageBinding))
	}
	g, reused := be.pool.get(bytes, be.limits.maxStorageBinding)
	if reused && zero {
		be.encoder().clearBuffer(g.buf, 0, g.size)
	}
	h := &bufferHandle{be: be, gpu: g, n: n}
	runtime.AddCleanup(h, be.pool.put, g)
	return h
}

// New implements kernel.Backend.
func (be *Backend) New(n int) kernel.Buffer {
	be.mu.Lock()
	defer be.mu.Unlock()
	return be.alloc(n, true)
}

// FromFloat32 implements kernel.Backend.
func (be *Backend) FromFloat32(data []float32) kernel.Buffer {
	be.mu.Lock()
	defer be.mu.Unlock()
	h := be.alloc(len(data), false)
	if len(data) > 0 {
		// writeBuffer runs before anything not yet submitted; a pending
		// kernel may still read the recycled buffer, so submit first.
		be.flush()
		b := floatBytes(data)
		be.dev.queue.writeBuffer(h.gpu.buf, 0, be.bytes(b), len(b))
		be.stats.Uploads++
	}
	return h
}

// FromFloat64 implements kernel.Backend; values are rounded to float32.
func (be *Backend) FromFloat64(data []float64) kernel.Buffer {
	f := make([]float32, len(data))
	for i, v := range data {
		f[i] = float32(v)
	}
	return be.FromFloat32(f)
}

// ReadFloat32 implements kernel.Backend.
func (be *Backend) ReadFloat32(b kernel.Buffer, dst []float32) {
	be.mu.Lock()
	defer be.mu.Unlock()
	if len(dst) != b.Len() {
		panic(fmt.Sprintf("webgpu: ReadFloat32 into %d elements from a buffer of %d", len(dst), b.Len()))
	}
	g := be.buffer(b)
	if len(dst) == 0 {
		return
	}
	size := 4 * len(dst)
	if be.stagingSize < size {
		if be.stagingSize > 0 {
			be.staging.destroy()
		}
		be.stagingSize = min(sizeClass(size), be.limits.maxStorageBinding&^3)
		be.staging = be.dev.createBuffer(be.stagingSize, usageMapRead|usageCopyDst)
	}
	be.encoder().copyBufferToBuffer(g.buf, 0, be.staging, 0, size)
	be.stats.Reads++
	be.flush()
	if err := be.staging.mapRead(size); err != nil {
		be.check()
		panic(fmt.Errorf("webgpu: reading a buffer back: %w", err))
	}
	ab := be.staging.mappedRange(size)
	js.CopyBytesToGo(floatBytes(dst), js.Global().Get("Uint8Array").New(ab))
	be.staging.unmap()
	be.check()
}

// ReadFloat64 implements kernel.Backend.
func (be *Backend) ReadFloat64(b kernel.Buffer, dst []float64) {
	f := make([]float32, len(dst))
	be.ReadFloat32(b, f)
	for i, v := range f {
		dst[i] = float64(v)
	}
}

// bytes copies b into the reused upload array and returns it.
func (be *Backend) bytes(b []byte) js.Value {
	if be.bytesJS.IsUndefined() || be.bytesJS.Get("length").Int() < len(b) {
		be.bytesJS = js.Global().Get("Uint8Array").New(sizeClass(len(b)))
	}
	js.CopyBytesToJS(be.bytesJS, b)
	return be.bytesJS
}

// floatBytes views a float32 slice as its bytes (wasm is little-endian, as
// WebGPU buffers are).
func floatBytes(f []float32) []byte {
	if len(f) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(&f[0])), 4*len(f))
}
