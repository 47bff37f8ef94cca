package claims

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The helpers below replaced forms that allocated; each test compares one
// with the form it replaced.

var lowerInputs = []string{"", "Prof", "PROF", "prof", "approx", "Approx", "Approxi", "UNİV", "İ.E", "\u212Aeep", "etc", "No.", "e.g", "Sept", "Straße", "\xff"}

func TestLowerShortMatchesToLower(t *testing.T) {
	for _, w := range lowerInputs {
		checkLowerShort(t, w)
	}
}

func checkLowerShort(t *testing.T, w string) {
	want, got := strings.ToLower(w), string(lowerShort(w, nil))
	if got != want {
		// only a word too long to be any abbreviation may be skipped
		require.Empty(t, got, "lowerShort(%q)", w)
		require.Greater(t, len(want), 6, "lowerShort(%q)", w)
	}
}

func TestCarveKindsMatchesKindsOf(t *testing.T) {
	var buf []Kind
	for sig := uint32(0); sig < 1<<(len(allKinds)+2); sig++ {
		var got []Kind
		got, buf = carveKinds(buf, sig)
		want := kindsOf(sig)
		if want == nil {
			want = []Kind{}
		}
		assert.Equal(t, want, got, "%b", sig)
		assert.Equal(t, len(got), cap(got), "a claim's kinds cannot grow into the next one's")
	}
}

var attributionInputs = []string{
	"According to Reuters, the rate rose.", "She said the rate rose.", "The rate rose, officials said.",
	"A study by the Pew Research Center found that 40% agree.", "Okafor (2019) found a rise.", "Nothing here.",
	"Data from the Bureau of Labor Statistics show growth.", "\"It rose,\" said Jane Smith.",
}

func TestFindAttributionsAnyWithoutCollecting(t *testing.T) {
	for _, s := range attributionInputs {
		checkAttributions(t, s)
	}
}

func checkAttributions(t *testing.T, s string) {
	var buf [64]token
	atts, want := findAttributions(s, tokenize(s, buf[:0]), true, nil)
	none, got := findAttributions(s, tokenize(s, buf[:0]), false, nil)
	var room [2]Attribution
	into, _ := findAttributions(s, tokenize(s, buf[:0]), true, room[:0])
	require.Equal(t, atts, into, "%q: attributions written into given room", s)
	require.Equal(t, want, got, "%q", s)
	require.Nil(t, none)
	if len(atts) > 0 {
		require.True(t, got, "%q names a source but attributes to no one", s)
	}
}

func FuzzPerfHelpers(f *testing.F) {
	for _, s := range append(lowerInputs, attributionInputs...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkLowerShort(t, s)
		checkAttributions(t, s)
	})
}

// FuzzTokenizeWordNorms holds tokenize's lowering of whole ASCII sentences
// to the word-by-word lowering of wordToken.
func FuzzTokenizeWordNorms(f *testing.F) {
	for _, s := range []string{
		"The Bureau of Labor Statistics said 4.5% of U.S. workers (Ma et al., 2020) quit.",
		"ÉLAN and Élan rose; O’Brien’s ‘quote’ and IBM’s CEO",
		"lower case only, nothing to lower",
		"MiXeD CaSe wORDS With-Hyphens and Apostrophes' like don't",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tok := range tokenize(s, nil) {
			if tok.kind != tokWord {
				continue
			}
			want := wordToken(s, tok.start, tok.end)
			if tok.norm != want.norm || tok.upper != want.upper {
				t.Fatalf("%q: token %q: got (%q, %v), want (%q, %v)", s, s[tok.start:tok.end], tok.norm, tok.upper, want.norm, want.upper)
			}
		}
	})
}
