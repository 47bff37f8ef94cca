package citations

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/sources"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readTextDoc reads a plain-text test document.
func readTextDoc(t testing.TB, path string) *sources.Document {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	doc, err := sources.Parse(src, sources.ReadOptions{Name: filepath.Base(path)})
	require.NoError(t, err)
	return doc
}

// entrySummary is what the file tests compare for each entry.
type entrySummary struct {
	Label   string
	Authors []string
	Year    string
	Title   string
	URL     string
}

func summarize(lists []ReferenceList) (headings []string, entries [][]entrySummary) {
	for _, l := range lists {
		headings = append(headings, l.Heading)
		var es []entrySummary
		for _, e := range l.Entries {
			es = append(es, entrySummary{Label: e.Label, Authors: e.Authors, Year: e.Year, Title: e.Title, URL: e.URL})
		}
		entries = append(entries, es)
	}
	return headings, entries
}

func TestFindReferencesTextFiles(t *testing.T) {
	tests := []struct {
		file     string
		headings []string
		entries  [][]entrySummary
	}{
		{
			file:     "apa_hanging.txt",
			headings: []string{"References"},
			entries: [][]entrySummary{{
				{Authors: []string{"Ma", "Smith", "Lee"}, Year: "2020", Title: "Sleep duration and memory consolidation in adolescents: A longitudinal study"},
				{Authors: []string{"Okafor", "Lindqvist"}, Year: "2018", Title: "Circadian rhythms in school-age children"},
				{Authors: []string{"van der Berg"}, Year: "2019a", Title: "Napping and learning"},
				{Authors: []string{"World Health Organization"}, Year: "2021", Title: "Adolescent health report", URL: "https://www.who.int/reports/adolescent-health"},
			}},
		},
		{
			file:     "vancouver_numbered.txt",
			headings: []string{"References"},
			entries: [][]entrySummary{{
				{Label: "1", Authors: []string{"Ma", "Smith", "Lee"}, Year: "2019", Title: "Audit and feedback to reduce antibiotic prescribing"},
				{Label: "2", Authors: []string{"Pérez-Higueras", "Arias", "de la Macorra"}, Year: "2017", Title: "Delayed prescriptions in general practice"},
				{Label: "3", Authors: []string{"Jensen", "Nielsen"}, Year: "2020", Title: "Antibiotic use in Danish primary care"},
			}},
		},
		{
			file:     "chicago_bibliography.txt",
			headings: []string{"Bibliography"},
			entries: [][]entrySummary{{
				{Authors: []string{"Smith", "Doe"}, Year: "2015", Title: "The Iron Road: Railways and the Making of Modern Time"},
				{Authors: []string{"Müller"}, Year: "2016", Title: "Timetables and Trust"},
				{Authors: []string{"Keller"}, Year: "2014", Title: "Clocks at the Station"},
			}},
		},
		{
			file:     "mla_works_cited.txt",
			headings: []string{"Works Cited:"},
			entries: [][]entrySummary{{
				{Authors: []string{"Nakamura"}, Year: "2013", Title: "Digital Reading and Its Discontents"},
				{Authors: []string{"Baron"}, Year: "2015", Title: "Words Onscreen: The Fate of Reading in a Digital World"},
			}},
		},
		{
			file:     "news_sources.txt",
			headings: []string{"Sources"},
			entries: [][]entrySummary{{
				{URL: "https://www.example.gov/transport/bike-lanes-2024"},
				{URL: "https://news.example.com/2024/05/council-vote"},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc := readTextDoc(t, filepath.Join("..", "testdata", "references", tt.file))
			lists := FindReferences(doc)
			headings, entries := summarize(lists)
			assert.Equal(t, tt.headings, headings)
			assert.Equal(t, tt.entries, entries)
			checkLists(t, doc, lists)
		})
	}
}

// checkLists asserts the invariants every result keeps: IDs numbered in
// order, spans inside Text and inside their section, Text matching Span.
func checkLists(t *testing.T, doc *sources.Document, lists []ReferenceList) {
	t.Helper()
	n, prevEnd := 0, -1
	for _, l := range lists {
		require.LessOrEqual(t, l.Span.Start, l.Span.End)
		require.LessOrEqual(t, l.Span.End, len(doc.Text))
		for _, e := range l.Entries {
			n++
			require.Equal(t, "r"+strconv.Itoa(n), e.ID)
			require.True(t, l.Span.Contains(e.Span), "entry %s %v outside section %v", e.ID, e.Span, l.Span)
			require.Greater(t, e.Span.Start, prevEnd-1, "entries out of order")
			require.Equal(t, doc.Slice(e.Span), e.Text)
			prevEnd = e.Span.End
		}
	}
}

func TestFindReferencesAPASpans(t *testing.T) {
	doc := readTextDoc(t, filepath.Join("..", "testdata", "references", "apa_hanging.txt"))
	lists := FindReferences(doc)
	require.Len(t, lists, 1)
	l := lists[0]
	assert.Equal(t, 6, doc.Locate(l.HeadingSpan).Line)
	require.Len(t, l.Entries, 4)
	// an entry starts on its own line in the file, hanging lines included
	assert.Equal(t, 8, doc.Locate(l.Entries[0].Span).Line)
	assert.Equal(t, 10, doc.Locate(l.Entries[0].Span).EndLine)
	assert.Equal(t, "10.1111/jsr.13001", l.Entries[0].DOI)
	assert.Equal(t, 13, doc.Locate(l.Entries[2].Span).Line)
	assert.True(t, strings.HasPrefix(l.Entries[2].Text, "van der Berg, A. (2019a)."))
	// the pagination after the list is not an entry
	assert.NotContains(t, l.Entries[3].Text, "Prev")
}

func TestFindReferencesSeedArticle(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "seed", "article.txt")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("seed article not found at %s", path)
	}
	doc := readTextDoc(t, path)
	lists := FindReferences(doc)
	require.Len(t, lists, 1)
	assert.Equal(t, "References", lists[0].Heading)
	assert.Equal(t, 89, doc.Locate(lists[0].HeadingSpan).Line)
	assert.Empty(t, lists[0].Entries, "pagination is not an entry")
}

