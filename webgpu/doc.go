// Package webgpu is gograd's WebGPU backend: every kernel of kernel.Backend
// as a WGSL compute shader, driven from Go through syscall/js. It builds
// only for GOOS=js GOARCH=wasm and runs wherever navigator.gpu exists: a
// browser, or Deno (whose WebGPU the tests use, on Mesa's lavapipe).
//
// New requests an adapter (a software fallback adapter is accepted) and a
// device with the adapter's largest storage buffer and workgroup memory
// limits. Tensors move onto the backend with core.FromSliceOn(be, ...) or
// Tensor.To(be).
//
// A page calls Choose instead: it returns this backend when a device works
// (one small kernel compiled, run and read back) and the CPU backend
// otherwise, with the reason ("webgpu: swiftshader", "cpu: webgpu: no
// adapter available"), so a browser without WebGPU still runs everything.
//
// # How it works
//
// Kernels are recorded into one command encoder, each in its own compute
// pass with a bind group made for it, by one call into a small JavaScript
// function (dispatchJS, made with the Function constructor, so a page's
// Content-Security-Policy must allow it): building the descriptors from Go
// took about twenty Go-to-JavaScript calls and made recording eight times
// slower. Kernel parameters go into 256-byte slots of one uniform buffer.
// The batch is submitted when a result is read, when data is uploaded
// (queue.writeBuffer runs ahead of unsubmitted work), on Sync, or every 64
// kernels. Reads copy into a MAP_READ staging buffer and wait on mapAsync
// from the calling goroutine, never inside a JavaScript callback, so they
// must not be called from a js.FuncOf callback either.
//
// Storage buffers come from a pool keyed by size class (four per power of
// two). A buffer returns to the pool when the kernel.Buffer wrapping it is
// garbage-collected (runtime.AddCleanup). Since the collector cannot see GPU
// memory, the pool forces a collection when the bytes handed out pass a
// budget (256 MiB, doubled while live data stays above half of it).
//
// WGSL sources live in shaders/, one kernel family per file sharing one
// Params struct and binding layout; shaders/common.wgsl is prepended to
// each. Pipelines compile on first use and are cached by file and entry
// point; kernels choose their op through the uniform parameters rather
// than override constants, so a run compiles few pipelines (SwiftShader
// takes 0.3-1.6 s for each). A compile error panics with the compiler's
// messages, since the shaders ship with the package.
//
// # Differences from the CPU backend
//
// Values are float32 throughout: FromFloat64 and ReadFloat64 convert.
// Reductions sum in float32 (the CPU backend sums in float64); the tests
// hold sums and products to 1e-4 of their magnitude. Index kernels cannot
// panic on an index outside [0, n): IndexSelect and Gather read 0 there and
// IndexAdd and ScatterAdd add nothing. The adjoint kernels (Col2Im, pooling
// backward, IndexAdd, ScatterAdd) run one invocation per destination element
// and loop over the sources that reach it, so no float atomics are needed;
// IndexAdd and ScatterAdd cost O(k) per destination element.
//
// # Cost of a kernel (measured under Deno on lavapipe)
//
// With a 2-core machine shared by other work, `scripts/test-webgpu.sh -run
// XXX -bench . -benchtime=640x` gave: an elementwise kernel costs about
// 0.3-0.4 ms in a stream of them whatever its size up to 16K elements
// (recording plus Deno's device polling), against 1-50 µs on the CPU
// backend in the same wasm; a readback costs 18 ms for one float and 60 ms
// for 1M; a 512x512x512 matrix product runs at 0.9 GFLOP/s against 0.5 on
// the CPU backend. Lavapipe is itself a CPU renderer, so these figures say
// nothing about a real GPU: the tiny-tensor rule (below which size to stay
// on the CPU) is still to be measured in a browser with a hardware adapter.
// What holds everywhere: batch kernels and read back rarely (once per
// step, not once per op).
//
// Kernels cannot return errors: a lost device or a GPU validation error is
// kept and reported by Err and Sync, and makes the next read panic. Close
// destroys the device.
//
// # Testing
//
// scripts/test-webgpu.sh runs this package's tests under Deno on lavapipe,
// installing Deno and Mesa's Vulkan drivers when they are missing. SelfTest
// runs the same kernel checks against the CPU backend from any page; the
// program in selftest/ is such a page, and tests/webgpu_test.go runs it in
// headless Chromium on SwiftShader. Both runtimes matter: Deno compiles WGSL
// with wgpu's Naga and Chromium with Tint, and they accept different
// programs (Tint refuses a constant expression that evaluates to infinity,
// which Naga let through).
package webgpu
