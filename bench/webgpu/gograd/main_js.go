//go:build js && wasm

// Command gograd is gograd's side of the WebGPU benchmark: the same
// timings as ../tfjs_bench_lib.js, on gograd's webgpu backend, printed as
// the same JSON lines with "tool":"gograd". It runs under Deno
// (../run.sh) or in Chromium (../gograd.html, driven by ../chromium).
//
// Arguments, all optional: sizes=256,512,1024 runs=5 steps=20, and
// profile=N (gograd only: the TF.js side refuses it), which times N more
// training steps with device timestamps around every kernel and prints one
// "profile" line per kernel.
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall/js"
	"time"

	"github.com/gograd/gograd/core"
	"github.com/gograd/gograd/core/optim"
	"github.com/gograd/gograd/webgpu"
)

// config mirrors the defaults of tfjs_bench_lib.js; change both together.
type config struct {
	sizes        []int
	matmulWarmup int
	matmulRuns   int
	batch        int
	hidden       int
	mlpWarmup    int
	mlpSteps     int
	profile      int // steps to profile after the timed ones
}

func defaults() config {
	return config{sizes: []int{256, 512, 1024}, matmulWarmup: 2, matmulRuns: 5,
		batch: 256, hidden: 256, mlpWarmup: 3, mlpSteps: 20}
}

// The JSON lines; field order is the order of tfjs_bench_lib.js's lines.
type adapterLine struct {
	Tool        string `json:"tool"`
	What        string `json:"what"`
	Description string `json:"description"`
	Runtime     string `json:"runtime"`
	Backend     string `json:"backend"`
	Version     string `json:"version"`
}

type matmulLine struct {
	Tool   string  `json:"tool"`
	What   string  `json:"what"`
	N      int     `json:"n"`
	MS     float64 `json:"ms"`
	GFLOPS float64 `json:"gflops"`
	Runs   int     `json:"runs"`
}

type mlpLine struct {
	Tool      string  `json:"tool"`
	What      string  `json:"what"`
	MS        float64 `json:"ms"`
	Batch     int     `json:"batch"`
	Hidden    int     `json:"hidden"`
	Steps     int     `json:"steps"`
	LossFirst float64 `json:"loss_first"`
	LossLast  float64 `json:"loss_last"`
}

type profileLine struct {
	Tool      string  `json:"tool"`
	What      string  `json:"what"`
	Kernel    string  `json:"kernel"`
	PerStep   float64 `json:"per_step"`
	MSPerStep float64 `json:"ms_per_step"`
}

type statusLine struct {
	Tool  string `json:"tool"`
	What  string `json:"what"`
	Error string `json:"error,omitempty"`
}

const tool = "gograd"

func emit(v any) {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(b))
}

func main() {
	cfg, err := parseArgs(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "gograd bench:", err)
		os.Exit(2)
	}
	if err := run(cfg); err != nil {
		emit(statusLine{Tool: tool, What: "error", Error: err.Error()})
		os.Exit(1)
	}
	emit(statusLine{Tool: tool, What: "done"})
}

func parseArgs(args []string) (config, error) {
	cfg := defaults()
	for _, a := range args {
		k, v, _ := strings.Cut(a, "=")
		var err error
		switch k {
		case "sizes":
			cfg.sizes = nil
			for _, s := range strings.Split(v, ",") {
				n, e := strconv.Atoi(s)
				if e != nil || n <= 0 {
					return cfg, fmt.Errorf("bad size %q in %s", s, a)
				}
				cfg.sizes = append(cfg.sizes, n)
			}
		case "runs":
			cfg.matmulRuns, err = positive(v)
		case "steps":
			cfg.mlpSteps, err = positive(v)
		case "profile":
			cfg.profile, err = positive(v)
		default:
			return cfg, fmt.Errorf("unknown argument %q (want sizes=, runs=, steps=, profile=)", a)
		}
		if err != nil {
			return cfg, fmt.Errorf("%s: %w", a, err)
		}
	}
	return cfg, nil
}

func positive(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a positive integer", s)
	}
	return n, nil
}

