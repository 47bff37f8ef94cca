package citations

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/sources"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The shapes of input that once made a step quadratic or unbounded (issue
// 10), each written by a generator for n works. The tests run each at n,
// 4n and 16n and check that what it costs, counted in bytes allocated or
// in steps, grows no faster than 1.5 times linearly; none of them times
// anything. The benchmarks run the largest size.

// sourcesParagraph is a source list without markers whose entries a
// plain-text reader joined into one paragraph, with lower-case titles after
// each full stop: every full stop is a place an entry may start.
func sourcesParagraph(n int) string {
	var b strings.Builder
	b.WriteString("Title\n\nSome text without markers.\n\nSources\n\n")
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "Smith%d, J. (2001). title number %d. journal of things, 3, 1–2.", i, i)
	}
	b.WriteByte('\n')
	return b.String()
}

// labelsParagraph is a paragraph of n labelled entries none of which has a
// year, so that the search for an entry's year runs to the end.
func labelsParagraph(n int) string {
	var b strings.Builder
	b.WriteString("Title\n\nReferences\n\n")
	for i := 1; i <= n; i++ {
		if i > 1 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "[%d] Some title without any year at all.", i)
	}
	b.WriteByte('\n')
	return b.String()
}

// parseShape reads a generated plain-text document.
func parseShape(t testing.TB, src string) *sources.Document {
	t.Helper()
	doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "shape.txt"})
	require.NoError(t, err)
	return doc
}

// allocated returns the bytes f allocates.
func allocated(f func()) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return float64(after.TotalAlloc - before.TotalAlloc)
}

// assertLinear checks that cost, measured at n, 4n and 16n, grows within
// 1.5 times of linearly.
func assertLinear(t *testing.T, what string, n int, cost func(n int) float64) {
	t.Helper()
	c1, c4, c16 := cost(n), cost(4*n), cost(16*n)
	require.Positive(t, c1, what)
	assert.LessOrEqual(t, c4/c1, 1.5*4, "%s: %.0f at %d, %.0f at %d", what, c1, n, c4, 4*n)
	assert.LessOrEqual(t, c16/c1, 1.5*16, "%s: %.0f at %d, %.0f at %d", what, c1, n, c16, 16*n)
}

func TestFindReferencesLinearInAParagraph(t *testing.T) {
	for name, shape := range map[string]func(int) string{"sources": sourcesParagraph, "labels": labelsParagraph} {
		t.Run(name, func(t *testing.T) {
			assertLinear(t, "bytes allocated", 256, func(n int) float64 {
				doc := parseShape(t, shape(n))
				var lists []ReferenceList
				bytes := allocated(func() { lists = FindReferences(doc) })
				require.Len(t, lists, 1)
				require.Len(t, lists[0].Entries, n)
				return bytes
			})
			assertLinear(t, "bytes searched for a year", 256, func(n int) float64 {
				text := shape(n)
				text = text[strings.LastIndex(strings.TrimSpace(text), "\n")+1:]
				split := entrySplitter{lastLabel: -1, max: math.MaxInt}
				require.Len(t, split.split(text), n)
				return float64(split.yearBytes)
			})
		})
	}
}

func TestFindReferencesLimit(t *testing.T) {
	for name, src := range map[string]string{
		"paragraph":  sourcesParagraph(101),
		"blocks":     "References\n\n" + strings.Repeat("Smith, J. (2001). Title. Journal, 1, 1–2.\n\n", 101),
		"list items": "# References\n\n" + strings.Repeat("- Smith, J. (2001). Title. Journal, 1, 1–2.\n", 101),
		"notes":      footnotes(101),
	} {
		t.Run(name, func(t *testing.T) {
			file := "shape.txt"
			if name == "list items" || name == "notes" {
				file = "shape.md"
			}
			doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: file})
			require.NoError(t, err)
			lists, err := FindReferencesWithOptions(doc, Options{MaxReferences: 101})
			require.NoError(t, err)
			require.Len(t, lists, 1)
			assert.Len(t, lists[0].Entries, 101)

			lists, err = FindReferencesWithOptions(doc, Options{MaxReferences: 100})
			assert.ErrorIs(t, err, ErrTooManyReferences)
			assert.ErrorIs(t, err, sources.ErrLimit)
			assert.Nil(t, lists)
		})
	}
}

// footnotes is a Markdown text with n footnotes.
func footnotes(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "Claim %d.[^%d]\n\n", i, i)
	}
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "[^%d]: A note on the claim, number %d.\n\n", i, i)
	}
	return b.String()
}

