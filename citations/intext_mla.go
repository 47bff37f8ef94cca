package citations

import (
	"strings"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// This file reads MLA's citations in a document whose list is a Works
// Cited (knownWorks.authorPage). MLA cites by author and page, and leaves
// out what the sentence or the list makes plain: the page of a work with
// none, "(da Silva)"; the author named in the sentence, "(211)" after "In
// Goldberg's account"; the author in a narrative mention, "Ferreira et
// al."; and it adds a short title where an author has several works,
// "(Müller, Cities Below the Tide Line 88)", "(Müller, “Tidal Drains …”;
// Nakamura and Ferreira)". Each reading rests on a name or title of the
// list, so that names in the news and asides are not read as citations.

// mlaMode reports whether the scanner reads MLA's forms: the caller gave
// the lists, they are a Works Cited, and the document does not cite by
// notes.
func (sc *citeScanner) mlaMode() bool {
	if len(sc.lists) == 0 || sc.notes {
		return false
	}
	k := sc.works()
	return k != nil && k.authorPage
}

// mlaParen reads the parenthesis s[open:close+1] as MLA citations, one per
// part between semicolons, and reports whether it did: every part must
// read as one, or none is kept.
func (sc *citeScanner) mlaParen(open, close int) bool {
	s := sc.s
	group := sources.Span{Start: open, End: close + 1}
	var items [8]Citation
	got := items[:0]
	for ps := open + 1; ps < close; {
		pe := partEnd(s, ps, close)
		if len(got) == len(items) {
			return false
		}
		it, ok := sc.mlaPart(ps, pe, group, len(got) == 0 && pe == close)
		if !ok {
			return false
		}
		got = append(got, it)
		ps = pe + 1
	}
	if len(got) == 0 {
		return false
	}
	for _, c := range got {
		c.Text = s[c.Span.Start:c.Span.End]
		sc.out = append(sc.out, c)
	}
	sc.strong = true
	sc.covered = max(sc.covered, close+1)
	return true
}

// partEnd returns the end of the part of an MLA parenthesis starting at
// ps: the next semicolon outside quotation marks, or close.
func partEnd(s string, ps, close int) int {
	quoted := false
	for i := ps; i < close; {
		r, n := utf8.DecodeRuneInString(s[i:close])
		switch {
		case r == '“' || r == '"' && !quoted:
			quoted = true
		case r == '”' || r == '"' && quoted:
			quoted = false
		case r == ';' && !quoted:
			return i
		}
		i += n
	}
	return close
}

// mlaPart reads one part of an MLA parenthesis, s[ps:pe]: authors of an
// entry with an optional short title and locator, "Müller, Cities Below
// the Tide Line 88", "de la Cruz and Park 63", "Lindgren, chap. 6"; or,
// when it is the whole parenthesis (alone), a locator or title whose
// author the sentence names, "211", "The Living Furrow 142".
func (sc *citeScanner) mlaPart(ps, pe int, group sources.Span, alone bool) (Citation, bool) {
	s := sc.s
	k := sc.works()
	toks, done := scanTokens(sc.toks[:0], s, ps, pe)
	sc.toks = toks
	if !done || len(toks) == 0 {
		return Citation{}, false
	}
	i := sc.skipPrefix(toks, 0)
	// a name of the list, or any with "et al.", which only a citation
	// writes: an entry missing from the list is still cited
	if names, etAl, j, ok := sc.mlaAuthors(toks, i); ok && (etAl || k.isAuthor(s[names[0].start:names[0].end])) {
		c := Citation{Kind: KindAuthorPage, Group: group, EtAl: etAl,
			Span: sources.Span{Start: names[0].start, End: toks[len(toks)-1].end}}
		c.Authors = append(c.Authors, s[names[0].start:names[0].end])
		if names[1] != names[0] {
			c.Authors = append(c.Authors, s[names[1].start:names[1].end])
		}
		if j == len(toks) {
			return c, true // "(da Silva)", "(Okafor et al.)"
		}
		from := toks[j].start
		if isPunctTok(toks[j], ',') {
			from = toks[j].end
		} else if toks[j].kind != tokNum {
			return Citation{}, false
		}
		title, loc, ok := sc.titleAndLocator(s[from:c.Span.End])
		if !ok {
			return Citation{}, false
		}
		c.Title, c.Locator = title, loc
		return c, true
	}
	if !alone {
		return Citation{}, false
	}
	// the author is in the sentence: "Müller (“Tidal Drains …”)",
	// "Lindgren (47)", "… Goldberg’s account, … (211)"
	title, loc, ok := sc.titleAndLocator(s[ps:pe])
	if !ok {
		return Citation{}, false
	}
	c := Citation{Kind: KindAuthorPage, Group: group, Title: title, Locator: loc, Span: group}
	if names, etAl, start, ok := sc.namesBefore(group.Start); ok && k.isAuthor(sc.s[names[0].start:names[0].end]) {
		for _, n := range names {
			c.Authors = append(c.Authors, s[n.start:n.end])
		}
		c.EtAl, c.Narrative = etAl, true
		c.Span.Start, c.Group.Start = start, start
		return c, true
	}
	name, ok := sc.authorBefore(group.Start)
	if !ok {
		return Citation{}, false
	}
	c.Authors = []string{name}
	return c, true
}

// mlaAuthors reads the authors of an MLA citation at toks[i]: one name,
// two joined by "and", or one and "et al.". MLA names no more, so a comma
// after the first name is followed by a title: "Müller, Cities Below the
// Tide Line".
func (sc *citeScanner) mlaAuthors(toks []scanToken, i int) (names [2]nameSpan, etAl bool, next int, ok bool) {
	s := sc.s
	n, _, j, ok := sc.name(toks, i)
	if !ok {
		return names, false, i, false
	}
	names[0], names[1] = n, n
	switch {
	case tokIs(s, toks, j, "et", "et.") && tokIs(s, toks, j+1, "al.", "al"):
		return names, true, j + 2, true
	case tokIs(s, toks, j, "and") || j < len(toks) && isPunctTok(toks[j], '&'):
		if m, _, k, ok := sc.name(toks, j+1); ok {
			names[1] = m
			return names, false, k, true
		}
	}
	return names, false, j, true
}

// titleAndLocator reads what follows an author in an MLA citation, or
// stands for the whole of one: a locator ("88", "9–11", "chap. 4"), a
// title of the list, quoted or not, or a title and a locator ("Cities
// Below the Tide Line 88"). A year in a title is part of it: "Annual
// Ridership Report 2022–23".
func (sc *citeScanner) titleAndLocator(text string) (title, loc string, ok bool) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", "", false
	}
	if isMLALocator(text) {
		return "", text, true
	}
	k := sc.works()
	if r, n := utf8.DecodeRuneInString(text); r == '“' || r == '"' {
		closer := "”"
		if r == '"' {
			closer = `"`
		}
		end := strings.Index(text[n:], closer)
		if end < 0 {
			return "", "", false
		}
		title = strings.TrimRight(text[n:n+end], ",.")
		rest := strings.TrimSpace(text[n+end+len(closer):])
		if rest != "" && !isMLALocator(strings.TrimLeft(rest, ", ")) {
			return "", "", false
		}
		return title, strings.TrimLeft(rest, ", "), title != ""
	}
	if k.hasTitle(text) {
		return text, "", true
	}
	// a locator after the title: the last word
	if i := strings.LastIndexByte(text, ' '); i > 0 && isMLALocator(text[i+1:]) && k.hasTitle(text[:i]) {
		return strings.TrimRight(text[:i], ","), text[i+1:], true
	}
	return "", "", false
}

