package citations

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNormalizeDOI(t *testing.T) {
	tests := map[string]string{
		"10.1111/JSR.13001.":              "10.1111/jsr.13001",
		"10.1016/S0003-9993(95)80123-5":   "10.1016/s0003-9993(95)80123-5",
		"10.1016/S0003-9993(95)80123-5).": "10.1016/s0003-9993(95)80123-5",
		"no doi here":                     "",
	}
	for in, want := range tests {
		assert.Equal(t, want, normalizeDOI(in), in)
	}
}

func TestDOIFromURLInEntry(t *testing.T) {
	tests := map[string]string{
		"https://doi.org/10.1000/ABC.":           "10.1000/abc",
		"www.doi.org/10.1000/xyz":                "10.1000/xyz", // written without its scheme
		"http://dx.doi.org/10.1002%2F%28SICI%29": "10.1002/(sici)",
		"https://doi.org/10.1/abc":               "10.1/abc", // malformed, kept to be reported
		"https://example.org/10.1000/abc":        "",
	}
	for in, want := range tests {
		assert.Equal(t, want, doiFromURL(in), in)
	}
}
