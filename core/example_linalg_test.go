package core_test

import (
	"fmt"

	"github.com/gograd/gograd/core"
)

// torch.mm: a 2×3 matrix times a 3×3 matrix is 2×3. Entry (i, j) is row i of
// a dotted with column j of b.
func ExampleTensor_MM() {
	a := core.FromSlice([]float32{1, 2, 3, 4, 5, 6}, 2, 3)
	b := core.Arange(0, 9, 1).Reshape(3, 3)
	c := a.MM(b)
	fmt.Println(c.Shape())
	fmt.Println(c)
	// Output:
	// [2 3]
	// tensor([[24.0000, 30.0000, 36.0000],
	//         [51.0000, 66.0000, 81.0000]])
}

// torch.bmm: a batch of 2 matrices 2×3 times a batch of 2 matrices 3×1
// multiplies them pairwise into a batch of 2 matrices 2×1.
func ExampleTensor_BMM() {
	a := core.Arange(0, 12, 1).Reshape(2, 2, 3)
	b := core.Ones(2, 3, 1)
	c := a.BMM(b)
	fmt.Println(a.Shape(), "bmm", b.Shape(), "->", c.Shape())
	fmt.Println(c)
	// Output:
	// [2 2 3] bmm [2 3 1] -> [2 2 1]
	// tensor([[[ 3.0000],
	//          [12.0000]],
	//
	//         [[21.0000],
	//          [30.0000]]])
}

// Elementwise multiplication (torch.mul, a * b) pairs up equal positions;
// a row broadcasts over every row of the matrix.
func ExampleTensor_Mul() {
	a := core.FromSlice([]float32{1, 2, 3, 4}, 2, 2)
	fmt.Println(a.Mul(a))
	fmt.Println(a.Mul(core.FromSlice([]float32{10, 100}, 2)))
	// Output:
	// tensor([[ 1.0000,  4.0000],
	//         [ 9.0000, 16.0000]])
	// tensor([[ 10.0000, 200.0000],
	//         [ 30.0000, 400.0000]])
}

// torch.matmul's shape rules: vectors give a dot product or drop their
// stand-in dimension, and leading batch dimensions broadcast.
func ExampleTensor_MatMul() {
	shapes := [][2][]int{
		{{3}, {3}},
		{{2, 3}, {3}},
		{{3}, {3, 4}},
		{{2, 3}, {3, 4}},
		{{10, 2, 3}, {3, 4}},
		{{10, 2, 3}, {10, 3, 4}},
		{{10, 1, 2, 3}, {5, 3, 4}},
	}
	for _, s := range shapes {
		out := core.Ones(s[0]...).MatMul(core.Ones(s[1]...))
		fmt.Println(s[0], "@", s[1], "->", out.Shape())
	}
	// Output:
	// [3] @ [3] -> []
	// [2 3] @ [3] -> [2]
	// [3] @ [3 4] -> [4]
	// [2 3] @ [3 4] -> [2 4]
	// [10 2 3] @ [3 4] -> [10 2 4]
	// [10 2 3] @ [10 3 4] -> [10 2 4]
	// [10 1 2 3] @ [5 3 4] -> [10 5 2 4]
}
