package sources

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readHTMLFile(t *testing.T, name, base string) *Document {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "testdata", "html", name))
	require.NoError(t, err)
	doc, err := Parse(src, ReadOptions{Name: name, BaseURL: base})
	require.NoError(t, err)
	require.Equal(t, FormatHTML, doc.Format)
	return doc
}

func parseHTMLString(t *testing.T, src, base string) *Document {
	t.Helper()
	doc, err := Parse([]byte(src), ReadOptions{Format: FormatHTML, BaseURL: base})
	require.NoError(t, err)
	return doc
}

// linkByText returns the links whose text is s.
func htmlLinksByText(doc *Document, s string) []Link {
	var out []Link
	for _, l := range doc.Links {
		if doc.Slice(l.Span) == s {
			out = append(out, l)
		}
	}
	return out
}

func TestHTMLNewsPageKeepsOnlyTheArticle(t *testing.T) {
	doc := readHTMLFile(t, "news.html", "https://gazette.example/news/rivers")
	for _, want := range []string{
		"The river that feeds the lower valley stopped flowing last week",
		"“We have never seen it this low,”",
		"wells across the district & the reservoirs",
		"a step it has taken only twice before.",
	} {
		assert.Contains(t, doc.Text, want)
	}
	for _, chrome := range []string{"cookies", "Accept all", "Home", "Share on Social", "More stories",
		"Bakery", "Commenter", "Newsletter", "Subscribe", "Copyright", "Contact us", "tracking", "color"} {
		assert.NotContains(t, doc.Text, chrome)
	}
	require.Len(t, doc.Blocks, 4)
	for _, b := range doc.Blocks {
		assert.Equal(t, BlockParagraph, b.Kind)
	}

	board := htmlLinksByText(doc, "regional water board")
	require.Len(t, board, 1)
	assert.Equal(t, Link{Span: board[0].Span, Href: "https://water.example.org/report-2024",
		URL: "https://water.example.org/report-2024", InBody: true}, board[0])
	study := htmlLinksByText(doc, "a study published in March")
	require.Len(t, study, 1)
	assert.Equal(t, "/science/drought-study", study[0].Href)
	assert.Equal(t, "https://gazette.example/science/drought-study", study[0].URL)
	assert.True(t, study[0].InBody)

	// chrome links are still read, outside the body and with no text
	var chrome []string
	for _, l := range doc.Links {
		if !l.InBody {
			chrome = append(chrome, l.Href)
			assert.Equal(t, 0, l.Span.Len())
		}
	}
	assert.Subset(t, chrome, []string{"/privacy", "/", "/world", "https://social.example/share", "/a", "/contact"})
}

func TestHTMLWikipediaFootnotes(t *testing.T) {
	doc := readHTMLFile(t, "wiki.html", "https://en.wikipedia.org/wiki/Tidewater_mill")
	assert.Contains(t, doc.Text, "rise and fall of the tide.[1] Such mills")
	assert.NotContains(t, doc.Text, "Random article")
	assert.NotContains(t, doc.Text, "About Wikipedia")

	type linkWant struct {
		text, url             string
		sup, footnote, inBody bool
	}
	var got []linkWant
	for _, l := range doc.Links {
		if l.InBody {
			got = append(got, linkWant{doc.Slice(l.Span), l.URL, l.Superscript, l.Footnote, l.InBody})
		}
	}
	want := []linkWant{
		{"[1]", "#cite_note-1", true, true, true},
		{"[2]", "#cite_note-survey-2", true, true, true},
		{"[2]", "#cite_note-survey-2", true, true, true},
		{"[3]", "#cite_note-3", true, true, true},
		{"^", "#cite_ref-1", false, false, true},
		{"a", "#cite_ref-survey_2-0", false, false, true},
		{"b", "#cite_ref-survey_2-1", false, false, true},
		{"↑", "#cite_ref-3", false, false, true},
		{"\"Tide mills today\"", "https://mills.example.org/tide", false, false, true},
	}
	assert.Equal(t, want, got)

	var sups []string
	for _, s := range doc.Superscripts {
		sups = append(sups, doc.Slice(s))
	}
	assert.Equal(t, []string{"[1]", "[2]", "[2]", "[3]", "a", "b"}, sups)

	note, ok := doc.AnchorByID("cite_note-survey-2")
	require.True(t, ok)
	assert.True(t, strings.HasPrefix(doc.Slice(note.Span), "^ a b Jones, K. (1998)."), doc.Slice(note.Span))
	assert.True(t, strings.HasSuffix(doc.Slice(note.Span), "20: 5–22."), doc.Slice(note.Span))
	ref, ok := doc.AnchorByID("#cite_ref-1")
	require.True(t, ok)
	assert.Equal(t, "[1]", doc.Slice(ref.Span))

	var items []Block
	for _, b := range doc.Blocks {
		if b.Kind == BlockListItem {
			items = append(items, b)
		}
	}
	require.Len(t, items, 3)
	for i, id := range []string{"cite_note-1", "cite_note-survey-2", "cite_note-3"} {
		assert.Equal(t, id, items[i].ID)
		assert.True(t, items[i].Ordered)
		assert.Equal(t, 1, items[i].Level)
		assert.Equal(t, items[0].List, items[i].List)
	}
	heading := doc.Blocks[doc.BlockAt(strings.Index(doc.Text, "References"))]
	assert.Equal(t, Block{Kind: BlockHeading, Level: 2, Span: heading.Span}, heading)
}

