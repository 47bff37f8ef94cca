package verify

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// candidatesDiff analyses c against s twice, reading word by word only the
// sentences that may hold a term of c (as Verify does) and every sentence,
// and describes how the two differ, if they do; it also checks that every
// sentence holding a term was read, and that Prepare's keys and content
// word counts are those of tokenize. Empty: the same.
func candidatesDiff(c Claim, s Source) string {
	p := Prepare(s)
	var problems []string
	// Prepare's words are tokenize's.
	for i, sp := range p.sents {
		toks := tokenize(nil, s.Text[sp.Start:sp.End])
		keys := p.keys[p.sentWords[i]:p.sentWords[i+1]]
		content := 0
		var want []uint32
		for _, tk := range toks {
			if !tk.stop {
				content++
			}
			var sc wordScanner
			sc.reset(s.Text[sp.Start+tk.start : sp.Start+tk.end])
			sc.next()
			want = append(want, wordKey(sc.lowered()))
		}
		if content != p.lens[i] || !reflect.DeepEqual(keys, want) && len(want)+len(keys) > 0 {
			problems = append(problems, fmt.Sprintf("sentence %d %q: %d content words and keys %x, tokenize has %d and %x",
				i, s.Text[sp.Start:sp.End], p.lens[i], keys, content, want))
		}
	}
	// The first claim against p reads its sentences for itself, the
	// later ones share them (Prepared.sentenceWords): "again" reads the
	// sentences "all" kept.
	some, all := analyseRead(c, p, false), analyseRead(c, p, true)
	again := analyseRead(c, p, false)
	// Every sentence with a term may hold one by its keys.
	nt := len(all.terms)
	for i := range all.sents {
		for t := range nt {
			if all.has(i, t) && some.row[i] < 0 {
				problems = append(problems, fmt.Sprintf("sentence %d %q holds term %q but was not read",
					i, s.Text[all.sents[i].Start:all.sents[i].End], c.Text[all.terms[t].span.Start:all.terms[t].span.End]))
			}
		}
	}
	if fs, fa := some.features(), all.features(); !sameFloats(fs, fa) {
		problems = append(problems, fmt.Sprintf("features %v, reading every sentence %v", fs, fa))
	}
	if fs, fa := again.features(), all.features(); !sameFloats(fs, fa) {
		problems = append(problems, fmt.Sprintf("features %v from the sentences kept, reading every sentence %v", fs, fa))
	}
	if !reflect.DeepEqual(some.windows, all.windows) || !reflect.DeepEqual(some.missing, all.missing) {
		problems = append(problems, fmt.Sprintf("windows %v missing %v, reading every sentence %v %v", some.windows, some.missing, all.windows, all.missing))
	}
	for i := range all.sents {
		if some.negated(i) != all.negated(i) || some.bm25Of(i) != all.bm25Of(i) || some.bigramsIn(i) != all.bigramsIn(i) {
			problems = append(problems, fmt.Sprintf("sentence %d: negation, BM25 or bigrams differ", i))
		}
	}
	return strings.Join(problems, "; ")
}

// bm25Of returns sentence i's BM25 score.
func (a *analysis) bm25Of(i int) float64 {
	if r := a.row[i]; r >= 0 {
		return a.bm25[r]
	}
	return 0
}

// sameFloats reports whether a and b hold the same values, NaN equal to
// NaN.
func sameFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && !(math.IsNaN(a[i]) && math.IsNaN(b[i])) {
			return false
		}
	}
	return true
}

// TestCandidateSentences holds reading only the sentences that may hold a
// claim's words to reading them all, on the pairs written for the package
// and on words chosen for how stem and the canonical forms change them.
func TestCandidateSentences(t *testing.T) {
	for _, p := range readPairs(t) {
		assert.Empty(t, candidatesDiff(Claim{Text: p.Claim}, Source{Text: p.Source}), p.Name)
	}
	tests := []struct{ claim, source string }{
		{"Flies carry the disease.", "A fly was found. Nothing else. The flies were caught."},
		{"The fly carries it.", "Many flies were seen. Nothing else."},
		{"Studies show it.", "One study showed it. Nothing else. The studies agree."},
		{"The cat sat.", "Cats sit. Nothing. Caring cats. The car was cared for. Cares abound."},
		{"Children were hurt.", "A kid was hurt. Nothing else. Kids, men and women. A person died."},
		{"Three people died.", "Deaths rose. Dead and deadly. Persons unknown. The die is cast."},
		{"COVID spread.", "Coronavirus spread. SARS-CoV-2 and nCoV. Nothing."},
		{"The chili was hot.", "Children ate it. Nothing else."},
		{"Mice ran.", "A mouse ran. Mousetraps work. Nothing."},
		{"O'Neill's report said 1,200 in the 1990s.", "O'Neill said so. The report's 1200 figure. In 1990 and the 1990s. Nothing."},
		{"It's the council's 3.5% rise.", "Its council rose 3.5 per cent. The councils' rise. Nothing."},
		{"Ünïcode Éclair ǅungla naïve café", "ünïcode éclair ǆungla NAÏVE CAFÉ. Nothing. Café naïve."},
		{"Don’t say o’brien’s won't", "don't say O'Brien's. Nothing. Won’t."},
		{"Turned turnout turning", "Turnouts turned. Nothing. Turn."},
		{"abc ab a", "ABC's ab's a's abcd. Nothing."},
		{"No safety concerns", "There were no concerns. Never safe. Nothing."},
		{"the of and", "The of and. Nothing at all here."},
	}
	for _, tt := range tests {
		assert.Empty(t, candidatesDiff(Claim{Text: tt.claim}, Source{Text: tt.source}), tt.claim)
	}
}

