// Binary: contiguous dst = op(x, y) with x and y read through strides (0 on
// broadcast axes), rank <= 6. The op numbers follow kernel.BinaryOp.

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

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<f32>;
@group(0) @binding(2) var<storage, read> x: array<f32>;
@group(0) @binding(3) var<storage, read> y: array<f32>;

fn apply(op: u32, a: f32, b: f32) -> f32 {
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

@compute @workgroup_size(256)
fn binary(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let idx = flat_index(gid, nwg);
    if (idx >= p.n) {
        return;
    }
    var rem = idx;
    var xi = i32(p.x_off);
    var yi = i32(p.y_off);
    for (var k = i32(p.rank) - 1; k >= 0; k--) {
        let dim = p.dims[k];
        let size = u32(dim.x);
        let c = i32(rem % size);
        rem = rem / size;
        xi += c * dim.y;
        yi += c * dim.z;
    }
    dst[p.dst_off + idx] = apply(p.op, x[xi], y[yi]);
}
