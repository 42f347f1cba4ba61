#!/usr/bin/env bash
# test.sh runs every gograd test: formatting, vet, native tests, the core
# tests compiled to WebAssembly under Node, the WebGPU tests under Deno (when
# scripts/test-webgpu.sh exists), and the end-to-end tests in headless
# Chromium. It installs the system packages it needs when they are missing.
# Every step runs even after a failure; the last line sums them up.
set -euo pipefail
cd "$(dirname "$0")"
start=$SECONDS

# --- system packages -------------------------------------------------------
# Chromium and Mesa for the browser tests, brotli for checking compressed
# files by hand, xvfb and Ebiten's cgo headers for native builds and tests,
# Debian's copy of Fashion-MNIST for the loader's tests.
packages=(chromium chromium-driver mesa-vulkan-drivers brotli xvfb
	libc6-dev libgl1-mesa-dev libxcursor-dev libxi-dev libxinerama-dev
	libxrandr-dev libxxf86vm-dev libasound2-dev pkg-config
	dataset-fashion-mnist)
command -v node >/dev/null || packages+=(nodejs)
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ! -x /usr/bin/chromium ] || [ ${#missing[@]} -gt 0 ]; then
	sudo=()
	[ "$(id -u)" -eq 0 ] || sudo=(sudo)
	echo "== installing: ${missing[*]:-chromium}"
	"${sudo[@]}" apt-get update
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]:-chromium}"
fi

# --- environment -----------------------------------------------------------
if [ -z "${GOGRAD_DATA:-}" ] && [ -d ../shared/data/mnist ]; then
	GOGRAD_DATA=$(cd ../shared/data/mnist && pwd)
	export GOGRAD_DATA
fi
wasm_exec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec"
# Native Ebiten packages open a window in some tests: give them a display.
xvfb=()
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
	xvfb=(xvfb-run -a)
fi
module=$(go list -m)
# The end-to-end tests run in their own step, after everything they serve.
native_pkgs=$(go list -e ./... | grep -v "^$module/tests\(/\|$\)")
# Packages that are built for the browser, vetted as js/wasm too.
wasm_dirs=()
for d in core wasm webgpu playground; do
	[ -d "$d" ] && wasm_dirs+=("./$d/...")
done

# --- steps -----------------------------------------------------------------
failed=()
steps=0
step() {
	local name=$1
	shift
	steps=$((steps + 1))
	local t=$SECONDS
	echo "== $name"
	if "$@"; then
		echo "-- ok: $name ($((SECONDS - t))s)"
	else
		echo "-- FAIL: $name ($((SECONDS - t))s)"
		failed+=("$name")
	fi
}

gofmt_check() {
	local files
	files=$(find . -mindepth 1 \( -name '.*' -o -name node_modules \) -prune -o -name '*.go' -print | xargs -r gofmt -l)
	if [ -n "$files" ]; then
		echo "gofmt would change:"
		echo "$files"
		return 1
	fi
}

step "gofmt" gofmt_check
step "go vet (native)" go vet ./...
step "go vet (js/wasm)" env GOOS=js GOARCH=wasm go vet "${wasm_dirs[@]}"
# shellcheck disable=SC2086 # one argument per package
step "native tests" "${xvfb[@]}" go test $native_pkgs
step "core tests in wasm (node)" env GOOS=js GOARCH=wasm go test -exec="$wasm_exec" ./core/...
if [ -f scripts/test-webgpu.sh ]; then
	step "webgpu tests (deno)" bash scripts/test-webgpu.sh
fi
# -count=1: go test cannot see the files the browser loads, so a cached
# pass could hide a broken page.
step "end-to-end tests (chromium)" go test -count=1 ./tests/...

elapsed=$((SECONDS - start))
if [ ${#failed[@]} -eq 0 ]; then
	echo "test.sh: PASS: all $steps steps in ${elapsed}s"
else
	echo "test.sh: FAIL: $(IFS=,; echo "${failed[*]}" | sed 's/,/, /g') ($((steps - ${#failed[@]}))/$steps steps passed, ${elapsed}s)"
	exit 1
fi
