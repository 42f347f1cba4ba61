#!/usr/bin/env bash
# run.sh runs the WebGPU benchmark under Deno on Mesa's lavapipe, one side
# after the other in one invocation, so both time the same adapter.
#
#   bench/webgpu/run.sh [all|tfjs|gograd] [sizes=256,512,1024] [runs=5] [steps=20]
#
# Output: the JSON lines of both sides (see README.md). Needs Deno (set
# DENO, or let scripts/test-webgpu.sh install it under node_modules/) and
# mesa-vulkan-drivers; installs the TF.js packages on first use.
set -euo pipefail

here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
which="${1:-all}"
case "$which" in
all | tfjs | gograd) shift || true ;;
*) which=all ;;
esac

if [ -z "${DENO:-}" ]; then
	for d in "$root/node_modules/@deno/linux-x64-glibc/deno" "$here/node_modules/@deno/linux-x64-glibc/deno"; do
		if [ -x "$d" ]; then DENO="$d" && break; fi
	done
fi
if [ -z "${DENO:-}" ] || [ ! -x "$DENO" ]; then
	echo "run.sh: no deno: run scripts/test-webgpu.sh once, or set DENO" >&2
	exit 127
fi
export DENO
export VK_ICD_FILENAMES="${VK_ICD_FILENAMES:-/usr/share/vulkan/icd.d/lvp_icd.x86_64.json}"
export DENO_NO_UPDATE_CHECK=1
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"

if [ "$which" != gograd ]; then
	if [ ! -d "$here/node_modules/@tensorflow/tfjs-backend-webgpu" ]; then
		npm ci --prefix "$here" --no-audit --no-fund >&2
	fi
	"$DENO" run -A --quiet "$here/tfjs_bench.mjs" "$@"
fi
if [ "$which" != tfjs ]; then
	(cd "$root" && GOOS=js GOARCH=wasm go build -o "$here/gograd.wasm" ./bench/webgpu/gograd)
	"$root/scripts/deno/go_js_wasm_exec_deno" "$here/gograd.wasm" "$@"
fi
