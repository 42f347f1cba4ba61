// SGD and Adam parameter updates in place, following torch.optim (see
// kernel.SGDParams and kernel.AdamParams), one element per invocation; the
// formulas are in optim_op.wgsl, optim_vec4.wgsl runs them 4 at a time.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> param: array<f32>;
@group(0) @binding(2) var<storage, read> grad: array<f32>;
@group(0) @binding(3) var<storage, read_write> m: array<f32>; // momentum buffer for SGD
@group(0) @binding(4) var<storage, read_write> v: array<f32>;

@compute @workgroup_size(256)
fn sgd(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let i = flat_index(gid, nwg);
    if (i >= p.n) {
        return;
    }
    var mi = 0.0;
    if (sgd_reads_momentum()) {
        mi = m[i];
    }
    let r = sgd_op(vec4<f32>(param[i]), vec4<f32>(grad[i]), vec4<f32>(mi));
    if (sgd_writes_momentum()) {
        m[i] = r.m.x;
    }
    param[i] = r.w.x;
}

@compute @workgroup_size(256)
fn adam(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let i = flat_index(gid, nwg);
    if (i >= p.n) {
        return;
    }
    let r = adam_op(vec4<f32>(param[i]), vec4<f32>(grad[i]), vec4<f32>(m[i]), vec4<f32>(v[i]));
    m[i] = r.m.x;
    v[i] = r.v.x;
    param[i] = r.w.x;
}
