// SGD and Adam parameter updates in place, following torch.optim (see
// kernel.SGDParams and kernel.AdamParams). Bias corrections c1 and c2 come
// precomputed from Go.

struct Params {
    n: u32,
    flags: u32, // sgd: 1 momentum, 2 nesterov, 4 first step; adam: 1 decoupled
    lr: f32,
    weight_decay: f32,
    momentum: f32,
    dampening: f32,
    beta1: f32,
    beta2: f32,
    eps: f32,
    c1: f32,
    c2: f32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> param: array<f32>;
@group(0) @binding(2) var<storage, read> grad: array<f32>;
@group(0) @binding(3) var<storage, read_write> m: array<f32>; // momentum buffer for SGD
@group(0) @binding(4) var<storage, read_write> v: array<f32>;

@compute @workgroup_size(256)
fn sgd(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let i = flat_index(gid, nwg);
    if (i >= p.n) {
        return;
    }
    let w = param[i];
    var d = grad[i] + p.weight_decay * w;
    if ((p.flags & 1u) != 0u) {
        var b = d;
        if ((p.flags & 4u) == 0u) {
            b = p.momentum * m[i] + (1.0 - p.dampening) * d;
        }
        m[i] = b;
        if ((p.flags & 2u) != 0u) {
            d += p.momentum * b;
        } else {
            d = b;
        }
    }
    param[i] = w - p.lr * d;
}

@compute @workgroup_size(256)
fn adam(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let i = flat_index(gid, nwg);
    if (i >= p.n) {
        return;
    }
    var w = param[i];
    var g = grad[i];
    if ((p.flags & 1u) != 0u) {
        w -= p.lr * p.weight_decay * w;
    } else {
        g += p.weight_decay * w;
    }
    let mi = p.beta1 * m[i] + (1.0 - p.beta1) * g;
    let vi = p.beta2 * v[i] + (1.0 - p.beta2) * g * g;
    m[i] = mi;
    v[i] = vi;
    param[i] = w - p.lr * (mi / p.c1) / (sqrt(vi / p.c2) + p.eps);
}
