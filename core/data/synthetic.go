package data

import (
	"fmt"
	"math"

	"github.com/gograd/gograd/core"
)

// The 2-D classification sets below put sample i in class i % classes, so
// the classes are balanced (their sizes differ by at most one) and every
// prefix of the set is mixed. Noise is the standard deviation of Gaussian
// noise added to each coordinate (0 gives the exact shapes). Every set is a
// function of its arguments: the same seed gives the same points everywhere.

// XOR returns the four points of the XOR truth table, (0,0) (0,1) (1,0)
// (1,1), with classes 0 1 1 0.
func XOR() *Set {
	return NewSet([]float32{0, 0, 0, 1, 1, 0, 1, 1}, []int{2}, []float32{0, 1, 1, 0}, []int{}, 2)
}

// NoisyXOR returns n points scattered around the four corners of the unit
// square, corner i%4 in XOR's order, with XOR's class of that corner.
func NoisyXOR(n int, noise float64, seed uint64) *Set {
	g := core.NewGenerator(seed)
	x, y := make([]float32, 2*n), make([]float32, n)
	for i := range n {
		a, b := (i%4)/2, (i%4)%2
		x[2*i] = float32(float64(a) + noise*g.NormFloat64())
		x[2*i+1] = float32(float64(b) + noise*g.NormFloat64())
		y[i] = float32(a ^ b)
	}
	return NewSet(x, []int{2}, y, []int{}, 2)
}

// Circles returns n points on two concentric circles: class 0 on the outer
// one of radius 1, class 1 on the inner one of radius factor (0 < factor < 1),
// at uniformly random angles.
func Circles(n int, factor, noise float64, seed uint64) *Set {
	g := core.NewGenerator(seed)
	x, y := make([]float32, 2*n), make([]float32, n)
	for i := range n {
		r, c := 1.0, i%2
		if c == 1 {
			r = factor
		}
		t := 2 * math.Pi * g.Float64()
		x[2*i] = float32(r*math.Cos(t) + noise*g.NormFloat64())
		x[2*i+1] = float32(r*math.Sin(t) + noise*g.NormFloat64())
		y[i] = float32(c)
	}
	return NewSet(x, []int{2}, y, []int{}, 2)
}

// Gaussians returns n points from two round Gaussian blobs of standard
// deviation std, class 0 centred at (-1, -1) and class 1 at (1, 1).
func Gaussians(n int, std float64, seed uint64) *Set {
	g := core.NewGenerator(seed)
	x, y := make([]float32, 2*n), make([]float32, n)
	for i := range n {
		c := i % 2
		m := float64(2*c - 1)
		x[2*i] = float32(m + std*g.NormFloat64())
		x[2*i+1] = float32(m + std*g.NormFloat64())
		y[i] = float32(c)
	}
	return NewSet(x, []int{2}, y, []int{}, 2)
}

// Spirals returns n points on classes interleaved spiral arms. The j-th
// point of a class of m points lies at radius r = j/(m-1) and angle
// 4r + 2πk/classes (plus noise in radians) for class k, so the arms start at
// the origin and wind outwards side by side.
func Spirals(n, classes int, noise float64, seed uint64) *Set {
	if classes < 1 {
		panic(fmt.Sprintf("data.Spirals: %d classes, want at least 1", classes))
	}
	g := core.NewGenerator(seed)
	x, y := make([]float32, 2*n), make([]float32, n)
	for i := range n {
		k, j := i%classes, i/classes
		m := (n - k + classes - 1) / classes // points in class k
		r := 0.0
		if m > 1 {
			r = float64(j) / float64(m-1)
		}
		t := 4*r + 2*math.Pi*float64(k)/float64(classes) + noise*g.NormFloat64()
		x[2*i] = float32(r * math.Cos(t))
		x[2*i+1] = float32(r * math.Sin(t))
		y[i] = float32(k)
	}
	return NewSet(x, []int{2}, y, []int{}, classes)
}

// Moons returns n points on two interleaved half circles of radius 1: class
// 0 on the upper half around (0, 0), class 1 on the lower half around
// (1, 0.5), at uniformly random angles.
func Moons(n int, noise float64, seed uint64) *Set {
	g := core.NewGenerator(seed)
	x, y := make([]float32, 2*n), make([]float32, n)
	for i := range n {
		c := i % 2
		t := math.Pi * g.Float64()
		px, py := math.Cos(t), math.Sin(t)
		if c == 1 {
			px, py = 1-px, 0.5-py
		}
		x[2*i] = float32(px + noise*g.NormFloat64())
		x[2*i+1] = float32(py + noise*g.NormFloat64())
		y[i] = float32(c)
	}
	return NewSet(x, []int{2}, y, []int{}, 2)
}

// SineRegression returns n points with x uniform in [-π, π] and
// y = sin(x) + N(0, noise²); inputs and targets have shape [1].
func SineRegression(n int, noise float64, seed uint64) *Set {
	return regression(n, -math.Pi, math.Pi, math.Sin, noise, seed)
}

// PolynomialRegression returns the curve-fitting set used to show under-
// and overfitting with polynomials: n points with x uniform in [0, 1] and
// y = sin(2πx) + N(0, noise²); inputs and targets have shape [1].
func PolynomialRegression(n int, noise float64, seed uint64) *Set {
	return regression(n, 0, 1, func(x float64) float64 { return math.Sin(2 * math.Pi * x) }, noise, seed)
}

func regression(n int, lo, hi float64, f func(float64) float64, noise float64, seed uint64) *Set {
	g := core.NewGenerator(seed)
	x, y := make([]float32, n), make([]float32, n)
	for i := range n {
		v := lo + (hi-lo)*g.Float64()
		x[i] = float32(v)
		y[i] = float32(f(v) + noise*g.NormFloat64())
	}
	return NewSet(x, []int{1}, y, []int{1}, 0)
}
