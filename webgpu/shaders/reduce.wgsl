// Reduce: x viewed as [outer, n, inner] reduced over the middle axis into
// dst [outer, inner]. op follows kernel.ReduceOp: 0 sum, 1 max, 2 min,
// 3 argmax, 4 argmin. NaN wins max and min as it does on the CPU, and ties
// go to the first index.
//
// reduce_thread runs one invocation per output (many outputs, short axes);
// reduce_group runs one workgroup per output and reduces in shared memory
// (few outputs, long axes).

struct Params {
    outer: u32,
    n: u32,
    inner: u32,
    op: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<f32>;
@group(0) @binding(2) var<storage, read> x: array<f32>;

var<workgroup> red_v: array<f32, 256>;
var<workgroup> red_i: array<u32, 256>;

// better reports whether (v, j) should replace (best, bj).
fn better(v: f32, j: u32, best: f32, bj: u32, want_max: bool) -> bool {
    if (is_nan(best)) {
        return is_nan(v) && j < bj;
    }
    if (is_nan(v)) {
        return true;
    }
    if (v == best) {
        return j < bj;
    }
    if (want_max) {
        return v > best;
    }
    return v < best;
}

fn result(best: f32, bj: u32) -> f32 {
    if (p.op >= 3u) {
        return f32(bj);
    }
    return best;
}

@compute @workgroup_size(256)
fn reduce_thread(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let idx = flat_index(gid, nwg);
    if (idx >= p.outer * p.inner) {
        return;
    }
    let o = idx / p.inner;
    let i = idx % p.inner;
    let base = o * p.n * p.inner + i;
    if (p.op == 0u) {
        var s = 0.0;
        for (var j = 0u; j < p.n; j++) {
            s += x[base + j * p.inner];
        }
        dst[idx] = s;
        return;
    }
    let want_max = p.op == 1u || p.op == 3u;
    var best = x[base];
    var bj = 0u;
    for (var j = 1u; j < p.n; j++) {
        let v = x[base + j * p.inner];
        if (better(v, j, best, bj, want_max)) {
            best = v;
            bj = j;
        }
    }
    dst[idx] = result(best, bj);
}

@compute @workgroup_size(256)
fn reduce_group(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let oi = flat_group(wid, nwg);
    if (oi >= p.outer * p.inner) {
        return;
    }
    let t = lid.x;
    let o = oi / p.inner;
    let i = oi % p.inner;
    let base = o * p.n * p.inner + i;
    if (p.op == 0u) {
        var s = 0.0;
        for (var j = t; j < p.n; j += WG) {
            s += x[base + j * p.inner];
        }
        red_v[t] = s;
        workgroupBarrier();
        for (var w = WG / 2u; w > 0u; w >>= 1u) {
            if (t < w) {
                red_v[t] += red_v[t + w];
            }
            workgroupBarrier();
        }
        if (t == 0u) {
            dst[oi] = red_v[0];
        }
        return;
    }
    let want_max = p.op == 1u || p.op == 3u;
    // Invocations past the end start from element 0 so every slot holds a
    // real candidate.
    var best = x[base];
    var bj = 0u;
    for (var j = t; j < p.n; j += WG) {
        let v = x[base + j * p.inner];
        if (better(v, j, best, bj, want_max)) {
            best = v;
            bj = j;
        }
    }
    red_v[t] = best;
    red_i[t] = bj;
    workgroupBarrier();
    for (var w = WG / 2u; w > 0u; w >>= 1u) {
        if (t < w && better(red_v[t + w], red_i[t + w], red_v[t], red_i[t], want_max)) {
            red_v[t] = red_v[t + w];
            red_i[t] = red_i[t + w];
        }
        workgroupBarrier();
    }
    if (t == 0u) {
        dst[oi] = result(red_v[0], red_i[0]);
    }
}
