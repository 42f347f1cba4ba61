//go:build js && wasm

package webgpu

import (
	"embed"
	"encoding/binary"
	"fmt"
	"math"
	"strings"
	"syscall/js"
)

//go:embed shaders/*.wgsl
var shaderFS embed.FS

// family is one WGSL file: its entry points share one Params struct at
// binding 0 and the storage bindings listed in binds (from binding 1).
// The files in parts (functions shared with another family) are prepended
// to it, after shaders/common.wgsl.
type family struct {
	file  string
	binds []bindKind
	parts []string
}

var (
	famFill         = family{file: "fill.wgsl", binds: []bindKind{bindReadWrite}}
	famCopy         = family{file: "copy.wgsl", binds: []bindKind{bindReadWrite, bindRead}}
	famUnary        = family{file: "unary.wgsl", binds: []bindKind{bindReadWrite, bindRead}, parts: []string{"unary_op.wgsl"}}
	famUnaryVec4    = family{file: "unary_vec4.wgsl", binds: []bindKind{bindReadWrite, bindRead}, parts: []string{"unary_op.wgsl"}}
	famBinary       = family{file: "binary.wgsl", binds: []bindKind{bindReadWrite, bindRead, bindRead}, parts: []string{"binary_op.wgsl"}}
	famBinaryVec4   = family{file: "binary_vec4.wgsl", binds: []bindKind{bindReadWrite, bindRead, bindRead}, parts: []string{"binary_op.wgsl"}}
	famReduce       = family{file: "reduce.wgsl", binds: []bindKind{bindReadWrite, bindRead}}
	famSoftmax      = family{file: "softmax.wgsl", binds: []bindKind{bindReadWrite, bindRead, bindRead}}
	famMatMul       = family{file: "matmul.wgsl", binds: []bindKind{bindReadWrite, bindRead, bindRead}, parts: []string{"matmul_store.wgsl"}}
	famMatMulVec4   = family{file: "matmul_vec4.wgsl", binds: []bindKind{bindReadWrite, bindRead, bindRead}, parts: []string{"matmul_vec4_io.wgsl", "matmul_store.wgsl"}}
	famMatMulDirect = family{file: "matmul_direct.wgsl", binds: []bindKind{bindReadWrite, bindRead, bindRead}, parts: []string{"matmul_vec4_io.wgsl", "matmul_store.wgsl"}}
	famConv         = family{file: "conv.wgsl", binds: []bindKind{bindReadWrite, bindRead}}
	famMaxPool      = family{file: "maxpool.wgsl", binds: []bindKind{bindReadWrite, bindReadWrite, bindRead}}
	famPool         = family{file: "pool.wgsl", binds: []bindKind{bindReadWrite, bindRead, bindRead}}
	famIndex        = family{file: "index.wgsl", binds: []bindKind{bindReadWrite, bindRead, bindRead}}
	famRandom       = family{file: "random.wgsl", binds: []bindKind{bindReadWrite}}
	famOptim        = family{file: "optim.wgsl", binds: optimBinds, parts: []string{"optim_op.wgsl"}}
	famOptimVec4    = family{file: "optim_vec4.wgsl", binds: optimBinds, parts: []string{"optim_op.wgsl"}}

	optimBinds = []bindKind{bindReadWrite, bindRead, bindReadWrite, bindReadWrite}
)

// pipelineKey names a compiled pipeline. Kernels pick their op through a
// uniform rather than override constants: one pipeline per entry point
// keeps compiling cheap where it is slow (0.3-1.6 s a pipeline on
// SwiftShader).
type pipelineKey struct{ file, entry string }

// pipeline returns the compiled pipeline for an entry point of f, compiling
// it on first use. Compile errors panic: the shaders ship with the package,
// so one that does not compile is a bug, not bad input.
func (be *Backend) pipeline(f family, entry string) ComputePipeline {
	key := pipelineKey{f.file, entry}
	if p, ok := be.pipelines[key]; ok {
		return p
	}
	p, err := be.compile(f, entry)
	if err != nil {
		panic(err)
	}
	be.pipelines[key] = p
	return p
}

func (be *Backend) compile(f family, entry string) (ComputePipeline, error) {
	var src strings.Builder
	for _, name := range append(append([]string{"common.wgsl"}, f.parts...), f.file) {
		b, err := shaderFS.ReadFile("shaders/" + name)
		if err != nil {
			panic(err)
		}
		src.Write(b)
		src.WriteString("\n")
	}
	return be.build(f.file, src.String(), f.binds, entry)
}

// build compiles WGSL source (cached as a module under name) and links one
// entry point, reporting validation and compile errors with the compiler's
// messages.
func (be *Backend) build(name, source string, binds []bindKind, entry string) (ComputePipeline, error) {
	be.dev.pushErrorScope("validation")
	m, ok := be.modules[name]
	if !ok {
		m = be.dev.createShaderModule(name, source)
		be.modules[name] = m
	}
	layout, ok := be.layouts[name]
	if !ok {
		layout = be.dev.createBindGroupLayout(append([]bindKind{bindUniform}, binds...))
		be.layouts[name] = layout
	}
	p := be.dev.createComputePipeline(m, entry, layout)
	if err := be.dev.popErrorScope(); err != nil {
		delete(be.modules, name)
		return ComputePipeline{}, fmt.Errorf("webgpu: compiling %s entry %s: %w%s", name, entry, err, compilationMessages(m, err.Error()))
	}
	return p, nil
}

