package citecheck_test

import (
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/citecheck/citecheck/sources"
)

// A shape is an input built to push one stage of the pipeline to its worst
// case, at a size given by n (its number of repeated units). The shapes are
// the ones a campaign of bad inputs found quadratic or unbounded (issue
// 10); adversarial_test.go holds each to linear growth, the fuzz seeds
// carry small ones, and BenchmarkAdversarial times the largest.
type shape struct {
	name   string
	format sources.Format
	// unit is the n of the 1x size; the tests run 1x, 4x and 16x.
	unit int
	gen  func(n int) []byte
}

// shapes lists the adversarial shapes.
var shapes = []shape{
	{"ambiguous-candidates", sources.FormatText, 1250, genAmbiguous},
	{"distinct-second-authors", sources.FormatText, 1250, genSecondAuthors},
	{"unknown-names-one-year", sources.FormatText, 1250, genUnknownNames},
	{"numeric-ranges", sources.FormatText, 4000, genRanges},
	{"numbered-list-over-999", sources.FormatText, 1000, genNumberedList},
	{"one-long-line", sources.FormatText, 4000, genLongLine},
	{"sup-on-one-line", sources.FormatHTML, 3200, genSupLine},
	{"sources-list-without-markers", sources.FormatText, 2500, genSourcesList},
	{"markdown-footnotes", sources.FormatMarkdown, 3200, genFootnotes},
	{"markdown-open-links", sources.FormatMarkdown, 12500, genOpenLinks},
	{"markdown-table", sources.FormatMarkdown, 4000, genTable},
	{"utf16-text", sources.FormatText, 500, genUTF16},
	{"open-quotation-paragraph", sources.FormatHTML, 2000, genOpenQuotation},
	{"linked-paragraph", sources.FormatHTML, 2000, genLinkedParagraph},
}

// genAmbiguous is n citations "(Smith, 2001)" and n entries by Smith in
// 2001: every citation matches every entry.
func genAmbiguous(n int) []byte {
	var b strings.Builder
	for range n {
		b.WriteString("Prices rose (Smith, 2001). ")
	}
	b.WriteString("\n\nReferences\n\n")
	for i := range n {
		fmt.Fprintf(&b, "Smith, J. (2001). Report number %d on prices. Economics Journal, 3, 1-9.\n\n", i)
	}
	return []byte(b.String())
}

// genSecondAuthors is n citations "(Smith & Lee<i>, 2001)", each of a
// different work, and their n entries: one first author for all.
func genSecondAuthors(n int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Prices rose (Smith & Lee%d, 2001). ", i)
	}
	b.WriteString("\n\nReferences\n\n")
	for i := range n {
		fmt.Fprintf(&b, "Smith, J., & Lee%d, K. (2001). Report number %d on prices. Economics Journal, 3, 1-9.\n\n", i, i)
	}
	return []byte(b.String())
}

// genUnknownNames is n citations of authors no entry has, all in the year
// of the n entries: each citation looks for a near spelling in that year.
func genUnknownNames(n int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Prices rose (Nobody%dx, 2001). ", i)
	}
	b.WriteString("\n\nReferences\n\n")
	for i := range n {
		fmt.Fprintf(&b, "Author%dq, J. (2001). Report number %d on prices. Economics Journal, 3, 1-9.\n\n", i, i)
	}
	return []byte(b.String())
}

// genRanges is "[1–49]" n times: each range is 49 citations.
func genRanges(n int) []byte {
	var b strings.Builder
	for range n {
		b.WriteString("A claim [1–49]. ")
	}
	return []byte(b.String())
}

// genNumberedList is a numbered list of n entries, each cited once by its
// number: above 999 from the 4x size on.
func genNumberedList(n int) []byte {
	var b strings.Builder
	entries := n
	for i := 1; i <= entries; i++ {
		fmt.Fprintf(&b, "Finding %d holds [%d]. ", i, i)
	}
	b.WriteString("\n\nReferences\n\n")
	for i := 1; i <= entries; i++ {
		fmt.Fprintf(&b, "[%d] Author%d, A. Title of work %d. Journal. 2020.\n", i, i, i)
	}
	return []byte(b.String())
}

