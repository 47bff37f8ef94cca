package citecheck

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/sources"
)

// The report helpers below replaced forms that lowered or rebuilt strings;
// each test compares one with the form it replaced.

var foldInputs = []string{
	"", "[", "[citation needed]", "[Citation Needed]", "  [citation needed]", "[CITATION NEEDED", "[citation neede",
	"text [citation needed] more", "[cİtation needed]", "[citation needed\xff", "é [citation needed]", "[[citation needed]",
	"[ citation needed]", "ab[citation needed", "[citation\u00a0needed]",
}

func TestFoldHelpersMatchToLower(t *testing.T) {
	for _, s := range foldInputs {
		assert.Equal(t, strings.HasPrefix(strings.ToLower(s), citationNeeded), hasPrefixFold(s, citationNeeded), "hasPrefixFold(%q)", s)
		assert.Equal(t, strings.Contains(strings.ToLower(s), citationNeeded), containsFold(s, citationNeeded), "containsFold(%q)", s)
	}
}

// latestYearOracle is how runAnachronisticCitation read the years of a
// sentence: the blanked spans overwritten with spaces, then every run of
// exactly four digits from 1500 to 2199.
func latestYearOracle(s string, blank []sources.Span) int {
	for _, b := range blank {
		s = s[:b.Start] + strings.Repeat(" ", b.End-b.Start) + s[b.End:]
	}
	latest := 0
	for i := 0; i+4 <= len(s); i++ {
		if (i > 0 && isDigit(s[i-1])) || !isDigit(s[i]) {
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j-i == 4 {
			if y, _ := strconv.Atoi(s[i:j]); y >= 1500 && y < 2200 {
				latest = max(latest, y)
			}
		}
		i = j
	}
	return latest
}

func TestLatestYearMatchesOracle(t *testing.T) {
	for _, tt := range []struct {
		s     string
		blank []sources.Span
	}{
		{"In 2024 the rate rose (Smith, 2019).", []sources.Span{{Start: 22, End: 35}}},
		{"2019(Smith 2030)", []sources.Span{{Start: 4, End: 16}}},
		{"12019 and 1499 and 2200 and 2199", nil},
		{"20192020", []sources.Span{{Start: 4, End: 8}}},
		{"x2021y 1987", nil},
		{"1234", []sources.Span{{Start: 0, End: 1}}},
	} {
		assert.Equal(t, latestYearOracle(tt.s, tt.blank), latestYear(tt.s, tt.blank), "%q %v", tt.s, tt.blank)
	}
}

func FuzzFoldAndYearHelpers(f *testing.F) {
	for _, s := range foldInputs {
		f.Add(s, 0, 0)
	}
	f.Add("In 2024 (Smith 2019) 1999", 8, 20)
	f.Fuzz(func(t *testing.T, s string, from, to int) {
		if strings.HasPrefix(strings.ToLower(s), citationNeeded) != hasPrefixFold(s, citationNeeded) {
			t.Fatalf("hasPrefixFold(%q)", s)
		}
		if strings.Contains(strings.ToLower(s), citationNeeded) != containsFold(s, citationNeeded) {
			t.Fatalf("containsFold(%q)", s)
		}
		var blank []sources.Span
		if 0 <= from && from <= to && to <= len(s) {
			blank = []sources.Span{{Start: from, End: to}}
		}
		if latestYearOracle(s, blank) != latestYear(s, blank) {
			t.Fatalf("latestYear(%q, %v) = %d, want %d", s, blank, latestYear(s, blank), latestYearOracle(s, blank))
		}
	})
}

// overlapsScan is what listIndex.overlaps answers, by a scan of every span.
func overlapsScan(lists []citations.ReferenceList, s sources.Span) bool {
	for _, l := range lists {
		if l.Span.Overlaps(s) || l.HeadingSpan.Overlaps(s) {
			return true
		}
		for _, e := range l.Entries {
			if e.Span.Overlaps(s) {
				return true
			}
		}
	}
	return false
}

// mentionsOracle finds the mentions the plain way findMentions replaced:
// each name of each entry searched for through the whole text, every
// whole-word occurrence outside the lists kept, the next search starting
// after it (or one byte on, after an occurrence that does not count).
func mentionsOracle(p *Pass) map[string][]sources.Span {
	out := map[string][]sources.Span{}
	text := p.Doc.Text
	for _, l := range p.Lists {
		for _, e := range l.Entries {
			seen := map[string]bool{}
			var spans []sources.Span
			for _, n := range append(append([]string{}, e.Authors...), e.Publisher, e.Container) {
				n = strings.TrimSpace(n)
				if utf8.RuneCountInString(n) < 4 || seen[n] {
					continue
				}
				seen[n] = true
				for from := 0; from < len(text); {
					i := strings.Index(text[from:], n)
					if i < 0 {
						break
					}
					s := sources.Span{Start: from + i, End: from + i + len(n)}
					if !wordBoundary(text, s.Start, s.End) || overlapsScan(p.Lists, s) {
						from = s.Start + 1
						continue
					}
					spans = append(spans, s)
					from = s.End
				}
			}
			if len(spans) > MaxMentions {
				spans = spans[:MaxMentions]
			}
			if len(spans) > 0 {
				out[e.ID] = spans
			}
		}
	}
	return out
}

// randomSourcesDoc builds a text of words, some of which spell the names
// of a source list at its end, with the list's entries.
func randomSourcesDoc(rng *rand.Rand) *Pass {
	vocab := []string{"Reuters", "Pew", "Research", "Center", "Smith", "Jones", "the", "said", "and", "U.S.",
		"Census", "Bureau", "“Reuters”", "Smith-Jones", "Times", "New", "York", "Abcd", "xAbcd", "Abcde"}
	seps := []string{" ", " ", ", ", ". ", "\n", "-", " (", ") "}
	var b strings.Builder
	n := 20 + rng.IntN(200)
	for range n {
		b.WriteString(vocab[rng.IntN(len(vocab))])
		b.WriteString(seps[rng.IntN(len(seps))])
	}
	listStart := b.Len()
	name := func() string {
		k := 1 + rng.IntN(3)
		var w []string
		for range k {
			w = append(w, vocab[rng.IntN(len(vocab))])
		}
		return strings.Join(w, []string{" ", "-", " "}[rng.IntN(3)])
	}
	var entries []citations.Reference
	for i := range 1 + rng.IntN(6) {
		start := b.Len()
		e := citations.Reference{ID: fmt.Sprintf("r%d", i+1), Authors: []string{name()}, Publisher: name()}
		if rng.IntN(2) == 0 {
			e.Authors = append(e.Authors, name())
		}
		if rng.IntN(2) == 0 {
			e.Container = name()
		}
		b.WriteString(e.Authors[0] + ". " + e.Publisher + ".\n")
		e.Span = sources.Span{Start: start, End: b.Len()}
		entries = append(entries, e)
	}
	text := b.String()
	lists := []citations.ReferenceList{{Heading: "Sources", Span: sources.Span{Start: listStart, End: len(text)}, Entries: entries}}
	return &Pass{Doc: &sources.Document{Text: text}, Lists: lists, Mentions: map[string][]sources.Span{}}
}

func TestFindMentionsMatchesOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		p := randomSourcesDoc(rng)
		want := mentionsOracle(p)
		p.findMentions()
		if !assert.Equal(t, want, p.Mentions, "text %q lists %+v", p.Doc.Text, p.Lists) {
			return
		}
		for _, s := range []sources.Span{{Start: 0, End: 1}, {Start: len(p.Doc.Text) - 1, End: len(p.Doc.Text)}, {Start: 3, End: 3}} {
			assert.Equal(t, overlapsScan(p.Lists, s), newListIndex(p.Lists).overlaps(s), "%v", s)
		}
	}
}

