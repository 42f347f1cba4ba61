// Checks of the TF.js side's argument parsing and statistics; the timings
// themselves are checked by running them (README.md). Run with
//   deno test --allow-read bench/webgpu/tfjs_bench_lib_test.js
import { defaults, median, parseArgs } from "./tfjs_bench_lib.js";

function assertEquals(got, want) {
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    throw new Error(`got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  }
}

function assertThrows(f, fragment) {
  try {
    f();
  } catch (e) {
    if (!String(e.message).includes(fragment)) {
      throw new Error(`error ${JSON.stringify(e.message)} lacks ${JSON.stringify(fragment)}`);
    }
    return;
  }
  throw new Error("no error");
}

Deno.test("parseArgs reads the three settings", () => {
  assertEquals(parseArgs(["sizes=64,128", "runs=3", "steps=7"]), {
    sizes: [64, 128],
    matmulRuns: 3,
    mlpSteps: 7,
  });
  assertEquals(parseArgs([]), {});
});

Deno.test("parseArgs names what is wrong", () => {
  assertThrows(() => parseArgs(["size=64"]), '"size=64"');
  assertThrows(() => parseArgs(["sizes=64,x"]), '"x" is not a positive integer');
  assertThrows(() => parseArgs(["runs=0"]), '"0" is not a positive integer');
  assertThrows(() => parseArgs(["steps=2.5"]), '"2.5" is not a positive integer');
});

Deno.test("median of odd and even counts, input untouched", () => {
  const xs = [5, 1, 4];
  assertEquals(median(xs), 4);
  assertEquals(xs, [5, 1, 4]);
  assertEquals(median([4, 1, 3, 2]), 2.5);
});

Deno.test("defaults are those of gograd/main_js.go", async () => {
  const src = await Deno.readTextFile(new URL("gograd/main_js.go", import.meta.url));
  const sizes = defaults.sizes.join(", ");
  const want = `config{sizes: []int{${sizes}}, matmulWarmup: ${defaults.matmulWarmup}, matmulRuns: ${defaults.matmulRuns},\n\t\tbatch: ${defaults.batch}, hidden: ${defaults.hidden}, mlpWarmup: ${defaults.mlpWarmup}, mlpSteps: ${defaults.mlpSteps}}`;
  if (!src.includes(want)) throw new Error(`main_js.go lacks ${want}`);
});
