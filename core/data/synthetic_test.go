package data

import (
	"math"
	"slices"
	"testing"
)

type synth struct {
	name    string
	make    func(n int, noise float64, seed uint64) *Set
	classes int // 0 for regression
	dim     int // input size
}

var synths = []synth{
	{"NoisyXOR", NoisyXOR, 2, 2},
	{"Circles", func(n int, noise float64, seed uint64) *Set { return Circles(n, 0.5, noise, seed) }, 2, 2},
	{"Gaussians", Gaussians, 2, 2},
	{"Spirals", func(n int, noise float64, seed uint64) *Set { return Spirals(n, 3, noise, seed) }, 3, 2},
	{"Moons", Moons, 2, 2},
	{"SineRegression", SineRegression, 0, 1},
	{"PolynomialRegression", PolynomialRegression, 0, 1},
}

func TestSyntheticShapesBalanceDeterminism(t *testing.T) {
	for _, s := range synths {
		for _, n := range []int{0, 1, 101, 300} {
			set := s.make(n, 0.1, 7)
			x, y := set.Tensors()
			wantY := []int{n}
			if s.classes == 0 {
				wantY = []int{n, 1}
			}
			if set.Len() != n || !slices.Equal(x.Shape(), []int{n, s.dim}) || !slices.Equal(y.Shape(), wantY) || set.Classes != s.classes {
				t.Errorf("%s(%d): Len %d, shapes %v %v, classes %d", s.name, n, set.Len(), x.Shape(), y.Shape(), set.Classes)
			}
			if s.classes == 0 {
				continue
			}
			counts := make([]int, s.classes)
			for _, c := range set.Y {
				counts[int(c)]++
			}
			if slices.Max(counts)-slices.Min(counts) > 1 {
				t.Errorf("%s(%d): unbalanced classes %v", s.name, n, counts)
			}
		}
		a, b, c := s.make(50, 0.2, 11), s.make(50, 0.2, 11), s.make(50, 0.2, 12)
		if !slices.Equal(a.X, b.X) || !slices.Equal(a.Y, b.Y) {
			t.Errorf("%s: two sets with seed 11 differ", s.name)
		}
		if slices.Equal(a.X, c.X) {
			t.Errorf("%s: seeds 11 and 12 give the same points", s.name)
		}
	}
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestXOR(t *testing.T) {
	s := XOR()
	if !slices.Equal(s.X, []float32{0, 0, 0, 1, 1, 0, 1, 1}) || !slices.Equal(s.Y, []float32{0, 1, 1, 0}) {
		t.Errorf("XOR = %v %v", s.X, s.Y)
	}
	exact := NoisyXOR(8, 0, 1)
	for i := range 8 {
		a, b := exact.X[2*i], exact.X[2*i+1]
		if a != s.X[2*(i%4)] || b != s.X[2*(i%4)+1] || exact.Y[i] != s.Y[i%4] {
			t.Errorf("noiseless NoisyXOR point %d = (%v, %v) class %v", i, a, b, exact.Y[i])
		}
	}
	// With noise, each corner's points still average out at the corner.
	noisy := NoisyXOR(4000, 0.2, 1)
	var sum [4][2]float64
	for i := range 4000 {
		sum[i%4][0] += float64(noisy.X[2*i])
		sum[i%4][1] += float64(noisy.X[2*i+1])
	}
	for c := range 4 {
		mx, my := sum[c][0]/1000, sum[c][1]/1000
		if !near(mx, float64(s.X[2*c]), 0.03) || !near(my, float64(s.X[2*c+1]), 0.03) {
			t.Errorf("corner %d: noisy points centre on (%.3f, %.3f)", c, mx, my)
		}
	}
}

func TestCircles(t *testing.T) {
	exact := Circles(200, 0.3, 0, 5)
	for i := range 200 {
		r := math.Hypot(float64(exact.X[2*i]), float64(exact.X[2*i+1]))
		want := 1.0
		if exact.Y[i] == 1 {
			want = 0.3
		}
		if !near(r, want, 1e-6) {
			t.Fatalf("noiseless point %d of class %v has radius %v, want %v", i, exact.Y[i], r, want)
		}
	}
	noisy := Circles(1000, 0.5, 0.05, 5)
	maxInner, minOuter := 0.0, math.Inf(1)
	for i := range 1000 {
		r := math.Hypot(float64(noisy.X[2*i]), float64(noisy.X[2*i+1]))
		if noisy.Y[i] == 1 {
			maxInner = max(maxInner, r)
		} else {
			minOuter = min(minOuter, r)
		}
	}
	if maxInner >= minOuter {
		t.Errorf("inner circle reaches radius %.3f, outer circle comes in to %.3f: not separated", maxInner, minOuter)
	}
}

func TestGaussians(t *testing.T) {
	const n, std = 8000, 0.5
	s := Gaussians(n, std, 2)
	var sum, sq [2][2]float64
	for i := range n {
		c := int(s.Y[i])
		for d := range 2 {
			v := float64(s.X[2*i+d])
			sum[c][d] += v
			sq[c][d] += v * v
		}
	}
	for c := range 2 {
		for d := range 2 {
			m := sum[c][d] / (n / 2)
			sd := math.Sqrt(sq[c][d]/(n/2) - m*m)
			if !near(m, float64(2*c-1), 0.03) || !near(sd, std, 0.03) {
				t.Errorf("class %d coordinate %d: mean %.3f std %.3f, want %d and %v", c, d, m, sd, 2*c-1, std)
			}
		}
	}
}

func TestSpirals(t *testing.T) {
	const n, k = 300, 3
	s := Spirals(n, k, 0, 4)
	m := n / k
	for i := range n {
		c, j := i%k, i/k
		px, py := float64(s.X[2*i]), float64(s.X[2*i+1])
		r := float64(j) / float64(m-1)
		if int(s.Y[i]) != c || !near(math.Hypot(px, py), r, 1e-6) {
			t.Fatalf("point %d: class %v radius %v, want %d and %v", i, s.Y[i], math.Hypot(px, py), c, r)
		}
		if j == 0 {
			continue
		}
		// The arms are the same curve turned by 2π/k from class to class.
		want := 4*r + 2*math.Pi*float64(c)/k
		diff := math.Remainder(math.Atan2(py, px)-want, 2*math.Pi)
		if !near(diff, 0, 1e-4) {
			t.Fatalf("point %d of class %d at angle %v, want %v (mod 2π)", i, c, math.Atan2(py, px), want)
		}
	}
}

func TestMoons(t *testing.T) {
	s := Moons(400, 0, 3)
	for i := range 400 {
		px, py := float64(s.X[2*i]), float64(s.X[2*i+1])
		cx, cy, upper := 0.0, 0.0, true
		if s.Y[i] == 1 {
			cx, cy, upper = 1, 0.5, false
		}
		if !near(math.Hypot(px-cx, py-cy), 1, 1e-6) || (py >= cy) != upper && py != cy {
			t.Fatalf("point %d of class %v at (%v, %v) is not on its half circle", i, s.Y[i], px, py)
		}
	}
}

func TestRegressionSets(t *testing.T) {
	for _, tc := range []struct {
		name   string
		make   func(int, float64, uint64) *Set
		lo, hi float64
		f      func(float64) float64
	}{
		{"SineRegression", SineRegression, -math.Pi, math.Pi, math.Sin},
		{"PolynomialRegression", PolynomialRegression, 0, 1, func(x float64) float64 { return math.Sin(2 * math.Pi * x) }},
	} {
		exact := tc.make(500, 0, 8)
		for i := range 500 {
			x := float64(exact.X[i])
			if x < tc.lo || x > tc.hi || !near(float64(exact.Y[i]), tc.f(x), 1e-5) {
				t.Fatalf("%s: noiseless point (%v, %v) is off the curve or range", tc.name, x, exact.Y[i])
			}
		}
		// The residuals of a noisy set have the noise's standard deviation.
		const n, noise = 20000, 0.3
		noisy := tc.make(n, noise, 8)
		var sq float64
		for i := range n {
			d := float64(noisy.Y[i]) - tc.f(float64(noisy.X[i]))
			sq += d * d
		}
		if sd := math.Sqrt(sq / n); !near(sd, noise, 0.01) {
			t.Errorf("%s: residual std %.4f, want %v", tc.name, sd, noise)
		}
	}
}
