// MatMul: C[z] = op(A[z]) · op(B[z]) for batch z (workgroup_id.z), any
// sizes and strides; matmul_vec4.wgsl is the faster variant for operands
// that can be read as vec4s.
//
// Each 8x8 workgroup computes a 64x64 block of C, each invocation an 8x8
// sub-block held in sixteen vec4 variables, stepping over K in slices of
// 16 staged in workgroup memory as vec4s of 4 rows (A) or 4 columns (B):
// per step of k an invocation loads 4 vec4s and does 64 multiply-adds.
// The accumulators are separate variables, not an array: a compiler that
// cannot keep an array in registers (llvmpipe, SwiftShader) puts it in
// memory and makes every multiply-add a load and a store.
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

const TK: u32 = 16u;
const QA: u32 = 16u; // vec4s per k in a 64-wide tile

var<workgroup> as4: array<vec4<f32>, 256>; // [TK][QA]: rows 4q..4q+3 of op(A) at k
var<workgroup> bs4: array<vec4<f32>, 256>; // [TK][QA]: columns 4q..4q+3 of op(B) at k

@compute @workgroup_size(8, 8)
fn matmul(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
    let row0 = wid.y * 64u;
    let col0 = wid.x * 64u;
    let tx = lid.x;
    let ty = lid.y;
    let t = ty * 8u + tx;
    let a_off = wid.z * p.stride_a;
    let b_off = wid.z * p.stride_b;
    let c_off = wid.z * p.stride_c;

    var c0 = vec4<f32>(0.0);
    var c1 = vec4<f32>(0.0);
    var c2 = vec4<f32>(0.0);
    var c3 = vec4<f32>(0.0);
    var c4 = vec4<f32>(0.0);
    var c5 = vec4<f32>(0.0);
    var c6 = vec4<f32>(0.0);
    var c7 = vec4<f32>(0.0);
    var c8 = vec4<f32>(0.0);
    var c9 = vec4<f32>(0.0);
    var c10 = vec4<f32>(0.0);
    var c11 = vec4<f32>(0.0);
    var c12 = vec4<f32>(0.0);
    var c13 = vec4<f32>(0.0);
    var c14 = vec4<f32>(0.0);
    var c15 = vec4<f32>(0.0);

    for (var k0 = 0u; k0 < p.k; k0 += TK) {
        // 1024 elements of each tile, 16 per invocation; consecutive
        // invocations take consecutive k of A and consecutive j of B.
        for (var e = t; e < 64u * TK; e += 64u) {
            let ai = e / TK;
            let ak = e % TK;
            let gi = row0 + ai;
            let gk = k0 + ak;
            var av = 0.0;
            if (gi < p.m && gk < p.k) {
                av = a[a_off + gi * p.a_si + gk * p.a_sk];
            }
            as4[ak * QA + ai / 4u][ai % 4u] = av;
            let bj = e % 64u;
            let bk = e / 64u;
            let gj = col0 + bj;
            let gkb = k0 + bk;
            var bv = 0.0;
            if (gj < p.n && gkb < p.k) {
                bv = b[b_off + gkb * p.b_sk + gj * p.b_sj];
            }
            bs4[bk * QA + bj / 4u][bj % 4u] = bv;
        }
        workgroupBarrier();
        let kend = min(TK, p.k - k0);
        for (var kk = 0u; kk < kend; kk++) {
            let a0 = as4[kk * QA + 2u * ty];
            let a1 = as4[kk * QA + 2u * ty + 1u];
            let b0 = bs4[kk * QA + 2u * tx];
            let b1 = bs4[kk * QA + 2u * tx + 1u];
            c0 += a0.x * b0;
            c1 += a0.x * b1;
            c2 += a0.y * b0;
            c3 += a0.y * b1;
            c4 += a0.z * b0;
            c5 += a0.z * b1;
            c6 += a0.w * b0;
            c7 += a0.w * b1;
            c8 += a1.x * b0;
            c9 += a1.x * b1;
            c10 += a1.y * b0;
            c11 += a1.y * b1;
            c12 += a1.z * b0;
            c13 += a1.z * b1;
            c14 += a1.w * b0;
            c15 += a1.w * b1;
        }
        workgroupBarrier();
    }

    let gi = row0 + ty * 8u;
    let gj = col0 + tx * 8u;
    store4(c_off, gi + 0u, gj + 0u, c0);
    store4(c_off, gi + 0u, gj + 4u, c1);
    store4(c_off, gi + 1u, gj + 0u, c2);
    store4(c_off, gi + 1u, gj + 4u, c3);
    store4(c_off, gi + 2u, gj + 0u, c4);
    store4(c_off, gi + 2u, gj + 4u, c5);
    store4(c_off, gi + 3u, gj + 0u, c6);
    store4(c_off, gi + 3u, gj + 4u, c7);
    store4(c_off, gi + 4u, gj + 0u, c8);
    store4(c_off, gi + 4u, gj + 4u, c9);
    store4(c_off, gi + 5u, gj + 0u, c10);
    store4(c_off, gi + 5u, gj + 4u, c11);
    store4(c_off, gi + 6u, gj + 0u, c12);
    store4(c_off, gi + 6u, gj + 4u, c13);
    store4(c_off, gi + 7u, gj + 0u, c14);
    store4(c_off, gi + 7u, gj + 4u, c15);
}
