package citations

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/citecheck/citecheck/sources"
)

// This file knows the furniture of a paged document read as text (an
// RFC, an Internet-Draft, a PDF's text): the running header and footer
// every page repeats, which a reference list crosses like any page.

// maxFurnitureLen bounds the blocks that can be a running header or
// footer: a line, not a paragraph.
const maxFurnitureLen = 100

// pageFurniture returns which blocks of the document are a running header
// or footer, or nil when it has none. A heading is one when its very text
// comes back three times or more ("Internet-Draft remoteStorage December
// 2014"); a paragraph when its text with the digits left out does, the
// page number changing from page to page ("de Jong [Page 20]"). Either
// holds a digit, a page number or a date: a heading such as "Notes" that
// comes back once a chapter is no running header. A block with an id, a
// list item, a block that opens with a label (a note "12. Ibid., p. 4")
// or ends a sentence is never furniture.
func pageFurniture(doc *sources.Document) []bool {
	counts := map[string]int{}
	keys := make([]string, len(doc.Blocks))
	for i, b := range doc.Blocks {
		if k := furnitureKey(doc, b); k != "" {
			keys[i] = k
			counts[k]++
		}
	}
	var out []bool
	for i, k := range keys {
		if k != "" && counts[k] >= 3 {
			if out == nil {
				out = make([]bool, len(doc.Blocks))
			}
			out[i] = true
		}
	}
	return out
}

// furnitureKey returns the key under which a block that may be a running
// header or footer is counted, or "" for a block that cannot be one.
func furnitureKey(doc *sources.Document, b sources.Block) string {
	switch {
	case b.ID != "" || b.Span.Len() > maxFurnitureLen:
		return ""
	case b.Kind != sources.BlockHeading && b.Kind != sources.BlockParagraph && b.Kind != sources.BlockPreformatted:
		return "" // a page of an RFC in <pre> is preformatted
	}
	text := strings.TrimSpace(doc.Slice(b.Span))
	if !strings.ContainsAny(text, "0123456789") || strings.HasSuffix(text, ".") || startsBackMatter(text) {
		return ""
	}
	if l, _ := cutLabel(text); l != "" {
		return ""
	}
	if b.Kind == sources.BlockHeading {
		return "h " + text
	}
	return "p " + strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '#'
		}
		return r
	}, text)
}

// isFurniture reports whether block k is a running header or footer.
func isFurniture(furniture []bool, k int) bool {
	return furniture != nil && furniture[k]
}

// crossesFurniture reports whether furniture lies between blocks from and
// to (the blocks an entry skipped since its last block).
func crossesFurniture(furniture []bool, from, to int) bool {
	for k := from + 1; k < to; k++ {
		if isFurniture(furniture, k) {
			return true
		}
	}
	return false
}

// continuesLabelled reports whether block text next goes on with the
// labelled entry prev, which a page broke mid-sentence: prev opens with
// its bracketed label ("[CORS] van Kesteren, Anne (ed), "Cross-Origin
// Resource Sharing …","), stops at a comma or the like, and next has no
// label of its own ("http://www.w3.org/TR/cors/, January 2013."). A
// number opening a block is no such label: it may be the page's.
func continuesLabelled(prev, next string) bool {
	prev, next = strings.TrimSpace(prev), strings.TrimSpace(next)
	if prev == "" || next == "" || prev[0] != '[' {
		return false
	}
	if l, _ := cutLabel(prev); l == "" {
		return false
	}
	if l, _ := cutLabel(next); l != "" {
		return false
	}
	switch prev[len(prev)-1] {
	case ',', ';', ':', '-', '/':
		return true
	}
	return strings.HasSuffix(prev, "–") || strings.HasSuffix(prev, "—")
}

// pagedReference is makeReference for an entry that runs across a page's
// furniture: its Span and Text are the whole stretch, as for any entry,
// but its fields are read from its own blocks alone, without the running
// header and footer between them.
func pagedReference(doc *sources.Document, span sources.Span, anchor string, f *entryFinder) Reference {
	var parts []string
	for k := doc.BlockAt(span.Start); k >= 0 && k < len(doc.Blocks) && doc.Blocks[k].Span.Start < span.End; k++ {
		if isFurniture(f.furniture, k) {
			continue
		}
		b := doc.Blocks[k].Span
		parts = append(parts, doc.Slice(sources.Span{Start: max(b.Start, span.Start), End: min(b.End, span.End)}))
	}
	r := f.parsed.parse(strings.Join(parts, " "))
	r.Span = span
	r.Text = doc.Slice(span)
	r.Anchor = anchor
	return r
}

// nextSection reports whether heading, numbered, is the section that
// follows the numbered section ref: "18. Authors' addresses" after "17.
// References", "A. Appendix"… aside, a number one higher and words, with
// no year or comma, which a numbered entry taken for a heading ("18.
// Smith J, Doe K. …, 2019") has.
func nextSection(ref, heading string) bool {
	rn, _, ok := strings.Cut(strings.TrimSpace(ref), ".")
	if !ok || !allDigits(rn) || len(rn) > 3 {
		return false
	}
	hn, rest, ok := strings.Cut(strings.TrimSpace(heading), ".")
	if !ok || !allDigits(hn) || len(hn) > 3 || !strings.HasPrefix(rest, " ") {
		return false
	}
	r, _ := strconv.Atoi(rn)
	h, _ := strconv.Atoi(hn)
	return h == r+1 && firstYear(rest) == "" && !strings.Contains(rest, ",")
}