// docPart is one block of a hand-built document.
type docPart struct {
	kind    sources.BlockKind
	level   int
	id      string
	list    int
	ordered bool
	text    string
}

// buildDoc builds a Document the way the HTML and Markdown readers do:
// blocks separated by "\n", an anchor for every block with an id, and a
// footnote link for every "[[id]]" marker in the text (the marker becomes
// its label in brackets).
func buildDoc(parts ...docPart) *sources.Document {
	doc := &sources.Document{Format: sources.FormatHTML}
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte('\n')
		}
		start := b.Len()
		text := p.text
		for {
			i := strings.Index(text, "[[")
			j := strings.Index(text, "]]")
			if i < 0 || j < i {
				break
			}
			b.WriteString(text[:i])
			id := text[i+2 : j]
			label := "[" + id[strings.LastIndexAny(id, "-:")+1:] + "]"
			doc.Links = append(doc.Links, sources.Link{
				Span: sources.Span{Start: b.Len(), End: b.Len() + len(label)}, Href: "#" + id, URL: "#" + id,
				InBody: true, Superscript: true, Footnote: true,
			})
			b.WriteString(label)
			text = text[j+2:]
		}
		b.WriteString(text)
		span := sources.Span{Start: start, End: b.Len()}
		doc.Blocks = append(doc.Blocks, sources.Block{Kind: p.kind, Level: p.level, Span: span, List: p.list, Ordered: p.ordered, ID: p.id})
		if p.id != "" {
			doc.Anchors = append(doc.Anchors, sources.Anchor{ID: p.id, Span: span})
		}
	}
	doc.Text = b.String()
	doc.Src = []byte(doc.Text)
	return doc
}

func wikipediaParts(withHeading bool) []docPart {
	parts := []docPart{
		{kind: sources.BlockHeading, level: 1, text: "Mozilla"},
		{kind: sources.BlockParagraph, text: "Mozilla is a free software community.[[cite_note-1]] It was founded in 1998.[[cite_note-2]]"},
	}
	if withHeading {
		parts = append(parts, docPart{kind: sources.BlockHeading, level: 2, text: "References"})
	}
	return append(parts,
		docPart{kind: sources.BlockListItem, level: 1, list: 1, ordered: true, id: "cite_note-1",
			text: "^ a b Smith, John (2019). \"Mozilla's early years\". Mozilla Foundation. Retrieved 3 May 2020."},
		docPart{kind: sources.BlockListItem, level: 1, list: 1, ordered: true, id: "cite_note-2",
			text: "^ Doe, Jane (2020). \"Firefox at 15\". The Verge."},
		docPart{kind: sources.BlockHeading, level: 2, text: "External links"},
		docPart{kind: sources.BlockListItem, level: 1, list: 2, text: "Official website"},
	)
}

func TestFindReferencesWikipedia(t *testing.T) {
	for _, withHeading := range []bool{true, false} {
		doc := buildDoc(wikipediaParts(withHeading)...)
		lists := FindReferences(doc)
		require.Len(t, lists, 1, "heading %v", withHeading)
		l := lists[0]
		if withHeading {
			assert.Equal(t, "References", l.Heading)
		} else {
			assert.Empty(t, l.Heading)
			assert.Equal(t, sources.Span{}, l.HeadingSpan)
		}
		require.Len(t, l.Entries, 2)
		assert.Equal(t, "cite_note-1", l.Entries[0].Anchor)
		assert.Equal(t, "cite_note-2", l.Entries[1].Anchor)
		assert.Equal(t, []string{"Smith"}, l.Entries[0].Authors)
		assert.Equal(t, "Mozilla's early years", l.Entries[0].Title)
		assert.Equal(t, "2020", l.Entries[1].Year)
		assert.True(t, strings.HasPrefix(l.Entries[0].Text, "^ a b Smith"))
		checkLists(t, doc, lists)
	}
}

func TestFindReferencesMarkdownFootnotes(t *testing.T) {
	doc := buildDoc(
		docPart{kind: sources.BlockParagraph, text: "Sleep matters.[[fn:1]] So does diet.[[fn:diet]]"},
		docPart{kind: sources.BlockListItem, level: 1, list: 1, ordered: true, id: "fn:1",
			text: "Ma, X., & Lee, K. (2020). Sleep and memory. Journal of Sleep Research, 29(4), 112–128."},
		docPart{kind: sources.BlockListItem, level: 1, list: 1, ordered: true, id: "fn:diet",
			text: "https://www.example.org/diet-study"},
	)
	lists := FindReferences(doc)
	require.Len(t, lists, 1)
	require.Len(t, lists[0].Entries, 2)
	assert.Equal(t, "fn:1", lists[0].Entries[0].Anchor)
	assert.Equal(t, "fn:diet", lists[0].Entries[1].Anchor)
	assert.Equal(t, "https://www.example.org/diet-study", lists[0].Entries[1].URL)
	checkLists(t, doc, lists)
}

