// Binary: contiguous dst = op(x, y) (binary_op) with x and y read through
// strides (0 on broadcast axes), rank <= 6.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<f32>;
@group(0) @binding(2) var<storage, read> x: array<f32>;
@group(0) @binding(3) var<storage, read> y: array<f32>;

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
    dst[p.dst_off + idx] = binary_op(p.op, x[xi], y[yi]);
}
