package main

import (
	"fmt"
	"strings"
)

// formatConfusion prints m[truth][pred] as a table with the true class
// down the side and the predicted class across the top.
func formatConfusion(m [][]int) string {
	var b strings.Builder
	b.WriteString("confusion matrix (rows: true class, columns: predicted)\n")
	fmt.Fprintf(&b, "%6s", "")
	for j := range m {
		fmt.Fprintf(&b, "%6d", j)
	}
	b.WriteString("\n")
	for i, row := range m {
		fmt.Fprintf(&b, "%6d", i)
		for _, v := range row {
			fmt.Fprintf(&b, "%6d", v)
		}
		b.WriteString("\n")
	}
	return b.String()
}
