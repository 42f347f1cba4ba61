//go:build js && wasm

package webgpu

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"time"

	"github.com/gograd/gograd/core/cpu"
	"github.com/gograd/gograd/core/kernel"
)

// A check runs one kernel family on the WebGPU backend and on the CPU
// reference with the same fresh random inputs and reports the first
// difference beyond tolerance.
type check struct {
	name string
	run  func(c *checker) error
}

// checker holds the two backends and the random source of one check.
type checker struct {
	gpu *Backend
	cpu *cpu.Backend[float32]
	rng *rand.Rand
}

// CheckResult is the outcome of one kernel family's check in SelfTest.
type CheckResult struct {
	Name     string        // the kernel family, e.g. "MatMul"
	Err      error         // the first mismatch or panic; nil when the check passed
	Duration time.Duration // wall time, pipeline compiles included
}

// SelfTest runs every kernel check against the CPU backend on random inputs
// drawn from seed (each check its own stream; sizes include 1 and primes)
// and returns one error per failing check (nil when all pass). report, when
// not nil, is called after each check, so a page can show progress. It is
// what the package's tests run, exported so that a page can run the same
// checks in a browser. A check that panics (a device error, say) reports
// the panic.
func SelfTest(ctx context.Context, be *Backend, seed uint64, report func(CheckResult)) []error {
	var errs []error
	for i, c := range checks {
		if err := ctx.Err(); err != nil {
			return append(errs, err)
		}
		start := time.Now()
		err := runCheck(be, c, seed+uint64(i))
		if err != nil {
			err = fmt.Errorf("%s (seed %d): %w", c.name, seed+uint64(i), err)
			errs = append(errs, err)
		}
		if report != nil {
			report(CheckResult{Name: c.name, Err: err, Duration: time.Since(start)})
		}
	}
	return errs
}

func runCheck(be *Backend, c check, seed uint64) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return c.run(&checker{gpu: be, cpu: cpu.New(), rng: rand.New(rand.NewPCG(seed, 42))})
}

var checks = []check{
	{"Fill", checkFill},
	{"Copy", checkCopy},
	{"Unary", checkUnary},
	{"Binary", checkBinary},
	{"Reduce", checkReduce},
	{"Softmax", checkSoftmax},
	{"MatMul", checkMatMul},
	{"Im2Col", checkIm2Col},
	{"Pool", checkPool},
	{"Index", checkIndex},
	{"RandomUniform", checkRandom},
	{"Optim", checkOptim},
	{"Pool reuse", checkReuse},
}

// uniform returns n numbers uniform in [lo, hi).
func (c *checker) uniform(n int, lo, hi float64) []float32 {
	out := make([]float32, n)
	for i := range out {
		out[i] = float32(lo + (hi-lo)*c.rng.Float64())
	}
	return out
}

// ints returns n whole numbers in [0, k): indices, or values with ties.
func (c *checker) ints(n, k int) []float32 {
	out := make([]float32, n)
	for i := range out {
		out[i] = float32(c.rng.IntN(k))
	}
	return out
}

// pair uploads data to both backends.
func (c *checker) pair(data []float32) (kernel.Buffer, kernel.Buffer) {
	return c.gpu.FromFloat32(data), c.cpu.FromFloat32(data)
}

// compare reads both buffers and checks |got-want| <= tol*max(|want|, floor).
func (c *checker) compare(what string, g, w kernel.Buffer, tol, floor float64) error {
	got := make([]float32, g.Len())
	c.gpu.ReadFloat32(g, got)
	want := make([]float32, w.Len())
	c.cpu.ReadFloat32(w, want)
	return closeTo(what, got, want, tol, floor)
}

func closeTo(what string, got, want []float32, tol, floor float64) error {
	if len(got) != len(want) {
		return fmt.Errorf("%s: %d elements, want %d", what, len(got), len(want))
	}
	for i := range got {
		g, w := float64(got[i]), float64(want[i])
		if g == w || (math.IsNaN(g) && math.IsNaN(w)) {
			continue
		}
		if math.IsNaN(g) || math.Abs(g-w) > tol*max(math.Abs(w), floor) {
			return fmt.Errorf("%s: element %d of %d is %v, want %v", what, i, len(got), g, w)
		}
	}
	return nil
}

