// unary_op is the elementwise function of Unary: the op numbers follow
// kernel.UnaryOp. Prepended to unary.wgsl and unary_vec4.wgsl.

fn unary_op(op: u32, v: f32, a: f32, b: f32) -> f32 {
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

// The parameters of both kernels of the family (the vec4 kernel counts its
// sizes in vec4s).
struct Params {
    n: u32,
    op: u32,
    a: f32,
    b: f32,
}
