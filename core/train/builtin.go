package train

import (
	"fmt"
	"slices"

	"github.com/gograd/gograd/core/nn"
)

// The built-in recipes, by name. Each is a function so every caller gets
// its own copy to edit.
var builtins = map[string]func() Recipe{
	"xor":            xorRecipe,
	"mlp":            mlpRecipe,
	"baseline":       baselineRecipe,
	"baseline_relu":  func() Recipe { return baselineLadder(1) },
	"baseline_bn":    func() Recipe { return baselineLadder(2) },
	"baseline_adam":  func() Recipe { return baselineLadder(3) },
	"baseline_init":  baselineXavierRecipe,
	"cnn":            cnnRecipe,
	"regression_sgd": func() Recipe { return regressionRecipe("sgd", OptimizerSpec{Name: "sgd", LR: 0.05}) },
	"regression_momentum": func() Recipe {
		return regressionRecipe("momentum", OptimizerSpec{Name: "momentum", LR: 0.01, Momentum: 0.9})
	},
	"regression_adam": func() Recipe { return regressionRecipe("adam", OptimizerSpec{Name: "adam", LR: 0.01}) },
}

// BuiltinNames lists the built-in recipes in alphabetical order.
func BuiltinNames() []string {
	names := make([]string, 0, len(builtins))
	for n := range builtins {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Builtin returns a copy of the named built-in recipe.
func Builtin(name string) (Recipe, error) {
	f, ok := builtins[name]
	if !ok {
		return Recipe{}, fmt.Errorf("%w: no built-in recipe %q (have %v)", ErrRecipe, name, BuiltinNames())
	}
	return f(), nil
}

// XORSeed is the seed of the xor recipe; TestXORRecipe checks that it
// solves XOR.
const XORSeed = 1

func xorRecipe() Recipe {
	return Recipe{
		Name:        "xor",
		Description: "2-3-1 sigmoid network on the four XOR points, weights from U(0,1), ½·Σ squared error, full-batch SGD",
		Data:        DataSpec{Name: "xor"},
		Model: nn.Spec{Input: []int{2}, Layers: []nn.LayerSpec{
			{Type: "linear", Out: 3}, {Type: "sigmoid"}, {Type: "linear", Out: 1}, {Type: "sigmoid"}}},
		Init:      "uniform",
		Loss:      "mse_half_sum",
		Optimizer: OptimizerSpec{Name: "sgd", LR: 0.1},
		BatchSize: 4, Epochs: 20000, Seed: XORSeed, NoShuffle: true,
	}
}

func mlpRecipe() Recipe {
	return Recipe{
		Name:        "mlp",
		Description: "784-256-10 ReLU network on standardised MNIST, cross-entropy, Adam",
		Data:        DataSpec{Name: "mnist", Normalize: true},
		Model: nn.Spec{Input: []int{784}, Layers: []nn.LayerSpec{
			{Type: "linear", Out: 256}, {Type: "relu"}, {Type: "linear", Out: 10}}},
		Loss:      "cross_entropy",
		Optimizer: OptimizerSpec{Name: "adam", LR: 1e-3},
		BatchSize: 256, Epochs: 5, Seed: 1,
	}
}

// baselineRecipe is the course's first MNIST network, kept deliberately
// naive: sigmoid hidden units, weights from U(0,1), a softmax output scored
// by binary cross-entropy against one-hot targets, plain SGD.
func baselineRecipe() Recipe {
	return Recipe{
		Name:        "baseline",
		Description: "784-50-10 sigmoid network, U(0,1) weights, softmax output with BCE against one-hot targets, SGD 0.01",
		Data:        DataSpec{Name: "mnist"},
		Model: nn.Spec{Input: []int{784}, Layers: []nn.LayerSpec{
			{Type: "linear", Out: 50}, {Type: "sigmoid"}, {Type: "linear", Out: 10}, {Type: "softmax"}}},
		Init:      "uniform",
		Loss:      "bce",
		Optimizer: OptimizerSpec{Name: "sgd", LR: 0.01},
		BatchSize: 100, Epochs: 5, Seed: 1,
	}
}

// BaselineLadder names the baseline and its improvements in the order the
// course adds them; each rung keeps everything of the one before.
var BaselineLadder = []string{"baseline", "baseline_relu", "baseline_bn", "baseline_adam"}

// baselineLadder returns rung n (1..3) of BaselineLadder:
//
//  1. ReLU hidden units, with the initialisation made for them: He
//     (kaiming_normal) for the hidden Linear, Xavier for the output Linear
//     that feeds the softmax. ReLU on U(0,1) weights would keep the
//     baseline's failure (every hidden unit adds up half the image's ink)
//     and make it worse, since nothing bounds the logits any more.
//  2. BatchNorm1d between the hidden Linear and its ReLU.
//  3. Adam (lr 1e-3) for SGD.
func baselineLadder(n int) Recipe {
	r := baselineRecipe()
	r.Name = BaselineLadder[n]
	r.Init = ""
	r.Model.Layers = []nn.LayerSpec{{Type: "linear", Out: 50, Init: "kaiming_normal"}, {Type: "relu"},
		{Type: "linear", Out: 10, Init: "xavier_normal"}, {Type: "softmax"}}
	r.Description = "baseline with ReLU hidden units and He/Xavier init"
	if n >= 2 {
		r.Model.Layers = slices.Insert(r.Model.Layers, 1, nn.LayerSpec{Type: "batchnorm1d"})
		r.Description += ", BatchNorm1d before the ReLU"
	}
	if n >= 3 {
		r.Optimizer = OptimizerSpec{Name: "adam", LR: 1e-3}
		r.Description += ", Adam 1e-3 instead of SGD"
	}
	return r
}

// baselineXavierRecipe changes only the baseline's initialisation, to the
// Xavier init that suits sigmoid units, to show how much of the first
// rung's gain the initialisation alone brings.
func baselineXavierRecipe() Recipe {
	r := baselineRecipe()
	r.Name = "baseline_init"
	r.Init = "xavier_normal"
	r.Description = "baseline with Xavier init instead of U(0,1), still sigmoid units"
	return r
}

// cnnRecipe is the course's MNIST CNN: two blocks of conv(32, 3×3, pad
// 1)-BatchNorm-ReLU-maxpool(2)-dropout(0.25), then 1568-128-10 with
// dropout(0.5), cross-entropy and Adam, over 3 epochs with a 1cycle
// learning-rate schedule.
func cnnRecipe() Recipe {
	block := func() []nn.LayerSpec {
		return []nn.LayerSpec{{Type: "conv2d", Out: 32, Kernel: 3, Padding: 1}, {Type: "batchnorm2d"}, {Type: "relu"},
			{Type: "maxpool2d", Kernel: 2}, {Type: "dropout", P: 0.25}}
	}
	layers := append(block(), block()...)
	layers = append(layers, nn.LayerSpec{Type: "flatten"}, nn.LayerSpec{Type: "linear", Out: 128}, nn.LayerSpec{Type: "relu"},
		nn.LayerSpec{Type: "dropout", P: 0.5}, nn.LayerSpec{Type: "linear", Out: 10})
	return Recipe{
		Name:        "cnn",
		Description: "two conv(32)-BN-ReLU-maxpool-dropout blocks, then 1568-128-10 with dropout, cross-entropy, Adam with a 1cycle schedule",
		Data:        DataSpec{Name: "mnist", Normalize: true},
		Model:       nn.Spec{Input: []int{1, 28, 28}, Layers: layers},
		Loss:        "cross_entropy",
		Optimizer:   OptimizerSpec{Name: "adam", LR: 3e-3},
		Scheduler:   &SchedulerSpec{Name: "onecycle"},
		BatchSize:   128, Epochs: 3, Seed: 1,
	}
}

// regressionRecipe fits sin 2πx plus noise with a 1-16-16-1 tanh network;
// the three regression recipes differ only in the optimizer.
func regressionRecipe(name string, opt OptimizerSpec) Recipe {
	return Recipe{
		Name:        "regression_" + name,
		Description: "1-16-16-1 tanh network fitting sin 2πx + noise, MSE, " + opt.Name,
		Data:        DataSpec{Name: "polynomial"},
		Model: nn.Spec{Input: []int{1}, Layers: []nn.LayerSpec{
			{Type: "linear", Out: 16}, {Type: "tanh"}, {Type: "linear", Out: 16}, {Type: "tanh"}, {Type: "linear", Out: 1}}},
		Loss:      "mse",
		Optimizer: opt,
		BatchSize: 10, Epochs: 300, Seed: 1,
	}
}
