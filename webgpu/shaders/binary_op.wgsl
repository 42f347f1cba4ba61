// binary_op is the elementwise function of Binary: the op numbers follow
// kernel.BinaryOp. Prepended to binary.wgsl and binary_vec4.wgsl.

fn binary_op(op: u32, a: f32, b: f32) -> f32 {
    switch op {
        case 0u: { return a + b; }
        case 1u: { return a - b; }
        case 2u: { return a * b; }
        case 3u: { return a / b; }
        case 4u: { return powf(a, b); }
        case 5u: { return max(a, b); }
        case 6u: { return min(a, b); }
        case 7u: { return select(0.0, 1.0, a > b); }
        case 8u: { return select(0.0, 1.0, a >= b); }
        case 9u: { return select(0.0, 1.0, a == b); }
        default: { return nan(); }
    }
}

// The parameters of both kernels of the family (the vec4 kernel counts its
// sizes in vec4s).
struct Params {
    n: u32,
    rank: u32,
    op: u32,
    dst_off: u32,
    x_off: u32,
    y_off: u32,
    pad0: u32,
    pad1: u32,
    // per dimension: size, x stride, y stride, unused
    dims: array<vec4<i32>, 6>,
}
