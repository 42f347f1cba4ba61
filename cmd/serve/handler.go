package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// fileServer serves a static directory with precompressed variants, ETags and
// explicit MIME types. It never lists directories or serves dotfiles.
type fileServer struct {
	root *os.Root

	mu    sync.Mutex
	etags map[string]etagEntry // by file name in root
}

// etagEntry remembers a file's hash while its size and time are unchanged,
// so a request does not reread a 15 MB wasm.
type etagEntry struct {
	size int64
	mod  time.Time
	tag  string
}

// newFileServer serves the files under dir.
func newFileServer(dir string) (*fileServer, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &fileServer{root: root, etags: map[string]etagEntry{}}, nil
}

func (s *fileServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := s.resolve(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	base, err := s.root.Stat(name)
	if err != nil || !base.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", contentType(name))
	h.Set("Cache-Control", "no-cache")
	h.Add("Vary", "Accept-Encoding")
	// The loader shows download progress against the decoded size, which
	// Content-Length does not give when the body is compressed.
	h.Set("X-Decoded-Length", strconv.FormatInt(base.Size(), 10))

	served := name
	for _, enc := range negotiate(r.Header.Get("Accept-Encoding")) {
		fi, err := s.root.Stat(name + enc.suffix)
		// A variant older than its source is stale: skip it rather than
		// serve yesterday's page.
		if err == nil && fi.Mode().IsRegular() && !fi.ModTime().Before(base.ModTime()) {
			served = name + enc.suffix
			h.Set("Content-Encoding", enc.name)
			break
		}
	}
	f, err := s.root.Open(served)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		http.Error(w, "cannot read "+name, http.StatusInternalServerError)
		return
	}
	tag, err := s.etag(served, fi, f)
	if err != nil {
		http.Error(w, "cannot read "+name, http.StatusInternalServerError)
		return
	}
	h.Set("ETag", tag)
	// ServeContent answers If-None-Match with 304, handles HEAD and ranges,
	// and keeps the headers set above.
	http.ServeContent(w, r, "", base.ModTime(), f)
}

// resolve maps a URL path to a file name in the root: "/" and directories
// mean their index.html, and no path element may start with a dot.
func (s *fileServer) resolve(urlPath string) (string, bool) {
	p := path.Clean("/" + urlPath)
	for _, elem := range strings.Split(p, "/") {
		if strings.HasPrefix(elem, ".") {
			return "", false
		}
	}
	name := strings.TrimPrefix(p, "/")
	if name == "" {
		return "index.html", true
	}
	if fi, err := s.root.Stat(name); err == nil && fi.IsDir() {
		name = path.Join(name, "index.html")
	}
	return name, true
}

// etag returns the quoted SHA-256 prefix of the file's content. Each encoded
// variant has its own bytes and so its own tag, as HTTP requires.
func (s *fileServer) etag(name string, fi fs.FileInfo, f io.ReadSeeker) (string, error) {
	s.mu.Lock()
	e, ok := s.etags[name]
	s.mu.Unlock()
	if ok && e.size == fi.Size() && e.mod.Equal(fi.ModTime()) {
		return e.tag, nil
	}
	hash := sha256.New()
	if _, err := io.Copy(hash, f); err != nil {
		return "", err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	tag := `"` + hex.EncodeToString(hash.Sum(nil)[:16]) + `"`
	s.mu.Lock()
	s.etags[name] = etagEntry{size: fi.Size(), mod: fi.ModTime(), tag: tag}
	s.mu.Unlock()
	return tag, nil
}
