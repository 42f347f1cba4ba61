// Helpers shared by every kernel family; prepended to each file.

const WG: u32 = 256u;

// flat_index undoes the 2-D spreading of a 1-D grid of 256-wide workgroups.
fn flat_index(gid: vec3<u32>, nwg: vec3<u32>) -> u32 {
    return gid.x + gid.y * nwg.x * WG;
}

// flat_group is the index of a workgroup in a 2-D spread grid.
fn flat_group(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
    return wid.x + wid.y * nwg.x;
}

fn is_nan(x: f32) -> bool {
    return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u;
}

// inf and nan build their bit patterns at run time: WGSL evaluates a
// bitcast of a constant at compile time, and a constant that is not finite
// is a compile error there (Chromium's Tint rejects one; wgpu's Naga does
// not, which is why Deno never noticed). A function-scope var is not a
// constant expression.
fn inf() -> f32 {
    var bits = 0x7f800000u;
    return bitcast<f32>(bits);
}

fn nan() -> f32 {
    var bits = 0x7fc00000u;
    return bitcast<f32>(bits);
}

// expm1 keeps e^x - 1 accurate near 0, where exp(x) - 1 cancels.
fn expm1(x: f32) -> f32 {
    if (abs(x) < 1e-2) {
        return x * (1.0 + x * (0.5 + x * (1.0 / 6.0 + x * (1.0 / 24.0))));
    }
    return exp(x) - 1.0;
}

// powf follows math.Pow where WGSL's pow is undefined: negative bases with
// integer exponents, zero bases.
fn powf(x: f32, y: f32) -> f32 {
    if (y == 0.0) {
        return 1.0;
    }
    if (y == 1.0) {
        return x;
    }
    if (y == 2.0) {
        return x * x;
    }
    let ax = abs(x);
    if (ax == 0.0) {
        if (y > 0.0) {
            return 0.0;
        }
        return inf();
    }
    var r = exp2(y * log2(ax));
    if (x < 0.0) {
        if (floor(y) != y) {
            return nan();
        }
        if (fract(y * 0.5) != 0.0) {
            r = -r;
        }
    }
    return r;
}

fn sigmoid(x: f32) -> f32 {
    if (x >= 0.0) {
        return 1.0 / (1.0 + exp(-x));
    }
    let e = exp(x);
    return e / (1.0 + e);
}

// tanh_ is built on expm1: the textbook (e^x - e^-x)/(e^x + e^-x) loses
// all relative precision near 0.
fn tanh_(x: f32) -> f32 {
    let t = expm1(2.0 * min(abs(x), 20.0));
    return sign(x) * t / (t + 2.0);
}
