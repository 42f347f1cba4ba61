// MatMul for operands that can be read as vec4s: each one's rows in memory
// (its contiguous axis) and its batch stride hold multiples of 4 floats.
// The blocking is that of matmul.wgsl, with the tiles loaded 4 floats at a
// time: matmul_vec4 (8x8 invocations) computes a 64x64 block of C,
// matmul_vec4_wide (16x8) a 64x128 block for wide products, each
// invocation an 8x8 sub-block in sixteen vec4 variables.


const TM: u32 = 64u; // rows of C per workgroup
const TK: u32 = 16u; // k per staged slice
const QA: u32 = 16u; // vec4s per k in A's tile (TM / 4)

var<workgroup> as4: array<vec4<f32>, 256>; // [TK][QA]: rows 4q..4q+3 of op(A) at k
var<workgroup> bs4: array<vec4<f32>, 512>; // [TK][qb]: columns 4q..4q+3 of op(B) at k

@compute @workgroup_size(8, 8)
fn matmul_vec4(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
    tile(wid, lid, 8u);
}

@compute @workgroup_size(16, 8)
fn matmul_vec4_wide(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
    tile(wid, lid, 16u);
}

// tile computes the block of C of workgroup wid with wx invocations per row
// of the workgroup: 8·wx columns. wx is a constant at each call, so the
// compiler folds it once the call is inlined.
fn tile(wid: vec3<u32>, lid: vec3<u32>, wx: u32) {
    let tn = 8u * wx;
    let qb = 2u * wx;
    let row0 = wid.y * TM;
    let col0 = wid.x * tn;
    let tx = lid.x;
    let ty = lid.y;
    let t = ty * wx + tx;
    let a_off = wid.z * p.stride_a / 4u;
    let b_off = wid.z * p.stride_b / 4u;
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
        // Stage the slices: a vec4 of A as stored [K, M] (transposed) is
        // 4 rows at one k and goes to the tile whole; one of A as stored
        // [M, K] is 4 k of one row and is spread over 4 vec4s. B likewise.
        for (var e = t; e < TM * TK / 4u; e += 8u * wx) {
            if (p.trans_a != 0u) {
                let r = e % QA;
                let kk = e / QA;
                let i = row0 + 4u * r;
                let k = k0 + kk;
                var v = vec4<f32>(0.0);
                if (i < p.m && k < p.k) {
                    v = a[a_off + (k * p.m + i) / 4u];
                }
                as4[kk * QA + r] = v;
            } else {
                let row = e / (TK / 4u);
                let kq = (e % (TK / 4u)) * 4u;
                let i = row0 + row;
                let k = k0 + kq;
                var v = vec4<f32>(0.0);
                if (i < p.m && k < p.k) {
                    v = a[a_off + (i * p.k + k) / 4u];
                }
                let r = row / 4u;
                let comp = row % 4u;
                as4[(kq + 0u) * QA + r][comp] = v.x;
                as4[(kq + 1u) * QA + r][comp] = v.y;
                as4[(kq + 2u) * QA + r][comp] = v.z;
                as4[(kq + 3u) * QA + r][comp] = v.w;
            }
        }
        for (var e = t; e < tn * TK / 4u; e += 8u * wx) {
            if (p.trans_b != 0u) {
                let col = e / (TK / 4u);
                let kq = (e % (TK / 4u)) * 4u;
                let j = col0 + col;
                let k = k0 + kq;
                var v = vec4<f32>(0.0);
                if (j < p.n && k < p.k) {
                    v = b[b_off + (j * p.k + k) / 4u];
                }
                let q = col / 4u;
                let comp = col % 4u;
                bs4[(kq + 0u) * qb + q][comp] = v.x;
                bs4[(kq + 1u) * qb + q][comp] = v.y;
                bs4[(kq + 2u) * qb + q][comp] = v.z;
                bs4[(kq + 3u) * qb + q][comp] = v.w;
            } else {
                let q = e % qb;
                let kk = e / qb;
                let j = col0 + 4u * q;
                let k = k0 + kk;
                var v = vec4<f32>(0.0);
                if (j < p.n && k < p.k) {
                    v = b[b_off + (k * p.n + j) / 4u];
                }
                bs4[kk * qb + q] = v;
            }
        }
        workgroupBarrier();
        // Per k: 4 vec4 loads for 64 multiply-adds.
        let kend = min(TK, p.k - k0);
        for (var kk = 0u; kk < kend; kk++) {
            let a0 = as4[kk * QA + 2u * ty];
            let a1 = as4[kk * QA + 2u * ty + 1u];
            let b0 = bs4[kk * qb + 2u * tx];
            let b1 = bs4[kk * qb + 2u * tx + 1u];
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
