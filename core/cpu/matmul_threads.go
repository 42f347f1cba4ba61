//go:build !wasm

package cpu

// threaded lets matrix products fan out across cores.
const threaded = true
