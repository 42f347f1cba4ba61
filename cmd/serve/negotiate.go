package main

import (
	"strconv"
	"strings"
)

// negotiate returns the encodings, in the server's order of preference, that
// an Accept-Encoding header allows. A coding is allowed when it is listed (or
// covered by "*") with a q-value above zero. Identity is always the fallback
// and is not listed.
func negotiate(header string) []encoding {
	q := map[string]float64{}
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		if name == "x-gzip" {
			name = "gzip"
		}
		q[name] = qValue(params)
	}
	var out []encoding
	for _, e := range encodings {
		v, ok := q[e.name]
		if !ok {
			v, ok = q["*"]
		}
		if ok && v > 0 {
			out = append(out, e)
		}
	}
	return out
}

// qValue reads the q parameter of one Accept-Encoding element; it is 1 when
// absent and 0 when malformed, so a garbled header never selects a coding.
func qValue(params string) float64 {
	for _, p := range strings.Split(params, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || f < 0 || f > 1 {
			return 0
		}
		return f
	}
	return 1
}
