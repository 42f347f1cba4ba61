// run.mjs runs a GOOS=js GOARCH=wasm binary (typically a test binary) under
// Deno, whose built-in WebGPU gives the binary navigator.gpu.
//
// usage: deno run -A run.mjs WASM_EXEC_JS BINARY.wasm [args...]
//
// WASM_EXEC_JS is $(go env GOROOT)/lib/wasm/wasm_exec.js. It expects Node's
// fs for its stdout/stderr and file system calls, which Deno provides as
// node:fs.
import fs from "node:fs";
import process from "node:process";

const [wasmExec, binary, ...args] = Deno.args;
if (!wasmExec || !binary) {
  console.error("usage: run.mjs WASM_EXEC_JS BINARY.wasm [args...]");
  Deno.exit(2);
}

globalThis.fs = fs;
globalThis.process = process;
await import(new URL("file://" + (wasmExec.startsWith("/") ? wasmExec : Deno.cwd() + "/" + wasmExec)).href);

const go = new globalThis.Go();
go.argv = [binary, ...args];
go.env = Object.assign({ TMPDIR: Deno.env.get("TMPDIR") ?? "/tmp" }, Deno.env.toObject());
go.exit = (code) => Deno.exit(code);

// When the event loop empties while Go has not exited, every goroutine is
// blocked on something that can never happen: resume Go once so the runtime
// reports the deadlock with stack traces, as Go's own Node runner does.
globalThis.addEventListener("beforeunload", () => {
  if (!go.exited) {
    go._pendingEvent = { id: 0 };
    go._resume();
  }
});

// No top-level await on go.run: the module must finish so that Deno can
// reach beforeunload when Go stalls.
WebAssembly.instantiate(Deno.readFileSync(binary), go.importObject)
  .then(({ instance }) => go.run(instance))
  .catch((err) => {
    console.error(err);
    Deno.exit(1);
  });