// TestFlagTable holds the table of flagged words of ASCII letters to the
// word table: every such word has its flags in either case, and a word
// one letter longer or shorter has the word table's.
func TestFlagTable(t *testing.T) {
	ft, tb := flagsASCII(), tables()
	flagsOf := func(w string) wordFlags {
		low := strings.ToLower(w)
		return tb.flagsOf([]byte(low), hashBytes([]byte(low)))
	}
	for _, l := range flaggedWords {
		for _, w := range strings.Fields(l.words) {
			if strings.ContainsAny(w, "'0123456789") {
				continue
			}
			for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:], w + "x", "x" + w, w[1:], w[:len(w)-1]} {
				if v == "" {
					continue
				}
				require.Equal(t, flagsOf(v), ft.of(v, asciiKey(v)), v)
				require.Equal(t, flagsOf(v)&flagStop != 0 && len(v) <= maxStopLen, ft.isStopASCII(v, asciiKey(v)), v)
			}
		}
	}
	assert.Zero(t, ft.of("councils", asciiKey("councils")))
}

// FuzzCandidateSentences holds reading only the sentences that may hold a
// claim's words to reading them all (see candidatesDiff).
func FuzzCandidateSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "The flies' council said 40% of studies backed kids. "+s)
	}
	f.Fuzz(func(t *testing.T, claim, source string) {
		if d := candidatesDiff(Claim{Text: claim}, Source{Text: source}); d != "" {
			t.Fatalf("claim %q source %q: %s", claim, source, d)
		}
	})
}

func TestBlankNoteMarkers(t *testing.T) {
	blank := func(s string) string { return strings.Repeat(" ", len(s)) }
	tests := []struct{ in, want string }{
		{"Rents rose 12%.[3]", "Rents rose 12%." + blank("[3]")},
		{"It grew[4–6] and fell.[12, 14][a]", "It grew" + blank("[4–6]") + " and fell." + blank("[12, 14][a]")},
		{"A claim.[note 2][citation needed]", "A claim." + blank("[note 2][citation needed]")},
		{"He said “[the council] will act” [sic] in [2019 edition].", "He said “[the council] will act” [sic] in [2019 edition]."},
		{"Unclosed [3 and [ ] and []", "Unclosed [3 and [ ] and []"},
		{"[1]", "   "},
	}
	for _, tt := range tests {
		got := blankNoteMarkers(tt.in)
		assert.Equal(t, tt.want, got, tt.in)
		assert.Len(t, got, len(tt.in), "spans stay valid")
	}
}

// TestNoteMarkersAreNotFigures verifies a Wikipedia sentence with its note
// markers: their numbers are neither figures the source must give nor
// words of the claim.
func TestNoteMarkersAreNotFigures(t *testing.T) {
	src := Source{Text: "The council approved the budget in March. Spending on libraries rose by 12 percent."}
	with := Verify(Claim{Text: "Spending on libraries rose by 12 percent.[3][71]"}, src)
	without := Verify(Claim{Text: "Spending on libraries rose by 12 percent."}, src)
	assert.Equal(t, without.Verdict, with.Verdict)
	assert.InDelta(t, without.Score, with.Score, 1e-9)
	assert.Empty(t, with.Missing)
}

// wordKeysByScanner is appendWordKeys by the general word scanner alone:
// every word found, lowered and hashed, its flags looked up.
func wordKeysByScanner(text string) ([]uint32, int) {
	var keys []uint32
	content := 0
	sc := wordScanner{general: true}
	sc.reset(text)
	for sc.next() {
		b := sc.lowered()
		keys = append(keys, wordKey(b))
		if tables().flagsOf(b, sc.h)&flagStop == 0 {
			content++
		}
	}
	return keys, content
}

var wordKeysTexts = []string{
	"", "a", "The", "THE council said that it would not raise taxes.", "according to Reuters, 40% of them were between 2019 and 2020",
	"Because these those their which where about after before under could would should might shall other through during",
	"including according became become between because Including ACCORDING", "it's isn't the's s S a A an An AN",
	"words ending the text", "café naïve—the “quoted” word’s end", "x1 1x 1,000 2.5 3'4 o'clock don't",
	"thereafter abouts thes theirs whichever", "abcdefgh abcdefghi abcdefghijklmnop th the them then there these",
	strings.Repeat("abcdefg ", 7) + "and then 1,000 o'clock café words after it",
	strings.Repeat("x", 63) + " " + strings.Repeat("y", 64) + " " + strings.Repeat("z", 65) + " end",
	strings.Repeat("q", 62) + "'s don't " + strings.Repeat("é", 40) + "word—next “quoted” 3bn 2.5",
}

