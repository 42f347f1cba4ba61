// Command benchtable turns `go test -bench BenchmarkMatMul` output on stdin
// into the Markdown comparison table of bench/README.md:
//
//	go test -run '^$' -bench BenchmarkMatMul -count 5 ./core/cpu/ | go run ./bench/cmd/benchtable
package main

import (
	"fmt"
	"os"

	"github.com/gograd/gograd/bench"
)

func main() {
	table, err := bench.Table(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Print(table)
}
