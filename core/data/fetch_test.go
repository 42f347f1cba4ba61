package data

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// mirror serves the real MNIST files from dir under /good/, with one byte
// changed under /corrupt/, cut in half under /truncated/, cut in half with a
// Content-Length promising the whole file under /cut/, and 404 elsewhere.
func mirror(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		kind, name, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
		b, err := os.ReadFile(filepath.Join(dir, filepath.Base(name)))
		if err != nil || kind == "missing" {
			http.NotFound(w, r)
			return
		}
		switch kind {
		case "good":
		case "corrupt":
			b[len(b)/2] ^= 0x01
		case "truncated":
			b = b[:len(b)/2]
		case "cut":
			w.Header().Set("Content-Length", strconv.Itoa(len(b)))
			b = b[:len(b)/2]
		default:
			http.NotFound(w, r)
			return
		}
		w.Write(b)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestDownload(t *testing.T) {
	srv := mirror(t, mnistDir(t))
	dir := filepath.Join(t.TempDir(), "new", "mnist") // created by the download
	im, err := LoadMNIST(dir, false, ImageOptions{
		Download: true,
		Mirrors:  []string{srv.URL + "/missing/", srv.URL + "/good"},
		Client:   srv.Client(),
	})
	if err != nil {
		t.Fatal(err)
	}
	if im.Len() != 10000 || im.Counts()[0] != 980 {
		t.Errorf("downloaded test set: %d images, %d zeros; want 10000 and 980", im.Len(), im.Counts()[0])
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
		info, _ := e.Info()
		if info.Mode().Perm() != 0o644 {
			t.Errorf("%s has mode %v, want 0644", e.Name(), info.Mode().Perm())
		}
	}
	if strings.Join(names, " ") != "t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz" {
		t.Errorf("download left %v, want exactly the two test files", names)
	}
	// A second load reads the downloaded files and needs no mirror.
	if _, err := LoadMNIST(dir, false, ImageOptions{}); err != nil {
		t.Errorf("reloading the downloaded files: %v", err)
	}
}

func TestDownloadFailuresLeaveNothing(t *testing.T) {
	srv := mirror(t, mnistDir(t))
	for _, tc := range []struct {
		kind string
		want []string // in the error
	}{
		{"corrupt", []string{"SHA-256", "t10k-images-idx3-ubyte.gz", "corrupt"}},
		{"truncated", []string{"SHA-256", "t10k-images-idx3-ubyte.gz", "truncated"}},
		{"cut", []string{"t10k-images-idx3-ubyte.gz", "unexpected EOF"}},
		{"missing", []string{"404", "/missing/t10k-images-idx3-ubyte.gz"}},
	} {
		dir := t.TempDir()
		_, err := LoadMNIST(dir, false, ImageOptions{
			Download: true,
			Mirrors:  []string{srv.URL + "/" + tc.kind + "/"},
			Client:   srv.Client(),
		})
		if err == nil {
			t.Errorf("%s: no error", tc.kind)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not mention %q", tc.kind, err, w)
			}
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%s: a failed download left %v behind", tc.kind, entries)
		}
	}
}

func TestDownloadAllMirrorsNamed(t *testing.T) {
	srv := mirror(t, mnistDir(t))
	_, err := LoadMNIST(t.TempDir(), false, ImageOptions{
		Download: true,
		Mirrors:  []string{srv.URL + "/missing/", srv.URL + "/corrupt/"},
		Client:   srv.Client(),
	})
	if err == nil || !strings.Contains(err.Error(), "/missing/") || !strings.Contains(err.Error(), "/corrupt/") {
		t.Errorf("error %v does not report both mirrors", err)
	}
	_, err = LoadMNIST(t.TempDir(), false, ImageOptions{Download: true, Mirrors: []string{}})
	if err == nil || !strings.Contains(err.Error(), "no mirrors") {
		t.Errorf("no mirrors: error %v", err)
	}
}

func TestDownloadCancelled(t *testing.T) {
	srv := mirror(t, mnistDir(t))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := t.TempDir()
	_, err := LoadMNIST(dir, false, ImageOptions{
		Download: true, Mirrors: []string{srv.URL + "/good/"}, Client: srv.Client(), Context: ctx,
	})
	if err == nil || !strings.Contains(err.Error(), "context canceled") {
		t.Errorf("cancelled download: error %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a cancelled download left %v behind", entries)
	}
}

func TestDefaultMirrors(t *testing.T) {
	for _, s := range []ImageSet{MNIST, FashionMNIST} {
		if len(s.Mirrors) == 0 {
			t.Errorf("%s has no default mirrors", s.Name)
		}
		for _, m := range s.Mirrors {
			if !strings.HasPrefix(m, "http://") && !strings.HasPrefix(m, "https://") {
				t.Errorf("%s mirror %q is not an http(s) URL", s.Name, m)
			}
		}
	}
	if !strings.Contains(MNIST.Mirrors[0], "ossci-datasets") {
		t.Errorf("MNIST's first mirror is %q, want the ossci-datasets copy", MNIST.Mirrors[0])
	}
}
