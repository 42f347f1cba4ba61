// Unary on 4 elements per invocation, for lengths that are multiples of 4:
// n counts vec4s. On adapters that run invocations on the CPU each load
// costs about the same whatever its width, so this is up to 4 times
// faster than unary.wgsl there.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> x: array<vec4<f32>>;

@compute @workgroup_size(256)
fn unary_vec4(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let i = flat_index(gid, nwg);
    if (i < p.n) {
        let v = x[i];
        dst[i] = vec4<f32>(unary_op(p.op, v.x, p.a, p.b), unary_op(p.op, v.y, p.a, p.b), unary_op(p.op, v.z, p.a, p.b), unary_op(p.op, v.w, p.a, p.b));
    }
}
