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
