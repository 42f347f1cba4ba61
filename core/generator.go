package core

import "math/rand/v2"

// Generator is a seeded source of random numbers. The same seed gives the
// same numbers on every platform, natively and in WebAssembly.
type Generator struct {
	r *rand.Rand
}

// NewGenerator returns a Generator seeded with seed.
func NewGenerator(seed uint64) *Generator {
	return &Generator{r: rand.New(rand.NewPCG(seed, 0x6a09e667f3bcc908))}
}

// Float64 returns a uniform number in [0, 1).
func (g *Generator) Float64() float64 { return g.r.Float64() }

// NormFloat64 returns a standard normal number.
func (g *Generator) NormFloat64() float64 { return g.r.NormFloat64() }

// IntN returns a uniform integer in [0, n).
func (g *Generator) IntN(n int) int { return g.r.IntN(n) }

// Uint64 returns a uniform 64-bit number, used to seed device-side streams.
func (g *Generator) Uint64() uint64 { return g.r.Uint64() }

// Perm returns a random permutation of [0, n).
func (g *Generator) Perm(n int) []int { return g.r.Perm(n) }