func TestHTMLWindows1252(t *testing.T) {
	doc := readHTMLFile(t, "cp1252.html", "")
	assert.Equal(t, "windows-1252", doc.Charset)
	assert.Equal(t, "The café’s owner said the menu – written by hand – changes daily.\n"+
		"Naïve readers expect “smart quotes” to survive.", doc.Text)
	assert.Equal(t, "Café notes", doc.Meta.Title)

	// "café’s" is 6 bytes of windows-1252 on line 8 after "<p>The "
	i := strings.Index(doc.Text, "café’s")
	r := doc.Locate(Span{i, i + len("café’s")})
	assert.Equal(t, Location{Start: r.Start, End: r.End, Line: 8, Column: 8, EndLine: 8, EndColumn: 14}, r)
	assert.Equal(t, "caf\xe9\x92s", string(doc.Src[r.Start:r.End]))
}

func TestHTMLJSONLDGraph(t *testing.T) {
	doc := readHTMLFile(t, "graph.html", "")
	assert.Equal(t, Meta{
		Title:       "Notes on tidal energy",
		Authors:     []string{"Ada Brook", "Lev Ortiz"},
		Published:   "2023-11-02",
		Publisher:   "Example Blog Ltd",
		DOI:         "10.1234/tide.5678",
		Language:    "de",
		Description: "What the tides can and cannot do.",
	}, doc.Meta)
}

func TestHTMLMeta(t *testing.T) {
	tests := []struct {
		name string
		head string
		body string
		want Meta
	}{
		{
			name: "citation tags win",
			head: `<meta name="citation_title" content="A Study"><meta property="og:title" content="Other">
				<meta name="citation_author" content="Ma, Li"><meta name="citation_author" content="Chen, Bo">
				<meta name="citation_publication_date" content="2020/01/02"><meta name="citation_journal_title" content="J. Tides">
				<meta name="citation_doi" content="10.1000/xyz"><meta name="dc.language" content="fr">`,
			want: Meta{Title: "A Study", Authors: []string{"Ma, Li", "Chen, Bo"}, Published: "2020/01/02",
				Publisher: "J. Tides", DOI: "10.1000/xyz", Language: "fr"},
		},
		{
			name: "title element without site suffix",
			head: `<title>Why tides turn | Sea News</title><meta property="article:author" content="https://sea.example/staff/kim">
				<meta property="og:locale" content="en_US"><link rel="canonical" href="https://sea.example/tides">`,
			want: Meta{Title: "Why tides turn", Language: "en-US", CanonicalURL: "https://sea.example/tides"},
		},
		{
			name: "first heading and byline as fallbacks",
			body: `<h1>Harbour report</h1><p class="byline">By Ines Sol</p><p>` + strings.Repeat("Text of the report. ", 10) +
				`</p><time datetime="2021-07-08">8 July</time>`,
			want: Meta{Title: "Harbour report", Authors: []string{"Ines Sol"}, Published: "2021-07-08"},
		},
		{
			name: "json-ld article in an array, dc identifier doi",
			head: `<script type="application/ld+json">[{"@type":"Organization","name":"Org"},{"@type":"NewsArticle",
				"headline":"Flood warning","author":{"name":"Ola Ray"},"datePublished":"2022-02-02T10:00:00Z",
				"publisher":{"name":"Daily Flood"}}]</script><meta name="dc.identifier" content="doi:10.5555/abc">`,
			want: Meta{Title: "Flood warning", Authors: []string{"Ola Ray"}, Published: "2022-02-02T10:00:00Z",
				Publisher: "Daily Flood", DOI: "10.5555/abc"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseHTMLString(t, "<html><head>"+tt.head+"</head><body>"+tt.body+"</body></html>", "")
			assert.Equal(t, tt.want, doc.Meta)
		})
	}
}

