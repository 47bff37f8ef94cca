package sources

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open range [Start, End) of byte offsets into Document.Text.
// Every package uses it for what it finds; Document.Range turns it into
// positions in the input file.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies entirely inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// BlockKind says what kind of block a piece of text came from.
type BlockKind string

// The kinds of block a reader produces.
const (
	BlockHeading      BlockKind = "heading"
	BlockParagraph    BlockKind = "paragraph"
	BlockListItem     BlockKind = "list-item"
	BlockQuote        BlockKind = "quote"
	BlockPreformatted BlockKind = "preformatted"
	BlockTableCell    BlockKind = "table-cell"
	// BlockCaption is the caption or credit line of a figure, image or
	// table: an HTML figcaption or caption element, or an element whose
	// class names a caption or a credit.
	BlockCaption BlockKind = "caption"
	// BlockByline is text about the article rather than of it: a byline,
	// a dateline or timestamp, an author's biography, a site's tagline
	// (an HTML element whose class or id names one of these).
	BlockByline BlockKind = "byline"
)

// Block is one heading, paragraph, list item, quotation, code block, table
// cell, caption or byline of the readable text. Blocks do not nest and appear in document order;
// in Text, consecutive blocks are separated by a single newline.
type Block struct {
	Kind BlockKind
	// Level is the heading level (1–6) for headings and the nesting depth
	// (1 for a top-level list) for list items.
	Level int
	Span  Span
	// List numbers the list a list item belongs to (1 for the document's
	// first list, and so on); items of one list share it. Zero outside lists.
	List int
	// Ordered reports whether a list item belongs to a numbered list.
	Ordered bool
	// ID is the element's id attribute (HTML), the footnote label
	// (Markdown), or a DOCX note's id ("footnote-3") or the bookmark that
	// opens the paragraph, when it has one.
	ID string
}

// Link is a hyperlink in the readable text.
type Link struct {
	// Span covers the anchor text (empty for a link with no text).
	Span Span
	// Href is the link target exactly as written.
	Href string
	// URL is Href resolved against the document's base URL; for a fragment
	// link such as "#cite_note-3" it is the fragment with its '#'.
	URL string
	// InBody reports whether the link is part of the article's main content,
	// as opposed to navigation, headers, footers and the like.
	InBody bool
	// Superscript reports whether the link sits inside a superscript, as
	// footnote markers do.
	Superscript bool
	// Footnote reports whether the link is a footnote reference: a
	// Markdown [^label], a Word footnote or endnote mark, or a link to an
	// anchor inside the document whose text is a footnote marker.
	Footnote bool
}

// Anchor is a named place in the document that links can point at: an HTML
// element with an id attribute, a Markdown footnote definition, or a DOCX
// bookmark or note.
type Anchor struct {
	ID   string
	Span Span
}

// Meta is what the document says about itself.
type Meta struct {
	Title        string   `json:"title,omitempty"`
	Authors      []string `json:"authors,omitempty"`
	Published    string   `json:"published,omitempty"`
	Publisher    string   `json:"publisher,omitempty"`
	CanonicalURL string   `json:"canonical_url,omitempty"`
	DOI          string   `json:"doi,omitempty"`
	Language     string   `json:"language,omitempty"`
	Description  string   `json:"description,omitempty"`
}

// Document is one input read once: the bytes as given, the readable text
// every detector works on, its structure, and the map from the text back to
// the input so that every finding can point at a line and column.
type Document struct {
	// Name is the input's name as the user gave it (a path, or "-").
	Name   string
	Format Format
	// Src is the input exactly as given. All positions a user sees point
	// here. A DOCX, a zip archive, is the one exception: its Src is its
	// text, one paragraph a line, the same bytes as Text (FormatDOCX).
	Src []byte
	// Charset is the character encoding Src was decoded from.
	Charset string
	// Text is the readable text: for HTML the main content with entities
	// decoded, for Markdown the rendered text, for plain text the text with
	// hard-wrapped lines joined, for a DOCX its paragraphs and then its
	// notes. Blocks are separated by "\n".
	Text   string
	Blocks []Block
	Links  []Link
	// Anchors lists the named places links can point at, in document order.
	Anchors []Anchor
	// Superscripts lists the superscript runs of the text, in order.
	Superscripts []Span
	Meta         Meta

	textMap    offsetMap   // Text offsets to offsets in the decoded source
	decodedMap offsetMap   // decoded source to Src; empty when Src was UTF-8
	lines      lineIndex   // where each line of Src starts, for positions
	pages      []pageStart // where each page starts, when the input records it (DOCX)
}

// Slice returns the text a span covers; an out-of-range span yields "".
func (d *Document) Slice(s Span) string {
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// Words counts the words of the text: runs of letters or digits separated
// by anything else. It does not allocate.
func (d *Document) Words() int {
	n, in := 0, false
	for i := 0; i < len(d.Text); {
		r, size := rune(d.Text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(d.Text[i:])
		}
		i += size
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		if word && !in {
			n++
		}
		in = word
	}
	return n
}

// BlockAt returns the index of the block containing the text offset, or -1.
func (d *Document) BlockAt(offset int) int {
	i := sort.Search(len(d.Blocks), func(i int) bool { return d.Blocks[i].Span.End > offset })
	if i < len(d.Blocks) && d.Blocks[i].Span.Start <= offset {
		return i
	}
	return -1
}

// AnchorByID returns the anchor with the given id (without '#').
func (d *Document) AnchorByID(id string) (Anchor, bool) {
	id = strings.TrimPrefix(id, "#")
	for _, a := range d.Anchors {
		if a.ID == id {
			return a, true
		}
	}
	return Anchor{}, false
}