// isMLALocator reports whether text is a page, a range or a division of
// a work: "88", "128–30", "xii", "chap. 4", "chap.6", "sec. 2".
func isMLALocator(text string) bool {
	text = strings.TrimSpace(text)
	for _, w := range []string{"chap.", "chapter", "sec.", "par.", "pars.", "pp.", "p.", "line", "lines", "ch.", "vol."} {
		if rest, ok := strings.CutPrefix(text, w); ok {
			text = strings.TrimSpace(rest)
			break
		}
	}
	if text == "" || len(text) > 16 {
		return false
	}
	digits := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r >= '0' && r <= '9':
			digits++
		case isRangeDash(r) && digits > 0:
		default:
			return false
		}
		i += n
	}
	return digits > 0 && text[0] != '0'
}

// bareMLA reads an MLA narrative mention without a parenthesis, "Ferreira
// et al." ending at end, whose first author is an entry's: MLA cites a
// work with no page so. It reports whether it did.
func (sc *citeScanner) bareMLA(end int) bool {
	s := sc.s
	if !sc.mlaMode() {
		return false
	}
	k := end
	for k < len(s) && s[k] == ' ' {
		k++
	}
	if k < len(s) && (s[k] == '(' || s[k] == '[') {
		return false // the parenthesis after it is the citation
	}
	names, etAl, start, ok := sc.namesBefore(end)
	if !ok || !etAl || start < sc.covered || !sc.works().isAuthor(s[names[0].start:names[0].end]) {
		return false
	}
	authors := make([]string, len(names))
	for n, nm := range names {
		authors[n] = s[nm.start:nm.end]
	}
	span := sources.Span{Start: start, End: end}
	sc.out = append(sc.out, Citation{Kind: KindAuthorPage, Group: span, Span: span, Text: s[start:end],
		Authors: authors, EtAl: true, Narrative: true})
	sc.covered = end
	return true
}
