// MaxPool2d backward and AvgPool2d forward and backward. The backward
// kernels run one invocation per input pixel and loop over the windows that
// cover it, so they need no atomics.

struct Params {
    n: u32,
    c: u32,
    h: u32,
    w: u32,
    kh: u32,
    kw: u32,
    stride: u32,
    pad: u32,
    oh: u32,
    ow: u32,
    total: u32,
    inv: f32, // 1 / (KH*KW)
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<f32>;
@group(0) @binding(2) var<storage, read> src: array<f32>;   // grad, or x for avgpool
@group(0) @binding(3) var<storage, read> argmax: array<f32>;

// window_range returns the outputs [lo, hi) along one axis whose windows
// cover input position x.
fn window_range(x: u32, k: u32, outs: u32) -> vec2<u32> {
    // o covers x when o*stride - pad <= x < o*stride - pad + k
    let top = i32(x + p.pad);
    var lo = top - i32(k) + 1;
    if (lo < 0) {
        lo = 0;
    }
    let first = u32((lo + i32(p.stride) - 1) / i32(p.stride));
    let last = min(u32(top) / p.stride + 1u, outs);
    return vec2<u32>(first, max(last, first));
}

@compute @workgroup_size(256)
fn maxpool_backward(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let idx = flat_index(gid, nwg);
    if (idx >= p.total) {
        return;
    }
    let w = idx % p.w;
    let h = (idx / p.w) % p.h;
    let nc = idx / (p.w * p.h);
    let here = f32(h * p.w + w);
    let rh = window_range(h, p.kh, p.oh);
    let rw = window_range(w, p.kw, p.ow);
    var s = 0.0;
    for (var oh = rh.x; oh < rh.y; oh++) {
        for (var ow = rw.x; ow < rw.y; ow++) {
            let o = (nc * p.oh + oh) * p.ow + ow;
            if (argmax[o] == here) {
                s += src[o];
            }
        }
    }
    dst[idx] += s;
}

@compute @workgroup_size(256)
fn avgpool(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let idx = flat_index(gid, nwg);
    if (idx >= p.total) {
        return;
    }
    let ow = idx % p.ow;
    let oh = (idx / p.ow) % p.oh;
    let nc = idx / (p.ow * p.oh);
    let plane = nc * p.h * p.w;
    var s = 0.0;
    for (var kh = 0u; kh < p.kh; kh++) {
        let h = i32(oh * p.stride + kh) - i32(p.pad);
        if (h < 0 || h >= i32(p.h)) {
            continue;
        }
        for (var kw = 0u; kw < p.kw; kw++) {
            let w = i32(ow * p.stride + kw) - i32(p.pad);
            if (w >= 0 && w < i32(p.w)) {
                s += src[plane + u32(h) * p.w + u32(w)];
            }
        }
    }
    dst[idx] = s * p.inv;
}

@compute @workgroup_size(256)
fn avgpool_backward(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let idx = flat_index(gid, nwg);
    if (idx >= p.total) {
        return;
    }
    let w = idx % p.w;
    let h = (idx / p.w) % p.h;
    let nc = idx / (p.w * p.h);
    let rh = window_range(h, p.kh, p.oh);
    let rw = window_range(w, p.kw, p.ow);
    var s = 0.0;
    for (var oh = rh.x; oh < rh.y; oh++) {
        for (var ow = rw.x; ow < rw.y; ow++) {
            s += src[(nc * p.oh + oh) * p.ow + ow] * p.inv;
        }
    }
    dst[idx] += s;
}
