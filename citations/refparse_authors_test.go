package citations

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSplitNames(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Ma, X., Smith, J., & Lee, K.", []string{"Ma", "Smith", "Lee"}},
		{"Ma X, Smith J, Lee K.", []string{"Ma", "Smith", "Lee"}},
		{"Smith, John, and Jane Doe.", []string{"Smith", "Doe"}},
		{"J. Smith, K. Lee, and M. Chen,", []string{"Smith", "Lee", "Chen"}},
		{"van der Berg, A.", []string{"van der Berg"}},
		{"Lee, L. L., W. E. Howard, and R. E. Marsh.", []string{"Lee", "Howard", "Marsh"}},
		{"Burton, Robert P. and Sutherland, Ivan E.", []string{"Burton", "Sutherland"}},
		{"Ludwig van Beethoven", []string{"van Beethoven"}},
		{"Müller, H., et al.", []string{"Müller"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, splitNames(tt.in), tt.in)
	}
}

func TestRepeatedAuthorsEnd(t *testing.T) {
	tests := map[string]int{
		"———. Title":  len("———"),
		"---. Title":  3,
		"______, Ti":  6,
		"- Title":     0,
		"Smith, J.":   0,
		"–Ignatius":   0,
		"——— (2005).": len("———"),
	}
	for in, want := range tests {
		assert.Equal(t, want, repeatedAuthorsEnd(in), in)
	}
}

func TestCamelName(t *testing.T) {
	for w, want := range map[string]bool{"vanEngelsdorp": true, "deGrasse": true, "iPhone": false, "van": false, "eBay": false, "smith": false, "McDonald": false} {
		assert.Equal(t, want, camelName(w), w)
	}
}
