package verify

import (
	"bufio"
	"encoding/json"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pair is a claim and a source written for this package, with the
// verdict the definitions of Verdict give it.
type pair struct {
	Name    string  `json:"name"`
	Claim   string  `json:"claim"`
	Source  string  `json:"source"`
	Verdict Verdict `json:"verdict"`
	// Missing is the Kind of a Missing the result must report, if any.
	Missing string `json:"missing"`
}

func readPairs(t testing.TB) []pair {
	f, err := os.Open("testdata/pairs.jsonl")
	require.NoError(t, err)
	defer f.Close()
	var out []pair
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var p pair
		require.NoError(t, json.Unmarshal(sc.Bytes(), &p))
		out = append(out, p)
	}
	require.NoError(t, sc.Err())
	return out
}

func TestVerifyPairs(t *testing.T) {
	pairs := readPairs(t)
	require.GreaterOrEqual(t, len(pairs), 40)
	for _, p := range pairs {
		t.Run(p.Name, func(t *testing.T) {
			r := Verify(Claim{Text: p.Claim}, Source{Text: p.Source, URL: "https://example.org/a"})
			assert.Equal(t, p.Verdict, r.Verdict, "score %.3f, missing %+v", r.Score, r.Missing)
			if p.Missing != "" {
				kinds := make([]string, len(r.Missing))
				for i, m := range r.Missing {
					kinds[i] = m.Kind
				}
				assert.Contains(t, kinds, p.Missing)
			}
			checkResult(t, p.Claim, p.Source, r)
			// the library answers for any text; check and the verify
			// command give no verdict where Paywall says so
			assert.Equal(t, strings.HasPrefix(p.Name, "paywall"), Paywall(p.Source), "Paywall")
		})
	}
}

// checkResult checks the invariants of every Result: spans in range and
// on the texts they name, evidence best first and at most five, a score
// in [0, 1].
func checkResult(t *testing.T, claim, source string, r Result) {
	t.Helper()
	require.LessOrEqual(t, len(r.Evidence), maxEvidence)
	assert.True(t, r.Score >= 0 && r.Score <= 1, "score %v", r.Score)
	for i, e := range r.Evidence {
		checkSpan(t, source, e.Span)
		assert.Equal(t, source[e.Span.Start:e.Span.End], e.Text)
		if i > 0 {
			assert.GreaterOrEqual(t, r.Evidence[i-1].Score, e.Score)
		}
	}
	for _, m := range r.Missing {
		checkSpan(t, claim, m.Span)
		assert.Equal(t, claim[m.Span.Start:m.Span.End], m.Text)
		if m.SourceText != "" {
			checkSpan(t, source, m.SourceSpan)
			assert.Equal(t, source[m.SourceSpan.Start:m.SourceSpan.End], m.SourceText)
			assert.Contains(t, source, m.Passage)
		}
	}
}

func TestVerifySignals(t *testing.T) {
	src := "Residents were asked in May. Only 14% of residents backed the plan, the council said. The vote is next week."
	tests := []struct {
		name       string
		claim      string
		kind       string
		sourceText string
	}{
		{"number conflict", "The council said 40% of residents backed the plan.", "number", "14%"},
		{"misquote", "The council said “only 40% of residents backed the plan”.", "quote", "Only 14% of residents backed the plan"},
		{"absent quote", "The council said “the plan is dead”.", "quote", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Verify(Claim{Text: tt.claim}, Source{Text: src})
			i := slices.IndexFunc(r.Missing, func(m Missing) bool { return m.Kind == tt.kind })
			require.GreaterOrEqual(t, i, 0, "%+v", r.Missing)
			assert.Equal(t, tt.sourceText, r.Missing[i].SourceText)
			if tt.sourceText != "" {
				assert.NotEmpty(t, r.Missing[i].Passage)
			}
		})
	}
}

