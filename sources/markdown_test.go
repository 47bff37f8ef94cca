package sources

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readMarkdown(t *testing.T, src string) *Document {
	t.Helper()
	doc, err := Parse([]byte(src), ReadOptions{Name: "test.md"})
	require.NoError(t, err)
	require.Equal(t, FormatMarkdown, doc.Format)
	checkInvariants(t, doc)
	return doc
}

// spanOf returns the span of the n-th (0-based) occurrence of s in the text.
func spanOf(t *testing.T, doc *Document, s string, n int) Span {
	t.Helper()
	off := 0
	for ; n >= 0; n-- {
		i := strings.Index(doc.Text[off:], s)
		require.GreaterOrEqual(t, i, 0, "%q not in text %q", s, doc.Text)
		off += i
		if n > 0 {
			off += len(s)
		}
	}
	return Span{off, off + len(s)}
}

type blockSummary struct {
	Kind    BlockKind
	Level   int
	List    int
	Ordered bool
	ID      string
	Text    string
}

func summarize(doc *Document) []blockSummary {
	var out []blockSummary
	for _, b := range doc.Blocks {
		out = append(out, blockSummary{b.Kind, b.Level, b.List, b.Ordered, b.ID, doc.Slice(b.Span)})
	}
	return out
}

func TestMarkdownBlocks(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []blockSummary
	}{
		{
			name: "ATX and setext headings",
			src:  "# One #\n\nTwo\n===\n\nThree\n---\n\n### Four\n",
			want: []blockSummary{
				{Kind: BlockHeading, Level: 1, Text: "One"},
				{Kind: BlockHeading, Level: 1, Text: "Two"},
				{Kind: BlockHeading, Level: 2, Text: "Three"},
				{Kind: BlockHeading, Level: 3, Text: "Four"},
			},
		},
		{
			name: "soft line breaks join a paragraph",
			src:  "A claim (Ma et\n al., 2020) holds\nfirmly.\n\nNext  paragraph.\n",
			want: []blockSummary{
				{Kind: BlockParagraph, Text: "A claim (Ma et al., 2020) holds firmly."},
				{Kind: BlockParagraph, Text: "Next paragraph."},
			},
		},
		{
			name: "hard line breaks read as spaces",
			src:  "one  \ntwo\\\nthree\n",
			want: []blockSummary{{Kind: BlockParagraph, Text: "one two three"}},
		},
		{
			name: "lists are numbered and nested items get their depth",
			src:  "- a\n- b\n  1. c\n  2. d\n- e\n\ntext\n\n* f\n",
			want: []blockSummary{
				{Kind: BlockListItem, Level: 1, List: 1, Text: "a"},
				{Kind: BlockListItem, Level: 1, List: 1, Text: "b"},
				{Kind: BlockListItem, Level: 2, List: 2, Ordered: true, Text: "c"},
				{Kind: BlockListItem, Level: 2, List: 2, Ordered: true, Text: "d"},
				{Kind: BlockListItem, Level: 1, List: 1, Text: "e"},
				{Kind: BlockParagraph, Text: "text"},
				{Kind: BlockListItem, Level: 1, List: 3, Text: "f"},
			},
		},
		{
			name: "a loose list item keeps its paragraphs in one block",
			src:  "1. first para\n\n   second para\n\n2. next\n",
			want: []blockSummary{
				{Kind: BlockListItem, Level: 1, List: 1, Ordered: true, Text: "first para second para"},
				{Kind: BlockListItem, Level: 1, List: 1, Ordered: true, Text: "next"},
			},
		},
		{
			name: "block quotes, code blocks and tables",
			src:  "> quoted\n> text\n\n```\ncode  here\n```\n\n    indented\n\n| h1 | h2 |\n|----|----|\n| c1 | c2 |\n",
			want: []blockSummary{
				{Kind: BlockQuote, Text: "quoted text"},
				{Kind: BlockPreformatted, Text: "code here"},
				{Kind: BlockPreformatted, Text: "indented"},
				{Kind: BlockTableCell, Text: "h1"},
				{Kind: BlockTableCell, Text: "h2"},
				{Kind: BlockTableCell, Text: "c1"},
				{Kind: BlockTableCell, Text: "c2"},
			},
		},
		{
			name: "inline markup is dropped and its text kept",
			src:  "*em* **strong** ~~gone~~ `code` [link](http://x.org) ![alt](i.png) \\*lit\\* &amp; &copy;\n",
			want: []blockSummary{{Kind: BlockParagraph, Text: "em strong gone code link *lit* & ©"}},
		},
		{
			name: "task list check boxes are not text",
			src:  "- [ ] todo\n- [x] done\n",
			want: []blockSummary{
				{Kind: BlockListItem, Level: 1, List: 1, Text: "todo"},
				{Kind: BlockListItem, Level: 1, List: 1, Text: "done"},
			},
		},
		{
			name: "raw HTML keeps its text",
			src:  "Text<sup>1</sup> and <b>bold</b> <!-- note -->.\n\n<div>\n<p>Block <em>html</em></p>\n<script>var x = 1;</script>\n</div>\n",
			want: []blockSummary{
				{Kind: BlockParagraph, Text: "Text1 and bold ."},
				{Kind: BlockParagraph, Text: "Block html"},
			},
		},
		{
			name: "CRLF line endings",
			src:  "# Title\r\n\r\nLine one\r\nline two.\r\n\r\n- item\r\n",
			want: []blockSummary{
				{Kind: BlockHeading, Level: 1, Text: "Title"},
				{Kind: BlockParagraph, Text: "Line one line two."},
				{Kind: BlockListItem, Level: 1, List: 1, Text: "item"},
			},
		},
		{
			name: "footnote definitions go last as one ordered list",
			src:  "Claim[^a] here.\n\n[^a]: Note A.\n\nMore[^b].\n\n[^b]: Note B.\n",
			want: []blockSummary{
				{Kind: BlockParagraph, Text: "Claim[a] here."},
				{Kind: BlockParagraph, Text: "More[b]."},
				{Kind: BlockListItem, Level: 1, List: 1, Ordered: true, ID: "fn:a", Text: "Note A."},
				{Kind: BlockListItem, Level: 1, List: 1, Ordered: true, ID: "fn:b", Text: "Note B."},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readMarkdown(t, tt.src)
			assert.Equal(t, tt.want, summarize(doc))
		})
	}
}