// TestFindReferencesMarkdownFootnotesBeforeAList checks that footnote
// definitions written before a heading, which the Markdown reader puts
// after the text, stay a list of notes apart from the heading's list.
func TestFindReferencesMarkdownFootnotesBeforeAList(t *testing.T) {
	src := "# Pumps\n\nSales rose.[^1]\n\n[^1]: EHPA, \"Market Report 2023\", https://www.ehpa.org/report\n\n" +
		"## Sources\n\n1. EHPA (2023). European Heat Pump Market Report 2023.\n2. Bundesregierung (2022). Heat pump summit statement.\n"
	doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "pumps.md"})
	require.NoError(t, err)
	lists := FindReferences(doc)
	require.Len(t, lists, 2)
	assert.Equal(t, "Sources", lists[0].Heading)
	require.Len(t, lists[0].Entries, 2)
	assert.Equal(t, "EHPA (2023). European Heat Pump Market Report 2023.", lists[0].Entries[0].Text)
	assert.Equal(t, "Bundesregierung (2022). Heat pump summit statement.", doc.Slice(sources.Span{Start: lists[0].Span.End - 51, End: lists[0].Span.End}))
	require.Len(t, lists[1].Entries, 1)
	assert.NotEmpty(t, lists[1].Entries[0].Anchor)
	checkLists(t, doc, lists)
}

func TestFindReferencesHeadings(t *testing.T) {
	tests := []struct {
		heading string
		found   bool
	}{
		{"References", true},
		{"7. References", true},
		{"REFERENCES:", true},
		{"Literature Cited", true},
		{"Références", true},
		{"Bibliografía", true},
		{"Notes and references", true},
		{"Further reading", false},
		{"Referenced works in the survey", false},
		{"Results", false},
	}
	for _, tt := range tests {
		doc := buildDoc(
			docPart{kind: sources.BlockParagraph, text: "Body text (Ma, 2020)."},
			docPart{kind: sources.BlockHeading, level: 2, text: tt.heading},
			docPart{kind: sources.BlockParagraph, text: "Ma, X. (2020). Sleep and memory. Nature, 5, 1–2."},
		)
		lists := FindReferences(doc)
		assert.Equal(t, tt.found, len(lists) == 1, tt.heading)
	}
}

func TestFindReferencesSectionBounds(t *testing.T) {
	doc := buildDoc(
		docPart{kind: sources.BlockHeading, level: 2, text: "References"},
		docPart{kind: sources.BlockHeading, level: 3, text: "Primary sources"},
		docPart{kind: sources.BlockListItem, level: 1, list: 1, text: "Smith, J. (2019). Letters home. Archive Press."},
		docPart{kind: sources.BlockHeading, level: 2, text: "Secondary sources"},
		docPart{kind: sources.BlockListItem, level: 1, list: 2, text: "Lee, K. (2020). A history of letters. Journal of History, 3(1), 1–20."},
		docPart{kind: sources.BlockParagraph, text: "Back to top"},
		docPart{kind: sources.BlockHeading, level: 2, text: "Further reading"},
		docPart{kind: sources.BlockListItem, level: 1, list: 3, text: "Chen, M. (2021). Post and empire. Penguin."},
	)
	lists := FindReferences(doc)
	require.Len(t, lists, 1)
	_, entries := summarize(lists)
	assert.Equal(t, [][]entrySummary{{
		{Authors: []string{"Smith"}, Year: "2019", Title: "Letters home"},
		{Authors: []string{"Lee"}, Year: "2020", Title: "A history of letters"},
	}}, entries)
	checkLists(t, doc, lists)
}

