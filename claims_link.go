package citecheck

import (
	"strings"
	"unicode/utf8"

	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/claims"
	"github.com/citecheck/citecheck/sources"
)

// linkClaims numbers the claims and attaches to each the citations inside
// it or closing it (a marker right after its full stop belongs to it), its
// links to sources (citations.SourceURL: not a glossary, topic or home
// page), and any "citation needed" marker that follows it.
func (p *Pass) linkClaims(found []claims.Claim) []ClaimSupport {
	out := make([]ClaimSupport, len(found))
	sources.SequentialIDs("k", len(found), func(i int, id string) { out[i].ID = id })
	ci, li := 0, 0
	text := p.Doc.Text
	docLinks := p.Doc.Links
	// a claim's citations are a run of consecutive indexes, cut from one
	// slice of them all, and its links are cut from one slice too
	var indexes []int
	var links []string
	for i := range found {
		c := &found[i]
		out[i].Claim = c
		end := c.Span.End
		for ci < len(p.Citations) && p.Citations[ci].Group.Start < c.Span.Start {
			ci++
		}
		k := ci
		for ; k < len(p.Citations) && p.Citations[k].Group.Start < end; k++ {
			if p.Citations[k].Kind != citations.KindLink {
				out[i].marked = true
			}
		}
		from := len(links)
		for li < len(docLinks) && docLinks[li].Span.Start < c.Span.Start {
			li++
		}
		lj := li
		for ; lj < len(docLinks) && docLinks[lj].Span.Start < end; lj++ {
			if l := &docLinks[lj]; l.InBody && !l.Footnote && l.Span.Len() > 0 && citations.SourceURL(l.URL) {
				links = append(links, l.URL)
			}
		}
		links = appendWrittenLinks(links, p.Citations[ci:k], docLinks[li:lj])
		if k > ci {
			if indexes == nil {
				indexes = make([]int, len(p.Citations))
				for j := range indexes {
					indexes[j] = j
				}
			}
			out[i].Citations = indexes[ci:k:k]
		}
		if len(links) > from {
			out[i].Links = links[from:len(links):len(links)]
		}
		out[i].CitationNeeded = citationNeededAt(text, c.Span)
		out[i].Exhibit = exhibit(c.Text)
	}
	return out
}

// exhibitWords name the parts of an article that show its own material.
var exhibitWords = [...]string{"Table ", "Figure ", "Fig. ", "Chart ", "Exhibit ", "Appendix ", "Supplementary Table ", "Supplementary Figure "}

// exhibitInitials has bit c-'A' set for each capital c that begins a word
// of exhibitWords.
const exhibitInitials = 1<<('T'-'A') | 1<<('F'-'A') | 1<<('C'-'A') | 1<<('E'-'A') | 1<<('S'-'A') | 1 /* A */

// exhibit returns the first exhibit a sentence points at, "Table 1",
// "Figure 2b", "Appendix A", or "": of the words of exhibitWords, the
// first in that list that the sentence writes before a number or a
// capital, at its first such place. The sentence is read once, stopping
// only at the capitals that begin those words.
func exhibit(s string) string {
	found, rank := "", len(exhibitWords)
	for i := 0; i < len(s); i++ {
		if c := s[i] - 'A'; c >= 26 || exhibitInitials>>c&1 == 0 {
			continue
		}
		for w, word := range exhibitWords[:rank] {
			if strings.HasPrefix(s[i:], word) {
				if e, ok := exhibitAt(s, i, len(word)); ok {
					found, rank = e, w
					break
				}
			}
		}
	}
	return found
}

// exhibitAt returns the exhibit whose word, of n bytes, s writes at j,
// and false when the word is not followed by its number or letter, or is
// part of a longer word.
func exhibitAt(s string, j, n int) (string, bool) {
	k := j + n
	e := k
	for e < len(s) && e-k < 4 && ('0' <= s[e] && s[e] <= '9' || 'A' <= s[e] && s[e] <= 'Z' && e == k || 'a' <= s[e] && s[e] <= 'z' && e > k) {
		e++
	}
	if e > k && (e == len(s) || !isWordByte(s[e])) && (j == 0 || !isWordByte(s[j-1])) {
		return s[j:e], true
	}
	return "", false
}

