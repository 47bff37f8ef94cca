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
	"There are 1,500 speakers, estimates Fairbanks linguist Michael Krauss.", "The Wall Street Journal this week reported that sales fell.",
	"Obama pledged support and said that the area needed a plan.", "His brother, Karl Stefanovic, revealed he was leaving.",
	"Judge Meyer's father announced earlier this year that he will retire.", "He estimates that costs fell 70 percent.",
	"According to Reuters, the rate rose.", "She said the rate rose.", "The rate rose, officials said.", "The rate rose (source: Freddie Mac).",
	"A study by the Pew Research Center found that 40% agree.", "Okafor (2019) found a rise.", "Nothing here.",
	"Data from the Bureau of Labor Statistics show growth.", "\"It rose,\" said Jane Smith.",
	"Prices rose 5 %, prévoit la Banque de France.", "Nach Angaben des Statistischen Bundesamtes stiegen die Preise.",
	"The study, published in The Lancet, found a rise.", "Costs rose, a Gallup poll released Tuesday found.",
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

// stemBySuffixList is stem as it was written first: each suffix tried in
// order.
func stemBySuffixList(w string) string {
	if len(w) < 5 {
		return w
	}
	for _, suf := range [...]string{"ings", "ing", "edly", "ed", "ies", "es", "s", "ly"} {
		if len(w)-len(suf) >= 3 && w[len(w)-len(suf):] == suf {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

func TestStemMatchesSuffixList(t *testing.T) {
	words := []string{"", "s", "cuts", "cutting", "cuttings", "sings", "rings", "things", "kings", "studies", "dies", "flies",
		"boxes", "axes", "glass", "bus", "buses", "reportedly", "edly", "mostly", "belly", "fly", "reported", "shed", "bed",
		"speed", "ring", "sing", "doing", "going", "ingly", "seedly", "hopedly", "really", "ly", "sly", "ssss", "yes", "eyes"}
	for _, w := range words {
		assert.Equal(t, stemBySuffixList(w), stem(w), "stem(%q)", w)
	}
}

func FuzzStem(f *testing.F) {
	for _, w := range []string{"cuttings", "studies", "reportedly", "belly", "speed"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := stem(w), stemBySuffixList(w); got != want {
			t.Fatalf("stem(%q) = %q, want %q", w, got, want)
		}
	})
}

// wordNgramsWideByString is wordNgramsWide as it was written first: each
// n-gram hashed from its first byte.
func wordNgramsWideByString(toks []token, groups uint32, dst []uint32) []uint32 {
	prev, prev2 := "<s>", ""
	skeleton := groups&groupSkeleton != 0
	c2, c1 := uint64(classStart), uint64(classStart)
	for i := range toks {
		cur := toks[i].norm
		h := fnvString(fnvByte(fnvOffset, 'u'), cur)
		dst = append(dst, h&(numBuckets-1))
		if skeleton {
			c := wordClass(&toks[i], h)
			dst = append(dst, skeletonBucket(c2, c1, c))
			c2, c1 = c1, c
		}
		if st := stemBySuffixList(cur); len(st) < len(cur) {
			dst = append(dst, fnvString(fnvByte(fnvOffset, 's'), st)&(numBuckets-1))
		}
		h = fnvString(fnvByte(fnvString(fnvByte(fnvOffset, 'b'), prev), ' '), cur)
		dst = append(dst, h&(numBuckets-1))
		if groups&groupWordTrigrams != 0 && prev2 != "" {
			h = fnvString(fnvByte(fnvString(fnvByte(fnvString(fnvByte(fnvOffset, 't'), prev2), ' '), prev), ' '), cur)
			dst = append(dst, h&(numBuckets-1))
		}
		prev2, prev = prev, cur
	}
	h := fnvString(fnvByte(fnvString(fnvByte(fnvOffset, 'b'), prev), ' '), "</s>")
	dst = append(dst, h&(numBuckets-1))
	if skeleton {
		dst = append(dst, skeletonBucket(c2, c1, classEnd))
	}
	return dst
}

var ngramSentences = []string{
	"", "Hello.", "The council said taxes rose 40% in 2019, according to Reuters.",
	"Cuttings of studies reportedly showed flies speeding, he said: “It’s not true.”",
	"A B C D E F G", "[3] Smith (2019) found that 1,200,000 people—nearly two-thirds—left.",
}

func checkWordNgrams(t *testing.T, s string) {
	toks := tokenize(s, nil)
	for _, groups := range []uint32{0, groupWordTrigrams, groupSkeleton, groupWordTrigrams | groupSkeleton} {
		want := wordNgramsWideByString(toks, groups, nil)
		got := wordNgramsWide(toks, groups, nil)
		if !assert.Equal(t, want, got, "groups %b: %q", groups, s) {
			return
		}
	}
}

func TestWordNgramsWideMatchesPlain(t *testing.T) {
	for _, s := range ngramSentences {
		checkWordNgrams(t, s)
	}
}

func FuzzWordNgramsWide(f *testing.F) {
	for _, s := range ngramSentences {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkWordNgrams(t, s) })
}

// FuzzFirstFolds holds firstFolds to strings.EqualFold: whenever a
// sentence begins with a desk-line or signpost phrase in any case,
// firstFolds lets it through.
func FuzzFirstFolds(f *testing.F) {
	for _, s := range []string{"We rate this claim False.", "ſee also the list", "\u212aelvin", "Here's a look", "MEDIA CONTACT: x"} {
		f.Add(s)
	}
	phrases := []string{"media contact", "contact:", "we rate this", "our ruling", "verdict:", "here's ", "see also ", "below is ", "for a list of "}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range phrases {
			if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) && !firstFolds(s, p) {
				t.Fatalf("firstFolds(%q, %q) = false, but the phrase begins it", s, p)
			}
		}
		assert.Equal(t, deskLine(s) || signpost(s), deskLineByFold(s) || signpostByFold(s), "%q", s)
	})
}