func TestSplitEntries(t *testing.T) {
	tests := []struct {
		in     string
		strict bool
		want   []string
	}{
		{
			in:   "[1] Ma X, Lee K. Sleep. BMJ. 2019;1:1-2. [2] Chen M. Diet. Lancet. 2020;3:4-5.",
			want: []string{"[1] Ma X, Lee K. Sleep. BMJ. 2019;1:1-2.", "[2] Chen M. Diet. Lancet. 2020;3:4-5."},
		},
		{
			in:   "4. Ma X. Sleep. BMJ. 2019;1:45–67. 5. Lee K. Diet. Lancet. 2020;3:4-5.",
			want: []string{"4. Ma X. Sleep. BMJ. 2019;1:45–67.", "5. Lee K. Diet. Lancet. 2020;3:4-5."},
		},
		{
			in:   "Ma, X. (2019). Sleep. Nature, 1, 1–2. Smith, J. (2019). Diet. Science, 2, 3–4.",
			want: []string{"Ma, X. (2019). Sleep. Nature, 1, 1–2.", "Smith, J. (2019). Diet. Science, 2, 3–4."},
		},
		{
			// a journal's name before a year does not start an entry in a
			// block that holds one entry
			in:     "Fratiglioni L, Paillard-Borg S, Winblad B (2004). An active and socially integrated lifestyle in late life might protect against dementia. Lancet Neurol 2004: 343–353.",
			strict: true,
			want:   []string{"Fratiglioni L, Paillard-Borg S, Winblad B (2004). An active and socially integrated lifestyle in late life might protect against dementia. Lancet Neurol 2004: 343–353."},
		},
		{
			in:     "Ma, X. (2019). Sleep. Nature, 1, 1–2. van der Berg, A. (2019a). Napping. Science, 2, 3–4.",
			strict: true,
			want:   []string{"Ma, X. (2019). Sleep. Nature, 1, 1–2.", "van der Berg, A. (2019a). Napping. Science, 2, 3–4."},
		},
		{
			// a publisher and its place ending an entry start none
			in:     "Lund, K., 2015. Harbour walls. Kystforlaget, Oslo. Moe, P., 2016. Quays. Vestland Press, Bergen.",
			strict: true,
			want:   []string{"Lund, K., 2015. Harbour walls. Kystforlaget, Oslo.", "Moe, P., 2016. Quays. Vestland Press, Bergen."},
		},
		{
			// a publisher and its date ending an entry start none
			in:   "---. Outflows in the 2010 Floods. Eastfield Water Board, 2018.",
			want: []string{"---. Outflows in the 2010 Floods. Eastfield Water Board, 2018."},
		},
		{
			// a title after an author and a year is the title, whatever
			// it looks like
			in:   "Eastfield Water Board. 2018. Outflows, 2010 to 2018. Eastfield: Eastfield Water Board.",
			want: []string{"Eastfield Water Board. 2018. Outflows, 2010 to 2018. Eastfield: Eastfield Water Board."},
		},
		{
			// a DIN imprint, "Place : Publisher, Year", after a title that
			// holds a year starts no entry
			in:   "[21a] NORTHMERE HEALTH OBSERVATORY: Hospital admissions during the June 2021 heatwave. Northmere : Northmere Health Observatory, 2021",
			want: []string{"[21a] NORTHMERE HEALTH OBSERVATORY: Hospital admissions during the June 2021 heatwave. Northmere : Northmere Health Observatory, 2021"},
		},
		{
			// "5." here is not the next label, and "J. Smith" is inside a title
			in:   "Ma, X. (2019). Sleep in 2018. Chapter 5. On J. Smith and others. Nature, 1, 1–2.",
			want: []string{"Ma, X. (2019). Sleep in 2018. Chapter 5. On J. Smith and others. Nature, 1, 1–2."},
		},
	}
	for _, tt := range tests {
		split := entrySplitter{lastLabel: -1, strict: tt.strict, max: math.MaxInt}
		var got []string
		for _, sp := range split.split(tt.in) {
			got = append(got, tt.in[sp.Start:sp.End])
		}
		assert.Equal(t, tt.want, got)
	}
}

func TestWrappedLine(t *testing.T) {
	const prev = "Eastfield Water Board. (2018). Outflows, 2010 to"
	const whole = "Eastfield Water Board. (2018). Outflows. Eastfield Water Board."
	tests := []struct {
		prev, gap, next string
		lastLabel       int
		want            bool
	}{
		{prev, "\n", "2018. Eastfield Water Board.", -1, true},
		{whole, "\n", "https://water.example.org/outflows-2018", -1, true},
		{prev, "\n\n", "2018. Eastfield Water Board.", -1, false}, // a blank line parts them
		{whole, "\n", "2018. Eastfield Water Board.", -1, false},  // the entry before is whole
		{prev, "\n", "2018. Eastfield Water Board.", 2017, false}, // the list's next number
		{prev, "\n", "Moe, P. (2016). Quays. Vestland Press.", -1, false},
		{prev, "\n", "12. Moe, P. Quays. Vestland Press.", -1, false},
		{whole, "\n", "https://water.example.org/a and more words", -1, false},
		{"https://water.example.org/a", "\n", "https://water.example.org/b", -1, false}, // a list of links
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, wrappedLine(tt.prev, tt.gap, tt.next, tt.lastLabel), "%q after %q", tt.next, tt.prev)
	}
}

// TestFindReferencesWrappedLines checks that in plain text the lines of an
// entry a reader broke into blocks, a year read as a list's number and a
// URL on a line of its own, stay in their entry.
func TestFindReferencesWrappedLines(t *testing.T) {
	src := "Body text (Eastfield Water Board, 2018).\n\nReferences\n\n" +
		"Eastfield Water Board. (2018). Outflows, 2010 to\n2018. Eastfield Water Board.\nhttps://water.example.org/outflows-2018\n\n" +
		"Moe, P. (2016). Quays. Vestland Press.\n"
	doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "wrapped.txt"})
	require.NoError(t, err)
	lists := FindReferences(doc)
	require.Len(t, lists, 1)
	require.Len(t, lists[0].Entries, 2)
	e := lists[0].Entries[0]
	assert.Equal(t, "2018", e.Year)
	assert.Equal(t, "https://water.example.org/outflows-2018", e.URL)
	assert.Equal(t, []string{"Moe"}, lists[0].Entries[1].Authors)
	checkLists(t, doc, lists)
}

func TestIsNoise(t *testing.T) {
	for _, s := range []string{"← Prev Next →", "Back to top", "Share this", "© 2024 Example News", "12", "Page 3 of 5", "Retrieved from \"https://en.wikipedia.org/w/index.php?title=X\""} {
		assert.True(t, isNoise(s), s)
	}
	for _, s := range []string{"Ma, X. (2019). Sleep. Nature, 1, 1–2.", "https://example.com/a", "Next steps for science policy. Nature, 2019."} {
		assert.False(t, isNoise(s), s)
	}
}

func TestFindReferencesNil(t *testing.T) {
	assert.Nil(t, FindReferences(nil))
	assert.Nil(t, FindReferences(&sources.Document{}))
}

func TestFindReferencesLargeInput(t *testing.T) {
	// 20,000 entries on consecutive lines arrive as one joined block
	entry := "Ma, X., Smith, J., & Lee, K. (2020). Sleep and memory. Journal of Sleep Research, 29(4), 112–128.\n"
	src := "Body.\n\nReferences\n\n" + strings.Repeat(entry, 20000)
	doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "big.txt"})
	require.NoError(t, err)
	lists := FindReferences(doc)
	require.Len(t, lists, 1)
	assert.Len(t, lists[0].Entries, 20000)
	assert.Equal(t, "r20000", lists[0].Entries[19999].ID)
}

