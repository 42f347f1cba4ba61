// tfjs_bench_lib.js times TensorFlow.js's webgpu backend: matmul GFLOP/s
// and one MNIST-MLP training step. Deno (tfjs_bench.mjs) and Chromium
// (tfjs.html) both run this module, after loading TF.js's UMD bundles as
// the global `tf`, so both runtimes time exactly the same code.
//
// Every result is one JSON line on the console, in the format that
// gograd/main_js.go prints for gograd's side (see README.md).

const TOOL = "tfjs";

// Defaults match gograd/main_js.go; change both together.
export const defaults = {
  sizes: [256, 512, 1024], // n of the n×n·n×n products
  matmulWarmup: 2, // untimed products per size (pipeline compiles)
  matmulRuns: 5, // timed products per size; the median is reported
  batch: 256,
  hidden: 256,
  mlpWarmup: 3, // untimed training steps
  mlpSteps: 20, // timed training steps; the median is reported
};

// parseArgs reads "sizes=256,512", "runs=5" and "steps=20" (the arguments
// gograd/main_js.go takes too) into options for run.
export function parseArgs(args) {
  const opts = {};
  const positive = (arg, v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) {
      throw new Error(`${arg}: ${JSON.stringify(v)} is not a positive integer`);
    }
    return n;
  };
  for (const arg of args) {
    const i = arg.indexOf("=");
    const [k, v] = i < 0 ? [arg, ""] : [arg.slice(0, i), arg.slice(i + 1)];
    if (k === "sizes") opts.sizes = v.split(",").map((s) => positive(arg, s));
    else if (k === "runs") opts.matmulRuns = positive(arg, v);
    else if (k === "steps") opts.mlpSteps = positive(arg, v);
    else throw new Error(`unknown argument ${JSON.stringify(arg)} (want sizes=, runs=, steps=)`);
  }
  return opts;
}

// emit prints one result line.
export function emit(obj) {
  console.log(JSON.stringify({ tool: TOOL, ...obj }));
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function round(x, digits) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

// adapterLine describes the adapter TF.js was given. TF.js requests the
// default adapter itself and keeps no handle on it, so this asks for the
// default adapter again: the same physical adapter on a machine with one.
async function adapterLine(tf) {
  const adapter = await navigator.gpu.requestAdapter();
  const info = adapter?.info ?? {};
  const pick = (k) => (typeof info[k] === "string" ? info[k] : "");
  // The same rule as gograd's webgpu Adapter.Description, so the two
  // sides' lines can be compared by eye.
  const description = pick("description") || pick("architecture") ||
    pick("vendor") || "unknown adapter";
  return {
    what: "adapter",
    description,
    vendor: pick("vendor"),
    architecture: pick("architecture"),
    device: pick("device"),
    fallback: Boolean(adapter?.isFallbackAdapter ?? info.isFallbackAdapter),
    runtime: navigator.userAgent,
    backend: tf.getBackend(),
    version: tf.version_core,
  };
}

// timeMatmul returns the median wall time in ms of c = a·b for n×n
// matrices, each product awaited by reading c back, so the GPU work and
// one readback of n² floats are inside the time (as on gograd's side).
async function timeMatmul(tf, n, warmup, runs) {
  const a = tf.randomUniform([n, n], -1, 1, "float32", 1);
  const b = tf.randomUniform([n, n], -1, 1, "float32", 2);
  const once = async () => {
    const t0 = performance.now();
    const c = tf.matMul(a, b);
    await c.data();
    const ms = performance.now() - t0;
    c.dispose();
    return ms;
  };
  for (let i = 0; i < warmup; i++) await once();
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  a.dispose();
  b.dispose();
  return median(times);
}

// mlp builds the 784-hidden-10 perceptron, a fixed random batch and an Adam
// optimizer, and returns a function that runs one training step and waits
// for it: forward, softmax cross-entropy, backward, Adam update, then a
// read of the loss, which the GPU queue finishes after the update.
function mlp(tf, batch, hidden) {
  const glorot = (rows, cols, seed) => {
    const lim = Math.sqrt(6 / (rows + cols));
    return tf.variable(tf.randomUniform([rows, cols], -lim, lim, "float32", seed));
  };
  const w1 = glorot(784, hidden, 11);
  const b1 = tf.variable(tf.zeros([hidden]));
  const w2 = glorot(hidden, 10, 12);
  const b2 = tf.variable(tf.zeros([10]));
  const vars = [w1, b1, w2, b2];
  const x = tf.randomUniform([batch, 784], 0, 1, "float32", 13);
  const labels = tf.randomUniform([batch], 0, 10, "int32", 14);
  const onehot = tf.oneHot(labels, 10);
  // PyTorch's defaults (eps 1e-8), which gograd's Adam uses too; TF.js's
  // own default eps is 1e-7.
  const opt = tf.train.adam(1e-3, 0.9, 0.999, 1e-8);
  const loss = () => {
    const h = tf.relu(tf.add(tf.matMul(x, w1), b1));
    const logits = tf.add(tf.matMul(h, w2), b2);
    return tf.losses.softmaxCrossEntropy(onehot, logits);
  };
  const step = async () => {
    const t0 = performance.now();
    const cost = opt.minimize(loss, true, vars);
    const v = (await cost.data())[0];
    const ms = performance.now() - t0;
    cost.dispose();
    return { ms, loss: v };
  };
  const dispose = () => {
    opt.dispose();
    for (const t of [...vars, x, labels, onehot]) t.dispose();
  };
  return { step, dispose };
}

// run sets TF.js's backend to webgpu and prints the adapter line, one
// matmul line per size, the training-step line and a final done line. A
// failure prints an error line instead and rethrows.
export async function run(tf, opts = {}) {
  const o = { ...defaults, ...opts };
  try {
    if (!(await tf.setBackend("webgpu"))) {
      throw new Error("tf.setBackend('webgpu') failed: no WebGPU adapter");
    }
    await tf.ready();
    emit(await adapterLine(tf));
    for (const n of o.sizes) {
      const ms = await timeMatmul(tf, n, o.matmulWarmup, o.matmulRuns);
      emit({
        what: "matmul",
        n,
        ms: round(ms, 3),
        gflops: round((2 * n ** 3) / (ms * 1e6), 3),
        runs: o.matmulRuns,
      });
    }
    const net = mlp(tf, o.batch, o.hidden);
    let first = NaN;
    for (let i = 0; i < o.mlpWarmup; i++) {
      const r = await net.step();
      if (i === 0) first = r.loss;
    }
    const times = [];
    let last = NaN;
    for (let i = 0; i < o.mlpSteps; i++) {
      const r = await net.step();
      times.push(r.ms);
      last = r.loss;
    }
    net.dispose();
    emit({
      what: "mlp_step",
      ms: round(median(times), 3),
      batch: o.batch,
      hidden: o.hidden,
      steps: o.mlpSteps,
      // Loss at the first and the last step: it must fall, which shows
      // the step really trains.
      loss_first: round(first, 5),
      loss_last: round(last, 5),
    });
    emit({ what: "done" });
  } catch (e) {
    emit({ what: "error", error: String(e?.stack ?? e) });
    throw e;
  }
}