// deskLineByFold and signpostByFold are deskLine and signpost without the
// first-byte test, as first written.
func deskLineByFold(s string) bool {
	if len(s) > 300 {
		return false
	}
	for _, p := range []string{"media contact", "press contact", "contact:", "media inquiries", "press inquiries",
		"for more information", "we rate this", "we rate the", "we rate that", "we rated this", "our ruling", "our rating:", "verdict:"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return phoneNumber(s)
}

func signpostByFold(s string) bool {
	for _, p := range []string{"here are ", "here is ", "here's ", "here’s ", "for a list of ", "for a full list ",
		"for a complete list ", "see also ", "for more on ", "for more about ", "the following is ", "the following are ",
		"below are ", "below is "} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// FuzzPrefixFold holds prefixFold to strings.EqualFold for the phrases
// publicationNote and opensWithContinuation look for: the second-byte test
// turns nothing away that EqualFold would take.
func FuzzPrefixFold(f *testing.F) {
	phrases := []string{"correction:", "editor’s note", "this article ", "this story ", "table:", "originally published",
		"note:", "source:", "data as of ", "map:", "a version of this article", "an earlier version of this",
		"additional reporting by", "reporting by ", "photo by ", "illustration by ", "video by ", "graphic:", "updated at ",
		"update:", "last updated", "first published", "that’s up", "that's down", "of those", "in particular", "it also",
		"for example", "additionally"}
	for _, p := range phrases {
		if p[1]&0x20 == 0 || strings.ToLower(p) != p {
			f.Fatalf("%q: prefixFold needs a lower-case phrase whose second byte has the 0x20 bit", p)
		}
	}
	for _, s := range []string{"Correction: the", "EDITOR’S NOTE", "This ſtory ", "TABLE: x", "Of Those", "ſource: x", "a\u212a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range phrases {
			if len(s) < len(p) {
				continue
			}
			if got, want := prefixFold(s, p), strings.EqualFold(s[:len(p)], p); got != want {
				t.Fatalf("prefixFold(%q, %q) = %v, EqualFold says %v", s, p, got, want)
			}
		}
	})
}

// FuzzOpensWithContinuation holds opensWithContinuation to the plain form
// it was first written in: every opener compared by strings.EqualFold,
// with no first-letter or second-byte test before.
func FuzzOpensWithContinuation(f *testing.F) {
	for _, s := range []string{"That's up from 35%.", "Of those, 40%", "OF THEM ALL", "ſpecifically, x", "In particular: y", "Likewise.", "The figure"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assert.Equal(t, opensWithContinuationByFold(s), opensWithContinuation(s), "%q", s)
	})
}

func opensWithContinuationByFold(s string) bool {
	for _, p := range []string{"additionally", "moreover", "furthermore", "in addition", "it also", "they also", "the report also", "the study also", "the survey also",
		"for example", "for instance", "in other words", "that includes", "this includes", "these include",
		"that's up", "that's down", "that’s up", "that’s down", "that is up", "that is down", "that was up", "that was down",
		"that compares", "this compares", "that figure", "this figure", "those figures", "these figures", "the figure",
		"of those", "of these", "of them", "among them", "among those", "in particular", "specifically", "similarly", "likewise"} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) && !isWordByte(s[len(p)]) {
			return true
		}
	}
	return false
}

// FuzzDropCitations holds dropCitations to the form it was first written
// in, which copied every token in place whether or not the sentence held
// a marker.
func FuzzDropCitations(f *testing.F) {
	for _, s := range []string{"It rose 12% (Ma et al., 2020) in 2021 [3].", "(a) [b] (2019) [citation needed] (Hughes et al., 2018, https://doi.org/10.1/x)", "No marker here, 2019.", "[[3]] ((2020))"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var a, b [64]token
		got := dropCitations(splitTokens(s, a[:0]))
		want := dropCitationsByCopy(splitTokens(s, b[:0]))
		assert.Equal(t, want, got, "%q", s)
	})
}

func dropCitationsByCopy(toks []token) []token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind == tokPunct && (t.norm == "(" || t.norm == "[") {
			if j := citationEnd(toks, i); j > i {
				i = j
				continue
			}
		}
		out = append(out, t)
	}
	return out
}
