package kernel

// UnaryOp names an elementwise function of one argument. A and B are the two
// scalar parameters passed to Backend.Unary; ops that need none ignore them.
type UnaryOp int

const (
	Affine    UnaryOp = iota // x*A + B
	Pow                      // x^A
	Exp                      // e^x
	Log                      // ln x
	Sqrt                     // √x
	Abs                      // |x|
	Sign                     // -1, 0 or 1
	Sigmoid                  // 1 / (1 + e^-x)
	Tanh                     // tanh x
	ReLU                     // max(x, 0)
	LeakyReLU                // x if x > 0 else A*x
	ELU                      // x if x > 0 else A*(e^x - 1)
	Clamp                    // min(max(x, A), B)
	Step                     // 1 if x > A else 0
)

var unaryNames = [...]string{"Affine", "Pow", "Exp", "Log", "Sqrt", "Abs", "Sign", "Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU", "Clamp", "Step"}

func (op UnaryOp) String() string { return unaryNames[op] }

// BinaryOp names an elementwise function of two arguments.
type BinaryOp int

const (
	Add          BinaryOp = iota // x + y
	Sub                          // x - y
	Mul                          // x * y
	Div                          // x / y
	PowT                         // x ^ y
	Maximum                      // max(x, y)
	Minimum                      // min(x, y)
	Greater                      // 1 if x > y else 0
	GreaterEqual                 // 1 if x >= y else 0
	Equal                        // 1 if x == y else 0
)

var binaryNames = [...]string{"Add", "Sub", "Mul", "Div", "Pow", "Maximum", "Minimum", "Greater", "GreaterEqual", "Equal"}

func (op BinaryOp) String() string { return binaryNames[op] }

// ReduceOp names a reduction along one axis.
type ReduceOp int

const (
	Sum    ReduceOp = iota
	Max             // the largest value
	Min             // the smallest value
	ArgMax          // the index of the first largest value
	ArgMin          // the index of the first smallest value
)

var reduceNames = [...]string{"Sum", "Max", "Min", "ArgMax", "ArgMin"}

func (op ReduceOp) String() string { return reduceNames[op] }