// rms is the root mean square of a buffer on the CPU backend: the scale of
// sums whose terms cancel.
func (c *checker) rms(b kernel.Buffer) float64 {
	d := make([]float64, b.Len())
	c.cpu.ReadFloat64(b, d)
	var s float64
	for _, v := range d {
		s += v * v
	}
	if len(d) == 0 {
		return 0
	}
	return math.Sqrt(s / float64(len(d)))
}

const (
	tolElem = 1e-4 // elementwise: relative, floored at 1e-2 for values near 0
	tolSum  = 1e-4 // sums and products: relative to the output's RMS
)

func checkFill(c *checker) error {
	for _, n := range []int{1, 7, 1000, 65537} {
		g, w := c.gpu.New(n), c.cpu.New(n)
		c.gpu.Fill(g, -2.5)
		c.cpu.Fill(w, -2.5)
		if err := c.compare(fmt.Sprintf("n=%d", n), g, w, 0, 0); err != nil {
			return err
		}
	}
	return nil
}

func checkCopy(c *checker) error {
	cases := []struct {
		name               string
		dstLen, srcLen     int
		dstOff, srcOff     int
		dstStr, srcStr, sh []int
	}{
		{"scalar", 3, 5, 2, 4, nil, nil, nil},
		{"transpose 13x7", 91, 91, 0, 0, []int{7, 1}, []int{1, 13}, []int{13, 7}},
		{"broadcast row", 35, 7, 0, 0, []int{7, 1}, []int{0, 1}, []int{5, 7}},
		{"offsets", 40, 50, 3, 5, []int{1}, []int{2}, []int{17}},
		{"rank 8", 256, 256, 0, 0, []int{128, 64, 32, 16, 8, 4, 2, 1}, []int{1, 2, 4, 8, 16, 32, 64, 128}, []int{2, 2, 2, 2, 2, 2, 2, 2}},
		{"size-1 dims", 6, 6, 0, 0, []int{3, 3, 1, 1}, []int{1, 1, 2, 1}, []int{1, 2, 3, 1}},
	}
	for _, tc := range cases {
		src := c.uniform(tc.srcLen, -1, 1)
		init := c.uniform(tc.dstLen, -1, 1)
		gs, ws := c.pair(src)
		gd, wd := c.pair(init)
		c.gpu.Copy(gd, tc.dstOff, tc.dstStr, gs, tc.srcOff, tc.srcStr, tc.sh)
		c.cpu.Copy(wd, tc.dstOff, tc.dstStr, ws, tc.srcOff, tc.srcStr, tc.sh)
		if err := c.compare(tc.name, gd, wd, 0, 0); err != nil {
			return err
		}
	}
	return nil
}

