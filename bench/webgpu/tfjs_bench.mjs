// tfjs_bench.mjs runs the TF.js side of the benchmark under Deno, whose
// built-in WebGPU (wgpu) uses Mesa's lavapipe here. Run it through run.sh,
// which sets up Vulkan, or as
//
//	VK_ICD_FILENAMES=/usr/share/vulkan/icd.d/lvp_icd.x86_64.json \
//	  deno run -A bench/webgpu/tfjs_bench.mjs [sizes=256,512,1024] [runs=5] [steps=20]
//
// It loads the same UMD bundles from node_modules that tfjs.html loads in
// the browser and lets them define the global `tf`, as a <script> tag does.
// Deno has Node's `process`, so TF.js would take itself for Node and pick
// its Node platform (which needs require); each bundle therefore runs in a
// scope where `process` is undefined and `WorkerGlobalScope` exists, and
// TF.js picks its browser platform (performance.now, fetch, TextEncoder:
// all present in Deno) as it does in Chromium.
import { parseArgs, run } from "./tfjs_bench_lib.js";

const bundles = [
  "node_modules/@tensorflow/tfjs/dist/tf.min.js",
  "node_modules/@tensorflow/tfjs-backend-webgpu/dist/tf-backend-webgpu.min.js",
];
for (const b of bundles) {
  const src = await Deno.readTextFile(new URL(b, import.meta.url));
  new Function("process", "WorkerGlobalScope", src).call(
    globalThis,
    undefined,
    function WorkerGlobalScope() {},
  );
}

let opts;
try {
  opts = parseArgs(Deno.args);
} catch (e) {
  console.error(`tfjs_bench: ${e.message}`);
  Deno.exit(2);
}

try {
  await run(globalThis.tf, opts);
} catch {
  Deno.exit(1);
}
// TF.js keeps the device alive; leave without waiting for it.
Deno.exit(0);