// TestVerifyOtherFigureScore checks that a claim its source gives another
// figure for is contradicted with a Score no higher than how often such a
// claim was supported on WiCE, whichever models scored it (a short source
// and a long one).
func TestVerifyOtherFigureScore(t *testing.T) {
	short := "Residents were asked in May. Only 14% of residents backed the plan, the council said. The vote is next week."
	long := short + strings.Repeat(" The hall on the square was built of local stone and opened to the public.", 30)
	for name, src := range map[string]string{"short source": short, "long source": long} {
		t.Run(name, func(t *testing.T) {
			r := Verify(Claim{Text: "The council said 40% of residents backed the plan."}, Source{Text: src})
			assert.Equal(t, Contradicted, r.Verdict)
			assert.LessOrEqual(t, r.Score, pSupportedDespiteOtherFigure)
		})
	}
}

func TestFragmentURL(t *testing.T) {
	tests := []struct{ base, passage, want string }{
		{"", "anything", ""},
		{"https://x.org/a", "Only 14% backed it.", "https://x.org/a#:~:text=Only%2014%25%20backed%20it."},
		{"https://x.org/a#top", "well-known, A&B", "https://x.org/a#top:~:text=well%2Dknown%2C%20A%26B"},
		{"https://x.org/a", "one two three four five six seven eight nine ten eleven",
			"https://x.org/a#:~:text=one%20two%20three%20four%20five,seven%20eight%20nine%20ten%20eleven"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, fragmentURL(tt.base, tt.passage))
	}
}

// TestEscapeTextDirective checks the escaping against its definition:
// url.PathEscape, then the directive's own '-', ',' and '&'.
func TestEscapeTextDirective(t *testing.T) {
	oracle := strings.NewReplacer("-", "%2D", ",", "%2C", "&", "%26")
	for _, s := range []string{"Only 14% backed it.", "well-known, A&B", "naïve “quote” — 5 €/m² $3bn +1 a/b:c;d=e@f ~_.",
		"#?[]!'()*", "\x00\xff\t", "日本語 テキスト", "%2D already"} {
		var b strings.Builder
		words := strings.Fields(s)
		escapeTextDirective(&b, words)
		assert.Equal(t, oracle.Replace(url.PathEscape(strings.Join(words, " "))), b.String(), "%q", s)
	}
}

func TestSplitSentences(t *testing.T) {
	text := "Mr. Smith went to Washington. He said “Yes.” Then left!\nNew line here. e.g. not a cut"
	var got []string
	for _, sp := range splitSentences(text) {
		got = append(got, text[sp.Start:sp.End])
	}
	assert.Equal(t, []string{"Mr. Smith went to Washington.", "He said “Yes.”", "Then left!", "New line here. e.g. not a cut"}, got)
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"It became a dominion.[55] In 1947 it adopted the statute.[48][49] Later.",
			[]string{"It became a dominion.[55]", "In 1947 it adopted the statute.[48][49]", "Later."}},
		{"It is disputed.[citation needed] Others agree.", []string{"It is disputed.[citation needed]", "Others agree."}},
		{"See the figure.[a] Then more.", []string{"See the figure.[a]", "Then more."}},
		{"He said [the council] would act. It did.", []string{"He said [the council] would act.", "It did."}},
		{"It rose.[the council] Then.", []string{"It rose.[the council] Then."}}, // not a note marker
	} {
		got = got[:0]
		for _, sp := range splitSentences(tt.text) {
			got = append(got, tt.text[sp.Start:sp.End])
		}
		assert.Equal(t, tt.want, got, tt.text)
	}
	long := strings.Repeat("word ", 400)
	for _, sp := range splitSentences(long) {
		assert.LessOrEqual(t, sp.End-sp.Start, maxSentence+10)
	}
}

// TestShippedModel checks that the embedded model fits the features.
func TestShippedModel(t *testing.T) {
	var m Model
	require.NoError(t, json.Unmarshal(modelJSON, &m))
	assert.True(t, m.valid())
	assert.Same(t, shippedModel(), shippedModel())
}

func TestVerifyEmpty(t *testing.T) {
	for _, tt := range []struct{ claim, source string }{{"", ""}, {"A claim.", ""}, {"", "A source."}, {"\xff\xfe", "\xff"}} {
		r := Verify(Claim{Text: tt.claim}, Source{Text: tt.source})
		assert.Equal(t, NotSupported, r.Verdict)
		checkResult(t, tt.claim, tt.source, r)
	}
}

