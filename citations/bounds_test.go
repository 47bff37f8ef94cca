package citations

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
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
				require.Equal(t, 1, len(lists))
				require.Equal(t, n, len(lists[0].Entries))
				return bytes
			})
			assertLinear(t, "bytes searched for a year", 256, func(n int) float64 {
				text := shape(n)
				text = text[strings.LastIndex(strings.TrimSpace(text), "\n")+1:]
				split := entrySplitter{lastLabel: -1, max: math.MaxInt}
				require.Equal(t, n, len(split.split(text)))
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
			require.Equal(t, 1, len(lists))
			assert.Equal(t, 101, len(lists[0].Entries))

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
	benchShape(b, sourcesParagraph(16*256), func(doc *sources.Document) { FindReferences(doc) })
}

// benchShape runs f on a generated document, by the byte.
func benchShape(b *testing.B, src string, f func(*sources.Document)) {
	doc := parseShape(b, src)
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		f(doc)
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
		require.Equal(t, 49*n, len(found))
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
		{"written DOIs", "x.txt", strings.Repeat("As shown in doi:10.1000/x and ", 40) + "so on.\n", 40},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := sources.Parse([]byte(tt.src), sources.ReadOptions{Name: tt.file})
			require.NoError(t, err)
			found, err := FindWithOptions(doc, Options{MaxCitations: tt.n})
			require.NoError(t, err)
			assert.Equal(t, tt.n, len(found))

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
	benchShape(b, numericRanges(16*64), func(doc *sources.Document) { Find(doc) })
}

// numberedList is n citations "[1]" to "[n]" and a list numbered 1 to n.
func numberedList(n int) string {
	var b strings.Builder
	b.WriteString("Title\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "Shown [%d].\n", i)
	}
	b.WriteString("\nReferences\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d. Smith J. Title %d. Journal. 2001;1:1-2.\n\n", i, i)
	}
	return b.String()
}

// findNumbered finds and links the citations of a document as the
// citecheck pipeline does, reading numbers as far as its list goes.
func findNumbered(t testing.TB, doc *sources.Document) ([]Citation, []LinkResult) {
	t.Helper()
	lists, err := FindReferencesWithOptions(doc, Options{})
	require.NoError(t, err)
	found, err := FindWithOptions(doc, Options{MaxNumber: max(DefaultMaxNumber, LargestLabel(lists))})
	require.NoError(t, err)
	return found, Link(found, lists)
}

func TestFindNumbersAsFarAsTheList(t *testing.T) {
	doc := parseShape(t, numberedList(10000))
	lists := FindReferences(doc)
	assert.Equal(t, 10000, LargestLabel(lists))
	assert.Equal(t, 999, len(Find(doc)), "by default no number above 999 is read")
	found, links := findNumbered(t, doc)
	require.Equal(t, 10000, len(found))
	for i, c := range found {
		assert.Equal(t, strconv.Itoa(i+1), c.Number)
		assert.Equal(t, Resolved, links[i].Status)
		assert.Equal(t, "r"+strconv.Itoa(i+1), links[i].Reference)
	}
}

func TestFindYearsInBracketsStayYears(t *testing.T) {
	for name, src := range map[string]string{
		"a short list": "As in [2020] and [1].\n\nReferences\n\n1. Smith J. Title. Journal. 2001;1:1-2.\n",
		// an author-date list whose entries open with their year
		"years as labels": "As in [2020] and [1].\n\nReferences\n\n" +
			strings.Repeat("2015. Smith J. Title. Journal, 1, 1-2.\n\n2019. Lee K. Title. Journal, 2, 3-4.\n\n", 5),
	} {
		t.Run(name, func(t *testing.T) {
			found, _ := findNumbered(t, parseShape(t, src))
			var numbers []string
			for _, c := range found {
				if c.Kind == KindNumeric && c.Span.Start < strings.Index(src, "References") {
					numbers = append(numbers, c.Number)
				}
			}
			assert.Equal(t, []string{"1"}, numbers)
		})
	}
}

func TestFindNumberedLinear(t *testing.T) {
	assertLinear(t, "bytes allocated", 512, func(n int) float64 {
		doc := parseShape(t, numberedList(n))
		var found []Citation
		bytes := allocated(func() { found, _ = findNumbered(t, doc) })
		require.Equal(t, n, len(found))
		return bytes
	})
}

