// The store shared by the matrix-product kernels: each invocation writes its
// 8x8 block of C four columns at a time. It uses the including file's Params
// p (m, n) and its binding c.

// store4 writes v to C[i, j..j+3], the columns that exist.
fn store4(off: u32, i: u32, j: u32, v: vec4<f32>) {
    if (i >= p.m) {
        return;
    }
    let base = off + i * p.n + j;
    if (j + 3u < p.n) {
        c[base] = v.x;
        c[base + 1u] = v.y;
        c[base + 2u] = v.z;
        c[base + 3u] = v.w;
        return;
    }
    if (j < p.n) {
        c[base] = v.x;
    }
    if (j + 1u < p.n) {
        c[base + 1u] = v.y;
    }
    if (j + 2u < p.n) {
        c[base + 2u] = v.z;
    }
}
