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
// Elementwise kernels (Unary, Binary whose last axis is contiguous, the
// optimizer steps) take 4 elements per invocation when lengths allow:
// software adapters pay per load instruction, whatever its width.
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
// than override constants, so a run compiles few pipelines. SwiftShader
// takes 0.03-0.7 s for most and 2.5-5 s for each matrix product kernel,
// so the first training step in Chromium without a GPU waits that long.
// A compile error panics with the compiler's messages, since the shaders
// ship with the package.
//
// # Matrix products
//
// The only adapters at hand are software ones, which run a workgroup's
// invocations as the SIMD lanes of a CPU core, and the kernels are shaped
// for them as well as for GPUs. Each invocation computes an 8x8 block of C
// in sixteen vec4 variables, so every load feeds 16 multiply-adds. They
// must be variables, not an array: llvmpipe keeps an array in memory, and
// the same kernel with an array took four times the CPU time. When both
// operands' rows hold a multiple of 4 floats (784-pixel images,
// power-of-two widths) they are read 4 floats at a time (matmul_vec4.wgsl;
// with 4x4 blocks this made the 256x784x256 product 1.4 times as fast);
// otherwise matmul.wgsl reads them one by one. On llvmpipe, matmul_direct.wgsl replaces the tiled vec4
// kernel: it reads straight from storage with no workgroup memory, whose
// barriers suspend and resume every invocation there, and took half the
// CPU time of the tiled kernel on the training step's products. On
// SwiftShader the tiled kernel was faster (1.9 against 1.1 GFLOP/s at
// 512), and it is the usual choice for a hardware GPU.
//
// StartProfile and StopProfile time every kernel on the device with
// timestamp queries; BenchmarkMLPStep and bench/webgpu (profile=N) print
// such profiles.
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
// # Cost of a kernel, and why small ops do not move to the CPU
//
// Measured under Deno on lavapipe, on a 2-core machine shared with other
// work (load average 4), with `scripts/test-webgpu.sh -run XXX -bench
// 'MatMul/|Add|Read|MLPStep/(item|cpu)' -benchtime=64x`, kernels in a
// stream as in a training step:
//
//	elementwise Add, n elements    webgpu     cpu backend (same wasm)
//	16 to 16K                      0.3-0.5 ms 0.003-0.05 ms
//	256K                           1.1 ms     0.7 ms
//	1M                             6.1 ms     4.8 ms
//
//	square MatMul n               webgpu      cpu backend
//	32                            1.8 ms      0.08 ms
//	64                            0.9 ms      0.17 ms
//	128                           1.1 ms      1.0 ms
//	256                           2.6 ms      7.9 ms (13 against 4.2 GFLOP/s)
//	512                           15 ms       62 ms (17 against 4.4 GFLOP/s)
//
// A readback costs 12 ms for one float and 13 ms for 1M: Deno settles
// mapAsync on a polling timer. The MNIST perceptron's training step
// (784-256-10, batch 256, Adam, loss read back) takes 45 ms on WebGPU and
// 63 ms on the CPU backend.
//
// So on lavapipe an elementwise kernel never beats the CPU backend, and a
// product does from about 128x128x128 (4 MFLOP) on. There is still no
// rule sending small ops to the CPU: a tensor lives on one backend, and
// running one op elsewhere costs a readback of its inputs (12 ms here;
// 21-24 ms for 1M floats in Chromium), the price of 20 to 40 small
// kernels. The
// choice that pays is per model: a network with no product of that size
// in its step (XOR's 2-3-1, say) trains faster on the CPU backend, whose
// whole step costs less than one WebGPU readback; the MNIST perceptron
// and anything larger trains faster on WebGPU. Whatever the adapter, batch
// kernels and read back rarely: once per step, not once per op.
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
// headless Chromium on SwiftShader. The MatMul check runs both vec4
// kernels whatever the adapter would pick. Both runtimes matter: Deno compiles WGSL
// with wgpu's Naga and Chromium with Tint, and they accept different
// programs (Tint refuses a constant expression that evaluates to infinity,
// which Naga let through).
package webgpu