// TestFindMentionsBounded names one source in 64,000 entries and 64,000
// times in the body: each entry keeps MaxMentions places, and the work
// stays linear (counted in allocations, not time, at two sizes).
func TestFindMentionsBounded(t *testing.T) {
	build := func(n int) *Pass {
		var b strings.Builder
		for range n {
			b.WriteString("Reuters reported it. ")
		}
		start := b.Len()
		entries := make([]citations.Reference, n)
		for i := range entries {
			s := b.Len()
			b.WriteString("Reuters. A story.\n")
			entries[i] = citations.Reference{ID: fmt.Sprintf("r%d", i+1), Publisher: "Reuters", Span: sources.Span{Start: s, End: b.Len()}}
		}
		text := b.String()
		return &Pass{Doc: &sources.Document{Text: text}, Mentions: map[string][]sources.Span{},
			Lists: []citations.ReferenceList{{Span: sources.Span{Start: start, End: len(text)}, Entries: entries}}}
	}
	p := build(64000)
	p.findMentions()
	require.Len(t, p.Mentions, 64000)
	for _, ms := range p.Mentions {
		assert.Len(t, ms, MaxMentions)
	}
	small, large := build(4000), build(64000)
	a := testing.AllocsPerRun(1, func() { small.Mentions = map[string][]sources.Span{}; small.findMentions() })
	b := testing.AllocsPerRun(1, func() { large.Mentions = map[string][]sources.Span{}; large.findMentions() })
	assert.Less(t, b, 16*1.5*a, "allocations grow linearly: %v for 4,000 entries, %v for 64,000", a, b)
}
