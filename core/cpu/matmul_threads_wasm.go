package cpu

// threaded is false under WebAssembly: Go runs every goroutine on the one
// browser thread there, so splitting a product would only add overhead.
const threaded = false
