// Copy: a strided view of src into a strided view of dst, rank <= 6.

struct Params {
    n: u32,
    rank: u32,
    dst_off: u32,
    src_off: u32,
    // per dimension: size, dst stride, src stride, unused
    dims: array<vec4<i32>, 6>,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<f32>;
@group(0) @binding(2) var<storage, read> src: array<f32>;

@compute @workgroup_size(256)
fn copy(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let idx = flat_index(gid, nwg);
    if (idx >= p.n) {
        return;
    }
    var rem = idx;
    var d = i32(p.dst_off);
    var s = i32(p.src_off);
    for (var k = i32(p.rank) - 1; k >= 0; k--) {
        let dim = p.dims[k];
        let size = u32(dim.x);
        let c = i32(rem % size);
        rem = rem / size;
        d += c * dim.y;
        s += c * dim.z;
    }
    dst[d] = src[s];
}