func TestMarkdownLinks(t *testing.T) {
	src := "See [the report](https://example.com/r?a=1) and [notes](notes.html#x),\n" +
		"<https://auto.example/p> or https://bare.example/q and www.example.org, <me@example.com>.\n" +
		"Inline <a href=\"https://html.example/\">html link</a>.\n"
	doc := readMarkdown(t, src)
	type link struct{ Text, Href, URL string }
	var got []link
	for _, l := range doc.Links {
		got = append(got, link{doc.Slice(l.Span), l.Href, l.URL})
		assert.True(t, l.InBody)
		assert.False(t, l.Footnote)
		start, end := doc.SourceOffsets(l.Span)
		assert.Equal(t, doc.Slice(l.Span), src[start:end], "link text maps to itself in the source")
	}
	assert.Equal(t, []link{
		{"the report", "https://example.com/r?a=1", "https://example.com/r?a=1"},
		{"notes", "notes.html#x", "notes.html#x"},
		{"https://auto.example/p", "https://auto.example/p", "https://auto.example/p"},
		{"https://bare.example/q", "https://bare.example/q", "https://bare.example/q"},
		{"www.example.org", "www.example.org", "http://www.example.org"},
		{"me@example.com", "me@example.com", "mailto:me@example.com"},
		{"html link", "https://html.example/", "https://html.example/"},
	}, got)
}

