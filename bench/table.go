package bench

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Table reads `go test -bench BenchmarkMatMul` output and returns a Markdown
// table with, per shape, the median GFLOP/s of gograd and of gonum over the
// repeated runs (-count) and their ratio. Shapes appear in input order.
func Table(r io.Reader) (string, error) {
	type key struct{ shape, tool string }
	runs := map[key][]float64{}
	var shapes []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || !strings.HasPrefix(f[0], "BenchmarkMatMul/") {
			continue
		}
		name := strings.Split(strings.TrimPrefix(f[0], "BenchmarkMatMul/"), "/")
		if len(name) != 2 {
			return "", fmt.Errorf("bench: unexpected benchmark name %q", f[0])
		}
		tool, _, _ := strings.Cut(name[1], "-") // drop the -GOMAXPROCS suffix
		gflops := -1.0
		for i := 1; i+1 < len(f); i++ {
			if f[i+1] == "GFLOP/s" {
				v, err := strconv.ParseFloat(f[i], 64)
				if err != nil {
					return "", fmt.Errorf("bench: bad GFLOP/s value %q in %q", f[i], sc.Text())
				}
				gflops = v
			}
		}
		if gflops < 0 {
			return "", fmt.Errorf("bench: no GFLOP/s metric in %q", sc.Text())
		}
		if !slices.Contains(shapes, name[0]) {
			shapes = append(shapes, name[0])
		}
		k := key{name[0], tool}
		runs[k] = append(runs[k], gflops)
	}
	if err := sc.Err(); err != nil {
		return "", fmt.Errorf("bench: reading benchmark output: %w", err)
	}
	if len(shapes) == 0 {
		return "", fmt.Errorf("bench: no BenchmarkMatMul results in the input")
	}
	var b strings.Builder
	b.WriteString("| shape (M×K×N, op) | gograd GFLOP/s | gonum GFLOP/s | gograd / gonum |\n")
	b.WriteString("|---|---:|---:|---:|\n")
	for _, s := range shapes {
		g, n := runs[key{s, "gograd"}], runs[key{s, "gonum"}]
		if len(g) == 0 || len(n) == 0 {
			return "", fmt.Errorf("bench: shape %s lacks a gograd or gonum result", s)
		}
		mg, mn := median(g), median(n)
		fmt.Fprintf(&b, "| %s | %.2f | %.2f | %.2f |\n", s, mg, mn, mg/mn)
	}
	return b.String(), nil
}

// median of a non-empty sample; the middle two averaged for even sizes.
func median(v []float64) float64 {
	s := slices.Sorted(slices.Values(v))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