func TestFindReferencesLimitBuildsOneMore(t *testing.T) {
	// a paragraph of 16,000 entries is split no further than the limit
	doc := parseShape(t, sourcesParagraph(16000))
	f := &entryFinder{parsed: entryParses{}, limit: 100}
	start, end := -1, -1
	for i, b := range doc.Blocks {
		if strings.HasPrefix(doc.Slice(b.Span), "Sources") {
			start, end = i+1, len(doc.Blocks)
		}
	}
	require.Positive(t, start)
	assert.Nil(t, sectionEntries(doc, start, end, -1, f))
	assert.Equal(t, 101, f.entries)
	assert.Empty(t, f.parsed, "nothing parsed past the limit")
}

func BenchmarkFindReferencesParagraph(b *testing.B) {
	doc := parseShape(b, sourcesParagraph(16*256))
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		FindReferences(doc)
	}
}

// numericRanges is n lines citing a range of 49 works each.
func numericRanges(n int) string {
	return "Title\n\n" + strings.Repeat("[1–49]\n", n)
}

func TestFindLinearInRanges(t *testing.T) {
	// below the limit, 3,136 to 50,176 citations
	assertLinear(t, "bytes allocated", 64, func(n int) float64 {
		doc := parseShape(t, numericRanges(n))
		var found []Citation
		bytes := allocated(func() { found = Find(doc) })
		require.Len(t, found, 49*n)
		return bytes
	})
}

func TestFindLimitStopsTheScan(t *testing.T) {
	// past the limit the scan stops: what it costs does not grow with the
	// input at all
	cost := func(n int) float64 {
		doc := parseShape(t, numericRanges(n))
		var err error
		bytes := allocated(func() { _, err = FindWithOptions(doc, Options{MaxCitations: 1000}) })
		require.ErrorIs(t, err, ErrTooManyCitations)
		return bytes
	}
	c1, c16 := cost(64), cost(16*64)
	assert.LessOrEqual(t, c16, 1.5*c1, "bytes allocated: %.0f at 64 ranges, %.0f at 1,024", c1, c16)
}

func TestFindLimit(t *testing.T) {
	for _, tt := range []struct {
		name, file, src string
		n               int // the citations src holds
	}{
		{"ranges", "x.txt", numericRanges(3), 3 * 49},
		{"author-year", "x.txt", strings.Repeat("As shown (Smith, 2001; Lee, 2002).\n", 50), 100},
		{"superscripts", "x.html", "<p>" + strings.Repeat("Shown.<sup>1-9</sup> ", 10) + "</p>", 90},
		{"footnote links", "x.md", footnotes(40), 40},
		{"dangling footnotes", "x.md", strings.Repeat("Claim.[^x] ", 40), 40},
		{"preformatted, not counted", "x.md", "```\n" + strings.Repeat("[1–49]\n", 100) + "```\n\nSee [1–9].\n", 9},
		{"under footnote links, not counted", "x.html", "<p>" + strings.Repeat(`Shown.<a href="#n1">[1]</a> `, 20) + `</p><ol><li id="n1">A note.</li></ol>`, 20},
		{"hyperlinks", "x.html", "<p>" + strings.Repeat(`See <a href="https://example.org/a">this</a>. `, 40) + "</p>", 40},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := sources.Parse([]byte(tt.src), sources.ReadOptions{Name: tt.file})
			require.NoError(t, err)
			found, err := FindWithOptions(doc, Options{MaxCitations: tt.n})
			require.NoError(t, err)
			assert.Len(t, found, tt.n)

			found, err = FindWithOptions(doc, Options{MaxCitations: tt.n - 1})
			assert.ErrorIs(t, err, ErrTooManyCitations)
			assert.ErrorIs(t, err, sources.ErrLimit)
			assert.Nil(t, found)
		})
	}
}

func TestFindPastTheDefaultLimit(t *testing.T) {
	doc := parseShape(t, numericRanges(DefaultMaxCitations/49+1))
	_, err := FindWithOptions(doc, Options{})
	require.ErrorIs(t, err, ErrTooManyCitations)
	assert.Nil(t, Find(doc), "nil, not part of the citations")
	assert.Nil(t, ScanText(doc.Text))
}

func BenchmarkFindRanges(b *testing.B) {
	doc := parseShape(b, numericRanges(16*64))
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(doc)
	}
}