func TestHTMLBlocks(t *testing.T) {
	type blockWant struct {
		Kind    BlockKind
		Level   int
		List    int
		Ordered bool
		ID      string
		Text    string
	}
	tests := []struct {
		name string
		src  string
		want []blockWant
	}{
		{
			name: "headings and paragraphs",
			src:  `<h2 id="intro">Intro</h2><p>One<br>two</p><div>Loose text</div><h3>End</h3>`,
			want: []blockWant{{BlockHeading, 2, 0, false, "intro", "Intro"}, {BlockParagraph, 0, 0, false, "", "One two"},
				{BlockParagraph, 0, 0, false, "", "Loose text"}, {BlockHeading, 3, 0, false, "", "End"}},
		},
		{
			name: "nested lists with implied ends",
			src:  `<ul><li>a<li>b<ol><li id="x">b1<li>b2</ol></ul><ol><li>c</ol>`,
			want: []blockWant{{BlockListItem, 1, 1, false, "", "a"}, {BlockListItem, 1, 1, false, "", "b"},
				{BlockListItem, 2, 2, true, "x", "b1"}, {BlockListItem, 2, 2, true, "", "b2"}, {BlockListItem, 1, 3, true, "", "c"}},
		},
		{
			name: "quote, pre, table, definitions, figure",
			src: `<blockquote><p>Said once.</p><p>Said twice.</p></blockquote><pre>x := 1</pre>
				<table><tr><th>Name<td>Value</table><dl><dt>Term<dd>Meaning</dl><figure><figcaption>Caption</figcaption></figure>`,
			want: []blockWant{{BlockQuote, 0, 0, false, "", "Said once."}, {BlockQuote, 0, 0, false, "", "Said twice."},
				{BlockPreformatted, 0, 0, false, "", "x := 1"}, {BlockTableCell, 0, 0, false, "", "Name"},
				{BlockTableCell, 0, 0, false, "", "Value"}, {BlockParagraph, 0, 0, false, "", "Term"},
				{BlockParagraph, 0, 0, false, "", "Meaning"}, {BlockCaption, 0, 0, false, "", "Caption"}},
		},
		{
			name: "captions and credits named by their class",
			src: `<div class="thumbcaption">A map of 1657.</div><div class="Media-Caption"><p>Workers in Queens.</p><p>Second line.</p></div>
				<p>After the image <span class="c-lead-image__credit">Photo: A. Lens</span><!-- inline: a block all the same --></p><div class="bbb-accredited">An accredited business.</div>`,
			want: []blockWant{{BlockCaption, 0, 0, false, "", "A map of 1657."}, {BlockCaption, 0, 0, false, "", "Workers in Queens."},
				{BlockCaption, 0, 0, false, "", "Second line."}, {BlockParagraph, 0, 0, false, "", "After the image"},
				{BlockCaption, 0, 0, false, "", "Photo: A. Lens"}, {BlockParagraph, 0, 0, false, "", "An accredited business."}},
		},
		{
			name: "bylines, timestamps and biographies named by their class or id",
			src: `<p>Body text.</p><div class="post-body-bio"><p>She covers science.</p></div><div class="storytimestamp"><span>CNN</span>
				<span class="cnnDateStamp">First published May 1, 2016</span></div><div id="siteSub">From Wikipedia</div>
				<div class="biology-notes">Cells divide.</div>`,
			want: []blockWant{{BlockParagraph, 0, 0, false, "", "Body text."}, {BlockByline, 0, 0, false, "", "She covers science."},
				{BlockByline, 0, 0, false, "", "CNN First published May 1, 2016"},
				{BlockByline, 0, 0, false, "siteSub", "From Wikipedia"}, {BlockParagraph, 0, 0, false, "", "Cells divide."}},
		},
		{
			name: "hidden and script text is not read",
			src:  `<p>Shown<span hidden>hidden</span><span style="display: none">gone</span><script>x()</script> text</p><template>t</template>`,
			want: []blockWant{{BlockParagraph, 0, 0, false, "", "Shown text"}},
		},
		{
			name: "markdown-style footnotes: paragraphs inside items",
			src: `<p>Text.<sup id="fnref:1"><a href="#fn:1" class="footnote">1</a></sup></p><div class="footnotes"><ol>
				<li id="fn:1"><p>First note. <a href="#fnref:1" class="reversefootnote">↩</a></p><p>More.</p></li></ol></div>`,
			want: []blockWant{{BlockParagraph, 0, 0, false, "", "Text.1"}, {BlockListItem, 1, 1, true, "fn:1", "First note. ↩"},
				{BlockListItem, 1, 1, true, "", "More."}},
		},
		{
			name: "head text, unclosed paragraphs, </br> and containers with ids",
			src:  `<html><head><title>T</title>Stray<p>One<p>Two</br>three<div id="box">Boxed</div>`,
			want: []blockWant{{BlockParagraph, 0, 0, false, "", "Stray"}, {BlockParagraph, 0, 0, false, "", "One"},
				{BlockParagraph, 0, 0, false, "", "Two three"}, {BlockParagraph, 0, 0, false, "box", "Boxed"}},
		},
		{
			name: "a reference entry stays whole whatever it holds",
			src: `<p>Text.</p><div class="reflist"><ol class="references">
				<li id="cite_note-1"><cite>"Title" <div class="shield"><div></div></div>. Site. 2021.</cite></li>
				<li id="cite_note-2">Author. <div class="badge">Badge</div> 2020.</li></ol></div>
				<div><cite>Cited <div>work</div></cite></div><div>Loose <div>text</div></div>`,
			want: []blockWant{{BlockParagraph, 0, 0, false, "", "Text."}, {BlockListItem, 1, 1, true, "cite_note-1", `"Title" . Site. 2021.`},
				{BlockListItem, 1, 1, true, "cite_note-2", "Author. Badge 2020."}, {BlockParagraph, 0, 0, false, "", "Cited work"},
				{BlockParagraph, 0, 0, false, "", "Loose"}, {BlockParagraph, 0, 0, false, "", "text"}},
		},
		{
			name: "a pandoc entry stays whole: its label and text are one block",
			src: `<div id="refs" class="references csl-bib-body" role="list">
				<div id="ref-a" class="csl-entry" role="listitem"><div class="csl-left-margin">[Haug17] </div><div class="csl-right-inline">Haugen, Ø.: <em>Living with water</em>, 2017.</div></div>
				<div id="ref-b" class="csl-entry" role="listitem"><div class="csl-left-margin">[2] </div><div class="csl-right-inline">Müller, A.: <em>Cities</em>, 2019.</div></div></div>`,
			want: []blockWant{{BlockParagraph, 0, 0, false, "ref-a", "[Haug17] Haugen, Ø.: Living with water, 2017."},
				{BlockParagraph, 0, 0, false, "ref-b", "[2] Müller, A.: Cities, 2019."}},
		},
		{
			name: "tiny page keeps all its text",
			src:  `<p>Hi.</p><p>Bye.</p>`,
			want: []blockWant{{BlockParagraph, 0, 0, false, "", "Hi."}, {BlockParagraph, 0, 0, false, "", "Bye."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseHTMLString(t, tt.src, "")
			var got []blockWant
			for _, b := range doc.Blocks {
				got = append(got, blockWant{b.Kind, b.Level, b.List, b.Ordered, b.ID, doc.Slice(b.Span)})
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestHTMLLinks(t *testing.T) {
	tests := []struct {
		name, src, base string
		want            []Link
	}{
		{
			name: "base element wins over the base argument",
			src:  `<base href="https://a.example/dir/"><p><a href="x.html">X</a> and <a href="#top">top</a></p>`,
			base: "https://b.example/",
			want: []Link{{Span: Span{0, 1}, Href: "x.html", URL: "https://a.example/dir/x.html", InBody: true},
				{Span: Span{6, 9}, Href: "#top", URL: "#top", InBody: true}},
		},
		{
			name: "relative link without a base stays as written",
			src:  `<p>See <a href="../notes.html"> the notes </a>.</p>`,
			want: []Link{{Span: Span{4, 13}, Href: "../notes.html", URL: "../notes.html", InBody: true}},
		},
		{
			name: "footnote marker by class and by text",
			src: `<p>Claim<a class="footnote-ref" href="#fn1">1</a> and <a href="#fn2">[2]</a> and <a href="#sec">section</a>.</p>
				<ol><li id="fn1">Note one.</li><li id="fn2">Note two.</li></ol><h2 id="sec">Sec</h2>`,
			want: []Link{{Span: Span{5, 6}, Href: "#fn1", URL: "#fn1", InBody: true, Footnote: true},
				{Span: Span{11, 14}, Href: "#fn2", URL: "#fn2", InBody: true, Footnote: true},
				{Span: Span{19, 26}, Href: "#sec", URL: "#sec", InBody: true}},
		},
		{
			name: "markdown footnote and its back-link",
			src: `<p>Text<sup id="fnref:1"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup>.</p>
				<ol><li id="fn:1"><p>Note. <a href="#fnref:1" class="reversefootnote" role="doc-backlink">↩</a></p></li></ol>`,
			want: []Link{{Span: Span{4, 5}, Href: "#fn:1", URL: "#fn:1", InBody: true, Superscript: true, Footnote: true},
				{Span: Span{13, 16}, Href: "#fnref:1", URL: "#fnref:1", InBody: true}},
		},
		{
			name: "absolute link to this page's note",
			src: `<p>Claim<sup class="reference"><a href="https://wiki.example/Page#cite_note-1">[1]</a></sup></p>
				<ol class="references"><li id="cite_note-1">Source.</li></ol>`,
			base: "https://mirror.example/x",
			want: []Link{{Span: Span{5, 8}, Href: "https://wiki.example/Page#cite_note-1", URL: "#cite_note-1", InBody: true,
				Superscript: true, Footnote: true}},
		},
		{
			name: "fragment link to a missing id is no footnote",
			src:  `<p>Claim<sup><a href="#nowhere">4</a></sup>.</p>`,
			want: []Link{{Span: Span{5, 6}, Href: "#nowhere", URL: "#nowhere", InBody: true, Superscript: true}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseHTMLString(t, tt.src, tt.base)
			assert.Equal(t, tt.want, doc.Links)
		})
	}
}

func TestHTMLPositions(t *testing.T) {
	src := "<!DOCTYPE html>\n<html><body>\n<article>\n  <h1>Tides</h1>\n" +
		"  <p>Fish &amp; chips, caf&eacute; and\n     r&#233;sum&#xE9;s — all   “here”.</p>\n</article>\n</body></html>\n"
	doc := parseHTMLString(t, src, "")
	require.Equal(t, "Tides\nFish & chips, café and résumés — all “here”.", doc.Text)
	tests := []struct {
		word      string
		line, col int
		source    string
	}{
		{"Tides", 4, 7, "Tides"},
		{"Fish", 5, 6, "Fish"},
		{"&", 5, 11, "&amp;"},
		{"café", 5, 24, "caf&eacute;"},
		{"résumés", 6, 6, "r&#233;sum&#xE9;s"},
		{"all", 6, 26, "all"},
		{"“here”", 6, 32, "“here”"},
		{"and\nr", 5, 36, "and\n     r"}, // not a real word: a span across a line break
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			text := strings.ReplaceAll(tt.word, "\n", " ")
			i := strings.Index(doc.Text, text)
			require.GreaterOrEqual(t, i, 0)
			r := doc.Locate(Span{i, i + len(text)})
			assert.Equal(t, tt.line, r.Line)
			assert.Equal(t, tt.col, r.Column)
			assert.Equal(t, tt.source, string(doc.Src[r.Start:r.End]))
		})
	}
}

func TestHTMLUTF8LabelledLegacy(t *testing.T) {
	// a page labelled latin-1 whose bytes are UTF-8 is read as UTF-8
	doc := parseHTMLString(t, `<meta charset="iso-8859-1"><p>naïve “quotes”</p>`, "")
	assert.Equal(t, "utf-8", doc.Charset)
	assert.Equal(t, "naïve “quotes”", doc.Text)
	// an unlabelled ASCII page is UTF-8
	doc = parseHTMLString(t, `<p>plain</p>`, "")
	assert.Equal(t, "utf-8", doc.Charset)
}

func TestHTMLEntity(t *testing.T) {
	tests := []struct {
		in   string
		text string
		n    int
	}{
		{"&amp;x", "&", 5},
		{"&#8217;", "’", 7},
		{"&#x2019", "’", 7},
		{"&#150;", "–", 6}, // windows-1252 range, as browsers read it
		{"&copy2024", "©", 5},
		{"&notit;", "¬", 4},
		{"&bogus;", "", 0},
		{"& x", "", 0},
		{"&", "", 0},
	}
	for _, tt := range tests {
		text, n := htmlEntity([]byte(tt.in))
		assert.Equal(t, tt.text, text, tt.in)
		assert.Equal(t, tt.n, n, tt.in)
	}
}

func TestTrimSiteName(t *testing.T) {
	tests := []struct{ title, site, want string }{
		{"Rivers run dry | Valley Gazette", "", "Rivers run dry"},
		{"Mozilla - Wikipedia", "", "Mozilla"},
		{"Google - Site Reliability Engineering", "", "Google - Site Reliability Engineering"},
		{"Gazette: Rivers run dry", "Gazette", "Gazette: Rivers run dry"},
		{"Valley Gazette » Rivers run dry", "Valley Gazette", "Rivers run dry"},
		{"No separator here", "", "No separator here"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, htmlTrimSiteName(tt.title, tt.site), tt.title)
	}
}

// A caption the main content leaves out keeps its footnote markers: the
// notes they point at are cited all the same, though the caption's text
// is not part of the article.
func TestHTMLCaptionMarkers(t *testing.T) {
	para := `<p>The river that feeds the lower valley stopped flowing last week, and the wells across the district, the reservoirs and the canals are lower than at any time since records began, the water board said in a statement.<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p>`
	src := `<html><body><div id="content">` + strings.Repeat(para, 4) + `
		<div class="thumb"><div class="thumbinner"><img src="river.jpg"><div class="thumbcaption"><div class="magnify"><a href="/File:River.jpg"></a></div>The dry bed in May.<sup class="reference"><a href="#cite_note-2">[2]</a></sup></div></div></div>
		` + para + `<h2>References</h2><ol class="references"><li id="cite_note-1">Water board (2024). Report.</li><li id="cite_note-2">Smith, J. (2024). Photograph.</li></ol>
		</div></body></html>`
	doc := parseHTMLString(t, src, "")
	assert.NotContains(t, doc.Text, "The dry bed in May")
	var markers []string
	for _, l := range doc.Links {
		if l.Footnote {
			markers = append(markers, l.URL)
		}
	}
	assert.Equal(t, []string{"#cite_note-1", "#cite_note-1", "#cite_note-1", "#cite_note-1", "#cite_note-2", "#cite_note-1"}, markers)
	i := doc.BlockAt(strings.Index(doc.Text, "[2]"))
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, Block{Kind: BlockCaption, Span: doc.Blocks[i].Span}, doc.Blocks[i])
	assert.Equal(t, "[2]", doc.Slice(doc.Blocks[i].Span))
}

// A <pre> holding a plain-text document (an Internet-Draft as rfcmarkup
// renders it, a page per <pre>) is split as the text reader splits a file:
// at blank lines, a line standing alone that reads as a heading is one,
// the other blocks stay preformatted; a <pre> of code stays one block.
func TestHTMLPlainTextPre(t *testing.T) {
	prose := strings.Repeat(`   The server stores the documents of each user and answers the requests
   of the applications the user has given access to, as this section says.

`, 12)
	src := `<html><body><pre>
<span class="h2"><a name="section-4">4</a>. Requests</span>

` + prose + `
<span class="grey">de Jong                                                        [Page 3]</span>
</pre><pre class="newpage">
<span class="grey">Internet-Draft              remoteStorage                  December 2014</span>

   Client-to-server requests SHOULD be made over https [<a href="#ref-HTTPS">HTTPS</a>], and
   servers MUST comply with HTTP/1.1 [<a href="#ref-HTTP">HTTP</a>].

<span class="h2"><a name="section-17">17</a>. References</span>

   [<a name="ref-HTTP" id="ref-HTTP">HTTP</a>]
        Fielding et al., "Hypertext Transfer Protocol (HTTP/1.1): Semantics
        and Content", RFC7231, June 2014.
</pre>
<div><p>Code follows, as code.</p><pre>while True:
  w = get_next_work()
  do_work(w)</pre></div></body></html>`
	doc := parseHTMLString(t, src, "")
	type blockWant struct {
		Kind BlockKind
		Text string
	}
	var got []blockWant
	for _, b := range doc.Blocks {
		if text := doc.Slice(b.Span); !strings.HasPrefix(text, "The server stores") {
			got = append(got, blockWant{b.Kind, text})
		}
	}
	assert.Equal(t, []blockWant{
		{BlockHeading, "4. Requests"},
		{BlockPreformatted, "de Jong [Page 3]"},
		{BlockHeading, "Internet-Draft remoteStorage December 2014"},
		{BlockPreformatted, "Client-to-server requests SHOULD be made over https [HTTPS], and servers MUST comply with HTTP/1.1 [HTTP]."},
		{BlockHeading, "17. References"},
		{BlockPreformatted, `[HTTP] Fielding et al., "Hypertext Transfer Protocol (HTTP/1.1): Semantics and Content", RFC7231, June 2014.`},
		{BlockParagraph, "Code follows, as code."},
		{BlockPreformatted, "while True: w = get_next_work() do_work(w)"},
	}, got)
	anchor, ok := doc.AnchorByID("ref-HTTP")
	require.True(t, ok)
	assert.Equal(t, "HTTP", doc.Slice(anchor.Span))
}

// A list of one item right under a figure is the figure's caption, as some
// publishing systems write one; a list of points, or a list with words
// between it and the figure, stays a list.
func TestHTMLFigureCaptionList(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []BlockKind
	}{
		{"one item under a figure", `<p>The harbour was dredged.</p><figure><img src="a.jpg"></figure>
			<ul><li><p>Boats at the old quay</p></li></ul>`, []BlockKind{BlockParagraph, BlockCaption}},
		{"an ordered list of one item", `<figure><img src="a.jpg"></figure><ol><li>The quay in 1950</li></ol>`,
			[]BlockKind{BlockCaption}},
		{"two items under a figure", `<figure><img src="b.jpg"></figure><ul><li>Two points</li><li>under a figure</li></ul>`,
			[]BlockKind{BlockListItem, BlockListItem}},
		{"one item with no figure", `<p>Dredged.</p><ul><li>One point alone</li></ul>`, []BlockKind{BlockParagraph, BlockListItem}},
		{"words between the figure and the list", `<figure><img src="c.jpg"></figure>Loose words<ul><li>A point</li></ul>`,
			[]BlockKind{BlockParagraph, BlockListItem}},
		{"a paragraph after a figure", `<figure><img src="c.jpg"></figure><p>The quay was rebuilt.</p>`, []BlockKind{BlockParagraph}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseHTMLString(t, tt.src, "")
			var got []BlockKind
			for _, b := range doc.Blocks {
				got = append(got, b.Kind)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
