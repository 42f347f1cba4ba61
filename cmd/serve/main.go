package main

import (
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1", "address to listen on")
	port := flag.Int("port", 8080, "port to listen on (0 picks a free one)")
	export := flag.String("export", "", "write the static site to `DIR` and exit")
	static := flag.String("static", "", "static files `DIR` (default: static/ in the module root)")
	dataDir := flag.String("data", "", "MNIST `DIR` for /api/sample (default: $GOGRAD_DATA, else the user cache dir)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("serve: ")
	if err := run(*addr, *port, *export, *static, *dataDir); err != nil {
		log.Fatal(err)
	}
}

// run prepares the static dir, then exports it or serves it with the
// sample API reading MNIST from dataDir.
func run(addr string, port int, export, static, dataDir string) error {
	root, err := moduleRoot()
	if err != nil && static == "" {
		return fmt.Errorf("%w (run inside the gograd module, or pass -static)", err)
	}
	if static == "" {
		static = filepath.Join(root, "static")
	}
	if root != "" {
		if err := prepare(root, static, log.Printf); err != nil {
			return err
		}
	} else {
		log.Printf("no Go module found: serving %s as it is", static)
	}
	if export != "" {
		if err := exportSite(static, export); err != nil {
			return err
		}
		log.Printf("exported %s to %s", static, export)
		return nil
	}
	fsrv, err := newFileServer(static)
	if err != nil {
		return err
	}
	samples := newSampleServer(dataDir)
	if samples.dirErr != nil {
		log.Printf("no MNIST directory for /api/sample: %v", samples.dirErr)
	} else {
		log.Printf("MNIST test digits for /api/sample come from %s (read on first use)", samples.dir)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(addr, strconv.Itoa(port)))
	if err != nil {
		return err
	}
	// The tests read this line to learn the port when -port is 0.
	log.Printf("serving %s on http://%s/", static, ln.Addr())
	srv := &http.Server{Handler: newMux(fsrv, samples), ReadHeaderTimeout: 10 * time.Second}
	return srv.Serve(ln)
}

// newMux routes /api/sample to samples, other /api/ paths to a JSON 404,
// and everything else to the static files.
func newMux(files, samples http.Handler) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("/api/sample", samples)
	mux.HandleFunc("/api/", apiNotFound)
	mux.Handle("/", files)
	return mux
}

// prepare builds stale wasm, refreshes wasm_exec.js and precompresses.
func prepare(root, static string, logf func(string, ...any)) error {
	if err := buildWasm(root, static, logf); err != nil {
		return err
	}
	goroot, err := goEnv("GOROOT")
	if err != nil {
		return err
	}
	if err := copyWasmExec(goroot, static); err != nil {
		return err
	}
	return precompress(static, logf)
}

// moduleRoot returns the directory of the enclosing go.mod.
func moduleRoot() (string, error) {
	gomod, err := goEnv("GOMOD")
	if err != nil {
		return "", err
	}
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("no go.mod in this directory or above")
	}
	return filepath.Dir(gomod), nil
}
