package citecheck

import (
	"slices"
	"strings"
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

func TestPaywallText(t *testing.T) {
	article := strings.Repeat("The council approved the budget after a long debate about the library. ", 40)
	tests := []struct {
		name, text string
		want       bool
	}{
		{"subscribe page", "Subscribe to continue reading. Already a subscriber? Sign in.", true},
		{"login wall", "Log in to your account\nCreate an account\nForgot your password?", true},
		{"article", article, false},
		{"article with a subscribe footer", article + " Subscribe to our newsletter.", false},
		{"phrases inside words", "Unsubscribe. The catalog includes a blog in French; the dialog in English.", false},
		{"phrases after punctuation", "(Subscribe) \"log in\" —sign in", true},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, paywallText(tt.text))
		})
	}
}

// TestPaywallWordsAt holds paywallWordsAt to paywallWords: each phrase,
// in any case, is found once where it begins and nowhere else.
func TestPaywallWordsAt(t *testing.T) {
	for _, w := range paywallWords {
		assert.Equal(t, 1, paywallWordsAt(w+" and more"), w)
		assert.Equal(t, 1, paywallWordsAt(strings.ToUpper(w)), w)
		assert.Equal(t, 0, paywallWordsAt(" "+w), w)
		assert.True(t, paywallStart(w[0], w[1]), w)
		upper := strings.ToUpper(w)
		assert.True(t, paywallStart(upper[0], upper[1]), w)
	}
	lower := func(c byte) byte {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		return c
	}
	for c0 := range 256 {
		for c1 := range 256 {
			if paywallStart(byte(c0), byte(c1)) {
				assert.True(t, slices.ContainsFunc(paywallWords[:], func(w string) bool {
					return w[0] == lower(byte(c0)) && w[1] == lower(byte(c1))
				}), "%q", []byte{byte(c0), byte(c1)})
			}
		}
	}
	assert.Equal(t, 0, paywallWordsAt("logic"))
}
