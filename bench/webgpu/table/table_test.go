package main

import (
	"strings"
	"testing"
)

const bothSides = `Compiling...
{"tool":"tfjs","what":"adapter","description":"llvmpipe","runtime":"Deno/2.9.6"}
{"tool":"tfjs","what":"matmul","n":512,"ms":250,"gflops":1.07,"runs":5}
{"tool":"tfjs","what":"matmul","n":256,"ms":40,"gflops":0.8,"runs":5}
{"tool":"tfjs","what":"mlp_step","ms":400,"batch":256}
{"tool":"tfjs","what":"done"}
{"tool":"gograd","what":"adapter","description":"llvmpipe","runtime":"Deno/2.9.6"}
{"tool":"gograd","what":"matmul","n":256,"ms":20,"gflops":1.6,"runs":5}
{"tool":"gograd","what":"mlp_step","ms":800}
{"tool":"gograd","what":"done"}
`

func TestMarkdownBothSides(t *testing.T) {
	res, err := parse(strings.NewReader(bothSides))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if failed := res.markdown(&b); len(failed) > 0 {
		t.Fatalf("failed = %v, want none", failed)
	}
	want := `| what | tfjs | gograd | gograd speed / tfjs |
| --- | --- | --- | --- |
| adapter | llvmpipe | llvmpipe |  |
| runtime | Deno/2.9.6 | Deno/2.9.6 |  |
| matmul 256 GFLOP/s | 0.8 | 1.6 | 2.00× |
| matmul 512 GFLOP/s | 1.07 | – | – |
| MLP train step ms | 400 | 800 | 0.50× |
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestMarkdownReportsFailures(t *testing.T) {
	in := `{"tool":"tfjs","what":"matmul","n":256,"gflops":0.8}
{"tool":"tfjs","what":"done"}
{"tool":"gograd","what":"error","error":"panic: no adapter"}
{"tool":"other","what":"matmul","n":256,"gflops":1}
`
	res, err := parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	failed := res.markdown(&b)
	if strings.Join(failed, ",") != "gograd,other" {
		t.Errorf("failed = %v, want [gograd other] (an error, and no done line)", failed)
	}
	if !strings.Contains(b.String(), "gograd failed: panic: no adapter") {
		t.Errorf("error not shown:\n%s", b.String())
	}
}

func TestSingleSideHasNoRatio(t *testing.T) {
	res, err := parse(strings.NewReader(`{"tool":"tfjs","what":"mlp_step","ms":2712.25}`))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	res.markdown(&b)
	if strings.Contains(b.String(), "speed") || !strings.Contains(b.String(), "| MLP train step ms | 2712 |") {
		t.Errorf("got\n%s", b.String())
	}
}
