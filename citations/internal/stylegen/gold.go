package main

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// Gold is what gold.json holds: the corpus and, for every rendering, where
// its citations, notes and entries are and what was planted in it.
type Gold struct {
	Generator string        `json:"generator"`
	Pandoc    string        `json:"pandoc"`
	CSLStyles string        `json:"csl_styles"` // the Debian package's version
	Styles    []StyleInfo   `json:"styles"`
	Articles  []ArticleInfo `json:"articles"`
	Files     []FileGold    `json:"files"`
}

// StyleInfo describes one style of the corpus.
type StyleInfo struct {
	ID      string `json:"id"`
	CSL     string `json:"csl"`
	Title   string `json:"title"`
	Class   string `json:"class"` // CSL's "in-text" or "note"
	Family  string `json:"family"`
	Heading string `json:"heading"`
	// FaultArticle is the article whose faulted variants are written.
	FaultArticle string `json:"fault_article"`
}

// ArticleInfo describes one article of the corpus.
type ArticleInfo struct {
	ID    string   `json:"id"`
	Title string   `json:"title"`
	Words int      `json:"words"`
	Works []string `json:"works"` // the keys it cites, in order of first citation
}

// FileGold is the gold of one rendering.
type FileGold struct {
	Path    string `json:"path"` // relative to gold.json's folder
	Style   string `json:"style"`
	Article string `json:"article"`
	Format  string `json:"format"`  // html or text
	Variant string `json:"variant"` // "clean" or the fault planted
	// HeadingLine is the line of the reference-list heading.
	HeadingLine int            `json:"heading_line"`
	Citations   []CitationGold `json:"citations"`
	Entries     []EntryGold    `json:"entries"`
	Faults      []FaultGold    `json:"faults,omitempty"`
}

// Span is a half-open byte range of a rendering, with the lines of its
// two ends.
type Span struct {
	Start   int `json:"start"`
	End     int `json:"end"`
	Line    int `json:"line"`
	EndLine int `json:"end_line"`
}

// CitationGold is one in-text citation: one Cite of the source, which may
// cite several works ("(Müller, 2019b; Nakamura & Ferreira, 2020)").
type CitationGold struct {
	Span
	Text string   `json:"text"` // as rendered, tags stripped, spaces collapsed
	Keys []string `json:"keys"`
	// Note is, in a note style, the footnote the marker points at; the
	// Span is then the marker (and any author named before it).
	Note *NoteGold `json:"note,omitempty"`
}

// NoteGold is the text of a footnote.
type NoteGold struct {
	Span
	Text string `json:"text"`
}

// EntryGold is one reference-list entry.
type EntryGold struct {
	Span
	Key string `json:"key"`
	// Copy marks the second of two identical entries (the duplicate fault).
	Copy bool `json:"copy,omitempty"`
	// BlockStart and BlockLine are where the entry's element begins: in
	// HTML its <div class="csl-entry">, in text the entry itself.
	BlockStart int    `json:"block_start"`
	BlockLine  int    `json:"block_line"`
	Text       string `json:"text"`
}

// FaultGold is one planted fault: the finding expected, on one of Lines.
type FaultGold struct {
	Kind  string `json:"kind"`
	Code  string `json:"code"`
	Key   string `json:"key"`
	Lines []int  `json:"lines"`
	// Detail says what was changed: "2019 → 2016", "Müller → Müllar".
	Detail string `json:"detail,omitempty"`
}

// locate computes the gold of a rendering from its marked twin.
func locate(real, marked string, doc node, format string) (FileGold, error) {
	stripped, at, err := stripSentinels(marked)
	if err != nil {
		return FileGold{}, err
	}
	proj, err := newProjection(stripped, real)
	if err != nil {
		return FileGold{}, err
	}
	lines := newLineTable(real)
	span := func(tag string) (Span, error) {
		s, ok1 := at[tag]
		e, ok2 := at["/"+tag]
		if !ok1 || !ok2 {
			return Span{}, fmt.Errorf("sentinel %s not in the rendering", tag)
		}
		start, end, err := proj.span(s, e)
		if err != nil {
			return Span{}, fmt.Errorf("%s: %w", tag, err)
		}
		return Span{Start: start, End: end, Line: lines.line(start), EndLine: lines.line(end - 1)}, nil
	}
	var g FileGold
	for i, c := range cites(doc) {
		sp, err := span("c" + strconv.Itoa(i))
		if err != nil {
			return g, err
		}
		cg := CitationGold{Span: sp, Text: visibleText(real[sp.Start:sp.End], format), Keys: c.keys}
		if _, ok := at["n"+strconv.Itoa(i)]; ok {
			nsp, err := span("n" + strconv.Itoa(i))
			if err != nil {
				return g, err
			}
			cg.Note = &NoteGold{Span: nsp, Text: visibleText(real[nsp.Start:nsp.End], format)}
		}
		g.Citations = append(g.Citations, cg)
	}
	refs, err := refsDiv(doc)
	if err != nil {
		return g, err
	}
	_, keys := entryDivs(refs)
	seen := map[string]bool{}
	for j, key := range keys {
		sp, err := span("e" + strconv.Itoa(j))
		if err != nil {
			return g, err
		}
		e := EntryGold{Span: sp, Key: key, Copy: seen[key], BlockStart: sp.Start, BlockLine: sp.Line,
			Text: visibleText(real[sp.Start:sp.End], format)}
		seen[key] = true
		if format == "html" {
			if b := entryElement(real, sp.Start); b >= 0 {
				e.BlockStart, e.BlockLine = b, lines.line(b)
			}
		}
		g.Entries = append(g.Entries, e)
	}
	return g, nil
}

// entryElement finds the <div class="csl-entry"> that holds offset i.
func entryElement(src string, i int) int {
	for i > 0 {
		j := strings.LastIndex(src[:i], "<div")
		if j < 0 {
			return -1
		}
		tag, _, _ := strings.Cut(src[j:], ">")
		if strings.Contains(tag, "csl-entry") {
			return j
		}
		i = j
	}
	return -1
}

// visibleText is what a reader sees of a piece of a rendering: for HTML
// its text with tags dropped and entities decoded; spaces collapsed.
func visibleText(s, format string) string {
	if format == "html" {
		var b strings.Builder
		z := html.NewTokenizerFragment(strings.NewReader(s), "div")
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			if tt == html.TextToken {
				b.Write(z.Text())
			}
		}
		s = b.String()
	}
	return strings.Join(strings.Fields(s), " ")
}
