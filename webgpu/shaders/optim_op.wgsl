// The SGD and Adam updates on 4 elements at once, for optim.wgsl (which
// uses the first lane) and optim_vec4.wgsl. They read the flags and
// hyperparameters from the Params p of the file they are prepended to.
// Bias corrections c1 and c2 come precomputed from Go.

struct Step {
    w: vec4<f32>,
    m: vec4<f32>,
    v: vec4<f32>,
}

// sgd_reads_momentum: momentum on, and not its first step (which starts
// the buffer from the gradient).
fn sgd_reads_momentum() -> bool {
    return (p.flags & 1u) != 0u && (p.flags & 4u) == 0u;
}

fn sgd_writes_momentum() -> bool {
    return (p.flags & 1u) != 0u;
}

// sgd_op: flags 1 momentum, 2 nesterov, 4 first step.
fn sgd_op(w: vec4<f32>, g: vec4<f32>, m: vec4<f32>) -> Step {
    var d = g + p.weight_decay * w;
    var b = d;
    if (sgd_writes_momentum()) {
        if ((p.flags & 4u) == 0u) {
            b = p.momentum * m + (1.0 - p.dampening) * d;
        }
        if ((p.flags & 2u) != 0u) {
            d += p.momentum * b;
        } else {
            d = b;
        }
    }
    return Step(w - p.lr * d, b, vec4<f32>(0.0));
}

// adam_op: flag 1 decoupled weight decay (AdamW).
fn adam_op(w0: vec4<f32>, g0: vec4<f32>, m0: vec4<f32>, v0: vec4<f32>) -> Step {
    var w = w0;
    var g = g0;
    if ((p.flags & 1u) != 0u) {
        w -= p.lr * p.weight_decay * w;
    } else {
        g += p.weight_decay * w;
    }
    let m = p.beta1 * m0 + (1.0 - p.beta1) * g;
    let v = p.beta2 * v0 + (1.0 - p.beta2) * g * g;
    return Step(w - p.lr * (m / p.c1) / (sqrt(v / p.c2) + p.eps), m, v);
}

// The parameters of both kernels of the family (the vec4 kernel counts its
// sizes in vec4s).
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
