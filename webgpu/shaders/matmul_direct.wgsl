// MatMul without workgroup memory, for adapters that run invocations as
// SIMD lanes on CPU cores (llvmpipe): there, staging tiles in workgroup
// memory buys nothing the CPU's caches do not already give, and each
// barrier suspends and resumes every invocation of the workgroup. Each
// invocation computes an 8x8 block of C in sixteen vec4 variables, reading
// A and B from storage 4 floats at a time: per 4 steps of k, 16 vec4 loads
// for 256 multiply-adds. The inner loop has one form per combination of
// transposes, each reading its operands along their contiguous axis.
//
// Operands as for matmul_vec4.wgsl, and K a multiple of 4.

@compute @workgroup_size(8, 8)
fn matmul_direct(@builtin(global_invocation_id) gid: vec3<u32>) {
    let i0 = gid.y * 8u;
    let j0 = gid.x * 8u;
    if (i0 >= p.m || j0 >= p.n) {
        return;
    }
    let a_off = gid.z * p.stride_a / 4u;
    let b_off = gid.z * p.stride_b / 4u;
    let c_off = gid.z * p.stride_c;
    let k4 = p.k / 4u;
    let m4 = p.m / 4u;
    let n4 = p.n / 4u;
    // Rows, columns and quads past the end read the last one: their
    // results are never stored.
    let aq = i0 / 4u;
    let aq1 = min(aq + 1u, max(m4, 1u) - 1u);
    let bq = j0 / 4u;
    let bq1 = min(bq + 1u, max(n4, 1u) - 1u);
    let ar0 = min(i0 + 0u, p.m - 1u);
    let ar1 = min(i0 + 1u, p.m - 1u);
    let ar2 = min(i0 + 2u, p.m - 1u);
    let ar3 = min(i0 + 3u, p.m - 1u);
    let ar4 = min(i0 + 4u, p.m - 1u);
    let ar5 = min(i0 + 5u, p.m - 1u);
    let ar6 = min(i0 + 6u, p.m - 1u);
    let ar7 = min(i0 + 7u, p.m - 1u);
    let bc0 = min(j0 + 0u, p.n - 1u);
    let bc1 = min(j0 + 1u, p.n - 1u);
    let bc2 = min(j0 + 2u, p.n - 1u);
    let bc3 = min(j0 + 3u, p.n - 1u);
    let bc4 = min(j0 + 4u, p.n - 1u);
    let bc5 = min(j0 + 5u, p.n - 1u);
    let bc6 = min(j0 + 6u, p.n - 1u);
    let bc7 = min(j0 + 7u, p.n - 1u);
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
    if (p.trans_a == 0u && p.trans_b != 0u) {
        // A [M, K] and B [N, K]: dot products along k.
        for (var kq = 0u; kq < k4; kq++) {
            let b0 = b[b_off + bc0 * k4 + kq];
            let b1 = b[b_off + bc1 * k4 + kq];
            let b2 = b[b_off + bc2 * k4 + kq];
            let b3 = b[b_off + bc3 * k4 + kq];
            let b4 = b[b_off + bc4 * k4 + kq];
            let b5 = b[b_off + bc5 * k4 + kq];
            let b6 = b[b_off + bc6 * k4 + kq];
            let b7 = b[b_off + bc7 * k4 + kq];
            let a0 = a[a_off + ar0 * k4 + kq];
            c0 += vec4<f32>(dot(a0, b0), dot(a0, b1), dot(a0, b2), dot(a0, b3));
            c1 += vec4<f32>(dot(a0, b4), dot(a0, b5), dot(a0, b6), dot(a0, b7));
            let a1 = a[a_off + ar1 * k4 + kq];
            c2 += vec4<f32>(dot(a1, b0), dot(a1, b1), dot(a1, b2), dot(a1, b3));
            c3 += vec4<f32>(dot(a1, b4), dot(a1, b5), dot(a1, b6), dot(a1, b7));
            let a2 = a[a_off + ar2 * k4 + kq];
            c4 += vec4<f32>(dot(a2, b0), dot(a2, b1), dot(a2, b2), dot(a2, b3));
            c5 += vec4<f32>(dot(a2, b4), dot(a2, b5), dot(a2, b6), dot(a2, b7));
            let a3 = a[a_off + ar3 * k4 + kq];
            c6 += vec4<f32>(dot(a3, b0), dot(a3, b1), dot(a3, b2), dot(a3, b3));
            c7 += vec4<f32>(dot(a3, b4), dot(a3, b5), dot(a3, b6), dot(a3, b7));
            let a4 = a[a_off + ar4 * k4 + kq];
            c8 += vec4<f32>(dot(a4, b0), dot(a4, b1), dot(a4, b2), dot(a4, b3));
            c9 += vec4<f32>(dot(a4, b4), dot(a4, b5), dot(a4, b6), dot(a4, b7));
            let a5 = a[a_off + ar5 * k4 + kq];
            c10 += vec4<f32>(dot(a5, b0), dot(a5, b1), dot(a5, b2), dot(a5, b3));
            c11 += vec4<f32>(dot(a5, b4), dot(a5, b5), dot(a5, b6), dot(a5, b7));
            let a6 = a[a_off + ar6 * k4 + kq];
            c12 += vec4<f32>(dot(a6, b0), dot(a6, b1), dot(a6, b2), dot(a6, b3));
            c13 += vec4<f32>(dot(a6, b4), dot(a6, b5), dot(a6, b6), dot(a6, b7));
            let a7 = a[a_off + ar7 * k4 + kq];
            c14 += vec4<f32>(dot(a7, b0), dot(a7, b1), dot(a7, b2), dot(a7, b3));
            c15 += vec4<f32>(dot(a7, b4), dot(a7, b5), dot(a7, b6), dot(a7, b7));
        }
    } else if (p.trans_a != 0u && p.trans_b == 0u) {
        // A [K, M] and B [K, N]: outer products, one k at a time.
        for (var k = 0u; k < p.k; k++) {
            let a0 = a[a_off + k * m4 + aq];
            let a1 = a[a_off + k * m4 + aq1];
            let b0 = b[b_off + k * n4 + bq];
            let b1 = b[b_off + k * n4 + bq1];
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
    } else if (p.trans_a == 0u) {
        // A [M, K] and B [K, N]: 4 k of A's rows against 4 rows of B.
        for (var kq = 0u; kq < k4; kq++) {
            let b00 = b[b_off + (4u * kq + 0u) * n4 + bq + 0u];
            let b01 = b[b_off + (4u * kq + 0u) * n4 + bq1];
            let b10 = b[b_off + (4u * kq + 1u) * n4 + bq + 0u];
            let b11 = b[b_off + (4u * kq + 1u) * n4 + bq1];
            let b20 = b[b_off + (4u * kq + 2u) * n4 + bq + 0u];
            let b21 = b[b_off + (4u * kq + 2u) * n4 + bq1];
            let b30 = b[b_off + (4u * kq + 3u) * n4 + bq + 0u];
            let b31 = b[b_off + (4u * kq + 3u) * n4 + bq1];
            let a0 = a[a_off + ar0 * k4 + kq];
            c0 += a0.x * b00 + a0.y * b10 + a0.z * b20 + a0.w * b30;
            c1 += a0.x * b01 + a0.y * b11 + a0.z * b21 + a0.w * b31;
            let a1 = a[a_off + ar1 * k4 + kq];
            c2 += a1.x * b00 + a1.y * b10 + a1.z * b20 + a1.w * b30;
            c3 += a1.x * b01 + a1.y * b11 + a1.z * b21 + a1.w * b31;
            let a2 = a[a_off + ar2 * k4 + kq];
            c4 += a2.x * b00 + a2.y * b10 + a2.z * b20 + a2.w * b30;
            c5 += a2.x * b01 + a2.y * b11 + a2.z * b21 + a2.w * b31;
            let a3 = a[a_off + ar3 * k4 + kq];
            c6 += a3.x * b00 + a3.y * b10 + a3.z * b20 + a3.w * b30;
            c7 += a3.x * b01 + a3.y * b11 + a3.z * b21 + a3.w * b31;
            let a4 = a[a_off + ar4 * k4 + kq];
            c8 += a4.x * b00 + a4.y * b10 + a4.z * b20 + a4.w * b30;
            c9 += a4.x * b01 + a4.y * b11 + a4.z * b21 + a4.w * b31;
            let a5 = a[a_off + ar5 * k4 + kq];
            c10 += a5.x * b00 + a5.y * b10 + a5.z * b20 + a5.w * b30;
            c11 += a5.x * b01 + a5.y * b11 + a5.z * b21 + a5.w * b31;
            let a6 = a[a_off + ar6 * k4 + kq];
            c12 += a6.x * b00 + a6.y * b10 + a6.z * b20 + a6.w * b30;
            c13 += a6.x * b01 + a6.y * b11 + a6.z * b21 + a6.w * b31;
            let a7 = a[a_off + ar7 * k4 + kq];
            c14 += a7.x * b00 + a7.y * b10 + a7.z * b20 + a7.w * b30;
            c15 += a7.x * b01 + a7.y * b11 + a7.z * b21 + a7.w * b31;
        }
    } else {
        // A [K, M] and B [N, K]: B's 4 k of 8 columns turned into 4 rows.
        for (var kq = 0u; kq < k4; kq++) {
            let b0 = b[b_off + bc0 * k4 + kq];
            let b1 = b[b_off + bc1 * k4 + kq];
            let b2 = b[b_off + bc2 * k4 + kq];
            let b3 = b[b_off + bc3 * k4 + kq];
            let b4 = b[b_off + bc4 * k4 + kq];
            let b5 = b[b_off + bc5 * k4 + kq];
            let b6 = b[b_off + bc6 * k4 + kq];
            let b7 = b[b_off + bc7 * k4 + kq];
            let a00 = a[a_off + (4u * kq + 0u) * m4 + aq];
            let a01 = a[a_off + (4u * kq + 0u) * m4 + aq1];
            let bt00 = vec4<f32>(b0.x, b1.x, b2.x, b3.x);
            let bt01 = vec4<f32>(b4.x, b5.x, b6.x, b7.x);
            c0 += a00.x * bt00;
            c1 += a00.x * bt01;
            c2 += a00.y * bt00;
            c3 += a00.y * bt01;
            c4 += a00.z * bt00;
            c5 += a00.z * bt01;
            c6 += a00.w * bt00;
            c7 += a00.w * bt01;
            c8 += a01.x * bt00;
            c9 += a01.x * bt01;
            c10 += a01.y * bt00;
            c11 += a01.y * bt01;
            c12 += a01.z * bt00;
            c13 += a01.z * bt01;
            c14 += a01.w * bt00;
            c15 += a01.w * bt01;
            let a10 = a[a_off + (4u * kq + 1u) * m4 + aq];
            let a11 = a[a_off + (4u * kq + 1u) * m4 + aq1];
            let bt10 = vec4<f32>(b0.y, b1.y, b2.y, b3.y);
            let bt11 = vec4<f32>(b4.y, b5.y, b6.y, b7.y);
            c0 += a10.x * bt10;
            c1 += a10.x * bt11;
            c2 += a10.y * bt10;
            c3 += a10.y * bt11;
            c4 += a10.z * bt10;
            c5 += a10.z * bt11;
            c6 += a10.w * bt10;
            c7 += a10.w * bt11;
            c8 += a11.x * bt10;
            c9 += a11.x * bt11;
            c10 += a11.y * bt10;
            c11 += a11.y * bt11;
            c12 += a11.z * bt10;
            c13 += a11.z * bt11;
            c14 += a11.w * bt10;
            c15 += a11.w * bt11;
            let a20 = a[a_off + (4u * kq + 2u) * m4 + aq];
            let a21 = a[a_off + (4u * kq + 2u) * m4 + aq1];
            let bt20 = vec4<f32>(b0.z, b1.z, b2.z, b3.z);
            let bt21 = vec4<f32>(b4.z, b5.z, b6.z, b7.z);
            c0 += a20.x * bt20;
            c1 += a20.x * bt21;
            c2 += a20.y * bt20;
            c3 += a20.y * bt21;
            c4 += a20.z * bt20;
            c5 += a20.z * bt21;
            c6 += a20.w * bt20;
            c7 += a20.w * bt21;
            c8 += a21.x * bt20;
            c9 += a21.x * bt21;
            c10 += a21.y * bt20;
            c11 += a21.y * bt21;
            c12 += a21.z * bt20;
            c13 += a21.z * bt21;
            c14 += a21.w * bt20;
            c15 += a21.w * bt21;
            let a30 = a[a_off + (4u * kq + 3u) * m4 + aq];
            let a31 = a[a_off + (4u * kq + 3u) * m4 + aq1];
            let bt30 = vec4<f32>(b0.w, b1.w, b2.w, b3.w);
            let bt31 = vec4<f32>(b4.w, b5.w, b6.w, b7.w);
            c0 += a30.x * bt30;
            c1 += a30.x * bt31;
            c2 += a30.y * bt30;
            c3 += a30.y * bt31;
            c4 += a30.z * bt30;
            c5 += a30.z * bt31;
            c6 += a30.w * bt30;
            c7 += a30.w * bt31;
            c8 += a31.x * bt30;
            c9 += a31.x * bt31;
            c10 += a31.y * bt30;
            c11 += a31.y * bt31;
            c12 += a31.z * bt30;
            c13 += a31.z * bt31;
            c14 += a31.w * bt30;
            c15 += a31.w * bt31;
        }
    }
    store4(c_off, i0 + 0u, j0 + 0u, c0);
    store4(c_off, i0 + 0u, j0 + 4u, c1);
    store4(c_off, i0 + 1u, j0 + 0u, c2);
    store4(c_off, i0 + 1u, j0 + 4u, c3);
    store4(c_off, i0 + 2u, j0 + 0u, c4);
    store4(c_off, i0 + 2u, j0 + 4u, c5);
    store4(c_off, i0 + 3u, j0 + 0u, c6);
    store4(c_off, i0 + 3u, j0 + 4u, c7);
    store4(c_off, i0 + 4u, j0 + 0u, c8);
    store4(c_off, i0 + 4u, j0 + 4u, c9);
    store4(c_off, i0 + 5u, j0 + 0u, c10);
    store4(c_off, i0 + 5u, j0 + 4u, c11);
    store4(c_off, i0 + 6u, j0 + 0u, c12);
    store4(c_off, i0 + 6u, j0 + 4u, c13);
    store4(c_off, i0 + 7u, j0 + 0u, c14);
    store4(c_off, i0 + 7u, j0 + 4u, c15);
}