func BenchmarkFindNumbered(b *testing.B) {
	benchShape(b, numberedList(16*512), func(doc *sources.Document) { findNumbered(b, doc) })
}

func TestLargestLabel(t *testing.T) {
	labelled := func(labels ...string) ReferenceList {
		l := ReferenceList{}
		for _, s := range labels {
			l.Entries = append(l.Entries, Reference{Label: s})
		}
		return l
	}
	for _, tt := range []struct {
		name  string
		lists []ReferenceList
		want  int
	}{
		{"no lists", nil, 0},
		{"unlabelled", []ReferenceList{labelled("", "")}, 0},
		{"numbered", []ReferenceList{labelled("1", "2", "[03]", "BAD10")}, 3},
		{"a gap is allowed", []ReferenceList{labelled("1", "2", "4")}, 4},
		{"the second list goes on", []ReferenceList{labelled("1", "2"), labelled("3", "4", "5")}, 5},
		{"years are no labels", []ReferenceList{labelled("2015", "2019", "2020")}, 0},
		{"a stray year among labels", []ReferenceList{labelled("1", "2", "2019")}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, LargestLabel(tt.lists))
		})
	}
}

// ambiguousCitations is n citations "(Smith, 2001)" and n entries
// "Smith, J. (2001). Title i. …": every citation matches every entry.
func ambiguousCitations(n int) ([]Citation, []ReferenceList) {
	cits := make([]Citation, n)
	list := ReferenceList{Entries: make([]Reference, n)}
	for i := range n {
		cits[i] = Citation{ID: "c" + strconv.Itoa(i+1), Kind: KindAuthorYear, Authors: []string{"Smith"}, Year: "2001"}
		list.Entries[i] = Reference{ID: "r" + strconv.Itoa(i+1), Authors: []string{"Smith"}, Year: "2001",
			Title: "Title " + strconv.Itoa(i), Text: fmt.Sprintf("Smith, J. (2001). Title %d. Journal, 1, 1–2.", i)}
	}
	return cits, []ReferenceList{list}
}

// ambiguousDoc is the same as a plain-text article.
func ambiguousDoc(n int) string {
	var b strings.Builder
	b.WriteString("Title\n\n")
	for range n {
		b.WriteString("As shown (Smith, 2001).\n")
	}
	b.WriteString("\nReferences\n\n")
	for i := range n {
		fmt.Fprintf(&b, "Smith, J. (2001). Title %d. Journal, 1, 1–2.\n\n", i)
	}
	return b.String()
}

func TestLinkAmbiguousLinear(t *testing.T) {
	assertLinear(t, "entries examined", 256, func(n int) float64 {
		cits, lists := ambiguousCitations(n)
		idx := newEntryIndex(lists)
		links := idx.linkAll(cits)
		require.Equal(t, Ambiguous, links[n-1].Status)
		return float64(idx.examined)
	})
	assertLinear(t, "bytes allocated", 256, func(n int) float64 {
		cits, lists := ambiguousCitations(n)
		return allocated(func() { Link(cits, lists) })
	})
	assertLinear(t, "bytes allocated by the pipeline", 256, func(n int) float64 {
		doc := parseShape(t, ambiguousDoc(n))
		return allocated(func() {
			lists := FindReferences(doc)
			found := Find(doc)
			require.Equal(t, n, len(found))
			links := Link(found, lists)
			require.Equal(t, n, links[n-1].CandidateCount)
		})
	})
}

func TestLinkKeepsTheFirstCandidates(t *testing.T) {
	cits, lists := ambiguousCitations(25)
	links := Link(cits, lists)
	for i, l := range links {
		assert.Equal(t, cits[i].ID, l.Citation)
		assert.Equal(t, Ambiguous, l.Status)
		assert.Equal(t, 25, l.CandidateCount)
		assert.Equal(t, []string{"r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10"}, l.Candidates)
	}
	links[0].Candidates[0] = "changed"
	assert.Equal(t, "r1", links[1].Candidates[0], "each result has candidates of its own")
}

