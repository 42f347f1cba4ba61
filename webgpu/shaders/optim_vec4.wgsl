// optim.wgsl on 4 elements per invocation, for lengths that are multiples
// of 4: n counts vec4s.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> param: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> grad: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> m: array<vec4<f32>>; // momentum buffer for SGD
@group(0) @binding(4) var<storage, read_write> v: array<vec4<f32>>;

@compute @workgroup_size(256)
fn sgd_vec4(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let i = flat_index(gid, nwg);
    if (i >= p.n) {
        return;
    }
    var mi = vec4<f32>(0.0);
    if (sgd_reads_momentum()) {
        mi = m[i];
    }
    let r = sgd_op(param[i], grad[i], mi);
    if (sgd_writes_momentum()) {
        m[i] = r.m;
    }
    param[i] = r.w;
}

@compute @workgroup_size(256)
fn adam_vec4(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let i = flat_index(gid, nwg);
    if (i >= p.n) {
        return;
    }
    let r = adam_op(param[i], grad[i], m[i], v[i]);
    m[i] = r.m;
    v[i] = r.v;
    param[i] = r.w;
}
