// Binary on 4 elements per invocation: binary.wgsl with every size, offset
// and stride counted in vec4s, for views whose last axis is contiguous in
// x and y and a multiple of 4 long (same-shape operands, a bias added to
// every row).

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> x: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read> y: array<vec4<f32>>;

@compute @workgroup_size(256)
fn binary_vec4(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
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
    let xv = x[xi];
    let yv = y[yi];
    dst[p.dst_off + idx] = vec4<f32>(binary_op(p.op, xv.x, yv.x), binary_op(p.op, xv.y, yv.y), binary_op(p.op, xv.z, yv.z), binary_op(p.op, xv.w, yv.w));
}
