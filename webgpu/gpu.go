//go:build js && wasm

package webgpu

import (
	"errors"
	"fmt"
	"syscall/js"
)

// This file is a thin typed layer over the parts of the WebGPU JavaScript API
// the backend uses. Every type wraps a js.Value; methods map one to one onto
// JavaScript calls so the kernels read like WebGPU code.

// WebGPU buffer usage flags (GPUBufferUsage).
const (
	usageMapRead  = 0x0001
	usageCopySrc  = 0x0004
	usageCopyDst  = 0x0008
	usageUniform  = 0x0040
	usageStorage  = 0x0080
	usageResolve  = 0x0200
	mapModeRead   = 0x0001
	storageUsages = usageStorage | usageCopySrc | usageCopyDst
)

// await blocks the calling goroutine until the promise settles. It must not
// be called from inside a js.FuncOf callback: the callback would block the
// only thread that can settle the promise.
func await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	arg := func(args []js.Value) js.Value {
		if len(args) == 0 {
			return js.Undefined()
		}
		return args[0]
	}
	then := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{v: arg(args)}
		return nil
	})
	defer then.Release()
	catch := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{err: jsError(arg(args))}
		return nil
	})
	defer catch.Release()
	p.Call("then", then, catch)
	r := <-ch
	return r.v, r.err
}

// jsError turns a rejected promise's reason or a GPUError into a Go error.
func jsError(v js.Value) error {
	if v.Type() == js.TypeObject {
		if m := v.Get("message"); m.Type() == js.TypeString {
			return errors.New(m.String())
		}
	}
	return errors.New(v.String())
}

// obj builds a JavaScript object from a Go map; values may be js.Value,
// numbers, strings, bools, nested maps or slices of any.
func obj(m map[string]any) js.Value { return js.ValueOf(m) }

// Adapter is a GPUAdapter.
type Adapter struct{ v js.Value }

// requestAdapter asks navigator.gpu for the default adapter; a fallback
// (software) adapter is accepted, since that is all some machines have.
func requestAdapter() (Adapter, error) {
	nav := js.Global().Get("navigator")
	if nav.IsUndefined() || nav.Get("gpu").IsUndefined() {
		return Adapter{}, errors.New("webgpu: navigator.gpu is missing: this runtime has no WebGPU")
	}
	a, err := await(nav.Get("gpu").Call("requestAdapter"))
	if err != nil {
		return Adapter{}, fmt.Errorf("webgpu: requestAdapter: %w", err)
	}
	if a.IsNull() || a.IsUndefined() {
		return Adapter{}, errors.New("webgpu: no adapter available")
	}
	return Adapter{a}, nil
}

// Description names the adapter, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
func (a Adapter) Description() string {
	info := a.v.Get("info")
	if info.IsUndefined() {
		return "unknown adapter"
	}
	for _, k := range []string{"description", "architecture", "vendor"} {
		if s := info.Get(k); s.Type() == js.TypeString && s.String() != "" {
			return s.String()
		}
	}
	return "unknown adapter"
}

// limit returns the adapter's limit name, or 0 when it has none.
func (a Adapter) limit(name string) int {
	v := a.v.Get("limits").Get(name)
	if v.Type() != js.TypeNumber {
		return 0
	}
	return v.Int()
}

// hasFeature reports whether the adapter offers an optional feature.
func (a Adapter) hasFeature(name string) bool {
	f := a.v.Get("features")
	return !f.IsUndefined() && f.Call("has", name).Bool()
}

// requestDevice asks for a device with the given required limits and
// features.
func (a Adapter) requestDevice(limits map[string]any, features []any) (Device, error) {
	d, err := await(a.v.Call("requestDevice", obj(map[string]any{"requiredLimits": limits, "requiredFeatures": features})))
	if err != nil {
		return Device{}, fmt.Errorf("webgpu: requestDevice: %w", err)
	}
	return Device{v: d, queue: Queue{d.Get("queue")}}, nil
}

// Device is a GPUDevice.
type Device struct {
	v     js.Value
	queue Queue
}

// createBuffer returns a buffer of size bytes with the given usage.
func (d Device) createBuffer(size, usage int) Buffer {
	return Buffer{d.v.Call("createBuffer", obj(map[string]any{"size": size, "usage": usage}))}
}

// createShaderModule compiles WGSL source; label names it in messages.
func (d Device) createShaderModule(label, code string) ShaderModule {
	return ShaderModule{d.v.Call("createShaderModule", obj(map[string]any{"label": label, "code": code}))}
}

// pushErrorScope and popErrorScope bracket calls whose validation errors
// should come back to Go instead of going to the console.
func (d Device) pushErrorScope(filter string) { d.v.Call("pushErrorScope", filter) }

func (d Device) popErrorScope() error {
	e, err := await(d.v.Call("popErrorScope"))
	if err != nil {
		return err
	}
	if e.IsNull() || e.IsUndefined() {
		return nil
	}
	return jsError(e)
}

// bindKind is how a binding is declared in WGSL.
type bindKind int

const (
	bindUniform   bindKind = iota // var<uniform>
	bindRead                      // var<storage, read>
	bindReadWrite                 // var<storage, read_write>
)

