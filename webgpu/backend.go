//go:build js && wasm

package webgpu

import (
	"fmt"
	"strings"
	"sync"
	"syscall/js"

	"github.com/gograd/gograd/core/kernel"
)

// Backend runs gograd's kernels as WebGPU compute shaders. Kernels are
// recorded into a command encoder and submitted in batches; the Read methods
// submit what is pending and wait for the result.
//
// A Backend may be used from several goroutines: one mutex serialises every
// method, including the waits for readbacks.
type Backend struct {
	mu      sync.Mutex
	adapter Adapter
	dev     Device
	limits  deviceLimits

	pool      *bufferPool
	pipelines map[pipelineKey]ComputePipeline
	modules   map[string]ShaderModule
	layouts   map[string]js.Value

	enc       CommandEncoder // nil js.Value when nothing is recorded
	pending   int            // dispatches recorded into enc
	uniforms  []byte         // parameter slots of the pending dispatches
	uniform   Buffer         // GPU copy of uniforms, bound per slot
	uniformJS js.Value       // Uint8Array staging for uniforms

	staging     Buffer   // MAP_READ buffer for readbacks
	stagingSize int      // its size in bytes
	bytesJS     js.Value // reused Uint8Array for uploads and readbacks
	dummies     []Buffer // bound where a kernel has no buffer to offer
	dispatcher  js.Value // the dispatchJS function

	lost     js.Value // set by the device.lost callback
	gpuError js.Value // first uncaptured error

	stats Stats
	prof  *profiler // nil unless profiling

	// directMatMul picks shaders/matmul_direct.wgsl over the tiled
	// kernel: on llvmpipe, where it was measured faster (see doc.go).
	directMatMul bool
}

// Stats counts what the backend asked of the device since it was made:
// what a training step costs besides its arithmetic.
type Stats struct {
	Dispatches int // compute passes recorded
	Submits    int // command buffers submitted
	Uploads    int // writeBuffer calls for tensor data
	Reads      int // buffers read back (each waits for the device)
}

// Stats returns the counts so far.
func (be *Backend) Stats() Stats {
	be.mu.Lock()
	defer be.mu.Unlock()
	return be.stats
}

// deviceLimits are the limits the device was created with.
type deviceLimits struct {
	maxStorageBinding int // bytes, also within maxBufferSize
	maxWorkgroups     int // per dimension
}

const (
	slotSize   = 256 // bytes per dispatch's parameters (minUniformBufferOffsetAlignment)
	maxPending = 64  // dispatches per submit
)

var _ kernel.Backend = (*Backend)(nil)

// New requests an adapter (a software fallback adapter is fine) and a
// device with the adapter's largest storage buffer and workgroup storage
// limits, and returns a backend on it.
func New() (*Backend, error) {
	a, err := requestAdapter()
	if err != nil {
		return nil, err
	}
	want := map[string]any{}
	for _, name := range []string{"maxStorageBufferBindingSize", "maxBufferSize", "maxComputeWorkgroupStorageSize"} {
		if v := a.limit(name); v > 0 {
			want[name] = v
		}
	}
	var features []any
	if a.hasFeature("timestamp-query") {
		features = append(features, "timestamp-query") // for Profile
	}
	d, err := a.requestDevice(want, features)
	if err != nil {
		return nil, err
	}
	be := &Backend{
		adapter:   a,
		dev:       d,
		pipelines: map[pipelineKey]ComputePipeline{},
		modules:   map[string]ShaderModule{},
		layouts:   map[string]js.Value{},
		uniforms:  make([]byte, 0, maxPending*slotSize),
	}
	lim := d.v.Get("limits")
	be.limits = deviceLimits{
		maxStorageBinding: min(lim.Get("maxStorageBufferBindingSize").Int(), lim.Get("maxBufferSize").Int()),
		maxWorkgroups:     lim.Get("maxComputeWorkgroupsPerDimension").Int(),
	}
	be.directMatMul = strings.HasPrefix(a.Description(), "llvmpipe")
	be.pool = newBufferPool(d)
	be.dispatcher = newDispatcher()
	be.uniform = d.createBuffer(maxPending*slotSize, usageUniform|usageCopyDst)
	be.uniformJS = js.Global().Get("Uint8Array").New(maxPending * slotSize)
	be.watch()
	return be, nil
}