// TestFindReferencesListItemsStaySeparate checks that in HTML and Markdown
// every list item is an entry of its own, even when the item before it
// stops without a full stop or the next one starts in lower case.
func TestFindReferencesListItemsStaySeparate(t *testing.T) {
	items := []string{
		"Ferrier PM, Rucker RR, Thurman WN. Economic effects of changes in honey bee health. USDA ERS; 2018",
		"vanEngelsdorp D, Meixner MD. A historical review of managed honey bee populations. J Invertebr Pathol. 2010;103:S80-S95.",
		"Reuters, \"Homicides rise in two districts,\" January 12, 2024",
		"Brennan Center for Justice, Crime Trends, https://www.brennancenter.org/crime-trends",
	}
	for _, format := range []sources.Format{sources.FormatHTML, sources.FormatMarkdown} {
		parts := []docPart{{kind: sources.BlockHeading, level: 2, text: "Sources"}}
		for _, it := range items {
			parts = append(parts, docPart{kind: sources.BlockListItem, level: 1, list: 1, text: it})
		}
		doc := buildDoc(parts...)
		doc.Format = format
		lists := FindReferences(doc)
		require.Len(t, lists, 1, format)
		require.Len(t, lists[0].Entries, len(items), format)
		for i, e := range lists[0].Entries {
			assert.Equal(t, items[i], e.Text, format)
		}
		assert.Equal(t, []string{"vanEngelsdorp", "Meixner"}, lists[0].Entries[1].Authors)
		assert.Equal(t, []string{"Brennan Center for Justice"}, lists[0].Entries[3].Authors)
		checkLists(t, doc, lists)
	}
}

// TestFindReferencesRepeatedAuthors checks that an entry opening with a
// dash takes the authors of the entry before, through a run of dashes.
func TestFindReferencesRepeatedAuthors(t *testing.T) {
	items := []string{
		"Lund, Karin. 2015a. Harbour Walls. Oslo: Kystforlaget.",
		"———. 2015b. “Tide Gates Reconsidered.” Coastal Works 12 (3): 40–52.",
		"---. “Sluices.” Coastal Works, vol. 14, 2017, pp. 1–9.",
		"Moe, Per. 2016. Quays. Bergen: Vestland Press.",
	}
	parts := []docPart{{kind: sources.BlockHeading, level: 2, text: "References"}}
	for _, it := range items {
		parts = append(parts, docPart{kind: sources.BlockParagraph, text: it})
	}
	doc := buildDoc(parts...)
	lists := FindReferences(doc)
	require.Len(t, lists, 1)
	require.Len(t, lists[0].Entries, len(items))
	var got [][]string
	for _, e := range lists[0].Entries {
		got = append(got, e.Authors)
	}
	assert.Equal(t, [][]string{{"Lund"}, {"Lund"}, {"Lund"}, {"Moe"}}, got)
	assert.Equal(t, "2015b", lists[0].Entries[1].Year)
	checkLists(t, doc, lists)
}

// TestFindReferencesRepeatedAuthorsPlainText checks that in plain text a
// paragraph opening with a dash starts an entry, even after one that ends
// with its year.
func TestFindReferencesRepeatedAuthorsPlainText(t *testing.T) {
	src := "Body (Lund 12).\n\nWorks Cited\n\n" +
		"Lund, Karin. Harbour Walls. Kystforlaget,\n2015.\n\n" +
		"---. “Tide Gates Reconsidered.” Coastal Works, vol. 12, no. 3, 2016,\npp. 40–52.\n\n" +
		"Moe, Per. Quays. Vestland Press, 2016.\n"
	doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "mla.txt"})
	require.NoError(t, err)
	lists := FindReferences(doc)
	require.Len(t, lists, 1)
	require.Len(t, lists[0].Entries, 3)
	assert.Equal(t, []string{"Lund"}, lists[0].Entries[1].Authors)
	assert.Equal(t, "Tide Gates Reconsidered", lists[0].Entries[1].Title)
}

// TestFindReferencesJoinsOnlyPlainText checks that a paragraph continuing
// an entry is joined to it in plain text only.
func TestFindReferencesJoinsOnlyPlainText(t *testing.T) {
	parts := []docPart{
		{kind: sources.BlockHeading, level: 1, text: "References"},
		{kind: sources.BlockParagraph, text: "Smith, J. (2019). Napping and learning in the"},
		{kind: sources.BlockParagraph, text: "afternoon. Sleep, 12, 3-9."},
	}
	for format, want := range map[sources.Format]int{sources.FormatText: 1, sources.FormatHTML: 2} {
		doc := buildDoc(parts...)
		doc.Format = format
		lists := FindReferences(doc)
		require.Len(t, lists, 1, format)
		assert.Len(t, lists[0].Entries, want, format)
		checkLists(t, doc, lists)
	}
	// never across two list items, not even in plain text
	items := []docPart{
		{kind: sources.BlockHeading, level: 1, text: "References"},
		{kind: sources.BlockListItem, level: 1, list: 1, text: "Smith, J. (2019). Napping and learning in the"},
		{kind: sources.BlockListItem, level: 1, list: 1, text: "afternoon. Sleep, 12, 3-9."},
	}
	doc := buildDoc(items...)
	doc.Format = sources.FormatText
	lists := FindReferences(doc)
	require.Len(t, lists, 1)
	assert.Len(t, lists[0].Entries, 2)
}

