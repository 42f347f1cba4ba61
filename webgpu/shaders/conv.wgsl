// Im2Col and Col2Im for a 2-D convolution. cols is [N, OH, OW, C, KH, KW].
// Col2Im runs one invocation per input pixel and sums the patch entries
// that cover it, so it needs no atomics.

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
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<f32>;
@group(0) @binding(2) var<storage, read> src: array<f32>;

@compute @workgroup_size(256)
fn im2col(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let idx = flat_index(gid, nwg);
    if (idx >= p.total) {
        return;
    }
    var rem = idx;
    let kw = rem % p.kw;
    rem /= p.kw;
    let kh = rem % p.kh;
    rem /= p.kh;
    let c = rem % p.c;
    rem /= p.c;
    let ow = rem % p.ow;
    rem /= p.ow;
    let oh = rem % p.oh;
    let n = rem / p.oh;
    let h = i32(oh * p.stride + kh) - i32(p.pad);
    let w = i32(ow * p.stride + kw) - i32(p.pad);
    var v = 0.0;
    if (h >= 0 && h < i32(p.h) && w >= 0 && w < i32(p.w)) {
        v = src[((n * p.c + c) * p.h + u32(h)) * p.w + u32(w)];
    }
    dst[idx] = v;
}

@compute @workgroup_size(256)
fn col2im(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let idx = flat_index(gid, nwg);
    if (idx >= p.total) {
        return;
    }
    let w = idx % p.w;
    let h = (idx / p.w) % p.h;
    let c = (idx / (p.w * p.h)) % p.c;
    let n = idx / (p.w * p.h * p.c);
    var s = 0.0;
    for (var kh = 0u; kh < p.kh; kh++) {
        let hh = i32(h + p.pad) - i32(kh);
        if (hh < 0 || hh % i32(p.stride) != 0) {
            continue;
        }
        let oh = u32(hh) / p.stride;
        if (oh >= p.oh) {
            continue;
        }
        for (var kw = 0u; kw < p.kw; kw++) {
            let ww = i32(w + p.pad) - i32(kw);
            if (ww < 0 || ww % i32(p.stride) != 0) {
                continue;
            }
            let ow = u32(ww) / p.stride;
            if (ow >= p.ow) {
                continue;
            }
            s += src[(((n * p.oh + oh) * p.ow + ow) * p.c + c) * p.kh * p.kw + kh * p.kw + kw];
        }
    }
    dst[idx] += s;
}
