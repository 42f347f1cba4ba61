package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// maxDownload bounds one download; the largest file of the supported sets
// is 26 MB.
const maxDownload = 128 << 20

// defaultClient gives up on a stalled mirror instead of hanging forever.
var defaultClient = &http.Client{Timeout: 10 * time.Minute}

// fetch downloads f's .gz file into dir from the first mirror that serves
// a file passing f's checks, and returns its IDX bytes. Each attempt writes
// a temporary file in dir and renames it to its final name only after the
// checks passed, so a failed attempt leaves nothing behind and a reader
// never sees a half-written file.
func fetch(ctx context.Context, client *http.Client, mirrors []string, dir string, f File) ([]byte, error) {
	if len(mirrors) == 0 {
		return nil, fmt.Errorf("data: %s.gz is missing from %s and no mirrors are configured", f.Name, dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("data: %w", err)
	}
	var errs []error
	for _, base := range mirrors {
		url := strings.TrimSuffix(base, "/") + "/" + f.Name + ".gz"
		raw, err := fetchOne(ctx, client, url, dir, f)
		if err == nil {
			return raw, nil
		}
		errs = append(errs, err)
	}
	return nil, fmt.Errorf("data: could not download %s.gz into %s: %w", f.Name, dir, errors.Join(errs...))
}

func fetchOne(ctx context.Context, client *http.Client, url, dir string, f File) (raw []byte, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", url, err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err // already names the URL
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	final := filepath.Join(dir, f.Name+".gz")
	tmp, err := os.CreateTemp(dir, "."+f.Name+".gz.*.part")
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	n, err := io.Copy(tmp, io.LimitReader(resp.Body, maxDownload+1))
	if err != nil {
		return nil, fmt.Errorf("GET %s: after %d bytes: %w", url, n, err)
	}
	if n > maxDownload {
		return nil, fmt.Errorf("GET %s: more than %d bytes", url, maxDownload)
	}
	if err = tmp.Sync(); err != nil {
		return nil, err
	}
	if err = tmp.Close(); err != nil {
		return nil, err
	}
	b, err := os.ReadFile(tmp.Name())
	if err != nil {
		return nil, err
	}
	if raw, err = decode(f, url, b); err != nil {
		return nil, err
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return nil, err
	}
	if err = os.Rename(tmp.Name(), final); err != nil {
		return nil, err
	}
	return raw, nil
}