// createBindGroupLayout declares the bindings 0..len(kinds)-1 of a compute shader.
func (d Device) createBindGroupLayout(kinds []bindKind) js.Value {
	entries := make([]any, len(kinds))
	for i, k := range kinds {
		var e map[string]any
		switch k {
		case bindUniform:
			e = map[string]any{"buffer": map[string]any{"type": "uniform"}}
		case bindRead:
			e = map[string]any{"buffer": map[string]any{"type": "read-only-storage"}}
		default:
			e = map[string]any{"buffer": map[string]any{"type": "storage"}}
		}
		e["binding"] = i
		e["visibility"] = 4 // GPUShaderStage.COMPUTE
		entries[i] = e
	}
	return d.v.Call("createBindGroupLayout", obj(map[string]any{"entries": entries}))
}

// createComputePipeline links an entry point of a module with a bind group
// layout.
func (d Device) createComputePipeline(m ShaderModule, entry string, layout js.Value) ComputePipeline {
	stage := map[string]any{"module": m.v, "entryPoint": entry}
	pl := d.v.Call("createPipelineLayout", obj(map[string]any{"bindGroupLayouts": []any{layout}}))
	return ComputePipeline{v: d.v.Call("createComputePipeline", obj(map[string]any{"layout": pl, "compute": stage})), layout: layout}
}

// createCommandEncoder starts recording commands.
func (d Device) createCommandEncoder() CommandEncoder {
	return CommandEncoder{d.v.Call("createCommandEncoder")}
}

// dispatchJS records one dispatch, bind group included, in a single call
// from Go: every Go-to-JavaScript call and js.ValueOf conversion costs
// microseconds, and a dispatch built from Go took about twenty of them.
// Arguments: encoder, pipeline, layout, uniform buffer, uniform offset and
// size, workgroup counts x, y, z, a query set and index for the pass's
// timestamps (null when not profiling), then the storage buffers for
// bindings 1...
const dispatchJS = `return function(device, enc, pipeline, layout, uniform, offset, size, x, y, z, ts, tsIndex, ...bufs) {
	const entries = [{binding: 0, resource: {buffer: uniform, offset: offset, size: size}}];
	for (let i = 0; i < bufs.length; i++) {
		entries.push({binding: i + 1, resource: {buffer: bufs[i]}});
	}
	const bg = device.createBindGroup({layout: layout, entries: entries});
	const pass = ts ? enc.beginComputePass({timestampWrites: {querySet: ts, beginningOfPassWriteIndex: tsIndex, endOfPassWriteIndex: tsIndex + 1}}) : enc.beginComputePass();
	pass.setPipeline(pipeline);
	pass.setBindGroup(0, bg);
	pass.dispatchWorkgroups(x, y, z);
	pass.end();
}`

// newDispatcher compiles dispatchJS once per device.
func newDispatcher() js.Value { return js.Global().Get("Function").New(dispatchJS).Invoke() }

// dispatchFast records a dispatch of p with the uniform slot and storage
// buffers bound in order, and timestamps into ts at tsIndex unless ts is null.
func (d Device) dispatchFast(fn js.Value, e CommandEncoder, p ComputePipeline, uniform Buffer, offset, size, x, y, z int, ts js.Value, tsIndex int, bufs []Buffer) {
	args := make([]any, 0, 12+len(bufs))
	args = append(args, d.v, e.v, p.v, p.layout, uniform.v, offset, size, x, y, z, ts, tsIndex)
	for _, b := range bufs {
		args = append(args, b.v)
	}
	fn.Invoke(args...)
}

// Buffer is a GPUBuffer.
type Buffer struct{ v js.Value }

func (b Buffer) destroy() { b.v.Call("destroy") }

// mapRead maps the buffer for reading and waits until it is mapped.
func (b Buffer) mapRead(size int) error {
	_, err := await(b.v.Call("mapAsync", mapModeRead, 0, size))
	return err
}

// mappedRange returns the mapped bytes as an ArrayBuffer.
func (b Buffer) mappedRange(size int) js.Value { return b.v.Call("getMappedRange", 0, size) }

func (b Buffer) unmap() { b.v.Call("unmap") }

// ShaderModule is a GPUShaderModule.
type ShaderModule struct{ v js.Value }

// ComputePipeline is a GPUComputePipeline with the layout it was made with.
type ComputePipeline struct {
	v      js.Value
	layout js.Value
}

// CommandEncoder is a GPUCommandEncoder.
type CommandEncoder struct{ v js.Value }

func (e CommandEncoder) copyBufferToBuffer(src Buffer, srcOff int, dst Buffer, dstOff, size int) {
	e.v.Call("copyBufferToBuffer", src.v, srcOff, dst.v, dstOff, size)
}

func (e CommandEncoder) clearBuffer(b Buffer, offset, size int) {
	e.v.Call("clearBuffer", b.v, offset, size)
}

func (e CommandEncoder) resolveQuerySet(qs js.Value, first, count int, dst Buffer, offset int) {
	e.v.Call("resolveQuerySet", qs, first, count, dst.v, offset)
}

func (e CommandEncoder) finish() js.Value { return e.v.Call("finish") }

// Queue is a GPUQueue.
type Queue struct{ v js.Value }

func (q Queue) submit(cmds ...js.Value) {
	arr := make([]any, len(cmds))
	for i, c := range cmds {
		arr[i] = c
	}
	q.v.Call("submit", arr)
}

// writeBuffer copies size bytes of the Uint8Array data to b at offset, on
// the queue timeline (before any later submit).
func (q Queue) writeBuffer(b Buffer, offset int, data js.Value, size int) {
	q.v.Call("writeBuffer", b.v, offset, data, 0, size)
}
