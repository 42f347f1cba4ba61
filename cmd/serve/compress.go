package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/andybalholm/brotli"
)

// encoding is a content coding the server can send, with the suffix of its
// precompressed file and the writer that makes it.
type encoding struct {
	name   string // Content-Encoding value
	suffix string
	writer func(io.Writer) io.WriteCloser
}

// encodings are in the server's order of preference: brotli is smaller.
var encodings = []encoding{
	{name: "br", suffix: ".br", writer: func(w io.Writer) io.WriteCloser {
		return brotli.NewWriterLevel(w, brotliLevel)
	}},
	{name: "gzip", suffix: ".gz", writer: func(w io.Writer) io.WriteCloser {
		zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression) // the level is valid
		return zw
	}},
}

// brotliLevel trades size for start-up time after each rebuild. Measured on
// the 2.7 MB core-only wasm with the pure-Go encoder: level 9 gives 667 KB in
// 0.5 s, level 11 gives 592 KB in 9 s, which grows to about a minute for the
// 15 MB Ebiten wasm.
const brotliLevel = 9

// compressible lists the extensions worth precompressing. Images and weights
// are left out: they are already dense.
var compressible = map[string]bool{
	".wasm": true, ".js": true, ".mjs": true, ".html": true, ".css": true,
	".json": true, ".svg": true, ".txt": true,
}

// precompress writes a .br and a .gz next to each compressible file under dir
// whose copies are missing or older than it. Files are compressed in
// parallel, one goroutine per copy, since the wasm dominates the time.
func precompress(dir string, logf func(string, ...any)) error {
	type job struct {
		src string
		enc encoding
	}
	var jobs []job
	err := walkSite(dir, func(p string, fi fs.FileInfo) error {
		if !compressible[filepath.Ext(p)] {
			return nil
		}
		for _, enc := range encodings {
			if isStale(p+enc.suffix, fi.ModTime()) {
				jobs = append(jobs, job{p, enc})
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() {
			logf("compressing %s%s", j.src, j.enc.suffix)
			errs[i] = compressFile(j.src, j.enc)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// compressFile writes src's compressed copy for enc.
func compressFile(src string, enc encoding) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	w := enc.writer(&buf)
	if _, err := w.Write(data); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return writeFileAtomic(src+enc.suffix, buf.Bytes())
}
