#!/usr/bin/env python3
"""Score a gograd model card in PyTorch, as an outside check of the weights.

    python3 scripts/torch_check.py static/models/mlp ../shared/data/mnist

reads CARD.json and CARD.safetensors, rebuilds the card's layer list with
torch.nn.functional, runs the MNIST test set (the four IDX .gz files in the
data directory) and prints PyTorch's test accuracy beside the card's. It is
not part of the test command: PyTorch is not installed there. On Debian,
`apt-get install python3-torch` provides it (run with /usr/bin/python3).
The safetensors header is parsed here directly, since the format is a JSON
header and raw little-endian arrays and the safetensors package may be absent.
"""
import gzip
import json
import struct
import sys

import numpy as np
import torch
import torch.nn.functional as F

MNIST_MEAN, MNIST_STD = 0.1307, 0.3081


def read_safetensors(path):
    raw = open(path, "rb").read()
    size = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + size])
    body = raw[8 + size:]
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] != "F32":
            sys.exit(f"{path}: tensor {name} has dtype {info['dtype']}, expected F32")
        start, end = info["data_offsets"]
        data = torch.frombuffer(bytearray(body[start:end]), dtype=torch.float32)
        tensors[name] = data.reshape(info["shape"])
    return tensors


def read_idx(path):
    raw = gzip.open(path).read()
    magic = struct.unpack(">I", raw[:4])[0]
    dims = magic & 0xFF
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * dims)


def forward(spec, weights, x):
    h = x if len(spec["input"]) == 3 else x.reshape(x.shape[0], -1)
    for i, layer in enumerate(spec["layers"]):
        kind = layer["type"]
        w, b = weights.get(f"{i}.weight"), weights.get(f"{i}.bias")
        if kind == "linear":
            h = F.linear(h, w, b)
        elif kind == "conv2d":
            h = F.conv2d(h, w, b, stride=layer.get("stride") or 1, padding=layer.get("padding", 0))
        elif kind in ("batchnorm1d", "batchnorm2d"):
            h = F.batch_norm(h, weights[f"{i}.running_mean"], weights[f"{i}.running_var"], w, b,
                             training=False, eps=1e-5)
        elif kind == "relu":
            h = F.relu(h)
        elif kind == "sigmoid":
            h = torch.sigmoid(h)
        elif kind == "tanh":
            h = torch.tanh(h)
        elif kind == "flatten":
            h = h.reshape(h.shape[0], -1)
        elif kind == "maxpool2d":
            k = layer["kernel"]
            h = F.max_pool2d(h, k, layer.get("stride") or k, layer.get("padding", 0))
        elif kind in ("dropout", "dropout2d", "softmax", "log_softmax", "identity"):
            pass  # inactive at evaluation, or monotone: the argmax is unchanged
        else:
            sys.exit(f"layer {i}: this checker does not know layer type {kind!r}")
    return h


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: torch_check.py CARD_PATH_WITHOUT_EXTENSION MNIST_DIR")
    card_path, data = sys.argv[1], sys.argv[2]
    card = json.load(open(card_path + ".json"))
    weights = read_safetensors(card_path + ".safetensors")
    images = read_idx(f"{data}/t10k-images-idx3-ubyte.gz").reshape(-1, 1, 28, 28)
    labels = torch.tensor(read_idx(f"{data}/t10k-labels-idx1-ubyte.gz").astype(np.int64))
    x = torch.tensor(images, dtype=torch.float32) / 255
    if card["training"]["data"].get("normalize"):
        x = (x - MNIST_MEAN) / MNIST_STD
    with torch.no_grad():
        logits = forward(card["spec"], weights, x)
    accuracy = (logits.argmax(1) == labels).float().mean().item()
    print(json.dumps({"card": card_path, "torch": torch.__version__,
                      "torch_test_accuracy": round(accuracy, 6),
                      "card_test_accuracy": card.get("test_accuracy")}))


if __name__ == "__main__":
    main()