// watch records device loss and uncaptured errors; the next Read reports
// them. The callbacks are never released: the lost promise settles even
// after Close.
func (be *Backend) watch() {
	onLost := js.FuncOf(func(_ js.Value, args []js.Value) any {
		be.lost = args[0]
		return nil
	})
	onError := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if be.gpuError.IsUndefined() {
			be.gpuError = args[0].Get("error")
		}
		return nil
	})
	be.dev.v.Get("lost").Call("then", onLost)
	be.dev.v.Call("addEventListener", "uncapturederror", onError)
}

// Err reports a lost device or the first GPU error no kernel caught.
func (be *Backend) Err() error {
	if !be.lost.IsUndefined() {
		return fmt.Errorf("webgpu: device lost (%s): %s", be.lost.Get("reason").String(), be.lost.Get("message").String())
	}
	if !be.gpuError.IsUndefined() {
		return fmt.Errorf("webgpu: %w", jsError(be.gpuError))
	}
	return nil
}

// Name implements kernel.Backend.
func (be *Backend) Name() string { return "webgpu" }

// Adapter describes the adapter the backend runs on.
func (be *Backend) Adapter() string { return be.adapter.Description() }

// buffer returns b's GPU buffer, panicking when b belongs to another backend.
func (be *Backend) buffer(b kernel.Buffer) *gpuBuffer {
	g, ok := b.(*bufferHandle)
	if !ok || g.be != be {
		panic(fmt.Sprintf("webgpu: buffer of type %T does not belong to this backend", b))
	}
	return g.gpu
}

// sized is buffer for a kernel that touches the first n elements of b: a
// shader cannot fail on an out-of-range access (WebGPU clamps it), so a
// buffer too short for its kernel panics here, as the CPU backend would.
func (be *Backend) sized(kernelName string, b kernel.Buffer, n int) *gpuBuffer {
	g := be.buffer(b)
	if b.Len() < n {
		panic(fmt.Sprintf("webgpu: %s needs %d elements in a buffer of %d", kernelName, n, b.Len()))
	}
	return g
}

// extent is one past the largest element a strided view reaches (offset
// when the view is empty).
func extent(offset int, strides, shape []int) int {
	end := offset + 1
	for k, n := range shape {
		if n == 0 {
			return offset
		}
		end += (n - 1) * max(strides[k], 0)
	}
	return end
}

// encoder returns the command encoder of the pending batch.
func (be *Backend) encoder() CommandEncoder {
	if be.enc.v.IsUndefined() || be.enc.v.IsNull() {
		be.enc = be.dev.createCommandEncoder()
	}
	return be.enc
}

// flush submits the pending batch: first its parameters, then its commands.
func (be *Backend) flush() {
	if be.enc.v.IsUndefined() || be.enc.v.IsNull() {
		return
	}
	if n := len(be.uniforms); n > 0 {
		js.CopyBytesToJS(be.uniformJS, be.uniforms)
		be.dev.queue.writeBuffer(be.uniform, 0, be.uniformJS, n)
	}
	be.prof.resolve(be.enc)
	be.dev.queue.submit(be.enc.finish())
	be.stats.Submits++
	be.prof.collect()
	be.enc = CommandEncoder{}
	be.pending = 0
	be.uniforms = be.uniforms[:0]
}

// Sync submits pending kernels and waits until the device has finished all
// submitted work; it returns a lost device or uncaught GPU error. Reads wait
// by themselves: Sync is for timing and for handing results to other code.
func (be *Backend) Sync() error {
	be.mu.Lock()
	defer be.mu.Unlock()
	be.flush()
	if _, err := await(be.dev.queue.v.Call("onSubmittedWorkDone")); err != nil {
		return fmt.Errorf("webgpu: waiting for the queue: %w", err)
	}
	return be.Err()
}

// Close submits pending work, frees the pooled buffers and destroys the
// device. Buffers still held become unusable, as does the backend.
func (be *Backend) Close() {
	be.mu.Lock()
	defer be.mu.Unlock()
	be.flush()
	be.pool.drain()
	be.dev.v.Call("destroy")
}

// check panics with a pending device error: kernels cannot return errors,
// and continuing would silently compute garbage.
func (be *Backend) check() {
	if err := be.Err(); err != nil {
		panic(err)
	}
}
