package citations

import (
	"net/url"
	"sort"
	"strings"
	"unicode"

	"github.com/citecheck/citecheck/sources"
)

// This file holds what reference lists take from the document's links
// rather than from their text: an entry written as a link, as a news
// piece's "Sources" list is ("[Rents in 2023](https://…)", "<li><a
// href="https://…">Rents in 2023</a></li>"), shows its title and hides its
// URL, which is what the body's links to the same source point at.

// outboundLinks are the links of a document to other sites (linkSites), in
// text order, for looking up the links inside an entry.
type outboundLinks struct {
	links []sources.Link
}

// newOutboundLinks returns the links of doc to other sites, sorted by where
// their text starts. A link written relative to the page ("#cite_ref-4",
// "/wiki/McFarland") is on the page's own site, whatever its base URL, and
// a link on a mark ("^", "a", "↑") is a note's way back to the text.
func newOutboundLinks(doc *sources.Document, siteOf func(string) string) outboundLinks {
	sites := newLinkSites(doc, siteOf)
	var x outboundLinks
	for _, l := range doc.Links {
		if !l.Footnote && l.Span.Len() > 0 && sites.external(l.URL) && absoluteHref(l.Href) && !isMark(doc.Slice(l.Span)) {
			x.links = append(x.links, l)
		}
	}
	sort.SliceStable(x.links, func(i, j int) bool { return x.links[i].Span.Start < x.links[j].Span.Start })
	return x
}

// in returns the links whose text lies inside span, in order.
func (x outboundLinks) in(span sources.Span) []sources.Link {
	i := sort.Search(len(x.links), func(i int) bool { return x.links[i].Span.Start >= span.Start })
	j := i
	for j < len(x.links) && x.links[j].Span.Start < span.End {
		j++
	}
	out := x.links[i:j]
	for k, l := range out {
		if l.Span.End > span.End { // a link running past the entry is not its own
			return out[:k]
		}
	}
	return out
}

// linkedItem reports whether block b is a list item that is a link to
// another site (see leadingLink): "- [Rents in 2023](https://…)",
// "<li><a href=…>Rents in 2023</a> (Census Bureau)</li>". Such an item is
// an entry of a "Sources" list even though its text has neither a year
// nor a URL.
func (x outboundLinks) linkedItem(doc *sources.Document, b sources.Block) bool {
	if b.Kind != sources.BlockListItem || len(x.links) == 0 {
		return false
	}
	_, ok := x.leadingLink(doc, b.Span)
	return ok
}

// leadingLink returns the link an entry at span is written as: one that
// opens it (after a note's back-link marks and an opening quote) and
// covers at least half its text.
func (x outboundLinks) leadingLink(doc *sources.Document, span sources.Span) (sources.Link, bool) {
	in := x.in(span)
	if len(in) == 0 {
		return sources.Link{}, false
	}
	text := doc.Slice(span)
	lead := len(text) - len(strings.TrimLeft(text, " \t\n^↑\"“‘'"))
	text = strings.TrimSpace(text)
	l := in[0]
	linked := strings.TrimSpace(doc.Slice(l.Span))
	if l.Span.Start > span.Start+lead || 2*len(linked) < len(text) {
		return sources.Link{}, false
	}
	return l, true
}

// fillURLs gives each entry whose text names no URL the URL of the link
// it is written as (leadingLink), or else of the link on its title
// (titleLink): a DOI's resolver URL ("https://doi.org/10.…") as its DOI,
// when it has none, and any other as its URL.
func (x outboundLinks) fillURLs(doc *sources.Document, lists []ReferenceList) {
	if len(x.links) == 0 {
		return
	}
	for li := range lists {
		for ei := range lists[li].Entries {
			e := &lists[li].Entries[ei]
			if e.URL != "" {
				continue
			}
			l, ok := x.leadingLink(doc, e.Span)
			if !ok {
				l, ok = x.titleLink(doc, e)
			}
			if !ok {
				continue
			}
			if d := sources.DOIFromURL(l.URL); d != "" {
				if e.DOI == "" {
					e.DOI = d
				}
				continue
			}
			e.URL = l.URL
		}
	}
}

// titleLink returns the link on an entry's title, whose whole text is the
// title: HTML entries often link the title rather than print the address,
// as Wikipedia's do (<cite>McLintock, Alexander, ed. (2009) [1966]. <a
// href="https://teara.govt.nz/…"><i>Tattooing</i></a>. An Encyclopaedia of
// New Zealand.</cite>). An author's or a publisher's link is not the work's.
func (x outboundLinks) titleLink(doc *sources.Document, e *Reference) (sources.Link, bool) {
	if e.Title == "" {
		return sources.Link{}, false
	}
	title := cleanField(e.Title)
	for _, l := range x.in(e.Span) {
		if cleanField(doc.Slice(l.Span)) == title {
			return l, true
		}
	}
	return sources.Link{}, false
}

// absoluteHref reports whether a link was written with its host:
// "https://…", "//host/…".
func absoluteHref(href string) bool {
	href = strings.TrimSpace(href)
	if href == "" || href[0] == '#' || href[0] == '/' && !strings.HasPrefix(href, "//") {
		return false // a fragment or a path of the page's own site
	}
	if host, sure := plainHTTPHost(href); sure && host != "" {
		return true
	}
	u, err := url.Parse(href)
	return err == nil && u.Host != ""
}

// isMark reports whether a link's text is a mark rather than words: fewer
// than two letters, as Wikipedia's back-links "^" and "a b c" are.
func isMark(text string) bool {
	letters := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			if letters++; letters == 2 {
				return false
			}
		}
	}
	return true
}