// TestFindReferencesAmbiguousHeadings checks that a heading such as
// "Literature" or "Notes" opens a reference section only when entries
// follow it, while "References" always does, even over an empty section.
func TestFindReferencesAmbiguousHeadings(t *testing.T) {
	prose := "Māori quickly adopted writing as a means of sharing ideas, and many of their oral stories and poems were converted to the written form.[[cite_note-332]] " +
		"Most early English literature was obtained from Britain and it was not until the 1950s that New Zealand literature became widely known.[[cite_note-333]]"
	tests := []struct {
		name    string
		parts   []docPart
		heading []string
		entries []int
	}{
		{
			name: "Literature over prose",
			parts: []docPart{
				{kind: sources.BlockHeading, level: 3, text: "Literature"},
				{kind: sources.BlockParagraph, text: prose},
				{kind: sources.BlockHeading, level: 3, text: "Media"},
			},
		},
		{
			name: "Literature over entries",
			parts: []docPart{
				{kind: sources.BlockHeading, level: 2, text: "Literature"},
				{kind: sources.BlockListItem, level: 1, list: 1, text: "Smith, J. (2019). Letters home. Archive Press."},
				{kind: sources.BlockListItem, level: 1, list: 1, text: "Lee, K. (2020). A history of letters. Journal of History, 3(1), 1–20."},
			},
			heading: []string{"Literature"}, entries: []int{2},
		},
		{
			name: "Notes over footnotes",
			parts: []docPart{
				{kind: sources.BlockParagraph, text: "A claim.[[cite_note-1]]"},
				{kind: sources.BlockHeading, level: 2, text: "Notes"},
				{kind: sources.BlockListItem, level: 1, list: 1, id: "cite_note-1", text: "^ See the discussion in chapter two."},
			},
			heading: []string{"Notes"}, entries: []int{1},
		},
		{
			name: "Notes over nothing",
			parts: []docPart{
				{kind: sources.BlockHeading, level: 2, text: "Notes"},
				{kind: sources.BlockParagraph, text: "12"},
			},
		},
		{
			name: "References over pagination",
			parts: []docPart{
				{kind: sources.BlockHeading, level: 2, text: "References"},
				{kind: sources.BlockParagraph, text: "12"},
			},
			heading: []string{"References"}, entries: []int{0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := buildDoc(tt.parts...)
			lists := FindReferences(doc)
			var headings []string
			var entries []int
			for _, l := range lists {
				headings = append(headings, l.Heading)
				entries = append(entries, len(l.Entries))
			}
			assert.Equal(t, tt.heading, headings)
			assert.Equal(t, tt.entries, entries)
			checkLists(t, doc, lists)
		})
	}
}

// TestFindReferencesParagraphPerEntry checks a plain-text list written
// without numbers, one paragraph per entry: each paragraph is one entry,
// neither joined to the one before ("… 2008." then "Institute of …") nor
// split inside ("… Lancet Neurol 2004: 343–353."), while a paragraph that
// clearly holds two entries is still split.
func TestFindReferencesParagraphPerEntry(t *testing.T) {
	entries := []string{
		"WHO. Report on the Global Tobacco Epidemic, 2008: the MPOWER Package. Geneva: World Health Organization; 2008.",
		"Institute of Medicine. Public health implications of raising the minimum age of legal access to tobacco products. Washington, DC: The National Academies Press; 2015.",
		"Hawkins CH. Legal restrictions on minors' smoking. Am J Public Health. 1964;54:1741–4. Epub 1964/10/01.",
		"Fratiglioni L, Paillard-Borg S, Winblad B (2004). An active and socially integrated lifestyle in late life might protect against dementia. Lancet Neurol 2004: 343–353.",
		"Mathews v. United States. 485 U.S. 58, 66; 1988.",
		"United States v. Russell. 411 U.S. 423, 435–436; 1973.",
		"Ma, X. (2019). Sleep. Nature, 1, 1–2. van der Berg, A. (2019a). Napping. Science, 2, 3–4.",
	}
	src := "Body text [1].\n\nReferences\n\n" + strings.Join(entries, "\n\n") + "\n"
	doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "x.txt"})
	require.NoError(t, err)
	lists := FindReferences(doc)
	require.Len(t, lists, 1)
	var got []string
	for _, e := range lists[0].Entries {
		got = append(got, e.Text)
	}
	want := append(entries[:len(entries)-1:len(entries)-1], "Ma, X. (2019). Sleep. Nature, 1, 1–2.", "van der Berg, A. (2019a). Napping. Science, 2, 3–4.")
	assert.Equal(t, want, got)
	checkLists(t, doc, lists)
}

func TestFindReferencesManyAmbiguousHeadings(t *testing.T) {
	// every "Notes" is looked past: each probe reads a bounded number of
	// blocks, so this stays linear
	src := strings.Repeat("Notes\n\nThe committee met twice and agreed on the outline of the plan.\n\n", 20000)
	doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "notes.txt"})
	require.NoError(t, err)
	assert.Empty(t, FindReferences(doc))
}

