// IndexSelect, IndexAdd, Gather and ScatterAdd over [outer, n, inner]
// views, with indices stored as floats. The adjoints (IndexAdd, ScatterAdd)
// run one invocation per destination element and loop over the k sources
// that may land there, so they need no float atomics. Indices out of
// [0, n) select zero and add nothing.

struct Params {
    outer: u32,
    n: u32,
    inner: u32,
    k: u32,
    total: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<f32>;
@group(0) @binding(2) var<storage, read> src: array<f32>;
@group(0) @binding(3) var<storage, read> index: array<f32>;

// valid reports whether v is an integer index in [0, n).
fn valid(v: f32) -> bool {
    return v >= 0.0 && v < f32(p.n) && floor(v) == v;
}

@compute @workgroup_size(256)
fn index_select(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let idx = flat_index(gid, nwg);
    if (idx >= p.total) {
        return;
    }
    let i = idx % p.inner;
    let j = (idx / p.inner) % p.k;
    let o = idx / (p.inner * p.k);
    let v = index[j];
    var r = 0.0;
    if (valid(v)) {
        r = src[(o * p.n + u32(v)) * p.inner + i];
    }
    dst[idx] = r;
}

@compute @workgroup_size(256)
fn index_add(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let idx = flat_index(gid, nwg);
    if (idx >= p.total) {
        return;
    }
    let i = idx % p.inner;
    let dest = f32((idx / p.inner) % p.n);
    let o = idx / (p.inner * p.n);
    var s = 0.0;
    for (var j = 0u; j < p.k; j++) {
        if (index[j] == dest) {
            s += src[(o * p.k + j) * p.inner + i];
        }
    }
    dst[idx] += s;
}

@compute @workgroup_size(256)
fn gather(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let idx = flat_index(gid, nwg);
    if (idx >= p.total) {
        return;
    }
    let i = idx % p.inner;
    let o = idx / (p.inner * p.k);
    let v = index[idx];
    var r = 0.0;
    if (valid(v)) {
        r = src[(o * p.n + u32(v)) * p.inner + i];
    }
    dst[idx] = r;
}

@compute @workgroup_size(256)
fn scatter_add(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let idx = flat_index(gid, nwg);
    if (idx >= p.total) {
        return;
    }
    let i = idx % p.inner;
    let dest = f32((idx / p.inner) % p.n);
    let o = idx / (p.inner * p.n);
    var s = 0.0;
    for (var j = 0u; j < p.k; j++) {
        let at = (o * p.k + j) * p.inner + i;
        if (index[at] == dest) {
            s += src[at];
        }
    }
    dst[idx] += s;
}
