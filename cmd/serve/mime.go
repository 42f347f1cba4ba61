package main

import (
	"mime"
	"path"
	"strings"
)

// mimeTypes pins the types the playground depends on, independent of the
// host's /etc/mime.types: browsers only stream-compile wasm served as
// application/wasm, and module scripts need a JavaScript type.
var mimeTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".wasm":        "application/wasm",
	".json":        "application/json",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".txt":         "text/plain; charset=utf-8",
	".safetensors": "application/octet-stream",
}

// contentType returns the MIME type for a file name, falling back to the
// standard library's table and then to application/octet-stream.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := mimeTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}