// TestFindReferencesLabelBlocks checks that an entry whose label stands in
// a block of its own, as citeproc writes it in HTML, is one entry, labelled
// by the label it prints: with an entry missing, the numbers after it
// keep their labels and do not shift.
func TestFindReferencesLabelBlocks(t *testing.T) {
	entry := func(id, label, text string) string {
		return `<div id="` + id + `" class="csl-entry"><div class="csl-left-margin">` + label +
			` </div><div class="csl-right-inline">` + text + `</div></div>` + "\n"
	}
	tests := []struct {
		name    string
		entries string
		labels  []string
		anchors []string
		first   string // the first entry's text
	}{
		{
			name: "bracketed, one missing",
			entries: entry("ref-okoye", "[1]", "A. Okoye, “Salt marsh retreat on the Humber,” Estuary Letters, vol. 4, pp. 1–9, 2018.") +
				entry("ref-lind", "[2]", "B. Lind and C. Hart, Tides of the North Sea. Oxford: Clarendon, 2016.") +
				entry("ref-pauw", "[4]", "D. Pauw, “Dyke breaches in 1953,” Coastal History, vol. 2, pp. 44–61, 2003."),
			labels:  []string{"1", "2", "4"},
			anchors: []string{"ref-okoye", "ref-lind", "ref-pauw"},
			first:   "[1]\nA. Okoye, “Salt marsh retreat on the Humber,” Estuary Letters, vol. 4, pp. 1–9, 2018.",
		},
		{
			name: "numbered with a full stop",
			entries: entry("ref-a", "1.", "Okoye A. Salt marsh retreat on the Humber. Estuary Lett. 2018;4:1–9.") +
				entry("ref-b", "3.", "Lind B, Hart C. Tides of the North Sea. Oxford: Clarendon; 2016."),
			labels:  []string{"1", "3"},
			anchors: []string{"ref-a", "ref-b"},
			first:   "1.\nOkoye A. Salt marsh retreat on the Humber. Estuary Lett. 2018;4:1–9.",
		},
		{
			name:    "a year standing alone is no label",
			entries: "<p>2019.</p>\n<p>Okoye A. Salt marsh retreat on the Humber. Estuary Lett. 2018;4:1–9.</p>\n",
			labels:  []string{""},
			anchors: []string{""},
			first:   "Okoye A. Salt marsh retreat on the Humber. Estuary Lett. 2018;4:1–9.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "<html><body><p>Marshes retreat [1], [4].</p>\n<h2>References</h2>\n" + tt.entries + "</body></html>"
			doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "a.html"})
			require.NoError(t, err)
			lists := FindReferences(doc)
			require.Len(t, lists, 1)
			var labels, anchors []string
			for _, e := range lists[0].Entries {
				labels = append(labels, e.Label)
				anchors = append(anchors, e.Anchor)
			}
			assert.Equal(t, tt.labels, labels)
			assert.Equal(t, tt.anchors, anchors)
			assert.Equal(t, tt.first, lists[0].Entries[0].Text)
			checkLists(t, doc, lists)
		})
	}
}

// TestLinkLabelBlocks checks that a number links to the entry printed
// with it, not to the entry at that place, once an entry is missing.
func TestLinkLabelBlocks(t *testing.T) {
	src := `<p>Retreat was measured [1] and modelled [3], [4].</p>
<h2>References</h2>
<div class="csl-entry"><div class="csl-left-margin">[1] </div><div class="csl-right-inline">A. Okoye, “Salt marsh retreat,” Estuary Letters, vol. 4, pp. 1–9, 2018.</div></div>
<div class="csl-entry"><div class="csl-left-margin">[2] </div><div class="csl-right-inline">B. Lind, Tides of the North Sea. Oxford: Clarendon, 2016.</div></div>
<div class="csl-entry"><div class="csl-left-margin">[4] </div><div class="csl-right-inline">D. Pauw, “Dyke breaches,” Coastal History, vol. 2, pp. 44–61, 2003.</div></div>`
	doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "a.html"})
	require.NoError(t, err)
	lists := FindReferences(doc)
	cits := Find(doc)
	require.GreaterOrEqual(t, len(cits), 3)
	cits = cits[:3] // the text's; the others are the labels of the list
	got := map[string]LinkResult{}
	for i, l := range Link(cits, lists) {
		got[cits[i].Number] = l
	}
	assert.Equal(t, Resolved, got["1"].Status)
	assert.Equal(t, "r1", got["1"].Reference)
	assert.Equal(t, Unresolved, got["3"].Status, "no entry is printed with 3")
	assert.Equal(t, "r3", got["4"].Reference)
}

