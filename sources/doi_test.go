package sources

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDOI(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"10.1000/xyz123", "10.1000/xyz123"},
		{"  10.1000/XYZ123  ", "10.1000/xyz123"},
		{"doi:10.1038/nature12373", "10.1038/nature12373"},
		{"DOI: 10.1038/nature12373", "10.1038/nature12373"},
		{"doi 10.1038/nature12373", "10.1038/nature12373"},
		{"https://doi.org/10.1038/NATURE12373", "10.1038/nature12373"},
		{"http://dx.doi.org/10.1038/nature12373", "10.1038/nature12373"},
		{"HTTPS://DX.DOI.ORG/10.1038/nature12373", "10.1038/nature12373"},
		{"https://www.doi.org/10.1038/nature12373?utm=x#top", "10.1038/nature12373"},
		{"doi.org/10.1038/nature12373", "10.1038/nature12373"},
		{"info:doi/10.1038/nature12373", "10.1038/nature12373"},
		{"urn:doi:10.1038/nature12373", "10.1038/nature12373"},
		{"https://doi.org/10.1002%2F%28SICI%291097-4571", "10.1002/(sici)1097-4571"},
		{"10.1016/S0140-6736(97)11096-0", "10.1016/s0140-6736(97)11096-0"},
		{"10.1016/S0140-6736(97)11096-0).", "10.1016/s0140-6736(97)11096-0"},
		{"10.1000/xyz.", "10.1000/xyz"},
		{"10.1000/xyz\",", "10.1000/xyz"},
		{"10.1000/xyz;", "10.1000/xyz"},
		{"10.1000/a[1]]", "10.1000/a[1]"},
		{"10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O", "10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-o"},
		{"10.1000.10/abc", "10.1000.10/abc"},
		{"10.12345/Ünïcode", "10.12345/Ünïcode"},
		{"10.1000/100%", "10.1000/100%"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDOI(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseDOIInvalid(t *testing.T) {
	for _, in := range []string{
		"", "doi:", "10.1000", "10.1000/", "11.1000/x", "10.123/x", "10.abcd/x", "10..1000/x",
		"10.1000./x", "10.1000/a b", "10.1000/a\tb", "https://example.org/10.1000/x",
		"10.1000/%2541", "10.1000/\xff", "10.1000/a\x00", "https://doi.org/",
		"10.1234/../../x", "10.1234/./x", "10.1234/a/../b", "10.1234/%2e%2e/admin", "https://doi.org/10.1234/x/../../y",
		"10.1000/" + strings.Repeat("a", maxDOILen), strings.Repeat("1", maxDOIInput+1),
	} {
		t.Run(in, func(t *testing.T) {
			_, err := ParseDOI(in)
			assert.ErrorIs(t, err, ErrInvalidDOI)
		})
	}
}

func FuzzParseDOI(f *testing.F) {
	for _, s := range []string{
		"10.1000/xyz", "doi:10.1038/Nature12373.", "https://doi.org/10.1002%2F%28SICI%29",
		"10.1016/S0140-6736(97)11096-0)", "10.1000/%2541", "10.1000.10/a]", "info:doi/10.1234/x?y",
		"http://dx.doi.org/10.1000/a#b", "10.1000/\u201cq\u201d", "10.1000/100%",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseDOI(s)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalidDOI)
			return
		}
		require.True(t, strings.HasPrefix(got, "10."), got)
		require.Contains(t, got, "/")
		require.True(t, utf8.ValidString(got))
		require.LessOrEqual(t, len(got), maxDOILen)
		require.Equal(t, got, asciiLower(got))
		require.Equal(t, got, trimDOIPunct(got))
		for _, r := range got {
			require.False(t, r <= ' ', "control or space in %q", got)
		}
		again, err := ParseDOI(got)
		require.NoError(t, err, "normal form %q refused", got)
		require.Equal(t, got, again)
	})
}
