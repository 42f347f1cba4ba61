//go:build !amd64 || purego

package cpu

// fastTile is nil: without an assembly kernel every element type uses the
// generic tile.
var fastTile any

// float32Tiles lists the assembly tiles: none here.
func float32Tiles() []tile[float32] { return nil }
