package kernel

// CounterUniform returns the i-th number of the stream named by seed, uniform
// in [0, 1) with 24 bits of precision. It is a pure function of (seed, i), so
// a GPU kernel can compute the same number for element i without state.
func CounterUniform(seed, i uint64) float32 {
	h := mix32(uint32(i) ^ mix32(uint32(seed)^0x9e3779b9))
	h = mix32(h ^ uint32(i>>32) ^ mix32(uint32(seed>>32)+0x85ebca6b))
	return float32(h>>8) * (1.0 / (1 << 24))
}

// mix32 is a 32-bit integer hash with good avalanche (the "lowbias32"
// constants of Chris Wellons' hash-prospector).
func mix32(x uint32) uint32 {
	x ^= x >> 16
	x *= 0x7feb352d
	x ^= x >> 15
	x *= 0x846ca68b
	x ^= x >> 16
	return x
}
