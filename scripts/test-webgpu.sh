#!/usr/bin/env bash
# test-webgpu.sh runs the webgpu package's tests (GOOS=js GOARCH=wasm) under
# Deno's WebGPU on Mesa's lavapipe, a software Vulkan driver, so the WGSL
# kernels are checked against the CPU backend on a machine with no GPU.
# It installs what is missing: Deno from npm into node_modules/, and
# mesa-vulkan-drivers with apt. Extra arguments go to go test, e.g.
#   scripts/test-webgpu.sh -run 'TestKernels/MatMul' -v
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

icd=/usr/share/vulkan/icd.d/lvp_icd.x86_64.json
if [ ! -f "$icd" ]; then
	echo "test-webgpu: installing mesa-vulkan-drivers (lavapipe)" >&2
	sudo_cmd=""
	if [ "$(id -u)" != 0 ]; then sudo_cmd=sudo; fi
	$sudo_cmd apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq mesa-vulkan-drivers >/dev/null
fi

deno="$root/node_modules/@deno/linux-x64-glibc/deno"
if [ ! -x "$deno" ]; then
	echo "test-webgpu: installing deno from npm into node_modules/" >&2
	npm install --no-save --no-audit --no-fund --loglevel=error deno@2 >/dev/null
fi

export VK_ICD_FILENAMES="$icd"
GOOS=js GOARCH=wasm go test -exec="$root/scripts/deno/go_js_wasm_exec_deno" "$@" ./webgpu/...