// run prints the adapter, matmul and mlp_step lines. A panic (a shape
// error, or a device error the backend raises) becomes the returned error,
// so the driver always gets an error line instead of waiting for "done".
func run(cfg config) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	be, err := webgpu.New()
	if err != nil {
		return err
	}
	emit(adapterLine{Tool: tool, What: "adapter", Description: be.Adapter(),
		Runtime: js.Global().Get("navigator").Get("userAgent").String(),
		Backend: be.Name(), Version: runtime.Version()})
	g := core.NewGenerator(1)
	for _, n := range cfg.sizes {
		ms := timeMatmul(be, g, n, cfg.matmulWarmup, cfg.matmulRuns)
		emit(matmulLine{Tool: tool, What: "matmul", N: n, MS: round(ms, 3),
			GFLOPS: round(2*math.Pow(float64(n), 3)/(ms*1e6), 3), Runs: cfg.matmulRuns})
	}
	line, profile := timeMLP(be, g, cfg)
	if err := be.Err(); err != nil {
		return err
	}
	emit(line)
	for _, k := range profile {
		n := float64(cfg.profile)
		emit(profileLine{Tool: tool, What: "profile", Kernel: k.Kernel, PerStep: float64(k.Count) / n,
			MSPerStep: round(float64(k.Total.Microseconds())/1e3/n, 3)})
	}
	return nil
}

// timeMatmul returns the median wall time in ms of c = a·b for n×n
// matrices, each product waited for by reading c back (Data), so the GPU
// work and one readback of n² floats are inside the time, as with TF.js.
func timeMatmul(be core.Backend, g *core.Generator, n, warmup, runs int) float64 {
	a := core.Uniform(g, -1, 1, n, n).To(be)
	b := core.Uniform(g, -1, 1, n, n).To(be)
	once := func() float64 {
		t0 := time.Now()
		a.MM(b).Data()
		return ms(time.Since(t0))
	}
	for range warmup {
		once()
	}
	times := make([]float64, runs)
	for i := range times {
		times[i] = once()
	}
	return median(times)
}

// timeMLP times training steps of the 784-hidden-10 perceptron on one fixed
// random batch: forward, cross-entropy as the mean negative log-softmax of
// the labelled class, backward, Adam (torch defaults, lr 1e-3; one fused
// AdamStep kernel per parameter), then a read of the loss, which the GPU
// queue finishes after the update. With cfg.profile, that many more steps
// run with device timestamps, whose times per kernel it returns too.
func timeMLP(be *webgpu.Backend, g *core.Generator, cfg config) (mlpLine, []webgpu.KernelTime) {
	glorot := func(out, in int) *core.Tensor {
		lim := math.Sqrt(6 / float64(in+out))
		return core.Uniform(g, -lim, lim, out, in).To(be).SetRequiresGrad(true)
	}
	w1, w2 := glorot(cfg.hidden, 784), glorot(10, cfg.hidden)
	b1 := core.FromSliceOn(be, make([]float32, cfg.hidden), cfg.hidden).SetRequiresGrad(true)
	b2 := core.FromSliceOn(be, make([]float32, 10), 10).SetRequiresGrad(true)
	x := core.Uniform(g, 0, 1, cfg.batch, 784).To(be)
	labels := make([]float32, cfg.batch)
	for i := range labels {
		labels[i] = float32(g.IntN(10))
	}
	target := core.FromSliceOn(be, labels, cfg.batch, 1)
	opt := optim.NewAdam([]*core.Tensor{w1, b1, w2, b2}, optim.AdamOptions{LR: 1e-3})

	step := func() (float64, float64) {
		t0 := time.Now()
		opt.ZeroGrad()
		h := core.Linear(x, w1, b1).ReLU()
		logp := core.Linear(h, w2, b2).LogSoftmax(1)
		loss := logp.Gather(1, target).Mean().Neg()
		loss.Backward()
		opt.Step()
		l := loss.Item()
		return ms(time.Since(t0)), float64(l)
	}
	var first, last float64
	for i := range cfg.mlpWarmup {
		if _, l := step(); i == 0 {
			first = l
		}
	}
	times := make([]float64, cfg.mlpSteps)
	for i := range times {
		times[i], last = step()
	}
	var profile []webgpu.KernelTime
	if cfg.profile > 0 {
		if err := be.StartProfile(); err != nil {
			panic(err)
		}
		for range cfg.profile {
			step()
		}
		profile = be.StopProfile()
	}
	return mlpLine{Tool: tool, What: "mlp_step", MS: round(median(times), 3),
		Batch: cfg.batch, Hidden: cfg.hidden, Steps: cfg.mlpSteps,
		LossFirst: round(first, 5), LossLast: round(last, 5)}, profile
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

func round(x float64, digits int) float64 {
	f := math.Pow(10, float64(digits))
	return math.Round(x*f) / f
}