// genLongLine is one line of text, without a line break, holding n cited
// sentences, and a short reference list.
func genLongLine(n int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Claim %d rose by %d%% (Smith, 2019). ", i, i%90)
	}
	b.WriteString("\n\nReferences\n\nSmith, J. (2019). A study. Journal, 1, 2-3.\n")
	return []byte(b.String())
}

// genSupLine is an HTML page whose one paragraph, on one line, holds n
// superscript footnote markers.
func genSupLine(n int) []byte {
	var b strings.Builder
	b.WriteString("<!doctype html><html><body><article><p>")
	for i := range n {
		fmt.Fprintf(&b, "Claim %d.<sup>%d</sup> ", i, i%50+1)
	}
	b.WriteString("</p><h2>References</h2><ol>")
	for i := 1; i <= 50; i++ {
		fmt.Fprintf(&b, "<li>Author%d, A. (2020). Work %d. Journal.</li>", i, i)
	}
	b.WriteString("</ol></article></body></html>")
	return []byte(b.String())
}

// genSourcesList is a news piece naming its n sources in the body, with a
// "Sources" list of n entries and no in-text markers.
func genSourcesList(n int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Agency%d Research Center said prices rose. ", i)
	}
	b.WriteString("\n\nSources\n\n")
	for i := range n {
		fmt.Fprintf(&b, "Agency%d Research Center. (2021). Prices report %d. https://agency%d.example.org/report\n\n", i, i, i)
	}
	return []byte(b.String())
}

// genFootnotes is Markdown with n footnote references and n definitions.
func genFootnotes(n int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Claim %d holds.[^n%d]\n\n", i, i)
	}
	for i := range n {
		fmt.Fprintf(&b, "[^n%d]: Author%d, A. (2020). Work %d.\n", i, i, i)
	}
	return []byte(b.String())
}

// genOpenLinks is "[a](" n times: link openers that never close.
func genOpenLinks(n int) []byte {
	return []byte(strings.Repeat("[a](", n))
}

// genTable is a Markdown table of n rows.
func genTable(n int) []byte {
	var b strings.Builder
	b.WriteString("| year | share | source |\n|---|---|---|\n")
	for i := range n {
		fmt.Fprintf(&b, "| %d | %d.%d%% | Survey %d |\n", 1900+i%120, i%100, i%10, i)
	}
	return []byte(b.String())
}

// genUTF16 is plain text in UTF-16LE with a byte-order mark: n cited
// sentences and their reference list.
func genUTF16(n int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Claim %d rose by %d%% (Smith, 2019).\n\n", i, i%90)
	}
	b.WriteString("References\n\nSmith, J. (2019). A study. Journal, 1, 2-3.\n")
	units := utf16.Encode([]rune(b.String()))
	out := make([]byte, 2, 2+2*len(units))
	out[0], out[1] = 0xFF, 0xFE
	for _, u := range units {
		out = binary.LittleEndian.AppendUint16(out, u)
	}
	return out
}

// genOpenQuotation is an HTML page whose one paragraph opens a quotation
// that runs over n sentences, each with a figure, and names its speaker in
// the last: every sentence of the run is attributed to that speaker.
func genOpenQuotation(n int) []byte {
	var b strings.Builder
	b.WriteString("<!doctype html><html><body><article><p>\u201c")
	for i := range n {
		fmt.Fprintf(&b, "Prices rose %d%% in %d. ", i%90, 1900+i%120)
	}
	b.WriteString("\u201d said Ana Torres.</p></article></body></html>")
	return []byte(b.String())
}

// genLinkedParagraph is an HTML page whose one paragraph holds n sentences,
// each with a link: whether the paragraph is all links is asked once, not
// once per sentence.
func genLinkedParagraph(n int) []byte {
	var b strings.Builder
	b.WriteString("<!doctype html><html><body><article><p>")
	for i := range n {
		fmt.Fprintf(&b, "Prices rose %d%% in %d, <a href=\"https://example.org/r/%d\">the report</a> says. ", i%90, 1900+i%120, i)
	}
	b.WriteString("</p></article></body></html>")
	return []byte(b.String())
}
