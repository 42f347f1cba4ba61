package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// line is one result line of either side; fields a kind of line lacks stay
// zero.
type line struct {
	Tool        string  `json:"tool"`
	What        string  `json:"what"`
	Description string  `json:"description"`
	Runtime     string  `json:"runtime"`
	N           int     `json:"n"`
	MS          float64 `json:"ms"`
	GFLOPS      float64 `json:"gflops"`
	Error       string  `json:"error"`
}

// side holds one tool's results.
type side struct {
	adapter, runtime string
	gflops           map[int]float64
	mlpMS            float64 // 0 when missing
	done             bool
	errors           []string
}

// results are the sides by tool name, in order of first appearance.
type results struct {
	order []string
	sides map[string]*side
}

// parse reads result lines; lines that are not JSON objects with a tool
// (runtime notices, build output) are skipped.
func parse(r io.Reader) (*results, error) {
	res := &results{sides: map[string]*side{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		text := strings.TrimSpace(sc.Text())
		var l line
		if !strings.HasPrefix(text, "{") || json.Unmarshal([]byte(text), &l) != nil || l.Tool == "" {
			continue
		}
		s := res.sides[l.Tool]
		if s == nil {
			s = &side{gflops: map[int]float64{}}
			res.sides[l.Tool] = s
			res.order = append(res.order, l.Tool)
		}
		switch l.What {
		case "adapter":
			s.adapter, s.runtime = l.Description, l.Runtime
		case "matmul":
			s.gflops[l.N] = l.GFLOPS
		case "mlp_step":
			s.mlpMS = l.MS
		case "done":
			s.done = true
		case "error":
			s.errors = append(s.errors, l.Error)
		}
	}
	return res, sc.Err()
}

// markdown writes a table with a column per tool and, when both "tfjs"
// and "gograd" are present, gograd's speed relative to TF.js (above 1:
// gograd is faster). It returns the tools that failed or did not finish.
func (res *results) markdown(w io.Writer) (failed []string) {
	cols := res.order
	_, hasT := res.sides["tfjs"]
	_, hasG := res.sides["gograd"]
	ratio := hasT && hasG
	row := func(cells ...string) { fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | ")) }
	head := append([]string{"what"}, cols...)
	if ratio {
		head = append(head, "gograd speed / tfjs")
	}
	row(head...)
	row(slices.Repeat([]string{"---"}, len(head))...)
	text := func(f func(*side) string) []string {
		var out []string
		for _, c := range cols {
			out = append(out, f(res.sides[c]))
		}
		if ratio {
			out = append(out, "")
		}
		return out
	}
	row(append([]string{"adapter"}, text(func(s *side) string { return s.adapter })...)...)
	row(append([]string{"runtime"}, text(func(s *side) string { return s.runtime })...)...)

	var sizes []int
	for _, s := range res.sides {
		for n := range s.gflops {
			if !slices.Contains(sizes, n) {
				sizes = append(sizes, n)
			}
		}
	}
	slices.Sort(sizes)
	for _, n := range sizes {
		cells := []string{fmt.Sprintf("matmul %d GFLOP/s", n)}
		for _, c := range cols {
			cells = append(cells, number(res.sides[c].gflops[n]))
		}
		if ratio {
			cells = append(cells, quotient(res.sides["gograd"].gflops[n], res.sides["tfjs"].gflops[n]))
		}
		row(cells...)
	}
	cells := []string{"MLP train step ms"}
	for _, c := range cols {
		cells = append(cells, number(res.sides[c].mlpMS))
	}
	if ratio {
		cells = append(cells, quotient(res.sides["tfjs"].mlpMS, res.sides["gograd"].mlpMS))
	}
	row(cells...)

	for _, c := range cols {
		s := res.sides[c]
		for _, e := range s.errors {
			fmt.Fprintf(w, "\n%s failed: %s\n", c, e)
		}
		if len(s.errors) > 0 || !s.done {
			failed = append(failed, c)
		}
	}
	return failed
}

// number formats a result with three significant digits, or as a whole
// number from 100 up; 0 is missing.
func number(x float64) string {
	switch {
	case x == 0:
		return "–"
	case x >= 100:
		return fmt.Sprintf("%.0f", x)
	}
	return fmt.Sprintf("%.3g", x)
}

// quotient is a/b, or a dash when either is missing.
func quotient(a, b float64) string {
	if a == 0 || b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", a/b)
}