// TestVerifyConcurrent checks that concurrent calls give the results of
// sequential ones (run with -race).
func TestVerifyConcurrent(t *testing.T) {
	pairs := readPairs(t)
	want := make([]Result, len(pairs))
	for i, p := range pairs {
		want[i] = Verify(Claim{Text: p.Claim}, Source{Text: p.Source})
	}
	got := make([]Result, len(pairs))
	var wg sync.WaitGroup
	for i, p := range pairs {
		wg.Go(func() { got[i] = Verify(Claim{Text: p.Claim}, Source{Text: p.Source}) })
	}
	wg.Wait()
	assert.Equal(t, want, got)
}

// TestVerifyPreparedConcurrent verifies every own claim against every own
// source, each source prepared once and its claims verified at once on
// goroutines of their own (its figures and quotation index made by
// whichever needs them first): the results of Verify, one by one.
func TestVerifyPreparedConcurrent(t *testing.T) {
	pairs := readPairs(t)
	for _, src := range pairs[:12] {
		s := Source{Text: src.Source, URL: "https://example.org/s"}
		p := Prepare(s)
		got := make([]Result, len(pairs))
		var wg sync.WaitGroup
		for i, c := range pairs {
			wg.Go(func() { got[i] = VerifyPrepared(Claim{Text: c.Claim}, p) })
		}
		wg.Wait()
		for i, c := range pairs {
			require.Equal(t, Verify(Claim{Text: c.Claim}, s), got[i], "%s against the source of %s", c.Name, src.Name)
		}
	}
}

// TestPreparedReset reads one source after another into the same
// Prepared, as check does, each time verifying every own claim against it
// at once on goroutines of their own (which keep the sentences they read
// in it): the results of Verify against each source, so that nothing read
// from a source before is taken for the next (run with -race).
func TestPreparedReset(t *testing.T) {
	pairs := readPairs(t)
	p := new(Prepared)
	for _, src := range pairs[:12] {
		s := Source{Text: src.Source, URL: "https://example.org/s"}
		done := make(chan struct{})
		go func() { p.Reset(s); close(done) }() // on another goroutine, as the check's workers do
		<-done
		got := make([]Result, len(pairs))
		var wg sync.WaitGroup
		for i, c := range pairs {
			wg.Go(func() { got[i] = VerifyPrepared(Claim{Text: c.Claim}, p) })
		}
		wg.Wait()
		for i, c := range pairs {
			require.Equal(t, Verify(Claim{Text: c.Claim}, s), got[i], "%s against the source of %s", c.Name, src.Name)
		}
	}
}

func TestPolarityCues(t *testing.T) {
	tests := []struct {
		name, claim, source string
		direction, absolute bool
	}{
		{"opposite direction", "Ultraviolet light is associated with higher growth rates.",
			"Ultraviolet light was most strongly associated with lower growth rates.", true, false},
		{"same direction", "The drug reduces the risk of death.", "The drug reduced the risk of death by a third.", false, false},
		{"both directions in the source", "Masks reduce transmission.",
			"Masks reduced transmission indoors but increased it where people touched them.", false, false},
		{"no exception claimed", "Only older patients fall ill.", "Most patients who fell ill were older.", false, true},
		{"exception written too", "Only older patients fall ill.", "Only older patients fell ill in the study.", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyse(Claim{Text: tt.claim}, Source{Text: tt.source})
			assert.Equal(t, tt.direction, a.directionMismatch())
			assert.Equal(t, tt.absolute, a.absoluteMismatch())
			assert.Equal(t, tt.direction || tt.absolute || a.negMismatch(), a.polarityCue())
		})
	}
}

func TestCanonicalWords(t *testing.T) {
	tests := []struct{ a, b string }{
		{"children", "child"},
		{"kids", "children"},
		{"died", "deaths"},
		{"COVID-19", "coronavirus"},
		{"SARS-CoV-2", "coronavirus"},
		{"mice", "mouse"},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			ta, tb := tokenize(nil, tt.a), tokenize(nil, tt.b)
			require.NotEmpty(t, ta)
			require.NotEmpty(t, tb)
			hs := map[uint64]bool{}
			for _, tk := range tb {
				hs[tk.h] = true
			}
			found := false
			for _, tk := range ta {
				found = found || hs[tk.h] && !isDigit(tt.a[tk.start])
			}
			assert.True(t, found, "%q and %q share no word", tt.a, tt.b)
		})
	}
}

