package citecheck

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/citecheck/citecheck/sources/resolve"
)

func TestTitleOverlap(t *testing.T) {
	tests := []struct {
		a, b string
		ok   bool
	}{
		{"Sleep and memory consolidation in adolescents", "Sleep and Memory Consolidation in Adolescents | Journal of Sleep", true},
		{"Harbour traffic after the trade war", "The economic effects of steel tariffs on small ports", false},
		{"Éléments de géométrie", "Elements de geometrie", true},
		{"The effects of X", "The", true}, // nothing to compare
		{"Climate change and coral reefs", "Coral reefs under climate change: a review", true},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.ok, titleOverlap(tt.a, tt.b) >= titleOverlapMin, "%q vs %q", tt.a, tt.b)
	}
}

func TestAuthorKnown(t *testing.T) {
	tests := []struct {
		family string
		src    resolve.Source
		want   bool
	}{
		{"Smith", resolve.Source{Authors: []string{"Jane Smith"}}, true},
		{"Smith", resolve.Source{Authors: []string{"Smith, J."}}, true},
		{"Müller", resolve.Source{Authors: []string{"Anna Muller"}}, true},
		{"Smith", resolve.Source{Authors: []string{"Bob Jones", "Jane Smith"}}, true},
		{"Reuters", resolve.Source{Authors: []string{"Bob Jones"}, Publisher: "Reuters"}, true},
		{"Brown", resolve.Source{Authors: []string{"Robert Jones"}}, false},
		{"van der Berg", resolve.Source{Authors: []string{"Kees van der Berg"}}, true},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, authorKnown(tt.family, &tt.src), tt.family)
	}
}

func TestLeadingYear(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{{"2019", 2019, true}, {"2019a", 2019, true}, {"2024-03-01T10:00:00Z", 2024, true}, {"n.d.", 0, false}, {"", 0, false}}
	for _, tt := range tests {
		got, ok := leadingYear(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}
