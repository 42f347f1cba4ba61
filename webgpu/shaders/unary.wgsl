// Unary: dst[i] = op(x[i]) with the scalar parameters a and b. The op
// numbers follow kernel.UnaryOp.

struct Params {
    n: u32,
    op: u32,
    a: f32,
    b: f32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<f32>;
@group(0) @binding(2) var<storage, read> x: array<f32>;

fn apply(op: u32, v: f32, a: f32, b: f32) -> f32 {
    switch op {
        case 0u: { return v * a + b; }
        case 1u: { return powf(v, a); }
        case 2u: { return exp(v); }
        case 3u: { return log(v); }
        case 4u: { return sqrt(v); }
        case 5u: { return abs(v); }
        case 6u: { return sign(v); }
        case 7u: { return sigmoid(v); }
        case 8u: { return tanh_(v); }
        case 9u: { return max(v, 0.0); }
        case 10u: { return select(a * v, v, v > 0.0); }
        case 11u: { return select(a * expm1(v), v, v > 0.0); }
        case 12u: { return min(max(v, a), b); }
        case 13u: { return select(0.0, 1.0, v > a); }
        default: { return nan(); }
    }
}

@compute @workgroup_size(256)
fn unary(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let i = flat_index(gid, nwg);
    if (i < p.n) {
        dst[i] = apply(p.op, x[i], p.a, p.b);
    }
}
