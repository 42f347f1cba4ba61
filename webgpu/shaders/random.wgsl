// RandomUniform: dst[i] = kernel.CounterUniform(seed, offset + i), bit for
// bit. 64-bit counters are split into (lo, hi) u32 halves.

struct Params {
    n: u32,
    seed_lo: u32,
    seed_hi: u32,
    off_lo: u32,
    off_hi: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<f32>;

// mix32 is the "lowbias32" integer hash, as in kernel.mix32.
fn mix32(v: u32) -> u32 {
    var x = v;
    x ^= x >> 16u;
    x *= 0x7feb352du;
    x ^= x >> 15u;
    x *= 0x846ca68bu;
    x ^= x >> 16u;
    return x;
}

@compute @workgroup_size(256)
fn random_uniform(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let idx = flat_index(gid, nwg);
    if (idx >= p.n) {
        return;
    }
    let lo = p.off_lo + idx;
    let hi = p.off_hi + select(0u, 1u, lo < idx);
    var h = mix32(lo ^ mix32(p.seed_lo ^ 0x9e3779b9u));
    h = mix32(h ^ hi ^ mix32(p.seed_hi + 0x85ebca6bu));
    dst[idx] = f32(h >> 8u) * (1.0 / 16777216.0);
}
