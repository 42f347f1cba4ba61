// MaxPool2d forward: one invocation per output; argmax holds the flat index
// h*W + w of the first maximum within its input plane.

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
@group(0) @binding(2) var<storage, read_write> argmax: array<f32>;
@group(0) @binding(3) var<storage, read> x: array<f32>;

@compute @workgroup_size(256)
fn maxpool(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let idx = flat_index(gid, nwg);
    if (idx >= p.total) {
        return;
    }
    let ow = idx % p.ow;
    let oh = (idx / p.ow) % p.oh;
    let nc = idx / (p.ow * p.oh);
    let plane = nc * p.h * p.w;
    var best = 0.0;
    var at = -1;
    for (var kh = 0u; kh < p.kh; kh++) {
        let h = i32(oh * p.stride + kh) - i32(p.pad);
        if (h < 0 || h >= i32(p.h)) {
            continue;
        }
        for (var kw = 0u; kw < p.kw; kw++) {
            let w = i32(ow * p.stride + kw) - i32(p.pad);
            if (w < 0 || w >= i32(p.w)) {
                continue;
            }
            let i = h * i32(p.w) + w;
            let v = x[plane + u32(i)];
            if (at < 0 || v > best) {
                best = v;
                at = i;
            }
        }
    }
    dst[idx] = best;
    argmax[idx] = f32(at);
}