func TestLinkOnceEachCitation(t *testing.T) {
	// citations alike but for one field are linked apart
	lists := []ReferenceList{{Entries: []Reference{
		entry("r1", "2001", "Smith"), entry("r2", "2001", "Smith", "Lee"), entry("r3", "2002", "Smith", "Lee", "Ma"),
		{ID: "r4", Label: "4", URL: "https://example.org/a", Anchor: "n4"},
	}}}
	cits := []Citation{
		ay("c1", "2001", false, "Smith"),
		ay("c2", "2001", false, "Smith", "Lee"),
		ay("c3", "2001", true, "Smith"),
		ay("c4", "2002", true, "Smith"),
		ay("c5", "2001", false, "Smith"),
		{ID: "c6", Kind: KindAuthorPage, Authors: []string{"Smith"}},
		{ID: "c7", Kind: KindNumeric, Number: "4"},
		{ID: "c8", Kind: KindFootnote, Number: "4", Target: "n4"},
		{ID: "c9", Kind: KindFootnote, Number: "4", Target: "n5"},
		{ID: "c10", Kind: KindLink, URL: "https://example.org/a"},
		ay("c11", "2001", false, "Smith Lee"),
	}
	var want []LinkResult
	idx := newEntryIndex(lists)
	for _, c := range cits {
		r := idx.link(c)
		r.Citation = c.ID
		want = append(want, r)
	}
	assert.Equal(t, want, Link(cits, lists))
}

func TestCandidatesInListOrder(t *testing.T) {
	names := []string{"van der Berg", "Berg", "Vanderberg", "van Berg", "World Health Organization", "WHO",
		"World Health Organization WHO", "de la Cruz", "Cruz", "García Márquez", "García", "Smith-Jones", "Smith"}
	var entries []Reference
	for i, n := range append(names, names...) {
		entries = append(entries, entry("r"+strconv.Itoa(i+1), "2001", n))
	}
	idx := newEntryIndex([]ReferenceList{{Entries: entries}})
	for _, n := range names {
		var keys []string
		var want []int
		for _, k := range nameKeys(NormalizeName(n), keys) {
			want = append(want, idx.byName[k]...)
		}
		slices.Sort(want)
		want = slices.Compact(want)
		assert.Equal(t, want, idx.candidates([]string{NormalizeName(n)}), n)
	}
}

func BenchmarkLinkAmbiguous(b *testing.B) {
	cits, lists := ambiguousCitations(16 * 256)
	b.ReportAllocs()
	for b.Loop() {
		Link(cits, lists)
	}
}

// TestLinkDistinctCitationsLinear links n different citations against n
// entries that share their first author or their year: a citation is
// compared with at most maxAuthorScan entries, found by its exact authors
// beyond that, so the entries examined grow linearly.
func TestLinkDistinctCitationsLinear(t *testing.T) {
	secondAuthors := func(n int) ([]Citation, []ReferenceList) {
		var cits []Citation
		var entries []Reference
		for i := range n {
			second := fmt.Sprintf("Lee%d", i)
			cits = append(cits, Citation{ID: fmt.Sprintf("c%d", i+1), Kind: KindAuthorYear, Authors: []string{"Smith", second}, Year: "2001"})
			entries = append(entries, Reference{ID: fmt.Sprintf("r%d", i+1), Authors: []string{"Smith", second}, Year: "2001"})
		}
		return cits, []ReferenceList{{Entries: entries}}
	}
	unknownNames := func(n int) ([]Citation, []ReferenceList) {
		var cits []Citation
		var entries []Reference
		for i := range n {
			cits = append(cits, Citation{ID: fmt.Sprintf("c%d", i+1), Kind: KindAuthorYear, Authors: []string{fmt.Sprintf("Nobody%dx", i)}, Year: "2001"})
			entries = append(entries, Reference{ID: fmt.Sprintf("r%d", i+1), Authors: []string{fmt.Sprintf("Author%dq", i)}, Year: "2001"})
		}
		return cits, []ReferenceList{{Entries: entries}}
	}
	for name, shape := range map[string]func(int) ([]Citation, []ReferenceList){"second authors": secondAuthors, "unknown names": unknownNames} {
		t.Run(name, func(t *testing.T) {
			const scan = 32 // maxAuthorScan, lowered so that the sizes past it are small
			assertLinear(t, "entries examined", 2*scan, func(n int) float64 {
				cits, lists := shape(n)
				idx := newEntryIndex(lists)
				idx.maxScan = scan
				links := idx.linkAll(cits)
				if name == "second authors" {
					for i, l := range links {
						require.Equal(t, Resolved, l.Status, cits[i].Authors)
						require.Equal(t, lists[0].Entries[i].ID, l.Reference)
					}
				}
				return float64(idx.examined)
			})
		})
	}
}