func TestMarkdownFootnotes(t *testing.T) {
	src := "# T\n\nA claim.[^1] Another[^long-name] and again[^1].\n\n" +
		"[^1]: First note, Smith (2020).\n" +
		"[^long-name]: Second note\n    continued.\n" +
		"[^unused]: Never cited.\n"
	doc := readMarkdown(t, src)

	var refs []string
	for _, l := range doc.Links {
		require.True(t, l.Footnote)
		assert.True(t, l.Superscript)
		assert.True(t, l.InBody)
		assert.Equal(t, l.Href, l.URL)
		start, end := doc.SourceOffsets(l.Span)
		refs = append(refs, doc.Slice(l.Span)+"="+src[start:end]+"->"+l.Href)
	}
	assert.Equal(t, []string{"[1]=[^1]->#fn:1", "[long-name]=[^long-name]->#fn:long-name", "[1]=[^1]->#fn:1"}, refs)

	var sups []string
	for _, s := range doc.Superscripts {
		sups = append(sups, doc.Slice(s))
	}
	assert.Equal(t, []string{"[1]", "[long-name]", "[1]"}, sups)

	var anchors []string
	for _, a := range doc.Anchors {
		anchors = append(anchors, a.ID+"="+doc.Slice(a.Span))
	}
	assert.Equal(t, []string{
		"fn:1=First note, Smith (2020).",
		"fn:long-name=Second note continued.",
		"fn:unused=Never cited.",
	}, anchors)

	a, ok := doc.AnchorByID("#fn:long-name")
	require.True(t, ok)
	r := doc.Locate(a.Span)
	assert.Equal(t, [4]int{6, 15, 7, 15}, [4]int{r.Line, r.Column, r.EndLine, r.EndColumn})
	i := doc.BlockAt(a.Span.Start)
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, "fn:long-name", doc.Blocks[i].ID)
}

func TestMarkdownPositions(t *testing.T) {
	src := "---\ntitle: x\n---\n" + // lines 1-3
		"# Título\n" + // 4
		"\n" + // 5
		"Ünïcode wörds\tand a\n" + // 6: a tab counts as one column
		"> quoted **bold** word (Ma et\n" + // 7
		">  al., 2020) ends.\n" + // 8
		"\n" + // 9
		"1. item [lnk](http://x.y) z\n" // 10
	doc := readMarkdown(t, src)
	tests := []struct {
		word      string
		n         int
		line, col int
		endCol    int
	}{
		{"Título", 0, 4, 3, 9},
		{"wörds", 0, 6, 9, 14},
		{"and", 0, 6, 15, 18},
		{"bold", 0, 7, 12, 16},
		{"word", 0, 7, 19, 23},
		{"al.,", 0, 8, 4, 8},
		{"lnk", 0, 10, 10, 13},
		{"z", 0, 10, 27, 28},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			r := doc.Locate(spanOf(t, doc, tt.word, tt.n))
			assert.Equal(t, tt.line, r.Line)
			assert.Equal(t, tt.col, r.Column)
			assert.Equal(t, tt.line, r.EndLine)
			assert.Equal(t, tt.endCol, r.EndColumn)
		})
	}
	// the joined citation spans two source lines
	r := doc.Locate(spanOf(t, doc, "(Ma et al., 2020)", 0))
	assert.Equal(t, [4]int{7, 24, 8, 14}, [4]int{r.Line, r.Column, r.EndLine, r.EndColumn})
}

