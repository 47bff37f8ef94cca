package citecheck

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/citecheck/citecheck/sources"
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
		src    sources.Source
		want   bool
	}{
		{"Smith", sources.Source{Authors: []string{"Jane Smith"}}, true},
		{"Smith", sources.Source{Authors: []string{"Smith, J."}}, true},
		{"Müller", sources.Source{Authors: []string{"Anna Muller"}}, true},
		{"Smith", sources.Source{Authors: []string{"Bob Jones", "Jane Smith"}}, true},
		{"Reuters", sources.Source{Authors: []string{"Bob Jones"}, Publisher: "Reuters"}, true},
		{"Brown", sources.Source{Authors: []string{"Robert Jones"}}, false},
		{"van der Berg", sources.Source{Authors: []string{"Kees van der Berg"}}, true},
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

func TestNormalURL(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"HTTPS://Example.ORG/Path?q=1#frag", "https://example.org/Path?q=1", true},
		{" http://example.org/a ", "http://example.org/a", true},
		{"mailto:x@example.org", "", false},
		{"/relative", "", false},
		{"ftp://example.org/x", "", false},
	}
	for _, tt := range tests {
		got, ok := normalURL(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}