func TestShortSourceTitleNames(t *testing.T) {
	claim := Claim{Text: "Cats in Wuhan can catch the coronavirus."}
	src := Source{Text: "Cats are permissive to infection with the virus.", Title: "Susceptibility of cats in Wuhan to SARS-CoV-2"}
	r := Verify(claim, src)
	for _, m := range r.Missing {
		assert.NotEqual(t, "Wuhan", m.Text, "a name in the source's title is in the source")
	}
	r = Verify(claim, Source{Text: src.Text})
	kinds := map[string]bool{}
	for _, m := range r.Missing {
		kinds[m.Text] = true
	}
	assert.True(t, kinds["Wuhan"], "without the title, Wuhan is missing: %+v", r.Missing)
}

func TestShortRouting(t *testing.T) {
	m := shippedModel()
	require.Equal(t, shortSentences, m.ShortSentences, "model.json holds the models for short sources")
	tests := []struct {
		sentences int
		short     bool
	}{{1, true}, {shortSentences, true}, {shortSentences + 1, false}, {120, false}}
	for _, tt := range tests {
		assert.Equal(t, tt.short, m.isShort(tt.sentences), "%d sentences", tt.sentences)
	}
	assert.False(t, (&Model{}).isShort(1), "a model without short models scores every source as long")
}

// TestConflictNearestFigure: of two figures of the passage that share as
// many words with the claim, the one written next to them is the one the
// claim's figure is set against.
func TestConflictNearestFigure(t *testing.T) {
	src := Source{Text: "The council approved the budget on Tuesday. It raises the library's funding by 12% and cuts road repairs by a third."}
	tests := []struct{ claim, other string }{
		{"Road repairs were cut by half.", "a third"},
		{"Road repairs were cut by 50%.", "a third"},
		{"The budget raises the library's funding by 20%.", "12%"},
	}
	for _, tt := range tests {
		t.Run(tt.claim, func(t *testing.T) {
			r := Verify(Claim{Text: tt.claim}, src)
			assert.Equal(t, Contradicted, r.Verdict)
			require.Len(t, r.Missing, 1)
			assert.Equal(t, tt.other, r.Missing[0].SourceText)
		})
	}
}

// TestConflictYearAgainstDate: a claim's year is set against the date the
// source gives for the same thing.
func TestConflictYearAgainstDate(t *testing.T) {
	src := Source{Text: "The plant opened on 12 March 2019 and closed in September 2021. It employed 1,450 workers at its peak."}
	r := Verify(Claim{Text: "The plant opened in 2018."}, src)
	require.Len(t, r.Missing, 1)
	assert.Equal(t, "date", r.Missing[0].Kind)
	assert.Equal(t, "12 March 2019", r.Missing[0].SourceText)
}

// TestWordTables holds the word tables to their lists: every word found
// with its flags or its other form, a word not listed not found, and each
// table at most half full, so that lookups stay short.
func TestWordTables(t *testing.T) {
	tb := tables()
	n := 0
	for _, l := range flaggedWords {
		for _, w := range strings.Fields(l.words) {
			n++
			e := tb.flags.find([]byte(w), hashBytes([]byte(w)))
			require.NotNil(t, e, w)
			assert.Equal(t, l.flags, e.flags, w)
		}
	}
	assert.LessOrEqual(t, 2*n, wordTableSize)
	n = 0
	for _, l := range canonicalWords {
		for _, w := range strings.Fields(l.words) {
			n++
			e := tb.canonical.find([]byte(w), hashBytes([]byte(w)))
			require.NotNil(t, e, w)
			assert.Equal(t, l.canonical, e.canonical, w)
			assert.Equal(t, hashBytes([]byte(l.canonical)), e.canonH, w)
		}
	}
	assert.LessOrEqual(t, 2*n, wordTableSize)
	for _, w := range []string{"council", "thee", "nott", "", "childrens"} {
		assert.Nil(t, tb.flags.find([]byte(w), hashBytes([]byte(w))), w)
	}
	assert.Nil(t, tb.canonical.find([]byte("child"), hashBytes([]byte("child"))))
}
