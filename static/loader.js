// loader.js downloads gograd's wasm with a progress bar, checks that the
// browser can run it, and starts it with the Go runtime from wasm_exec.js.
//
// Attributes of its <script> tag: data-wasm (the binary, default
// gograd.wasm) and data-embed="true" for the chrome-less page. The program
// reads window.gogradConfig ({embed, scene, query}) and sets
// window.gograd.ready once it is running; the loading screen stays until then.
"use strict";

(() => {
  const script = document.currentScript;
  const wasmURL = script.dataset.wasm || "gograd.wasm";
  const query = new URLSearchParams(location.search);
  window.gogradConfig = {
    embed: script.dataset.embed === "true",
    scene: query.get("scene"),
    query: location.search,
  };

  const screen = document.getElementById("loading");
  const bar = screen.querySelector(".bar");
  const fill = document.getElementById("bar-fill");
  const message = document.getElementById("message");

  // fail shows the reason on the loading screen and in the console, where the
  // end-to-end tests look for errors.
  function fail(text) {
    screen.classList.add("error");
    message.textContent = text;
    console.error("gograd: " + text);
  }

  // missingRuntime names what this browser lacks to run Go's wasm, or
  // returns "".
  function missingRuntime() {
    if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
      return "This page needs WebAssembly, which this browser does not support or has turned off.";
    }
    if (typeof Go !== "function") {
      return "wasm_exec.js did not load, so the Go runtime is missing.";
    }
    return "";
  }

  // missingWebGL2 says why the page cannot draw, or returns "".
  function missingWebGL2() {
    const gl = document.createElement("canvas").getContext("webgl2");
    if (!gl) {
      return "This page needs WebGL2. Turn on hardware acceleration in the browser settings, or try another browser.";
    }
    // Free the probe's context at once: browsers cap live WebGL contexts.
    const lose = gl.getExtension("WEBGL_lose_context");
    if (lose) lose.loseContext();
    return "";
  }

  const mb = (n) => (n / 1048576).toFixed(1);

  function showProgress(received, total) {
    if (screen.classList.contains("error")) return; // keep the reason shown
    if (total > 0) {
      bar.classList.remove("indeterminate");
      fill.style.width = Math.min(100, (100 * received) / total) + "%";
      message.textContent = `Downloading ${wasmURL}: ${mb(received)} / ${mb(total)} MB`;
    } else {
      bar.classList.add("indeterminate");
      message.textContent = `Downloading ${wasmURL}: ${mb(received)} MB`;
    }
  }

  // totalSize is the decoded size of the body: cmd/serve sends it as
  // X-Decoded-Length, since a compressed response's Content-Length counts
  // compressed bytes while the stream yields decoded ones. 0 means unknown.
  function totalSize(resp) {
    const decoded = Number(resp.headers.get("X-Decoded-Length"));
    if (decoded > 0) return decoded;
    if (!resp.headers.get("Content-Encoding")) {
      const length = Number(resp.headers.get("Content-Length"));
      if (length > 0) return length;
    }
    return 0;
  }

  // readBody reads a response body, showing progress, and returns its
  // bytes, or only counts them when keep is false.
  async function readBody(resp, keep) {
    const total = totalSize(resp);
    if (!resp.body) return new Uint8Array(await resp.arrayBuffer());
    const reader = resp.body.getReader();
    const chunks = [];
    let received = 0;
    showProgress(0, total);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (keep) chunks.push(value);
      received += value.length;
      showProgress(received, total);
    }
    if (!keep) return null;
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return bytes;
  }

  // instantiate fetches and instantiates the wasm. Served as
  // application/wasm it is compiled while it downloads, and the browser
  // may keep the compiled code with its cached copy for the next visit; a
  // clone of the response feeds the progress bar. Otherwise (a static host
  // with another MIME type) it is downloaded first.
  async function instantiate(url, imports, signal) {
    const resp = await fetch(url, { signal });
    if (!resp.ok) throw new Error(`${url}: HTTP ${resp.status} ${resp.statusText}`);
    const type = (resp.headers.get("Content-Type") || "").split(";")[0].trim();
    if (type === "application/wasm" && typeof WebAssembly.instantiateStreaming === "function" && resp.body) {
      const counted = readBody(resp.clone(), false);
      counted.catch(() => {}); // an abort or a failed compile is reported once, below
      const result = await WebAssembly.instantiateStreaming(resp, imports);
      await counted;
      return result;
    }
    return WebAssembly.instantiate(await readBody(resp, true), imports);
  }

  // whenReady removes the loading screen once the program sets
  // window.gograd.ready; it checks once a frame, which costs nothing.
  function whenReady(isRunning) {
    const check = () => {
      if (window.gograd && window.gograd.ready) {
        screen.remove();
      } else if (isRunning()) {
        requestAnimationFrame(check);
      }
    };
    check();
  }

  async function start() {
    const missing = missingRuntime();
    if (missing) {
      fail(missing);
      return;
    }
    const go = new Go();
    const exit = go.exit.bind(go);
    let running = true;
    go.exit = (code) => {
      running = false;
      if (code !== 0) fail(`the program stopped with exit code ${code}; the console has its output.`);
      exit(code);
    };
    // The download and compilation run while the WebGL2 probe, slow on a
    // software renderer, makes its context.
    const abort = new AbortController();
    const instantiating = instantiate(wasmURL, go.importObject, abort.signal);
    const noGL = missingWebGL2();
    if (noGL) {
      fail(noGL);
      instantiating.catch(() => {}); // the reason shown is the one that matters
      abort.abort();
      return;
    }
    const { instance } = await instantiating;
    // The benchmarks (bench/playground) split the time to the first frame here.
    performance.mark("gograd:instantiated");
    message.textContent = "Starting…";
    const done = go.run(instance);
    whenReady(() => running);
    await done;
    if (!(window.gograd && window.gograd.ready) && !screen.classList.contains("error")) {
      fail("the program ended before it was ready.");
    }
  }

  start().catch((err) => fail(err && err.message ? err.message : String(err)));
})();