func checkUnary(c *checker) error {
	cases := []struct {
		op     kernel.UnaryOp
		a, b   float64
		lo, hi float64
	}{
		{kernel.Affine, 1.5, -0.25, -2, 2},
		{kernel.Pow, 2, 0, -2, 2},
		{kernel.Pow, 3, 0, -2, 2},
		{kernel.Pow, -1, 0, 0.5, 2},
		{kernel.Pow, 0.5, 0, 0.01, 4},
		{kernel.Pow, -1.5, 0, 0.1, 3},
		{kernel.Exp, 0, 0, -5, 5},
		{kernel.Log, 0, 0, 0.01, 10},
		{kernel.Sqrt, 0, 0, 0, 10},
		{kernel.Abs, 0, 0, -2, 2},
		{kernel.Sign, 0, 0, -2, 2},
		{kernel.Sigmoid, 0, 0, -10, 10},
		{kernel.Tanh, 0, 0, -3, 3},
		{kernel.Tanh, 0, 0, -0.01, 0.01},
		{kernel.ReLU, 0, 0, -2, 2},
		{kernel.LeakyReLU, 0.1, 0, -2, 2},
		{kernel.ELU, 1.3, 0, -3, 3},
		{kernel.ELU, 1, 0, -0.02, 0.02},
		{kernel.Clamp, -0.5, 0.7, -2, 2},
		{kernel.Step, 0.25, 0, -2, 2},
	}
	for _, tc := range cases {
		for _, n := range []int{1, 1031, 1032} { // 1032: 4 elements per invocation
			x := c.uniform(n, tc.lo, tc.hi)
			if tc.op == kernel.Sign || tc.op == kernel.Step || tc.op == kernel.ReLU {
				x[0] = float32(tc.a) // the boundary itself
			}
			gx, wx := c.pair(x)
			gd, wd := c.gpu.New(n), c.cpu.New(n)
			c.gpu.Unary(tc.op, gd, gx, tc.a, tc.b)
			c.cpu.Unary(tc.op, wd, wx, tc.a, tc.b)
			floor := 1e-2
			if tc.hi-tc.lo < 0.1 {
				floor = 0 // small inputs: relative precision near 0 is the point
			}
			if err := c.compare(fmt.Sprintf("%v(a=%g) n=%d", tc.op, tc.a, n), gd, wd, tolElem, floor); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkBinary(c *checker) error {
	shapes := []struct {
		shape, xs, ys []int
		xn, yn        int
	}{
		{[]int{1}, []int{1}, []int{1}, 1, 1},
		{[]int{1031}, []int{1}, []int{1}, 1031, 1031},
		{[]int{5, 3, 7}, []int{7, 0, 1}, []int{0, 7, 1}, 35, 21},
		{[]int{13, 11}, []int{1, 13}, []int{0, 0}, 143, 1},
		{[]int{2, 2, 2, 2, 2, 2, 2, 3}, []int{96, 48, 24, 12, 6, 3, 0, 1}, []int{1, 0, 2, 0, 4, 0, 8, 16}, 192, 48},
		// Last axis contiguous and a multiple of 4: 4 elements per invocation.
		{[]int{1032}, []int{1}, []int{1}, 1032, 1032},
		{[]int{6, 8}, []int{8, 1}, []int{0, 1}, 48, 8},
		{[]int{2, 2, 2, 2, 2, 2, 2, 4}, []int{256, 128, 64, 32, 16, 8, 4, 1}, []int{0, 32, 0, 16, 0, 8, 4, 1}, 512, 64},
	}
	ops := []kernel.BinaryOp{kernel.Add, kernel.Sub, kernel.Mul, kernel.Div, kernel.PowT, kernel.Maximum, kernel.Minimum, kernel.Greater, kernel.GreaterEqual, kernel.Equal}
	for _, op := range ops {
		for _, s := range shapes {
			var x, y []float32
			switch op {
			case kernel.PowT:
				x, y = c.uniform(s.xn, 0.1, 3), c.uniform(s.yn, -2, 2)
			case kernel.Div:
				x, y = c.uniform(s.xn, -2, 2), c.uniform(s.yn, 0.5, 2)
			case kernel.Greater, kernel.GreaterEqual, kernel.Equal, kernel.Maximum, kernel.Minimum:
				x, y = c.ints(s.xn, 3), c.ints(s.yn, 3) // ties
			default:
				x, y = c.uniform(s.xn, -2, 2), c.uniform(s.yn, -2, 2)
			}
			gx, wx := c.pair(x)
			gy, wy := c.pair(y)
			n := kernel.Numel(s.shape)
			gd, wd := c.gpu.New(n), c.cpu.New(n)
			c.gpu.Binary(op, gd, gx, gy, s.shape, s.xs, s.ys)
			c.cpu.Binary(op, wd, wx, wy, s.shape, s.xs, s.ys)
			if err := c.compare(fmt.Sprintf("%v %v", op, s.shape), gd, wd, tolElem, 1e-2); err != nil {
				return err
			}
		}
	}
	// Negative bases with integer exponents, as math.Pow defines them, and
	// the results that are not finite (built at run time in the shader).
	x, y := []float32{-2, -2, -3, 0, 0, 2, 0, -2}, []float32{3, 2, -1, 2, 0, 0.5, -1, 0.5}
	gx, wx := c.pair(x)
	gy, wy := c.pair(y)
	n := len(x)
	gd, wd := c.gpu.New(n), c.cpu.New(n)
	c.gpu.Binary(kernel.PowT, gd, gx, gy, []int{n}, []int{1}, []int{1})
	c.cpu.Binary(kernel.PowT, wd, wx, wy, []int{n}, []int{1}, []int{1})
	return c.compare("Pow special cases", gd, wd, tolElem, 0)
}

func checkReduce(c *checker) error {
	// Long axes with fewer than 256 outputs take the workgroup reduction,
	// the others one invocation per output.
	shapes := [][3]int{{1, 1, 1}, {3, 1, 5}, {7, 13, 5}, {1, 1000, 1}, {2, 257, 3}, {5, 64, 1}, {1, 10007, 1}, {4, 3, 1031}, {1, 300, 257}}
	ops := []kernel.ReduceOp{kernel.Sum, kernel.Max, kernel.Min, kernel.ArgMax, kernel.ArgMin}
	for _, op := range ops {
		for _, s := range shapes {
			outer, n, inner := s[0], s[1], s[2]
			x := c.uniform(outer*n*inner, -1, 1)
			if op == kernel.ArgMax || op == kernel.ArgMin {
				x = c.ints(outer*n*inner, 5) // ties: the first index must win
			}
			gx, wx := c.pair(x)
			gd, wd := c.gpu.New(outer*inner), c.cpu.New(outer*inner)
			c.gpu.Reduce(op, gd, gx, outer, n, inner)
			c.cpu.Reduce(op, wd, wx, outer, n, inner)
			tol, floor := 0.0, 0.0
			if op == kernel.Sum {
				tol, floor = tolSum, math.Sqrt(float64(n))
			}
			if err := c.compare(fmt.Sprintf("%v %v", op, s), gd, wd, tol, floor); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkSoftmax(c *checker) error {
	// Rows up to shortRows long take one invocation each, longer ones a workgroup.
	for _, s := range [][2]int{{1, 1}, {3, 7}, {5, 1000}, {2, 300}, {300, 3}, {7, shortRows}, {3, shortRows + 1}} {
		rows, cols := s[0], s[1]
		for _, log := range []bool{false, true} {
			x := c.uniform(rows*cols, -4, 4)
			gx, wx := c.pair(x)
			gy, wy := c.gpu.New(rows*cols), c.cpu.New(rows*cols)
			c.gpu.Softmax(gy, gx, rows, cols, log)
			c.cpu.Softmax(wy, wx, rows, cols, log)
			name := fmt.Sprintf("%dx%d log=%v", rows, cols, log)
			if err := c.compare(name, gy, wy, tolElem, 1/float64(cols)); err != nil {
				return err
			}
			g := c.uniform(rows*cols, -1, 1)
			gg, wg := c.pair(g)
			gdx, wdx := c.gpu.New(rows*cols), c.cpu.New(rows*cols)
			c.gpu.SoftmaxBackward(gdx, wy2gpu(c, wy), gg, rows, cols, log)
			c.cpu.SoftmaxBackward(wdx, wy, wg, rows, cols, log)
			if err := c.compare("backward "+name, gdx, wdx, tolSum, c.rms(wdx)); err != nil {
				return err
			}
		}
	}
	return nil
}

// wy2gpu uploads a CPU buffer to the GPU, so a backward check starts from
// exactly the forward output the reference uses.
func wy2gpu(c *checker, w kernel.Buffer) kernel.Buffer {
	d := make([]float32, w.Len())
	c.cpu.ReadFloat32(w, d)
	return c.gpu.FromFloat32(d)
}

// checkMatMul runs the products with each kernel for operands read 4
// floats at a time, not only the one the adapter picks: the tiled kernel
// (hardware adapters, SwiftShader) and the one without workgroup memory
// (llvmpipe), so every runtime checks both compile and agree.
func checkMatMul(c *checker) error {
	saved := c.gpu.directMatMul
	defer func() { c.gpu.directMatMul = saved }()
	for _, direct := range []bool{false, true} {
		c.gpu.directMatMul = direct
		if err := c.matmuls(); err != nil {
			return fmt.Errorf("direct=%v: %w", direct, err)
		}
	}
	return nil
}

func (c *checker) matmuls() error {
	// Sizes whose contiguous axes are multiples of 4 take the vec4 kernels
	// (68x36x132 with any transposes, 5x12x10 only with B transposed).
	sizes := [][3]int{{1, 1, 1}, {7, 13, 5}, {65, 31, 129}, {257, 129, 67}, {64, 64, 64}, {3, 0, 4},
		{68, 36, 132}, {4, 4, 4}, {5, 12, 10}, {260, 20, 8}, {12, 6, 8}}
	for _, s := range sizes {
		for _, tr := range [][2]bool{{false, false}, {true, false}, {false, true}, {true, true}} {
			p := kernel.MatMulParams{Batch: 1, M: s[0], K: s[1], N: s[2], TransA: tr[0], TransB: tr[1]}
			if err := c.matmul(p); err != nil {
				return err
			}
		}
	}
	batched := []kernel.MatMulParams{
		{Batch: 3, M: 17, K: 9, N: 23, StrideA: 17 * 9, StrideB: 0, StrideC: 17 * 23},
		{Batch: 4, M: 5, K: 70, N: 3, StrideA: 0, StrideB: 70 * 3, StrideC: 15, TransA: true},
		{Batch: 2, M: 66, K: 2, N: 65, StrideA: 132, StrideB: 130, StrideC: 66 * 65, TransB: true},
		{Batch: 3, M: 12, K: 8, N: 20, StrideA: 96, StrideB: 0, StrideC: 240},
		{Batch: 2, M: 8, K: 16, N: 4, StrideA: 0, StrideB: 64, StrideC: 36, TransA: true, TransB: true},
	}
	for _, p := range batched {
		if err := c.matmul(p); err != nil {
			return err
		}
	}
	return nil
}

func (c *checker) matmul(p kernel.MatMulParams) error {
	aLen := p.M * p.K
	bLen := p.K * p.N
	if p.Batch > 1 {
		aLen += (p.Batch - 1) * p.StrideA
		bLen += (p.Batch - 1) * p.StrideB
	}
	cLen := p.M*p.N + (p.Batch-1)*p.StrideC
	ga, wa := c.pair(c.uniform(aLen, -1, 1))
	gb, wb := c.pair(c.uniform(bLen, -1, 1))
	gc, wc := c.gpu.New(cLen), c.cpu.New(cLen)
	c.gpu.MatMul(gc, ga, gb, p)
	c.cpu.MatMul(wc, wa, wb, p)
	return c.compare(fmt.Sprintf("%+v", p), gc, wc, tolSum, max(c.rms(wc), 1e-3))
}

var geoms = []kernel.ConvGeom{
	kernel.NewConvGeom(2, 3, 7, 5, 3, 3, 1, 1),
	kernel.NewConvGeom(1, 2, 9, 11, 3, 2, 2, 0),
	kernel.NewConvGeom(1, 1, 5, 5, 2, 2, 2, 1),
	kernel.NewConvGeom(3, 4, 6, 6, 1, 1, 1, 0),
	kernel.NewConvGeom(1, 2, 8, 7, 3, 3, 2, 1),
	kernel.NewConvGeom(1, 1, 1, 1, 1, 1, 1, 0),
}

func checkIm2Col(c *checker) error {
	for _, g := range geoms {
		nx := g.N * g.C * g.H * g.W
		nc := g.N * g.OH * g.OW * g.C * g.KH * g.KW
		gx, wx := c.pair(c.uniform(nx, -1, 1))
		gc, wc := c.gpu.New(nc), c.cpu.New(nc)
		c.gpu.Im2Col(gc, gx, g)
		c.cpu.Im2Col(wc, wx, g)
		if err := c.compare(fmt.Sprintf("Im2Col %+v", g), gc, wc, 0, 0); err != nil {
			return err
		}
		gcols, wcols := c.pair(c.uniform(nc, -1, 1))
		gdx, wdx := c.pair(c.uniform(nx, -1, 1)) // Col2Im adds into dx
		c.gpu.Col2Im(gdx, gcols, g)
		c.cpu.Col2Im(wdx, wcols, g)
		if err := c.compare(fmt.Sprintf("Col2Im %+v", g), gdx, wdx, tolSum, 1); err != nil {
			return err
		}
	}
	return nil
}

func checkPool(c *checker) error {
	pools := append([]kernel.PoolGeom{
		kernel.NewConvGeom(2, 3, 7, 9, 2, 2, 2, 0),
		kernel.NewConvGeom(1, 1, 5, 5, 3, 3, 1, 1),
		kernel.NewConvGeom(1, 2, 13, 11, 3, 3, 3, 1),
	}, geoms...)
	for _, g := range pools {
		nx := g.N * g.C * g.H * g.W
		no := g.N * g.C * g.OH * g.OW
		gx, wx := c.pair(c.uniform(nx, -1, 1))
		gd, wd := c.gpu.New(no), c.cpu.New(no)
		ga, wa := c.gpu.New(no), c.cpu.New(no)
		c.gpu.MaxPool2d(gd, ga, gx, g)
		c.cpu.MaxPool2d(wd, wa, wx, g)
		name := fmt.Sprintf("%+v", g)
		if err := c.compare("MaxPool2d "+name, gd, wd, 0, 0); err != nil {
			return err
		}
		if err := c.compare("MaxPool2d argmax "+name, ga, wa, 0, 0); err != nil {
			return err
		}
		grad := c.uniform(no, -1, 1)
		gg, wg := c.pair(grad)
		gdx, wdx := c.pair(c.uniform(nx, -1, 1))
		c.gpu.MaxPool2dBackward(gdx, gg, ga, g)
		c.cpu.MaxPool2dBackward(wdx, wg, wa, g)
		if err := c.compare("MaxPool2dBackward "+name, gdx, wdx, tolSum, 1); err != nil {
			return err
		}
		c.gpu.AvgPool2d(gd, gx, g)
		c.cpu.AvgPool2d(wd, wx, g)
		if err := c.compare("AvgPool2d "+name, gd, wd, tolSum, 1); err != nil {
			return err
		}
		gdx, wdx = c.pair(c.uniform(nx, -1, 1))
		c.gpu.AvgPool2dBackward(gdx, gg, g)
		c.cpu.AvgPool2dBackward(wdx, wg, g)
		if err := c.compare("AvgPool2dBackward "+name, gdx, wdx, tolSum, 1); err != nil {
			return err
		}
	}
	return nil
}

func checkIndex(c *checker) error {
	for _, s := range [][4]int{{1, 1, 1, 1}, {3, 7, 5, 11}, {2, 13, 1, 4}, {1, 10, 129, 37}} {
		outer, n, inner, k := s[0], s[1], s[2], s[3]
		name := fmt.Sprintf("outer=%d n=%d inner=%d k=%d", outer, n, inner, k)
		x := c.uniform(outer*n*inner, -1, 1)
		gx, wx := c.pair(x)

		gi, wi := c.pair(c.ints(k, n)) // repeats: the adjoints must sum them
		gd, wd := c.gpu.New(outer*k*inner), c.cpu.New(outer*k*inner)
		c.gpu.IndexSelect(gd, gx, gi, outer, n, inner, k)
		c.cpu.IndexSelect(wd, wx, wi, outer, n, inner, k)
		if err := c.compare("IndexSelect "+name, gd, wd, 0, 0); err != nil {
			return err
		}
		gg, wg := c.pair(c.uniform(outer*k*inner, -1, 1))
		gdst, wdst := c.pair(c.uniform(outer*n*inner, -1, 1))
		c.gpu.IndexAdd(gdst, gg, gi, outer, n, inner, k)
		c.cpu.IndexAdd(wdst, wg, wi, outer, n, inner, k)
		if err := c.compare("IndexAdd "+name, gdst, wdst, tolSum, 1); err != nil {
			return err
		}

		gi, wi = c.pair(c.ints(outer*k*inner, n))
		c.gpu.Gather(gd, gx, gi, outer, n, inner, k)
		c.cpu.Gather(wd, wx, wi, outer, n, inner, k)
		if err := c.compare("Gather "+name, gd, wd, 0, 0); err != nil {
			return err
		}
		gdst, wdst = c.pair(c.uniform(outer*n*inner, -1, 1))
		c.gpu.ScatterAdd(gdst, gg, gi, outer, n, inner, k)
		c.cpu.ScatterAdd(wdst, wg, wi, outer, n, inner, k)
		if err := c.compare("ScatterAdd "+name, gdst, wdst, tolSum, 1); err != nil {
			return err
		}
	}
	return nil
}

func checkRandom(c *checker) error {
	cases := []struct {
		seed, offset uint64
		n            int
	}{
		{0, 0, 1},
		{42, 0, 1031},
		{0xdeadbeefcafef00d, 1<<32 - 5, 11}, // the counter carries into the high word
		{7, 3<<40 + 123, 300},
	}
	for _, tc := range cases {
		g, w := c.gpu.New(tc.n), c.cpu.New(tc.n)
		c.gpu.RandomUniform(g, tc.seed, tc.offset)
		c.cpu.RandomUniform(w, tc.seed, tc.offset)
		if err := c.compare(fmt.Sprintf("seed=%#x offset=%#x", tc.seed, tc.offset), g, w, 0, 0); err != nil {
			return err
		}
	}
	return nil
}

func checkOptim(c *checker) error {
	for _, n := range []int{1031, 1032} { // 1032: 4 elements per invocation
		if err := c.optim(n); err != nil {
			return fmt.Errorf("n=%d: %w", n, err)
		}
	}
	return nil
}

func (c *checker) optim(n int) error {
	sgd := []kernel.SGDParams{
		{LR: 0.1},
		{LR: 0.05, WeightDecay: 0.01},
		{LR: 0.1, Momentum: 0.9, First: true},
		{LR: 0.1, Momentum: 0.9, Dampening: 0.1, WeightDecay: 1e-3},
		{LR: 0.1, Momentum: 0.8, Nesterov: true},
	}
	for _, p := range sgd {
		gw, ww := c.pair(c.uniform(n, -1, 1))
		gg, wg := c.pair(c.uniform(n, -1, 1))
		gm, wm := c.pair(c.uniform(n, -1, 1))
		c.gpu.SGDStep(gw, gg, gm, p)
		c.cpu.SGDStep(ww, wg, wm, p)
		if err := c.compare(fmt.Sprintf("SGD %+v param", p), gw, ww, tolElem, 1e-2); err != nil {
			return err
		}
		if err := c.compare(fmt.Sprintf("SGD %+v momentum", p), gm, wm, tolElem, 1e-2); err != nil {
			return err
		}
	}
	adam := []kernel.AdamParams{
		{LR: 1e-3, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, Step: 1},
		{LR: 1e-2, Beta1: 0.9, Beta2: 0.99, Eps: 1e-8, WeightDecay: 0.1, Step: 5},
		{LR: 1e-2, Beta1: 0.8, Beta2: 0.999, Eps: 1e-6, WeightDecay: 0.1, Decoupled: true, Step: 3},
	}
	for _, p := range adam {
		gw, ww := c.pair(c.uniform(n, -1, 1))
		gg, wg := c.pair(c.uniform(n, -1, 1))
		gm, wm := c.pair(c.uniform(n, -0.1, 0.1))
		gv, wv := c.pair(c.uniform(n, 0, 0.01))
		c.gpu.AdamStep(gw, gg, gm, gv, p)
		c.cpu.AdamStep(ww, wg, wm, wv, p)
		for _, b := range []struct {
			name string
			g, w kernel.Buffer
		}{{"param", gw, ww}, {"m", gm, wm}, {"v", gv, wv}} {
			if err := c.compare(fmt.Sprintf("Adam %+v %s", p, b.name), b.g, b.w, tolElem, 1e-2); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkReuse drops filled buffers, lets the collector return them to the
// pool, and checks that New hands them out zeroed again.
func checkReuse(c *checker) error {
	const n = 3000
	for range 4 {
		c.gpu.Fill(c.gpu.New(n), 7)
	}
	runtime.GC()
	runtime.Gosched()
	for range 4 {
		b := c.gpu.New(n)
		got := make([]float32, n)
		c.gpu.ReadFloat32(b, got)
		for i, v := range got {
			if v != 0 {
				return fmt.Errorf("New(%d) element %d is %v after reuse, want 0", n, i, v)
			}
		}
	}
	if c.gpu.pool.reused == 0 {
		return errors.New("no buffer came back from the pool")
	}
	return nil
}
