package data

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
)

// maxIDXBytes bounds the decompressed size of one file, so a corrupt or
// hostile .gz cannot exhaust memory (the largest real file is 47 MB).
const maxIDXBytes = 256 << 20

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// decode checks the bytes b of the file at path against f's sums and
// returns the IDX bytes, decompressed when path ends in ".gz".
//
// A .gz file passes when it is the published file (GzSHA256) or when its
// content matches SHA256, which also accepts copies compressed anew.
func decode(f File, path string, b []byte) ([]byte, error) {
	if !strings.HasSuffix(path, ".gz") {
		if f.SHA256 != "" {
			if got := sum(b); got != f.SHA256 {
				return nil, fmt.Errorf("%s: SHA-256 %s, want %s: the file is corrupt, truncated or not the expected one", path, got, f.SHA256)
			}
		}
		return b, nil
	}
	gzOK := f.GzSHA256 != "" && sum(b) == f.GzSHA256
	raw, err := gunzip(b)
	if gzOK && err == nil {
		return raw, nil
	}
	if f.GzSHA256 != "" && (f.SHA256 == "" || err != nil) {
		msg := fmt.Sprintf("%s: SHA-256 %s, want %s: the file is corrupt, truncated or not the expected one", path, sum(b), f.GzSHA256)
		if err != nil {
			msg += fmt.Sprintf(" (%v)", err)
		}
		return nil, fmt.Errorf("%s", msg)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if f.SHA256 != "" {
		if got := sum(raw); got != f.SHA256 {
			return nil, fmt.Errorf("%s: decompressed content has SHA-256 %s, want %s: the file is corrupt, truncated or not the expected one", path, got, f.SHA256)
		}
	}
	return raw, nil
}

func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("not a gzip file: %w", err)
	}
	raw, err := io.ReadAll(io.LimitReader(zr, maxIDXBytes+1))
	if err != nil {
		return nil, fmt.Errorf("broken gzip data: %w", err)
	}
	if len(raw) > maxIDXBytes {
		return nil, fmt.Errorf("decompresses to more than %d bytes", maxIDXBytes)
	}
	return raw, nil
}