func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// citationNeededAt reports whether the sentence of text holds or is followed by
// a "citation needed" marker.
func citationNeededAt(text string, sentence sources.Span) bool {
	end := sentence.End
	return hasPrefixFold(strings.TrimLeft(text[end:min(len(text), end+24)], " "), citationNeeded) ||
		containsFold(text[sentence.Start:end], citationNeeded)
}

// appendWrittenLinks appends the URLs of the link citations among cits
// that no hyperlink of the sentence (hyperlinks, in text order) made: the
// DOIs written out in its text, "doi:10.1038/nature12373", which are links
// to sources without being hyperlinks.
func appendWrittenLinks(links []string, cits []citations.Citation, hyperlinks []sources.Link) []string {
	h := 0
	for k := range cits {
		c := &cits[k]
		if c.Kind != citations.KindLink {
			continue
		}
		for h < len(hyperlinks) && hyperlinks[h].Span.Start < c.Span.Start {
			h++
		}
		hyperlink := false // counted with the others
		for j := h; j < len(hyperlinks) && hyperlinks[j].Span.Start == c.Span.Start && !hyperlink; j++ {
			hyperlink = hyperlinks[j].Span == c.Span
		}
		if !hyperlink && citations.SourceURL(c.URL) {
			links = append(links, c.URL)
		}
	}
	return links
}

// citationNeeded is the marker Wikipedia puts after an unsourced claim,
// in lower case.
const citationNeeded = "[citation needed"

// hasPrefixFold reports whether strings.ToLower(s) starts with the
// lower-case ASCII prefix, without lowering a copy of s in the common case.
func hasPrefixFold(s, prefix string) bool {
	if s == "" || s[0] != prefix[0] {
		return false // no rune lowers to '['
	}
	n := min(len(s), len(prefix))
	for i := range n {
		if s[i] >= utf8.RuneSelf {
			return strings.HasPrefix(strings.ToLower(s), prefix)
		}
	}
	return n == len(prefix) && asciiEqualFold(s[:n], prefix)
}

// containsFold reports whether strings.ToLower(s) contains the lower-case
// ASCII pattern, which starts with a byte no rune lowers to. Only two
// runes outside ASCII lower to ASCII letters, İ to i and the Kelvin sign
// to k: without them, comparing bytes with ASCII letters folded is
// enough, the pattern's first byte looked for in either case with
// IndexByte.
func containsFold(s, pattern string) bool {
	if strings.Contains(s, "\u0130") || strings.Contains(s, "\u212a") {
		return strings.Contains(strings.ToLower(s), pattern)
	}
	lo := pattern[0]
	up := lo
	if 'a' <= lo && lo <= 'z' {
		up = lo - ('a' - 'A')
	}
	nextLo, nextUp := -2, -2 // the next place of each case from i; -2: not looked for yet
	for i := 0; i+len(pattern) <= len(s); {
		if nextLo == -2 || nextLo != -1 && nextLo < i {
			nextLo = indexFrom(s, lo, i)
		}
		if nextUp == -2 || nextUp != -1 && nextUp < i {
			nextUp = indexFrom(s, up, i)
		}
		j := nextLo
		if j < 0 || nextUp >= 0 && nextUp < j {
			j = nextUp
		}
		if j < 0 || j+len(pattern) > len(s) {
			return false
		}
		if asciiEqualFold(s[j:j+len(pattern)], pattern) {
			return true
		}
		i = j + 1
	}
	return false
}

// indexFrom returns the index of the first c in s at or after from, or -1.
func indexFrom(s string, c byte, from int) int {
	if k := strings.IndexByte(s[from:], c); k >= 0 {
		return from + k
	}
	return -1
}

// asciiEqualFold reports whether the ASCII string s lowers to the
// lower-case lower.
func asciiEqualFold(s, lower string) bool {
	for i := 0; i < len(lower); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
