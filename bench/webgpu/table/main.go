// Command table turns the WebGPU benchmark's JSON lines into a Markdown
// table, one column per tool and, with both sides present, gograd's speed
// relative to TF.js:
//
//	bench/webgpu/run.sh | go run ./bench/webgpu/table
//
// It exits with status 1 when a side reported an error or never printed
// its "done" line, so a broken run cannot pass for a result.
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	res, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "table:", err)
		os.Exit(1)
	}
	if len(res.order) == 0 {
		fmt.Fprintln(os.Stderr, "table: no result lines on stdin")
		os.Exit(1)
	}
	if failed := res.markdown(os.Stdout); len(failed) > 0 {
		fmt.Fprintln(os.Stderr, "table: incomplete results from", strings.Join(failed, ", "))
		os.Exit(1)
	}
}
