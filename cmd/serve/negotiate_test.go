package main

import (
	"slices"
	"testing"
)

func TestNegotiate(t *testing.T) {
	tests := []struct {
		header string
		want   []string
	}{
		{"", nil},
		{"identity", nil},
		{"gzip", []string{"gzip"}},
		{"gzip, deflate, br, zstd", []string{"br", "gzip"}},
		{"GZIP, Br", []string{"br", "gzip"}},
		{"x-gzip", []string{"gzip"}},
		{"gzip;q=1.0, br;q=0.1", []string{"br", "gzip"}},
		{"br;q=0, gzip", []string{"gzip"}},
		{"br; q=0.000", nil},
		{"*", []string{"br", "gzip"}},
		{"*;q=0", nil},
		{"gzip;q=0, *", []string{"br"}},
		{"br;q=abc", nil},
		{"br;q=2", nil},
		{" , ,gzip", []string{"gzip"}},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range negotiate(tt.header) {
			got = append(got, e.name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("negotiate(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}