// TestFindReferencesNumberedContinuation checks that in plain text a
// hard-wrapped line of a numbered entry belongs to the entry above, even
// when it reads as an entry's start or opens with a year, while a blank
// line or the next number starts a new entry.
func TestFindReferencesNumberedContinuation(t *testing.T) {
	tests := []struct {
		name string
		list string
		want []string // the entries' texts
	}{
		{
			name: "a journal's name on the next line",
			list: "1. Okoye A, Lind B. Salt marsh retreat on the Humber estuary.\n" +
				"Estuary Letters. 2018;4(2):1-9. doi:10.5555/el.2018.42\n" +
				"\n" +
				"2. Lind B. Tides of the North Sea. Clarendon\n" +
				"Press; 2016.\n",
			want: []string{
				"1. Okoye A, Lind B. Salt marsh retreat on the Humber estuary.\nEstuary Letters. 2018;4(2):1-9. doi:10.5555/el.2018.42",
				"2. Lind B. Tides of the North Sea. Clarendon\nPress; 2016.",
			},
		},
		{
			name: "a line opening with the year",
			list: "1. Harbour Trust. Drainage in twelve towns [Internet]. Plymouth: Harbour Trust;\n" +
				"2022. Available from:\n" +
				"https://trust.example.org/drainage\n" +
				"\n" +
				"2. Lind B. Tides of the North Sea. Oxford: Clarendon; 2016.\n",
			want: []string{
				"1. Harbour Trust. Drainage in twelve towns [Internet]. Plymouth: Harbour Trust;\n2022. Available from:\nhttps://trust.example.org/drainage",
				"2. Lind B. Tides of the North Sea. Oxford: Clarendon; 2016.",
			},
		},
		{
			name: "numbers on consecutive lines are entries",
			list: "1. Okoye A. Salt marsh retreat. Estuary Letters. 2018;4:1-9.\n" +
				"2. Lind B. Tides of the North Sea. Oxford: Clarendon; 2016.\n",
			want: []string{
				"1. Okoye A. Salt marsh retreat. Estuary Letters. 2018;4:1-9.",
				"2. Lind B. Tides of the North Sea. Oxford: Clarendon; 2016.",
			},
		},
		{
			name: "a gap in the numbers and a number repeated",
			list: "1. Okoye A. Salt marsh retreat. Estuary Letters. 2018;4:1-9.\n" +
				"\n" +
				"3. Lind B. Tides of the North Sea. Oxford University\n" +
				"Press; 2016.\n" +
				"\n" +
				"3. Lind B. Tides of the North Sea. Oxford University\n" +
				"Press; 2016.\n",
			want: []string{
				"1. Okoye A. Salt marsh retreat. Estuary Letters. 2018;4:1-9.",
				"3. Lind B. Tides of the North Sea. Oxford University\nPress; 2016.",
				"3. Lind B. Tides of the North Sea. Oxford University\nPress; 2016.",
			},
		},
		{
			name: "after a blank line an entry of its own",
			list: "1. Okoye A. Salt marsh retreat. Estuary Letters. 2018;4:1-9.\n" +
				"\n" +
				"Lind, B. (2016). Tides of the North Sea. Clarendon.\n",
			want: []string{
				"1. Okoye A. Salt marsh retreat. Estuary Letters. 2018;4:1-9.",
				"Lind, B. (2016). Tides of the North Sea. Clarendon.",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "Marshes are retreating.\n\nReferences\n\n" + tt.list
			doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "a.txt"})
			require.NoError(t, err)
			lists := FindReferences(doc)
			require.Len(t, lists, 1)
			// the reader joins a paragraph's lines with a space or a line
			// break; which does not matter here
			oneLine := func(s string) string { return strings.ReplaceAll(s, "\n", " ") }
			var got, want []string
			for _, e := range lists[0].Entries {
				got = append(got, oneLine(doc.Slice(e.Span)))
			}
			for _, w := range tt.want {
				want = append(want, oneLine(w))
			}
			assert.Equal(t, want, got)
			checkLists(t, doc, lists)
		})
	}
}

// TestFindReferencesWrappedNumberIsNoItem checks that a line a plain-text
// reader took for a numbered item because it wraps at a number ("70.
// Functional …", as a page break leaves it) does not take the next line's
// entry in: no numbered list comes to 70 from nothing.
func TestFindReferencesWrappedNumberIsNoItem(t *testing.T) {
	src := "Ankles are studied.\n\nReferences\n\n" +
		"Okoye, A., 2011. Hip joint validation. J. Biomech. 44, 2185–93. doi:10.1016/\n\n" +
		"     j.jbiomech.2011.06.019\n" +
		"Eckstein, F., Faber, S., Putz, R., Reiser, M., Englmeier, K.-H.,\n" +
		"     70. Functional adaptation of human joints. Osteoarthr. Cartil. 10, 44–50.\n" +
		"Emery, C.A., 2010. The effectiveness of a prevention strategy. Br. J. Sports Med. 44, 555–562.\n"
	doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "a.txt"})
	require.NoError(t, err)
	lists := FindReferences(doc)
	require.Len(t, lists, 1)
	entries := lists[0].Entries
	require.NotEmpty(t, entries)
	assert.Equal(t, "Emery, C.A., 2010. The effectiveness of a prevention strategy. Br. J. Sports Med. 44, 555–562.",
		entries[len(entries)-1].Text)
	checkLists(t, doc, lists)
}

func TestFindReferencesCustomHeadings(t *testing.T) {
	tests := []struct {
		name     string
		heading  string
		extra    []string
		wantList bool
	}{
		{"further reading unknown", "Further reading", nil, false},
		{"further reading configured", "Further reading", []string{"further reading"}, true},
		{"folded like a known heading", "3. FURTHER  READING:", []string{"Further reading"}, true},
		{"quellenangaben unknown", "Quellenangaben", nil, false},
		{"quellenangaben configured", "Quellenangaben", []string{"Quellenangaben"}, true},
		{"another heading configured", "Quellenangaben", []string{"Further reading"}, false},
		{"empty setting ignored", "Results", []string{"", "  "}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := buildDoc(
				docPart{kind: sources.BlockParagraph, text: "Body text (Ma, 2020)."},
				docPart{kind: sources.BlockHeading, level: 2, text: tt.heading},
				docPart{kind: sources.BlockListItem, level: 1, list: 1, text: "Ma, X. (2020). Sleep and memory. Nature, 5, 1–2."},
			)
			lists, err := FindReferencesWithOptions(doc, Options{ReferenceHeadings: tt.extra})
			require.NoError(t, err)
			if !tt.wantList {
				assert.Empty(t, lists)
				return
			}
			require.Len(t, lists, 1)
			assert.Equal(t, tt.heading, lists[0].Heading)
			_, entries := summarize(lists)
			assert.Equal(t, [][]entrySummary{{{Authors: []string{"Ma"}, Year: "2020", Title: "Sleep and memory"}}}, entries)
		})
	}
}
