package verify

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
)

// sharedData is the evaluation data beside the checkout.
const sharedData = "../../../shared/data"

// realPageTexts returns the text of every real page of the shared data
// (news pages and reference pages), read as citecheck reads a cited page,
// or skips tb when the data is absent.
func realPageTexts(tb testing.TB) []string {
	tb.Helper()
	var paths []string
	for _, glob := range []string{"readability-news-pages/*/source.html", "citation-docs/readability-refpages/*/source.html"} {
		p, err := filepath.Glob(filepath.Join(sharedData, glob))
		require.NoError(tb, err)
		paths = append(paths, p...)
	}
	if len(paths) == 0 {
		tb.Skipf("no real pages under %s: the shared data is absent", sharedData)
	}
	texts := make([]string, 0, len(paths))
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		require.NoError(tb, err)
		doc, err := sources.Read(bytes.NewReader(raw), sources.ReadOptions{Name: "page.html"})
		require.NoError(tb, err, p)
		texts = append(texts, doc.Text)
	}
	return texts
}

// textBytes is the length of texts together.
func textBytes(texts []string) int64 {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return int64(n)
}

// BenchmarkPrepareRealPages reads every real page of the shared data for
// verification, as check reads each cited page.
func BenchmarkPrepareRealPages(b *testing.B) {
	texts := realPageTexts(b)
	b.SetBytes(textBytes(texts))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Prepare(Source{Text: t})
		}
	}
}

// BenchmarkPaywallRealPages asks of every real page of the shared data
// whether it is a paywall, as check asks of each cited page before reading
// it; the bytes are those Paywall reads.
func BenchmarkPaywallRealPages(b *testing.B) {
	texts := realPageTexts(b)
	var n int64
	for _, t := range texts {
		n += int64(min(len(t), paywallPrefix))
	}
	b.SetBytes(n)
	for b.Loop() {
		for _, t := range texts {
			Paywall(t)
		}
	}
}

// benchSource returns a deterministic source of about n words: sentences
// of common words with figures, dates and quotations among them.
func benchSource(n int) string {
	vocab := strings.Fields("the council said that it would not raise taxes this year and residents " +
		"were told budget services schools roads housing plan report figures show rose fell percent " +
		"million people in from with by for on at was were had has been will could should more less " +
		"than about nearly government minister spokesman announced increase decrease funding")
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for w := 0; w < n; w++ {
		switch rng.IntN(100) { // about one word in 25 a figure, as in news
		case 0:
			b.WriteString("40%")
		case 1:
			b.WriteString("$3.2bn")
		case 2:
			b.WriteString("2019")
		case 3:
			b.WriteString("1,250")
		default:
			b.WriteString(vocab[rng.IntN(len(vocab))])
		}
		if w%17 == 16 {
			b.WriteString(". ")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

const benchClaim = `The council said nearly 70% of residents backed the plan, which will cost $3.2bn over two-thirds of a decade from 2019, and its leader said “we will not raise taxes this year”.`

// BenchmarkQuantities reads the quantities of a 5,000-word source.
func BenchmarkQuantities(b *testing.B) {
	src := benchSource(5000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Quantities(src)
	}
}

// BenchmarkQuantitiesRealPages reads the quantities of every real page of
// the shared data, as citecheck reads each cited page.
func BenchmarkQuantitiesRealPages(b *testing.B) {
	texts := realPageTexts(b)
	b.SetBytes(textBytes(texts))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Quantities(t)
		}
	}
}

// BenchmarkQuantitiesClaim reads the quantities of one claim.
func BenchmarkQuantitiesClaim(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Quantities(benchClaim)
	}
}

// BenchmarkNewIndex indexes the words of a 5,000-word source.
func BenchmarkNewIndex(b *testing.B) {
	src := benchSource(5000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(src)
	}
}

// BenchmarkFindQuote looks for a misquoted quotation in a 5,000-word
// source, index included: the slow path (no exact match, so voting and
// alignment run too).
func BenchmarkFindQuote(b *testing.B) {
	src := benchSource(5000)
	quote := "the council said that we will never raise taxes for residents this year"
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		FindQuote(quote, src)
	}
}

// BenchmarkIndexFindQuote looks for the same quotation in a source indexed
// once, as the verifier does for every quotation of an article.
func BenchmarkIndexFindQuote(b *testing.B) {
	idx := NewIndex(benchSource(5000))
	quote := "the council said that we will never raise taxes for residents this year"
	b.ReportAllocs()
	for b.Loop() {
		idx.FindQuote(quote)
	}
}

// BenchmarkVerify verifies one claim against a source of 5,000 words.
func BenchmarkVerify(b *testing.B) {
	src := Source{Text: benchSource(5000), URL: "https://example.org/a"}
	c := Claim{Text: benchClaim}
	b.ReportAllocs()
	b.SetBytes(int64(len(src.Text)))
	for b.Loop() {
		Verify(c, src)
	}
}

// BenchmarkPrepare reads a 5,000-word source for verification: its
// sentences and their words.
func BenchmarkPrepare(b *testing.B) {
	src := Source{Text: benchSource(5000)}
	b.SetBytes(int64(len(src.Text)))
	b.ReportAllocs()
	for b.Loop() {
		Prepare(src)
	}
}

// BenchmarkVerifyPrepared verifies one claim against a 5,000-word source
// read once by Prepare, as the check does for a source several claims
// cite.
func BenchmarkVerifyPrepared(b *testing.B) {
	p := Prepare(Source{Text: benchSource(5000), URL: "https://example.org/a"})
	c := Claim{Text: benchClaim}
	b.ReportAllocs()
	for b.Loop() {
		VerifyPrepared(c, p)
	}
}

// BenchmarkVerifyTenRealPages verifies ten claims against each real page,
// read once: the page's own sentences of eight words or more, spread over
// it, the claims that share the most words with their source, as when an
// article cites one report for many of its claims.
func BenchmarkVerifyTenRealPages(b *testing.B) {
	texts := realPageTexts(b)
	claims := make([][]string, len(texts))
	for k, t := range texts {
		var long []string
		for _, sp := range splitSentences(t) {
			if s := t[sp.Start:sp.End]; len(strings.Fields(s)) >= 8 {
				long = append(long, s)
			}
		}
		for i := 0; i < 10 && len(long) > 0; i++ {
			claims[k] = append(claims[k], long[i*len(long)/10])
		}
	}
	b.SetBytes(textBytes(texts))
	b.ReportAllocs()
	for b.Loop() {
		for k, t := range texts {
			p := Prepare(Source{Text: t})
			for _, c := range claims[k] {
				VerifyPrepared(Claim{Text: c}, p)
			}
		}
	}
}