// compilationMessages lists a module's compiler messages with line numbers,
// where the runtime offers getCompilationInfo, leaving out those the
// error text already quotes.
func compilationMessages(m ShaderModule, already string) string {
	if m.v.Get("getCompilationInfo").Type() != js.TypeFunction {
		return ""
	}
	info, err := await(m.v.Call("getCompilationInfo"))
	if err != nil {
		return ""
	}
	msgs := info.Get("messages")
	var b strings.Builder
	for i := 0; i < msgs.Length(); i++ {
		msg := msgs.Index(i)
		if strings.Contains(already, strings.TrimSpace(msg.Get("message").String())) {
			continue
		}
		fmt.Fprintf(&b, "\n  line %d: %s: %s", msg.Get("lineNum").Int(), msg.Get("type").String(), msg.Get("message").String())
	}
	return b.String()
}

// params builds a kernel's uniform parameters as 32-bit words, in the order
// of the fields of the WGSL Params struct.
type params []uint32

func (p params) u(vs ...int) params {
	for _, v := range vs {
		if v < 0 || v > math.MaxUint32 {
			panic(fmt.Sprintf("webgpu: parameter %d out of u32 range", v))
		}
		p = append(p, uint32(v))
	}
	return p
}

func (p params) i(vs ...int) params {
	for _, v := range vs {
		if v < math.MinInt32 || v > math.MaxInt32 {
			panic(fmt.Sprintf("webgpu: parameter %d out of i32 range", v))
		}
		p = append(p, uint32(int32(v)))
	}
	return p
}

func (p params) f(vs ...float64) params {
	for _, v := range vs {
		p = append(p, math.Float32bits(float32(v)))
	}
	return p
}

func (p params) flag(b bool) params {
	if b {
		return append(p, 1)
	}
	return append(p, 0)
}

// dispatch records entry of f over groups workgroups with the given
// parameters and buffers (nil binds a dummy buffer the entry does not use).
func (be *Backend) dispatch(f family, entry string, ps params, bufs []*gpuBuffer, x, y, z int) {
	if x == 0 || y == 0 || z == 0 {
		return
	}
	if len(bufs) != len(f.binds) {
		panic(fmt.Sprintf("webgpu: %s: %d buffers for %d bindings", f.file, len(bufs), len(f.binds)))
	}
	if 4*len(ps) > slotSize {
		panic(fmt.Sprintf("webgpu: %s: %d parameter bytes exceed the slot", f.file, 4*len(ps)))
	}
	p := be.pipeline(f, entry)
	if be.pending >= maxPending {
		be.flush()
	}
	slot := len(be.uniforms)
	be.uniforms = be.uniforms[:slot+slotSize]
	clear(be.uniforms[slot:])
	for k, w := range ps {
		binary.LittleEndian.PutUint32(be.uniforms[slot+4*k:], w)
	}
	bound := make([]Buffer, len(bufs))
	for i, b := range bufs {
		if b == nil {
			bound[i] = be.dummyBuffer(i)
		} else {
			bound[i] = b.buf
		}
	}
	ts, tsIndex := be.prof.record(entry, x, y, z)
	be.dev.dispatchFast(be.dispatcher, be.encoder(), p, be.uniform, slot, slotSize, x, y, z, ts, tsIndex, bound)
	be.pending++
	be.stats.Dispatches++
}

// dummyBuffer returns a small buffer for binding slot i of an entry that
// does not use it; one per slot, so no buffer is bound twice.
func (be *Backend) dummyBuffer(i int) Buffer {
	for len(be.dummies) <= i {
		be.dummies = append(be.dummies, be.dev.createBuffer(16, storageUsages))
	}
	return be.dummies[i]
}

// grid spreads groups workgroups over x and y, since one dimension holds at
// most maxComputeWorkgroupsPerDimension; shaders flatten them back.
func (be *Backend) grid(groups int) (x, y int) {
	if groups <= be.limits.maxWorkgroups {
		return groups, 1
	}
	x = be.limits.maxWorkgroups
	return x, (groups + x - 1) / x
}

// dispatch1D records a kernel with one invocation per element of n, in
// workgroups of 256.
func (be *Backend) dispatch1D(f family, entry string, ps params, bufs []*gpuBuffer, n int) {
	x, y := be.grid((n + 255) / 256)
	be.dispatch(f, entry, ps, bufs, x, y, 1)
}

// dispatchRows records a kernel with one workgroup per row.
func (be *Backend) dispatchRows(f family, entry string, ps params, bufs []*gpuBuffer, rows int) {
	x, y := be.grid(rows)
	be.dispatch(f, entry, ps, bufs, x, y, 1)
}
