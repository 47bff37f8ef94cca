package verify

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/sources"
)

var fuzzSeeds = []string{
	"Nearly 70% of the 1.2 million residents, about £4.5m, voted in the 2018–19 poll.",
	"between 300 and 400 km, 10-15%, the '80s, 3 March 2019, March 3, 2019, 2019-03-03T10:00",
	"two-thirds, a fifth of, half a million, tens of thousands of, twenty-five, a dozen, 5,000+",
	"-5°C, 23 °F, US$1.2 million, $3bn, 1,200,000 dollars, 3 percentage points, 300-plus",
	"COVID‑19 A320 5G 10:30 24/7 1.2.3 21st 99999999999999999999999 1e308 " + "9,999,999,999,999,999",
	`“She told me ‘never’ twice,” he said. "Yes." « oui » „ja“ 5'10" ‘80s`,
	"\xff\xfe $ £ € ’ ‘ − - ' … ... [T]he [the council] [sic] [", "",
}

// checkSpan fails unless sp lies in text on UTF-8 boundaries.
func checkSpan(t *testing.T, text string, sp sources.Span) {
	t.Helper()
	if sp.Start < 0 || sp.End < sp.Start || sp.End > len(text) {
		t.Fatalf("span %v outside %q", sp, text)
	}
	if !boundary(text, sp.Start) || !boundary(text, sp.End) {
		t.Fatalf("span %v not on rune boundaries in %q", sp, text)
	}
}

// boundary reports whether i is where a rune of s starts, as ranging over
// s decodes it (a stray byte of invalid UTF-8 is a rune of its own), or
// the end.
func boundary(s string, i int) bool {
	if i == len(s) {
		return true
	}
	for j := range s {
		if j >= i {
			return j == i
		}
	}
	return false
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func FuzzQuantities(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, q := range Quantities(text) {
			checkSpan(t, text, q.Span)
			if q.Span.Start < prev || q.Span.Len() == 0 {
				t.Fatalf("quantity %+v out of order or empty in %q", q, text)
			}
			prev = q.Span.Start
			if q.Text != text[q.Span.Start:q.Span.End] {
				t.Fatalf("text %q is not its span in %q", q.Text, text)
			}
			if !finite(q.Value) || math.IsNaN(q.Range.Lo) || math.IsNaN(q.Range.Hi) || q.Range.Lo > q.Range.Hi ||
				q.Bounds.Lo > q.Bounds.Hi || !finite(q.Bounds.Lo) || !finite(q.Bounds.Hi) {
				t.Fatalf("bad values %+v in %q", q, text)
			}
			_ = q.Matches(q)
		}
	})
}

func FuzzQuotes(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, q := range Quotes(text) {
			checkSpan(t, text, q.Span)
			checkSpan(t, text, q.Inner)
			if !q.Span.Contains(q.Inner) || q.Inner.Len() == 0 || q.Text != text[q.Inner.Start:q.Inner.End] || q.Depth < 0 {
				t.Fatalf("bad quote %+v in %q", q, text)
			}
		}
	})
}

func FuzzFindQuote(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, quoteSource)
		f.Add("the budget is balanced … we [will] protect frontline", s)
	}
	f.Fuzz(func(t *testing.T, quote, source string) {
		m := FindQuote(quote, source)
		checkSpan(t, source, m.Span)
		for _, p := range m.Parts {
			checkSpan(t, source, p)
			if !m.Span.Contains(p) {
				t.Fatalf("part %v outside %v", p, m.Span)
			}
		}
		if m.Matched > m.Words || m.Matched < 0 {
			t.Fatalf("matched %d of %d", m.Matched, m.Words)
		}
		switch m.Status {
		case QuoteExact, QuoteMisquote, QuoteAbsent:
		default:
			t.Fatalf("status %q", m.Status)
		}
	})
}

func FuzzVerify(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "The council said 40% of residents backed the plan. "+s)
	}
	f.Add("Exports of wine rose 25% in 2023 and fell by 20% in 2024.",
		"Exports of wine reached 1.5 million cases in 2023, up from 1.2 million, and went from 50 in 2018 to 40 in 2022.")
	f.Add("Ridership on the ferry more than doubled, nearly four times as many as in 2015.",
		"Ridership on the ferry rose from 1.2 million in 2019 to 1.35 million, from 0 to 5, from 3% to")
	f.Fuzz(func(t *testing.T, claim, source string) {
		r := Verify(Claim{Text: claim}, Source{Text: source, URL: "https://x.org/"})
		if len(r.Evidence) > maxEvidence || r.Score < 0 || r.Score > 1 || math.IsNaN(r.Score) {
			t.Fatalf("bad result %+v", r)
		}
		for _, e := range r.Evidence {
			checkSpan(t, source, e.Span)
		}
		for _, m := range r.Missing {
			checkSpan(t, claim, m.Span)
			if m.SourceText != "" {
				checkSpan(t, source, m.SourceSpan)
			}
		}
	})
}

// FuzzTokenizeFastPath holds tokenize's fast path for words of ASCII
// letters to its general path: the same words, bounds and hashes.
func FuzzTokenizeFastPath(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("ABCDEFGH ijklmnopqrstuvwxyz[`@{ don't 1,250 o’brien Ünïcode " + strings.Repeat("x", 70) + " " + strings.Repeat("Ab", 40) + "9")
	f.Fuzz(func(t *testing.T, s string) {
		if fast, general := tokenize(nil, s), tokenizeWith(nil, s, true); !reflect.DeepEqual(fast, general) {
			t.Fatalf("%q: fast path %v, general path %v", s, fast, general)
		}
	})
}

// FuzzLastFields holds lastFields, which reads words from the end of a
// text, to the last words strings.Fields finds.
func FuzzLastFields(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("a\u2003b\u00a0c \xe2\xe2\x80\x83d\te\n\x80 f")
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Fields(s)
		for n := range min(len(words), 5) + 1 {
			got := lastFields(s, make([]string, n))
			if !reflect.DeepEqual(got, words[len(words)-n:]) {
				t.Fatalf("lastFields(%q, %d) = %q, want %q", s, n, got, words[len(words)-n:])
			}
		}
	})
}