func checkWordKeys(t *testing.T, text string) {
	var sc wordScanner
	got, gotContent := appendWordKeys(nil, &sc, text)
	want, wantContent := wordKeysByScanner(text)
	require.Equal(t, want, got, "keys of %q", text)
	require.Equal(t, wantContent, gotContent, "content words of %q", text)
}

func TestAppendWordKeys(t *testing.T) {
	for _, text := range wordKeysTexts {
		checkWordKeys(t, text)
	}
	// every function word, in each case, before a space and at the end,
	// and its neighbours one letter longer or shorter
	for _, l := range flaggedWords {
		for _, w := range strings.Fields(l.words) {
			for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:], w + "x", "x" + w, w[1:], w[:len(w)-1]} {
				checkWordKeys(t, v+" and more words after it")
				checkWordKeys(t, "before "+v)
			}
		}
	}
}

// TestAppendWordKeysRealPages holds appendWordKeys to the general word
// scanner on every sentence of the real pages, read as Prepare reads them.
func TestAppendWordKeysRealPages(t *testing.T) {
	var sc wordScanner
	for _, text := range realPageTexts(t) {
		for _, sp := range splitSentences(text) {
			s := text[sp.Start:sp.End]
			want, wantContent := wordKeysByScanner(s)
			got, gotContent := appendWordKeys(nil, &sc, s)
			require.Equal(t, want, got, "keys of %q", s)
			require.Equal(t, wantContent, gotContent, "content words of %q", s)
		}
	}
}

func FuzzAppendWordKeys(f *testing.F) {
	for _, s := range wordKeysTexts {
		f.Add(s)
	}
	for _, s := range sentenceTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkWordKeys(t, text)
		checkPreparedKeys(t, text)
	})
}

// checkPreparedKeys holds what Prepare reads of text in one pass, its
// sentences and their words, to splitSentences and to the general word
// scanner on each sentence alone.
func checkPreparedKeys(t *testing.T, text string) {
	p := Prepare(Source{Text: text})
	require.Equal(t, append([]Span{}, splitSentences(text)...), append([]Span{}, p.sents...), "sentences of %q", text)
	require.Len(t, p.sentWords, len(p.sents)+1)
	require.Len(t, p.lens, len(p.sents))
	require.Equal(t, 0, p.sentWords[0])
	total := 0
	for i, sp := range p.sents {
		want, wantContent := wordKeysByScanner(text[sp.Start:sp.End])
		require.Equal(t, append([]uint32{}, want...), append([]uint32{}, p.keys[p.sentWords[i]:p.sentWords[i+1]]...), "keys of %q", text[sp.Start:sp.End])
		require.Equal(t, wantContent, p.lens[i], "content words of %q", text[sp.Start:sp.End])
		total += wantContent
	}
	require.Len(t, p.keys, p.sentWords[len(p.sents)])
	require.Equal(t, total, p.total)
}

// sentenceTexts are texts whose sentences end in every way
// appendSentences knows, and some that end none.
var sentenceTexts = []string{
	"", " ", "\n\n", "One. Two", "It rose 3.5 per cent. The U.S. Army said so. Mr. Smith agreed.",
	"status.[55] In 1947 it was. Then.[citation needed] The end.[note 2] Next.[a] Last.[12, 14] More",
	"He said “no.” Then left. (As did she.) And ‘why?’ She asked! Why? 40 came.\tTabbed. ok",
	"end.’s apostrophe. \"Quoted.\" Next. 'Single.' [Bracket.] done.] x",
	"Line one\r\nLine two\n\n  Line three  \n", "e.g. this, i.e. that, etc. And J. Smith. Fig. 3 shows. al. Et",
	strings.Repeat("word ", 200) + "end. Next", strings.Repeat("longword\t", 80) + "x",
	strings.Repeat("ab ", 199) + "abcdefghij " + strings.Repeat("é ", 300) + "z.  Y",
	strings.Repeat("x", 700) + " y " + strings.Repeat("1,000 ", 150) + "z",
	"3.\n4. Five.6 Seven.[55]8 Nine.\u00a0Ten. Eleven.»  Twelve.”\nThirteen?! Fourteen!? «Fifteen.» 16",
}

// TestPreparedKeys holds Prepare's one pass over a text to
// splitSentences and the word scanner, on the real pages and on texts
// cut at every place.
func TestPreparedKeys(t *testing.T) {
	for _, text := range realPageTexts(t) {
		checkPreparedKeys(t, text)
	}
	texts := append(append([]string{}, sentenceTexts...), wordKeysTexts...)
	joined := strings.Join(texts, " ")
	for i := range len(joined) {
		checkPreparedKeys(t, joined[i:])
		checkPreparedKeys(t, joined[:i])
	}
}