// TestMarkdownWordsMapHome checks, over the test article, that every word
// of the text that occurs once in the source maps back onto itself.
func TestMarkdownWordsMapHome(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "markdown", "article.md"))
	require.NoError(t, err)
	doc, err := Parse(src, ReadOptions{Name: "article.md"})
	require.NoError(t, err)
	checkInvariants(t, doc)
	checked := 0
	for off := 0; off < len(doc.Text); {
		end := off
		for end < len(doc.Text) && isWordByte(doc.Text[end]) {
			end++
		}
		if end > off {
			w := doc.Text[off:end]
			if bytes.Count(src, []byte(w)) == 1 {
				s, e := doc.SourceOffsets(Span{off, end})
				assert.Equal(t, w, string(src[s:e]))
				i := bytes.Index(src, []byte(w))
				line := bytes.Count(src[:i], []byte{'\n'}) + 1
				col := utf8.RuneCount(src[bytes.LastIndexByte(src[:i], '\n')+1:i]) + 1
				p := doc.Locate(Span{off, end})
				assert.Equal(t, [2]int{line, col}, [2]int{p.Line, p.Column}, w)
				checked++
			}
			off = end
			continue
		}
		off++
	}
	assert.Greater(t, checked, 30)
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func TestMarkdownMeta(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want Meta
		text string
	}{
		{
			name: "front matter",
			src: "---\ntitle: \"Front Title\"\nauthors:\n  - Jane Doe\n  - name: John Roe\ndate: 2024-01-02\n" +
				"lang: en\ndoi: 10.1234/abc\ncanonical_url: https://example.com/a\npublisher: Press # a comment\n---\n\n# Heading\n\nBody.\n",
			want: Meta{Title: "Front Title", Authors: []string{"Jane Doe", "John Roe"}, Published: "2024-01-02",
				Language: "en", DOI: "10.1234/abc", CanonicalURL: "https://example.com/a", Publisher: "Press"},
			text: "Heading\nBody.",
		},
		{
			name: "inline author list and no title",
			src:  "---\nauthor: [A One, 'B Two']\n---\n## Sub\n\n# Main\n",
			want: Meta{Title: "Main", Authors: []string{"A One", "B Two"}},
			text: "Sub\nMain",
		},
		{
			name: "first heading when there is no level 1",
			src:  "Intro\n\n## First\n\n## Second\n",
			want: Meta{Title: "First"},
			text: "Intro\nFirst\nSecond",
		},
		{
			name: "a thematic break at the top is not front matter",
			src:  "---\n\nText\n---\n",
			want: Meta{Title: "Text"},
			text: "Text",
		},
		{
			name: "front matter after a byte order mark",
			src:  "\xef\xbb\xbf---\ntitle: T\n---\nBody\n",
			want: Meta{Title: "T"},
			text: "Body",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readMarkdown(t, tt.src)
			assert.Equal(t, tt.want, doc.Meta)
			assert.Equal(t, tt.text, doc.Text)
		})
	}
}

func TestMarkdownSuperscriptHTML(t *testing.T) {
	doc := readMarkdown(t, "Water boils<sup><a href=\"#n1\">1</a></sup> at 100 °C<sup>2,3</sup>.\n")
	var sups []string
	for _, s := range doc.Superscripts {
		sups = append(sups, doc.Slice(s))
	}
	assert.Equal(t, []string{"1", "2,3"}, sups)
	require.Len(t, doc.Links, 1)
	assert.Equal(t, "#n1", doc.Links[0].URL)
	assert.True(t, doc.Links[0].Superscript)
}

func TestMarkdownLegacyEncoding(t *testing.T) {
	src := "# Caf\xe9\n\nna\xefve \x93word\x94 here\n"
	doc, err := Parse([]byte(src), ReadOptions{Name: "x.md"})
	require.NoError(t, err)
	checkInvariants(t, doc)
	assert.Equal(t, "windows-1252", doc.Charset)
	assert.Equal(t, "Café\nnaïve “word” here", doc.Text)
	p := doc.Locate(spanOf(t, doc, "here", 0))
	assert.Equal(t, [2]int{3, 14}, [2]int{p.Line, p.Column})
}

func TestMarkdownDeepNesting(t *testing.T) {
	src := strings.Repeat("> ", 5000) + "deep\n\n" + strings.Repeat("- ", 5000) + "list\n"
	var stairs strings.Builder
	for i := range 300 { // nesting by indentation, deeper than the writer follows
		fmt.Fprintf(&stairs, "%s- w%d\n", strings.Repeat("  ", i), i)
	}
	src += "\n" + stairs.String()
	doc := readMarkdown(t, src)
	assert.Contains(t, doc.Text, "deep")
	assert.Contains(t, doc.Text, "list")
	for _, w := range []string{"w0", "w150", "w299"} {
		s, e := doc.SourceOffsets(spanOf(t, doc, w, 0))
		assert.Equal(t, w, src[s:e])
	}
}
