// MatMul: C[z] = op(A[z]) · op(B[z]) for batch z (workgroup_id.z).
//
// Each 16x16 workgroup computes a 64x64 block of C, each invocation a 4x4
// sub-block, stepping over K in slices of 16 staged in workgroup memory:
// every element loaded is used 64 times, which is what makes it several
// times faster than one output per invocation.
//
// Transposes are folded into strides: op(A)[i, k] = a[i*a_si + k*a_sk] and
// op(B)[k, j] = b[k*b_sk + j*b_sj].

struct Params {
    m: u32,
    n: u32,
    k: u32,
    a_si: u32,
    a_sk: u32,
    b_sk: u32,
    b_sj: u32,
    stride_a: u32,
    stride_b: u32,
    stride_c: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> c: array<f32>;
@group(0) @binding(2) var<storage, read> a: array<f32>;
@group(0) @binding(3) var<storage, read> b: array<f32>;

const TILE: u32 = 64u;
const TK: u32 = 16u;

var<workgroup> as_: array<f32, 1024>; // [TK][TILE]: A slice, k-major
var<workgroup> bs: array<f32, 1024>;  // [TK][TILE]: B slice

@compute @workgroup_size(16, 16)
fn matmul(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
    let row0 = wid.y * TILE;
    let col0 = wid.x * TILE;
    let tx = lid.x;
    let ty = lid.y;
    let t = ty * 16u + tx;
    let a_off = wid.z * p.stride_a;
    let b_off = wid.z * p.stride_b;
    let c_off = wid.z * p.stride_c;

    var acc0 = vec4<f32>(0.0);
    var acc1 = vec4<f32>(0.0);
    var acc2 = vec4<f32>(0.0);
    var acc3 = vec4<f32>(0.0);

    for (var k0 = 0u; k0 < p.k; k0 += TK) {
        for (var r = 0u; r < 4u; r++) {
            let e = t + r * 256u;
            let ai = e / TK;
            let ak = e % TK;
            let gi = row0 + ai;
            let gk = k0 + ak;
            var av = 0.0;
            if (gi < p.m && gk < p.k) {
                av = a[a_off + gi * p.a_si + gk * p.a_sk];
            }
            as_[ak * TILE + ai] = av;
            let bj = e % TILE;
            let bk = e / TILE;
            let gj = col0 + bj;
            let gkb = k0 + bk;
            var bv = 0.0;
            if (gj < p.n && gkb < p.k) {
                bv = b[b_off + gkb * p.b_sk + gj * p.b_sj];
            }
            bs[bk * TILE + bj] = bv;
        }
        workgroupBarrier();
        for (var kk = 0u; kk < TK; kk++) {
            let ab = kk * TILE + ty * 4u;
            let bb = kk * TILE + tx * 4u;
            let bv = vec4<f32>(bs[bb], bs[bb + 1u], bs[bb + 2u], bs[bb + 3u]);
            acc0 += as_[ab] * bv;
            acc1 += as_[ab + 1u] * bv;
            acc2 += as_[ab + 2u] * bv;
            acc3 += as_[ab + 3u] * bv;
        }
        workgroupBarrier();
    }

    let accs = array<vec4<f32>, 4>(acc0, acc1, acc2, acc3);
    for (var r = 0u; r < 4u; r++) {
        let gi = row0 + ty * 4u + r;
        if (gi >= p.m) {
            break;
        }
        for (var q = 0u; q < 4u; q++) {
            let gj = col0 + tx * 4u + q;
            if (gj < p.n) {
                c[c_off + gi * p.n + gj] = accs[r][q];
            }
        }
    }
}
