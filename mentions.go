package citecheck

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// findMentions links the entries of a source list that has no in-text
// markers to the places in the body that name them: "according to Reuters"
// for an entry by Reuters, "the Pew Research Center found" for one
// published by it. A name must be at least four letters long and appear as
// whole words outside the reference lists.
func (p *Pass) findMentions() {
	text := p.Doc.Text
	for _, l := range p.Lists {
		for _, e := range l.Entries {
			seen := map[string]bool{}
			var names []string
			for _, n := range append(append([]string{}, e.Authors...), e.Publisher, e.Container) {
				n = strings.TrimSpace(n)
				if utf8.RuneCountInString(n) < 4 || seen[n] {
					continue
				}
				seen[n] = true
				names = append(names, n)
			}
			for _, name := range names {
				for from := 0; from < len(text); {
					i := strings.Index(text[from:], name)
					if i < 0 {
						break
					}
					start := from + i
					end := start + len(name)
					from = end
					s := sources.Span{Start: start, End: end}
					if !wordBoundary(text, start, end) || overlapsLists(p.Lists, s) {
						continue
					}
					p.Mentions[e.ID] = append(p.Mentions[e.ID], s)
				}
			}
		}
	}
}

// wordBoundary reports whether text[start:end] is not part of a longer word.
func wordBoundary(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
