package citations

import (
	"sort"
	"strings"

	"github.com/citecheck/citecheck/sources"
)

// This file holds the citations that carry their own source: a DOI or a
// URL written out in the text rather than linked, on its own ("as shown in
// doi:10.1038/nature12373") or inside an author-year group ("(Hughes et
// al., 2018, https://doi.org/10.1038/nature25746)"), and a hyperlink in
// such a group. Linking treats them as it treats hyperlinks: an entry
// that lists the source resolves them, and without one they are unlisted,
// not unresolved (see Link).

// writtenSource is a DOI or URL written out in the text.
type writtenSource struct {
	// span covers it with its lead-in: "doi:10.1038/nature12373".
	span sources.Span
	// url is the URL it names; a DOI's is its resolver URL,
	// "https://doi.org/10.…".
	url string
	// alone reports a source that is a citation even outside an
	// author-year group, inside a sentence: a DOI with its lead-in
	// ("doi:", "DOI ") or its resolver's URL. A bare "10.…" or another
	// URL cites only inside a group, where the citation says what it is.
	alone bool
}

// nextWrittenSource returns the first DOI or URL written in text at or
// after i, and where to look for the next one; ok is false when there is
// none.
func nextWrittenSource(text string, i int) (ws writtenSource, next int, ok bool) {
	for i < len(text) {
		start, _, kind := nextLink(text, i)
		if kind == 0 {
			return writtenSource{}, len(text), false
		}
		end := tokenEnd(text, start) // a URL in prose ends at the first space
		next = max(end, start+1)
		tok := trimURL(text[start:end])
		switch kind {
		case 'u':
			if d := doiFromURL(tok); d != "" {
				return writtenSource{span: sources.Span{Start: start - doiLeadIn(text[:start]), End: start + len(tok)},
					url: "https://doi.org/" + d, alone: true}, next, true
			}
			u := tok
			if strings.HasPrefix(strings.ToLower(u), "www.") {
				u = "https://" + u
			}
			return writtenSource{span: sources.Span{Start: start, End: start + len(tok)}, url: u}, next, true
		case 'd':
			d, err := sources.ParseDOI(tok)
			if err != nil {
				i = next
				continue
			}
			ws := writtenSource{span: sources.Span{Start: start, End: start + len(tok)}, url: "https://doi.org/" + d}
			if lead := doiLeadIn(text[:start]); lead > 0 {
				ws.span.Start, ws.alone = start-lead, true
			}
			return ws, next, true
		}
		i = next
	}
	return writtenSource{}, len(text), false
}

// doiLeadIn returns the length of the lead-in that ends before, naming
// what follows as a DOI: "doi:", "DOI: ", "doi ", or a resolver's host
// written without its scheme, "doi.org/", "dx.doi.org/"; 0 when there is
// none.
func doiLeadIn(before string) int {
	tail := strings.ToLower(before[max(0, len(before)-12):])
	for _, lead := range []string{"dx.doi.org/", "www.doi.org/", "doi.org/", "doi: ", "doi:", "doi "} {
		if !strings.HasSuffix(tail, lead) {
			continue
		}
		if at := len(before) - len(lead); at > 0 && refWordByte(before[at-1]) {
			return 0 // "pseudoi: 10.…"
		}
		return len(lead)
	}
	return 0
}

// opensSentence reports whether a written source at offset opens its
// block or its sentence. Such a DOI is a label ("DOI: 10.…" under a
// figure or a title) or the last part of a reference written out in the
// text ("… eLife 1: e00007. doi: 10.7554/eLife.00007"), not a citation
// inside the sentence it supports.
func opensSentence(doc *sources.Document, offset int) bool {
	start := 0
	if b := doc.BlockAt(offset); b >= 0 {
		start = doc.Blocks[b].Span.Start
	}
	before := strings.TrimRight(doc.Text[start:offset], " \t\n")
	if i := strings.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return before == "" || strings.ContainsRune(".!?", rune(before[len(before)-1]))
}

// groupOwner returns the index in found (sorted by Span.Start) of the
// author-year or author-page citation whose part of its group holds span:
// the last citation of the group starting before it, with no ';' between
// the two ("(Hughes et al., 2018, https://…)"); or -1.
func groupOwner(text string, found []Citation, span sources.Span) int {
	i := sort.Search(len(found), func(i int) bool { return found[i].Span.Start >= span.Start }) - 1
	if i < 0 {
		return -1
	}
	c := &found[i]
	if c.Kind != KindAuthorYear && c.Kind != KindAuthorPage || c.Group.Start > span.Start || c.Group.End < span.End ||
		c.Span.End > span.Start || strings.IndexByte(text[c.Span.End:span.Start], ';') >= 0 {
		return -1
	}
	return i
}

// writtenSourceCitations gives the citations of found (sorted by
// Span.Start) the DOIs and URLs written in their part of their group, and
// returns a link citation for each DOI written on its own. Sources that a
// hyperlink covers (links), that sit in a footnote marker (notes) or in
// preformatted text are left to those. With more than room new
// citations it returns nil and false.
func writtenSourceCitations(doc *sources.Document, found []Citation, links, notes *spanIndex, room int) ([]Citation, bool) {
	text := doc.Text
	var out []Citation
	for i := 0; i < len(text); {
		ws, next, ok := nextWrittenSource(text, i)
		if !ok {
			break
		}
		i = next
		if ws.span.Len() <= 0 || links.overlaps(ws.span) || notes.overlaps(ws.span) || inPreformatted(doc, ws.span) {
			continue
		}
		if k := groupOwner(text, found, ws.span); k >= 0 {
			if found[k].URL == "" {
				found[k].URL = ws.url
			}
			continue
		}
		if !ws.alone || opensSentence(doc, ws.span.Start) {
			continue
		}
		if len(out) == room {
			return nil, false
		}
		out = append(out, Citation{Kind: KindLink, Span: ws.span, Group: ws.span, Text: text[ws.span.Start:ws.span.End], URL: ws.url})
	}
	return out, true
}
