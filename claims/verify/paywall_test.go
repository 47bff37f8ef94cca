package verify

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
			assert.Equal(t, tt.want, Paywall(tt.text))
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

// paywallByBytes is Paywall as it was first written: every letter of a
// word stepped over one at a time.
func paywallByBytes(text string) bool {
	if len(text) > paywallPrefix {
		text = text[:paywallPrefix]
	}
	hits := paywallHitsByBytes(text)
	if hits == 0 {
		return false
	}
	words := fieldStartsByBytes(text)
	return (words < 300 && hits >= 2) || hits*25 >= words
}

// paywallHitsByBytes is paywallHits byte by byte.
func paywallHitsByBytes(text string) int {
	hits := 0
	for i := 0; i < len(text); {
		c := text[i]
		if !isLetter(c) {
			i++
			continue
		}
		if i+1 < len(text) && paywallStart(c, text[i+1]) {
			hits += paywallWordsAt(text[i:])
		}
		for i++; i < len(text) && isLetter(text[i]); i++ {
		}
	}
	return hits
}

// fieldStartsByBytes is fieldStarts byte by byte.
func fieldStartsByBytes(text string) int {
	words := 0
	for i := 0; i < len(text); i++ {
		if text[i] > ' ' && (i == 0 || text[i-1] <= ' ') {
			words++
		}
	}
	return words
}

// TestPaywallCountsRealPages holds paywallHits and fieldStarts to their
// byte-by-byte forms on the real pages, from every offset of their first
// kilobyte (so that words fall everywhere in the eight bytes read at
// once), and on the seeds.
func TestPaywallCountsRealPages(t *testing.T) {
	texts := append(realPageTexts(t), paywallSeeds...)
	for _, text := range texts {
		for off := 0; off < min(len(text), 1024); off++ {
			s := text[off:min(len(text), off+paywallPrefix)]
			require.Equal(t, paywallHitsByBytes(s), paywallHits(s), "%q", s)
			require.Equal(t, fieldStartsByBytes(s), fieldStarts(s), "%q", s)
		}
	}
}

var paywallSeeds = []string{
	"Subscribe to continue reading. Already a subscriber? Sign in.",
	"ab cd Sign in log in", "a Sign in, a log in", "to subscribe or to log in", "abcdefgh sign in abcdefghijklmnop login", "Unsubscribe catalog login-free trial",
	"x\tsign in\nLOG IN\u00a0subscribe", "café Sign In ‘log in’ “subscribe”",
	"abcdefg Subscribe\x7fsign in\x80log in{free trial@Paywall`login[sign-in\x00continue reading\x20\x21x",
	strings.Repeat("Sign in to continue reading, or subscribe. ", 60), strings.Repeat("ab\tcd\nSIGN IN ", 200),
}

func TestPaywallMatchesByBytes(t *testing.T) {
	for _, s := range paywallSeeds {
		assert.Equal(t, paywallByBytes(s), Paywall(s), "%q", s)
	}
}

func FuzzPaywall(f *testing.F) {
	for _, s := range paywallSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Paywall(s), paywallByBytes(s); got != want {
			t.Fatalf("Paywall(%q) = %v, want %v", s, got, want)
		}
	})
}
