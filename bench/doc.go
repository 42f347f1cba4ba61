// Package bench compares gograd's CPU matrix product with gonum's blas32
// Sgemm on the shapes an MNIST MLP uses, and turns the `go test -bench`
// output into the comparison table of bench/README.md.
//
// The benchmarks themselves live in core/cpu (BenchmarkMatMul), so the same
// `go test` run times both libraries, natively and under WebAssembly.
package bench
