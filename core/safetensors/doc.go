// Package safetensors reads and writes tensors in the safetensors format,
// the one PyTorch's `safetensors.torch.load_file` reads:
//
//	8 bytes    little-endian length N of the header
//	N bytes    JSON: {"name": {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}, ...,
//	           "__metadata__": {"key": "value"}}
//	the rest   the tensors' bytes, little-endian, at their offsets
//
// The parser treats its input as untrusted: every length and offset is
// checked before use, and errors wrap ErrFormat and say what was wrong.
package safetensors
