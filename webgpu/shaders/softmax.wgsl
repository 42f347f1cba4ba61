// Softmax over the rows of [rows, cols], one workgroup per row, and its
// backward pass. With log set the forward writes log-softmax.

struct Params {
    rows: u32,
    cols: u32,
    log: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<f32>;
@group(0) @binding(2) var<storage, read> a: array<f32>; // x forward, y backward
@group(0) @binding(3) var<storage, read> b: array<f32>; // g backward

var<workgroup> red: array<f32, 256>;

fn group_sum(t: u32, v: f32) -> f32 {
    red[t] = v;
    workgroupBarrier();
    for (var w = WG / 2u; w > 0u; w >>= 1u) {
        if (t < w) {
            red[t] += red[t + w];
        }
        workgroupBarrier();
    }
    let r = red[0];
    workgroupBarrier();
    return r;
}

fn group_max(t: u32, v: f32) -> f32 {
    red[t] = v;
    workgroupBarrier();
    for (var w = WG / 2u; w > 0u; w >>= 1u) {
        if (t < w) {
            red[t] = max(red[t], red[t + w]);
        }
        workgroupBarrier();
    }
    let r = red[0];
    workgroupBarrier();
    return r;
}

@compute @workgroup_size(256)
fn softmax(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let row = flat_group(wid, nwg);
    if (row >= p.rows) {
        return;
    }
    let t = lid.x;
    let base = row * p.cols;
    var m = a[base];
    for (var j = t; j < p.cols; j += WG) {
        m = max(m, a[base + j]);
    }
    m = group_max(t, m);
    var s = 0.0;
    for (var j = t; j < p.cols; j += WG) {
        s += exp(a[base + j] - m);
    }
    s = group_sum(t, s);
    if (p.log != 0u) {
        let lse = m + log(s);
        for (var j = t; j < p.cols; j += WG) {
            dst[base + j] = a[base + j] - lse;
        }
    } else {
        for (var j = t; j < p.cols; j += WG) {
            dst[base + j] = exp(a[base + j] - m) / s;
        }
    }
}

@compute @workgroup_size(256)
fn softmax_backward(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let row = flat_group(wid, nwg);
    if (row >= p.rows) {
        return;
    }
    let t = lid.x;
    let base = row * p.cols;
    if (p.log != 0u) {
        // d/dx of log_softmax: g - softmax * sum(g)
        var s = 0.0;
        for (var j = t; j < p.cols; j += WG) {
            s += b[base + j];
        }
        s = group_sum(t, s);
        for (var j = t; j < p.cols; j += WG) {
            dst[base + j] = b[base + j] - exp(a[base + j]) * s;
        }
    } else {
        // d/dx of softmax: y * (g - sum(g*y))
        var s = 0.0;
        for (var j = t; j < p.cols; j += WG) {
            s += a[base + j] * b[base + j];
        }
        s = group_sum(t, s);
        for (var j = t; j < p.cols; j += WG) {
            dst[base + j] = a[base + j] * (b[base + j] - s);
        }
    }
}

// softmax_thread and softmax_backward_thread run one invocation per row,
// for short rows: a workgroup per row would leave most of its invocations
// idle and still pay for its barriers, which is what dominates on adapters
// that run invocations on the CPU.
@compute @workgroup_size(256)
fn softmax_thread(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let row = flat_index(gid, nwg);
    if (row >= p.rows) {
        return;
    }
    let base = row * p.cols;
    var m = a[base];
    for (var j = 1u; j < p.cols; j++) {
        m = max(m, a[base + j]);
    }
    var s = 0.0;
    for (var j = 0u; j < p.cols; j++) {
        s += exp(a[base + j] - m);
    }
    if (p.log != 0u) {
        let lse = m + log(s);
        for (var j = 0u; j < p.cols; j++) {
            dst[base + j] = a[base + j] - lse;
        }
    } else {
        for (var j = 0u; j < p.cols; j++) {
            dst[base + j] = exp(a[base + j] - m) / s;
        }
    }
}

@compute @workgroup_size(256)
fn softmax_backward_thread(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let row = flat_index(gid, nwg);
    if (row >= p.rows) {
        return;
    }
    let base = row * p.cols;
    var s = 0.0;
    if (p.log != 0u) {
        for (var j = 0u; j < p.cols; j++) {
            s += b[base + j];
        }
        for (var j = 0u; j < p.cols; j++) {
            dst[base + j] = b[base + j] - exp(a[base + j]) * s;
        }
    } else {
        for (var j = 0u; j < p.cols; j++) {
            s += a[base + j] * b[base + j];
        }
        for (var j = 0u; j < p.cols; j++) {
            dst[base + j] = a[base + j] * (b[base + j] - s);
        }
    }
}
