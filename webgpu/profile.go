//go:build js && wasm

package webgpu

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"syscall/js"
	"time"
)

// KernelTime is the device time spent in one kernel at one grid size, as
// measured by StopProfile.
type KernelTime struct {
	Kernel string        // entry point and workgroup grid, e.g. "matmul_vec4 4x4x1"
	Count  int           // dispatches
	Total  time.Duration // between the pass's start and end timestamps, summed
}

// profiler brackets every compute pass of a batch with timestamps (the
// optional timestamp-query feature) and sums them per kernel when the batch
// is submitted. It waits for each batch to finish, so it slows the run
// down; what it reports is the device's own time per kernel.
type profiler struct {
	dev      Device
	qs       js.Value // 2 queries per dispatch of a batch
	resolved Buffer   // the resolved timestamps, 8 bytes each
	read     Buffer   // MAP_READ copy of resolve
	names    []string // kernel of each dispatch in the pending batch
	totals   map[string]*KernelTime
}

// StartProfile starts timing every kernel on the device, until
// StopProfile. It fails when the device has no timestamp-query feature.
func (be *Backend) StartProfile() error {
	be.mu.Lock()
	defer be.mu.Unlock()
	if !be.dev.v.Get("features").Call("has", "timestamp-query").Bool() {
		return errors.New("webgpu: this device has no timestamp-query feature")
	}
	be.flush()
	n := 2 * maxPending
	be.prof = &profiler{
		dev:      be.dev,
		qs:       be.dev.v.Call("createQuerySet", obj(map[string]any{"type": "timestamp", "count": n})),
		resolved: be.dev.createBuffer(8*n, usageResolve|usageCopySrc),
		read:     be.dev.createBuffer(8*n, usageMapRead|usageCopyDst),
		totals:   map[string]*KernelTime{},
	}
	return nil
}

// StopProfile waits for the pending kernels, stops timing, and returns the
// time per kernel, longest total first.
func (be *Backend) StopProfile() []KernelTime {
	be.mu.Lock()
	defer be.mu.Unlock()
	be.flush()
	p := be.prof
	be.prof = nil
	if p == nil {
		return nil
	}
	p.qs.Call("destroy")
	p.resolved.destroy()
	p.read.destroy()
	out := make([]KernelTime, 0, len(p.totals))
	for _, t := range p.totals {
		out = append(out, *t)
	}
	slices.SortFunc(out, func(a, b KernelTime) int { return cmp.Compare(b.Total, a.Total) })
	return out
}

// record names the next dispatch of the batch and returns the query set
// and index for its timestamps, or null when not profiling.
func (p *profiler) record(entry string, x, y, z int) (js.Value, int) {
	if p == nil {
		return js.Null(), 0
	}
	p.names = append(p.names, fmt.Sprintf("%s %dx%dx%d", entry, x, y, z))
	return p.qs, 2 * (len(p.names) - 1)
}

// resolve copies the batch's timestamps to the readable buffer; it is
// recorded at the end of the batch's encoder.
func (p *profiler) resolve(enc CommandEncoder) {
	if p == nil || len(p.names) == 0 {
		return
	}
	n := 2 * len(p.names)
	enc.resolveQuerySet(p.qs, 0, n, p.resolved, 0)
	enc.copyBufferToBuffer(p.resolved, 0, p.read, 0, 8*n)
}

// collect waits for the submitted batch and adds its times to the totals.
func (p *profiler) collect() {
	if p == nil || len(p.names) == 0 {
		return
	}
	size := 16 * len(p.names)
	if err := p.read.mapRead(size); err != nil {
		panic(fmt.Errorf("webgpu: reading timestamps: %w", err))
	}
	b := make([]byte, size)
	js.CopyBytesToGo(b, js.Global().Get("Uint8Array").New(p.read.mappedRange(size)))
	p.read.unmap()
	for i, name := range p.names {
		t0 := binary.LittleEndian.Uint64(b[16*i:])
		t1 := binary.LittleEndian.Uint64(b[16*i+8:])
		k := p.totals[name]
		if k == nil {
			k = &KernelTime{Kernel: name}
			p.totals[name] = k
		}
		k.Count++
		if t1 > t0 {
			k.Total += time.Duration(t1 - t0)
		}
	}
	p.names = p.names[:0]
}
