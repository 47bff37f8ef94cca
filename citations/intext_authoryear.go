package citations

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// maxParen is the longest parenthesis, in bytes, read as a citation group.
const maxParen = 600

// narrativeWindow is how far back, in bytes, the scanner looks for the
// author names of a narrative citation.
const narrativeWindow = 120

// yearItem is one year of a citation: "2019a", "n.d.", "in press".
type yearItem struct {
	text       string
	start, end int
}

// nameSpan is one author name.
type nameSpan struct{ start, end int }

// citeScanner holds the text being scanned and buffers reused between
// candidates.
type citeScanner struct {
	s    string
	toks []scanToken
	back []scanToken
	yrs  []yearItem // reused by years
	out  []Citation
	// covered is the end of the last group read, so that the words of a
	// parenthetical group are not read again as a bare citation.
	covered int
	// weak holds the starts of the narrative citations that rest on a
	// single word before a year ("Gini (2014)"); strong is set by any
	// other author-year citation. Without a strong one the weak ones are
	// dropped (see dropWeakNarratives).
	weak   []int
	strong bool
	// lists are the document's reference lists, when the caller gave
	// them (Options.Lists), and notes reports a document that cites by
	// footnotes or superscripts; known indexes the lists once works is
	// first called (knownDone), nil when there is nothing to index.
	lists     []ReferenceList
	notes     bool
	known     *knownWorks
	knownDone bool
	// limit is the most citations to build: scanning stops at one more.
	limit int
	// maxNumber is the largest citation number.
	maxNumber int
	// parenNumbers reads "(1)", "(1,2)" as numeric citations.
	parenNumbers bool
	// bracketNotes reports lists with entries labelled in brackets, "[2]
	// …", as pandoc writes footnotes in plain text: a marker glued to a
	// name, "Müller[2]", is then a note's (see gluedMarker).
	bracketNotes bool
}

// paren reads the parenthesis s[open:close+1] as an author-year or
// author-page group, or as the year part of a narrative citation.
func (sc *citeScanner) paren(open, close int) {
	s := sc.s
	if sc.mlaMode() && sc.mlaParen(open, close) {
		return
	}
	if !mayHoldYear(s[open+1 : close]) {
		return
	}
	if sc.parenNumbers && sc.numberParen(open, close) {
		return
	}
	toks, done := scanTokens(sc.toks[:0], s, open+1, close)
	sc.toks = toks
	if !done || len(toks) == 0 {
		return
	}
	n := len(sc.out)
	if _, _, ok := sc.year(toks, 0); ok {
		sc.narrative(open, close, toks)
	} else {
		sc.group(open, close, toks)
	}
	if len(sc.out) > n {
		sc.covered = max(sc.covered, close+1)
	}
}

// mayHoldYear is the cheap test every parenthesis passes before it is
// tokenised: it holds a digit or a year written in words.
func mayHoldYear(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			return true
		}
	}
	return strings.Contains(s, "n.d") || strings.Contains(s, "press") || strings.Contains(s, "forthcoming") ||
		strings.Contains(s, "submitted") || strings.Contains(s, "unpublished")
}

// year reads a year at toks[i]: four digits from 1500 to 2100 with an
// optional letter ("2019a"), "n.d.", "in press", "forthcoming".
func (sc *citeScanner) year(toks []scanToken, i int) (yearItem, int, bool) {
	if i >= len(toks) {
		return yearItem{}, i, false
	}
	s := sc.s
	t := toks[i]
	switch t.kind {
	case tokNum:
		w := t.text(s)
		if len(w) < 4 || len(w) > 5 {
			return yearItem{}, i, false
		}
		y := int(w[0]-'0')*1000 + int(w[1]-'0')*100 + int(w[2]-'0')*10 + int(w[3]-'0')
		if y < 1500 || y > 2100 {
			return yearItem{}, i, false
		}
		if e := t.end; e+1 < len(s) && s[e] == '/' && s[e+1] >= '0' && s[e+1] <= '9' {
			return yearItem{}, i, false // an identifier: "(SR 2007/185)"
		}
		return yearItem{w, t.start, t.end}, i + 1, true
	case tokWord:
		w := strings.ToLower(t.text(s))
		if yearWords[w] {
			return yearItem{t.text(s), t.start, t.end}, i + 1, true
		}
		if w == "n." && i+1 < len(toks) && strings.EqualFold(toks[i+1].text(s), "d.") {
			return yearItem{s[t.start:toks[i+1].end], t.start, toks[i+1].end}, i + 2, true
		}
		if w == "in" && i+1 < len(toks) && strings.EqualFold(toks[i+1].text(s), "press") {
			return yearItem{s[t.start:toks[i+1].end], t.start, toks[i+1].end}, i + 2, true
		}
	}
	return yearItem{}, i, false
}

// years reads a list of years separated by commas or semicolons, with
// suffix letters continuing the previous year: "2018a, b" is 2018a and
// 2018b. The list is valid until the next call: each caller is done with
// it before it reads another.
func (sc *citeScanner) years(toks []scanToken, i int) ([]yearItem, int, bool) {
	y, j, ok := sc.year(toks, i)
	if !ok {
		return nil, i, false
	}
	ys := append(sc.yrs[:0], y)
	for j+1 < len(toks) && isPunctTok(toks[j], ',', ';') {
		if y, k, ok := sc.year(toks, j+1); ok {
			ys = append(ys, y)
			j = k
			continue
		}
		t := toks[j+1]
		last := ys[len(ys)-1].text
		if t.kind == tokWord && t.end-t.start == 1 && sc.s[t.start] >= 'a' && sc.s[t.start] <= 'z' &&
			len(last) == 5 && last[4] >= 'a' && last[4] <= 'z' {
			ys = append(ys, yearItem{last[:4] + sc.s[t.start:t.end], t.start, t.end})
			j += 2
			continue
		}
		break
	}
	sc.yrs = ys[:0]
	return ys, j, true
}

// locator reads a pinpoint after a comma or colon at toks[i]: "p. 12",
// "pp. 12–14", "212", "chap. 3". It returns the locator text, where it ends
// in the text and the next token.
func (sc *citeScanner) locator(toks []scanToken, i int) (string, int, int, bool) {
	s := sc.s
	if i >= len(toks) || !isPunctTok(toks[i], ',', ':') {
		return "", 0, i, false
	}
	j := i + 1
	from := -1 // where the locator text starts
	if j < len(toks) && toks[j].kind == tokWord && locatorWords[strings.ToLower(toks[j].text(s))] {
		w := strings.ToLower(toks[j].text(s))
		if !strings.HasPrefix(w, "p") {
			from = toks[j].start
		}
		j++
	} else if j < len(toks) && isPunctTok(toks[j], '§') {
		from = toks[j].start
		j++
	}
	if j >= len(toks) || !isPageNumber(s, toks[j]) {
		return "", 0, i, false
	}
	if from < 0 {
		from = toks[j].start
	}
	end := toks[j].end
	j++
	if j+1 < len(toks) && toks[j].kind == tokPunct && isRangeDash(toks[j].r) && isPageNumber(s, toks[j+1]) {
		end = toks[j+1].end
		j += 2
	}
	if j < len(toks) && toks[j].kind == tokWord && (toks[j].text(s) == "f." || toks[j].text(s) == "ff.") {
		end = toks[j].end
		j++
	}
	return s[from:end], end, j, true
}

// isPageNumber reports whether a token is a page: digits or a lower-case
// roman numeral.
func isPageNumber(s string, t scanToken) bool {
	if t.kind == tokNum {
		return t.end-t.start <= 5
	}
	if t.kind != tokWord || t.end-t.start > 6 {
		return false
	}
	for i := t.start; i < t.end; i++ {
		switch s[i] {
		case 'i', 'v', 'x', 'l', 'c':
		default:
			return false
		}
	}
	return true
}

func isPunctTok(t scanToken, rs ...rune) bool {
	if t.kind != tokPunct {
		return false
	}
	for _, r := range rs {
		if t.r == r {
			return true
		}
	}
	return false
}

func tokIs(s string, toks []scanToken, i int, ws ...string) bool {
	if i < 0 || i >= len(toks) || toks[i].kind != tokWord {
		return false
	}
	w := toks[i].text(s)
	for _, x := range ws {
		if w == x {
			return true
		}
	}
	return false
}

// prefixWords are capitalised words that open a citation group without
// being an author: "(See Smith, 2019)", "(Source: Smith 2019)".
var prefixWords = wordSet("See", "Cf.", "Cf", "E.g.", "E.g", "I.e.", "For", "But", "Compare", "Also",
	"Reviewed", "Review", "Reviews", "As", "Contra", "Adapted", "Modified", "Source", "Sources",
	"Data", "Following", "After", "Quoted", "Cited", "Reprinted", "Redrawn", "Based")

// skipPrefix skips the words before the first author of a citation:
// "see", "e.g.,", "for a review, see", "cf.".
func (sc *citeScanner) skipPrefix(toks []scanToken, i int) int {
	s := sc.s
	for k := 0; k < 8 && i < len(toks); k++ {
		t := toks[i]
		if isPunctTok(t, ',', ':') {
			i++
			continue
		}
		if t.kind != tokWord {
			return i
		}
		w := t.text(s)
		if capitalWord(s, t) {
			if prefixWords[w] && i+1 < len(toks) && toks[i+1].kind != tokNum {
				i++
				continue
			}
			if j := sc.labelEnd(toks, i); j > i {
				i = j // a label before the author: "(Table 1 Allmann and Baldwin, 2010)"
				continue
			}
			if i+2 < len(toks) && isPunctTok(toks[i+1], ':') && toks[i+2].kind != tokNum {
				i += 2 // a label: "(Dryad: Schuman et al., 2012)"
				continue
			}
			return i
		}
		if nameParticles[w] && sc.leadsToName(toks, i) {
			return i
		}
		i++
	}
	return i
}

// labelEnd returns the end of a label with its number at toks[i] that an
// author name follows, "Table 1", "Figure 2A", "Fig. 3", or i when there is
// none.
func (sc *citeScanner) labelEnd(toks []scanToken, i int) int {
	s := sc.s
	w := toks[i].text(s)
	if !notNames[w] && !labelNames[w] || i+2 >= len(toks) || toks[i+1].kind != tokNum {
		return i
	}
	j := i + 2
	// a panel letter glued to the number: "2A", "3b"
	if toks[j].kind == tokWord && toks[j].start == toks[j-1].end && toks[j].end-toks[j].start <= 2 {
		j++
	}
	if j >= len(toks) || !capitalWord(s, toks[j]) || notNames[toks[j].text(s)] || leadWords[toks[j].text(s)] {
		return i
	}
	return j
}

// leadsToName reports whether the particles at toks[i] are followed by a
// capitalised word: "van der Berg".
func (sc *citeScanner) leadsToName(toks []scanToken, i int) bool {
	for k := 0; k < 3 && i < len(toks); k++ {
		if capitalWord(sc.s, toks[i]) {
			return true
		}
		if toks[i].kind != tokWord || !nameParticles[toks[i].text(sc.s)] {
			return false
		}
		i++
	}
	return i < len(toks) && capitalWord(sc.s, toks[i])
}

// name reads one author name forward from toks[i]: particles, then one or
// more capitalised words, possibly joined by "of" or "for" for a corporate
// author, then an optional bracketed acronym ("[WHO]"). It returns the
// name's span, its number of capitalised words and the next token.
func (sc *citeScanner) name(toks []scanToken, i int) (nameSpan, int, int, bool) {
	s := sc.s
	start := i
	for p := 0; p < 3 && i < len(toks) && toks[i].kind == tokWord && nameParticles[toks[i].text(s)]; p++ {
		i++
	}
	// a number glued to a capitalised word opens some corporate names:
	// "14CHRONO Centre"
	if i == start && i+1 < len(toks) && toks[i].kind == tokNum && toks[i].end-toks[i].start <= 3 &&
		toks[i+1].start == toks[i].end && capitalWord(s, toks[i+1]) {
		i++
	}
	if i >= len(toks) || !capitalWord(s, toks[i]) {
		return nameSpan{}, 0, start, false
	}
	w := toks[i].text(s)
	// a label word followed by a number is a label ("(Page 3)"), unless it
	// comes after another author: "(Delgado and Price 2016)"
	second := start > 0 && (tokIs(s, toks, start-1, "and") || isPunctTok(toks[start-1], '&'))
	if notNames[w] || leadWords[w] || (labelNames[w] && !second || monthNames[w]) && i+1 < len(toks) && toks[i+1].kind == tokNum {
		return nameSpan{}, 0, start, false
	}
	last, words := i, 1
	i++
	for i < len(toks) {
		t := toks[i]
		if capitalWord(s, t) {
			last = i
			words++
			i++
			continue
		}
		if t.kind == tokWord && nameConnectors[t.text(s)] && i+1 < len(toks) && capitalWord(s, toks[i+1]) {
			i++
			continue
		}
		// "Centre of the Queen's University"
		if t.kind == tokWord && nameConnectors[t.text(s)] && tokIs(s, toks, i+1, "the") && i+2 < len(toks) && capitalWord(s, toks[i+2]) {
			i += 2
			continue
		}
		if isPunctTok(t, '[') && i+2 < len(toks) && toks[i+1].kind == tokWord && allCapitals(toks[i+1].text(s)) && isPunctTok(toks[i+2], ']') {
			i += 3
		}
		break
	}
	if words > 6 {
		return nameSpan{}, 0, start, false
	}
	return nameSpan{toks[start].start, toks[last].end}, words, i, true
}

// corporate reports whether a name reads as an organisation's: it has
// "of" or "for" between capitalised words.
func corporate(name string) bool {
	return strings.Contains(name, " of ") || strings.Contains(name, " for ")
}

// authors reads an author list forward: names joined by commas, "and" or
// "&", ending in an optional "et al." or "and colleagues".
func (sc *citeScanner) authors(toks []scanToken, i int) (names []nameSpan, maxWords int, etAl bool, next int, ok bool) {
	s := sc.s
	joined := false // an "and" or "&" has joined two names
	for {
		n, words, j, ok := sc.name(toks, i)
		if !ok {
			break
		}
		// a corporate name goes on past "and": "Centers for Disease
		// Control and Prevention", "Department of Health and Human Services"
		for corporate(s[n.start:n.end]) && tokIs(s, toks, j, "and") {
			m, w, k, ok := sc.name(toks, j+1)
			if !ok {
				break
			}
			n.end, words, j = m.end, words+w, k
		}
		names = append(names, n)
		maxWords = max(maxWords, words)
		i = j
		if tokIs(s, toks, i, "et", "et.") && tokIs(s, toks, i+1, "al.", "al") {
			etAl = true
			i += 2
			if i < len(toks) && isPunctTok(toks[i], '.') && toks[i-1].text(s) == "al" {
				i++
			}
			break
		}
		if tokIs(s, toks, i, "and") && i+1 < len(toks) && etAlWords[toks[i+1].text(s)] {
			etAl = true
			i += 2
			break
		}
		save := i
		if i < len(toks) && isPunctTok(toks[i], ',') {
			if joined {
				break // "Papp and Müller, G&D 2006": the list ended at "and"
			}
			i++
		}
		if tokIs(s, toks, i, "and") || i < len(toks) && isPunctTok(toks[i], '&') {
			i++
			joined = true
		}
		if i == save {
			break
		}
		if _, _, _, ok := sc.name(toks, i); !ok {
			i = save
			break
		}
	}
	return names, maxWords, etAl, i, len(names) > 0
}

// group reads a parenthetical group: one or more citations separated by
// semicolons (or commas between complete citations).
func (sc *citeScanner) group(open, close int, toks []scanToken) {
	defer func(n int) {
		if len(sc.out) > n {
			sc.covered = max(sc.covered, close+1)
		}
	}(len(sc.out))
	groupSpan := sources.Span{Start: open, End: close + 1}
	for i := 0; i < len(toks); {
		i = sc.skipPrefix(toks, i)
		if j, ok := sc.citation(toks, i, groupSpan); ok {
			i = j
			if i < len(toks) && isPunctTok(toks[i], ';', ',') {
				i++
				continue
			}
			if i >= len(toks) {
				break
			}
		}
		// retry after the next comma of this part: "(as in the Cbx
		// transposition, Peifer et al., 1987)"
		for i < len(toks) && !isPunctTok(toks[i], ';', ',') {
			i++
		}
		i++
	}
}

// citation reads one work (or one author's several works) inside a
// parenthetical group and appends it.
func (sc *citeScanner) citation(toks []scanToken, i int, group sources.Span) (int, bool) {
	s := sc.s
	names, maxWords, etAl, j, ok := sc.authors(toks, i)
	if !ok {
		return i, false
	}
	start := names[0].start
	authors := make([]string, len(names))
	for k, n := range names {
		authors[k] = s[n.start:n.end]
	}
	if len(names) == 1 && !etAl && publisherNames[lastWord(authors[0])] {
		return i, false // a book's publisher: "(Fourth Estate, 2012)"
	}
	comma := j < len(toks) && isPunctTok(toks[j], ',')
	k := j
	if comma {
		k++
	}
	ys, k2, ok := sc.years(toks, k)
	if !ok && comma && (etAl || len(names) > 1) {
		// the journal named between the authors and the year: "Kwong et
		// al., PLOS Genetics 2008"
		if v := sc.venueEnd(toks, k); v > k {
			if ys, k2, ok = sc.years(toks, v); ok && k2 < len(toks) && !isPunctTok(toks[k2], ';', ',') {
				ok = false
			}
		}
	}
	if ok {
		sc.strong = true
		first := len(sc.out)
		for n, y := range ys {
			c := Citation{Kind: KindAuthorYear, Group: group, Authors: authors, EtAl: etAl, Year: y.text,
				Span: sources.Span{Start: y.start, End: y.end}}
			if n == 0 {
				c.Span.Start = start
			}
			sc.out = append(sc.out, c)
		}
		if loc, end, k3, ok := sc.locator(toks, k2); ok {
			last := &sc.out[len(sc.out)-1]
			last.Locator, last.Span.End = loc, end
			k2 = k3
		}
		for n := first; n < len(sc.out); n++ {
			sc.out[n].Text = s[sc.out[n].Span.Start:sc.out[n].Span.End]
		}
		return k2, true
	}
	// MLA author-page: "(Nakamura 45)", "(Nakamura and Lee 112)"
	if comma || k >= len(toks) || toks[k].kind != tokNum || toks[k].end-toks[k].start > 4 || maxWords > 2 ||
		toks[k].start == toks[k-1].end {
		return i, false
	}
	for _, a := range authors {
		for _, w := range strings.Fields(a) {
			if allCapitals(w) || notNames[w] || labelNames[w] {
				return i, false // "(FSPTCA Section 102)", "(COVID 19)"
			}
		}
	}
	if s[toks[k].start] == '0' {
		return i, false
	}
	end := toks[k].end
	k++
	if k+1 < len(toks) && toks[k].kind == tokPunct && isRangeDash(toks[k].r) && toks[k+1].kind == tokNum {
		end = toks[k+1].end
		k += 2
	}
	if k < len(toks) && !isPunctTok(toks[k], ';') {
		return i, false
	}
	sc.strong = true
	sc.out = append(sc.out, Citation{Kind: KindAuthorPage, Group: group, Authors: authors, EtAl: etAl,
		Locator: s[toks[j].start:end], Span: sources.Span{Start: start, End: end}, Text: s[start:end]})
	return k, true
}

// venueEnd returns the end of a journal's name at toks[i], written between
// the authors and the year: one to five capitalised words or capitals
// joined by "&" ("PLOS Genetics", "G&D", "Proc Natl Acad Sci"), or i when
// there is none.
func (sc *citeScanner) venueEnd(toks []scanToken, i int) int {
	j := i
	for j < len(toks) && j-i < 6 {
		t := toks[j]
		switch {
		case capitalWord(sc.s, t):
		case isPunctTok(t, '&') && j > i && j+1 < len(toks) && capitalWord(sc.s, toks[j+1]):
		default:
			return j
		}
		j++
	}
	return i
}

// narrative reads "(2020)" or "(2014, p. 212)" as the year part of a
// narrative citation, finding the author names just before it: "Chen and
// Ortiz (2020)", "Ma et al. (2020)", "Smith's (2019)".
func (sc *citeScanner) narrative(open, close int, toks []scanToken) {
	s := sc.s
	ys, k, ok := sc.years(toks, 0)
	if !ok {
		return
	}
	loc, locEnd, k, hasLoc := sc.locator(toks, k)
	if k != len(toks) {
		return
	}
	names, etAl, runStart, ok := sc.namesBefore(open)
	if !ok {
		if len(sc.lists) > 0 && !sc.notes {
			sc.suppressed(open, close, ys, loc)
		}
		return
	}
	authors := make([]string, len(names))
	for i, n := range names {
		authors[i] = s[n.start:n.end]
	}
	// A single word before a lone year, "Gini (2014)", "HDI (2017)", reads
	// as a citation only in a text that cites by author and year elsewhere,
	// or when a reporting verb follows: "Smith (2019) found". The same goes
	// for the names of a reference entry, which do not make a text cite by
	// author and year: a given name after a surname and a comma, "Sancton,
	// Andrew (2000)", or a name opening a note, "^ a b Department of …
	// (2009)."
	lone := len(names) == 1 && !etAl && len(ys) == 1 && !hasLoc && strings.IndexByte(authors[0], ' ') < 0 &&
		!possessive(s[names[0].end:open])
	entry := afterSurnameComma(s, runStart) || close+1 < len(s) && s[close+1] == '.' && opensLine(s, runStart)
	if (lone || entry) && !reportingVerbAfter(s, close+1) {
		sc.weak = append(sc.weak, runStart)
	} else {
		sc.strong = true
	}
	group := sources.Span{Start: runStart, End: close + 1}
	first := len(sc.out)
	for i, y := range ys {
		c := Citation{Kind: KindAuthorYear, Group: group, Authors: authors, EtAl: etAl, Year: y.text,
			Narrative: true, Span: sources.Span{Start: y.start, End: y.end}}
		if i == 0 {
			c.Span.Start = runStart
		}
		sc.out = append(sc.out, c)
	}
	last := &sc.out[len(sc.out)-1]
	if hasLoc {
		last.Locator, last.Span.End = loc, locEnd
	}
	if len(ys) == 1 {
		last.Span = group
	}
	for i := first; i < len(sc.out); i++ {
		sc.out[i].Text = s[sc.out[i].Span.Start:sc.out[i].Span.End]
	}
}

// possessive reports whether the text between a name and its year makes
// it a possessive: "Smith's (2019)", "Jones' (2019)".
func possessive(between string) bool {
	return strings.HasPrefix(between, "'") || strings.HasPrefix(between, "’")
}

// afterSurnameComma reports whether the text before offset i is a
// capitalised word and a comma, as in "Sancton, Andrew (2000)", and not a
// sentence adverb: "However, Smith (2019)".
func afterSurnameComma(s string, i int) bool {
	if i < 3 || s[i-1] != ' ' || s[i-2] != ',' {
		return false
	}
	j := i - 2
	k := j
	for k > 0 && s[k-1] != ' ' && s[k-1] != '\n' && j-k < 40 {
		k--
	}
	w := s[k:j]
	r, _ := utf8.DecodeRuneInString(w)
	return w != "" && unicode.IsUpper(r) && !leadWords[w] && !notNames[w]
}

// opensLine reports whether only a note's marks come between the start of
// the line and offset i: "^ a b ", "↑ ", "[3] ", "4. ".
func opensLine(s string, i int) bool {
	j := i
	for j > 0 && s[j-1] != '\n' {
		j--
		if i-j > 24 {
			return false
		}
	}
	for _, f := range strings.Fields(s[j:i]) {
		if f == "^" || f == "↑" || len(f) <= 2 && f[0] >= 'a' && f[0] <= 'z' {
			continue
		}
		if strings.Trim(f, "0123456789[].") != "" {
			return false
		}
	}
	return true
}

// reportingVerbAfter reports whether one of the two words after offset i
// is a reporting verb: "Smith (2019) found", "Smith (2019) also argued".
func reportingVerbAfter(s string, i int) bool {
	for n := 0; n < 2; n++ {
		for i < len(s) && (s[i] == ' ' || s[i] == ',') {
			i++
		}
		j := i
		for j < len(s) && j-i < 20 && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
			j++
		}
		if j == i {
			return false
		}
		if reportingVerbs[strings.ToLower(s[i:j])] {
			return true
		}
		i = j
	}
	return false
}

// dropWeakNarratives removes the narrative citations recorded in sc.weak
// when the text has no other author-year citation: a lone word before a
// year in a text that does not cite that way is a label, "Gini (2014)".
// In a text that does, it keeps them as Tentative.
func (sc *citeScanner) dropWeakNarratives() {
	if len(sc.weak) == 0 {
		return
	}
	weak := make(map[int]bool, len(sc.weak))
	for _, w := range sc.weak {
		weak[w] = true
	}
	kept := sc.out[:0]
	for _, c := range sc.out {
		if c.Kind == KindAuthorYear && c.Narrative && weak[c.Group.Start] {
			if !sc.strong {
				continue
			}
			c.Tentative = true
		}
		kept = append(kept, c)
	}
	sc.out = kept
}

// namesBefore finds the author names that end just before the parenthesis
// at open, reading backwards. It returns them in text order, whether they
// end in "et al.", and where the first begins.
func (sc *citeScanner) namesBefore(open int) (names []nameSpan, etAl bool, start int, ok bool) {
	s := sc.s
	// cheap test first: a name, "et al." or a possessive ends right before
	// the parenthesis, after at most one space
	last := open
	if last > 0 && s[last-1] == ' ' {
		last--
	}
	if last == 0 {
		return nil, false, 0, false
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:last]); !unicode.IsLetter(r) && r != '.' && r != '\'' && r != '’' {
		return nil, false, 0, false
	}
	from := max(open-narrativeWindow, 0)
	if nl := strings.LastIndexByte(s[from:open], '\n'); nl >= 0 {
		from += nl + 1
	}
	for from < open && !utf8.RuneStart(s[from]) {
		from++
	}
	bt, _ := scanTokens(sc.back[:0], s, from, open)
	sc.back = bt
	j := len(bt) - 1
	if j < 0 || bt[j].end != open && s[bt[j].end:open] != " " {
		return nil, false, 0, false
	}
	// possessive: "Smith's (2019)", "Jones' (2019)"
	possEnd := -1
	if isPunctTok(bt[j], '\'', '’') && j > 0 && bt[j-1].kind == tokWord && bt[j-1].end == bt[j].start {
		j--
		possEnd = bt[j].end
	} else if bt[j].kind == tokWord {
		w := bt[j].text(s)
		if strings.HasSuffix(w, "'s") {
			possEnd = bt[j].end - 2
		} else if strings.HasSuffix(w, "’s") {
			possEnd = bt[j].end - len("’s")
		}
	}
	if tokIs(s, bt, j, "al.", "al") && tokIs(s, bt, j-1, "et", "et.") {
		etAl = true
		j -= 2
	} else if j > 0 && bt[j].kind == tokWord && etAlWords[bt[j].text(s)] && tokIs(s, bt, j-1, "and") {
		etAl = true
		j -= 2
	}
	joined := false // an "and" or "&" has joined two names
	for j >= 0 {
		n, st, stripped, ok := sc.nameBefore(bt, j, possEnd)
		possEnd = -1
		if !ok {
			break
		}
		names = append(names, n)
		start = n.start
		j = st - 1
		if stripped {
			break
		}
		k := j
		if tokIs(s, bt, k, "and") || k >= 0 && isPunctTok(bt[k], '&') {
			k--
			if k >= 0 && isPunctTok(bt[k], ',') {
				k--
			}
			if _, _, _, ok := sc.nameBefore(bt, k, -1); !ok || joined {
				break
			}
			joined = true
			j = k
			continue
		}
		if k >= 0 && isPunctTok(bt[k], ',') && joined {
			if _, _, _, ok := sc.nameBefore(bt, k-1, -1); ok {
				j = k - 1
				continue
			}
		}
		break
	}
	if len(names) == 0 {
		return nil, false, 0, false
	}
	if len(names) > 1 && !joined {
		names = names[:1]
	}
	// the word before the names may mark them as a title: "the film
	// Groundhog Day (1993)"
	first := 0
	for first < len(bt) && bt[first].end <= start {
		first++
	}
	for k := first - 1; k >= 0 && k >= first-3; k-- {
		t := bt[k]
		if t.kind == tokWord && (titleWords[t.text(s)] || titleWords[strings.ToLower(t.text(s))]) {
			return nil, false, 0, false
		}
		if isPunctTok(t, '"', '“', '”', '«', '»') && k == first-1 {
			return nil, false, 0, false
		}
	}
	for a, b := 0, len(names)-1; a < b; a, b = a+1, b-1 {
		names[a], names[b] = names[b], names[a]
	}
	return names, etAl, start, true
}

// nameBefore reads one name backwards ending at bt[j]: capitalised words,
// inner "of"/"for", leading particles. Sentence words that start the run
// ("Recently Chen") are dropped; stripped reports that one was, which ends
// the list. A name of more than four capitalised words reads as a title.
func (sc *citeScanner) nameBefore(bt []scanToken, j, possEnd int) (n nameSpan, start int, stripped bool, ok bool) {
	s := sc.s
	if j < 0 || !capitalWord(s, bt[j]) {
		return nameSpan{}, 0, false, false
	}
	end := bt[j].end
	if possEnd > 0 {
		end = possEnd
	}
	k := j - 1
	for k >= 0 {
		t := bt[k]
		if capitalWord(s, t) && t.end+1 >= bt[k+1].start {
			k--
			continue
		}
		if t.kind == tokWord && (t.text(s) == "of" || t.text(s) == "for") && k > 0 && capitalWord(s, bt[k-1]) {
			k--
			continue
		}
		break
	}
	first := k + 1
	for first <= j && (leadWords[bt[first].text(s)] || capitalWord(s, bt[first]) && strings.HasSuffix(bt[first].text(s), ".") && bt[first].end-bt[first].start <= 2) {
		first++
		stripped = true
		for first <= j && bt[first].kind == tokWord && !capitalWord(s, bt[first]) {
			first++
		}
	}
	if first > j {
		return nameSpan{}, 0, false, false
	}
	if !stripped {
		for p := 0; p < 3 && k >= 0 && bt[k].kind == tokWord && nameParticles[bt[k].text(s)]; p++ {
			first = k
			k--
		}
	}
	caps := 0
	for i := first; i <= j; i++ {
		if capitalWord(s, bt[i]) {
			caps++
		}
	}
	w := bt[first].text(s)
	if caps > 4 || j-first+1 > 5 || notNames[w] || monthNames[w] {
		return nameSpan{}, 0, false, false
	}
	if i := first; nameParticles[bt[i].text(s)] {
		for i <= j && !capitalWord(s, bt[i]) {
			i++
		}
		if i <= j && (notNames[bt[i].text(s)] || leadWords[bt[i].text(s)]) {
			return nameSpan{}, 0, false, false
		}
	}
	return nameSpan{bt[first].start, end}, first, stripped, true
}

// bareEtAl reads a citation written without parentheses, "Pauli et al.,
// 2014", from the "et al" at s[i:]. Only the "et al." form is read: a bare
// "Paris, 2019" is too often not a citation. It returns where scanning
// should continue.
func (sc *citeScanner) bareEtAl(i int) int {
	s := sc.s
	next := i + 1
	if i == 0 || s[i-1] != ' ' || i < sc.covered || !strings.HasPrefix(s[i:], "et al") {
		return next
	}
	end := i + len("et al")
	if end < len(s) && s[end] == '.' {
		end++
	}
	k := end
	if k < len(s) && s[k] == ',' {
		k++
	}
	if k+1 >= len(s) || s[k] != ' ' || s[k+1] < '0' || s[k+1] > '9' {
		if sc.bareMLA(end) {
			return end
		}
		return next
	}
	k++
	toks, _ := scanTokens(sc.toks[:0], s, k, lineEndAt(s, k, 60))
	sc.toks = toks
	ys, j, ok := sc.years(toks, 0)
	if !ok || j < len(toks) && (isPunctTok(toks[j], ')', ']') || toks[j].kind == tokNum) {
		return next
	}
	names, etAl, start, ok := sc.namesBefore(end)
	if !ok || !etAl {
		return next
	}
	authors := make([]string, len(names))
	for n, nm := range names {
		authors[n] = s[nm.start:nm.end]
	}
	group := sources.Span{Start: start, End: ys[len(ys)-1].end}
	sc.strong = true
	for n, y := range ys {
		c := Citation{Kind: KindAuthorYear, Group: group, Authors: authors, EtAl: true, Year: y.text,
			Narrative: true, Span: sources.Span{Start: y.start, End: y.end}}
		if n == 0 {
			c.Span.Start = start
		}
		c.Text = s[c.Span.Start:c.Span.End]
		sc.out = append(sc.out, c)
	}
	sc.covered = group.End
	return group.End
}

// lineEndAt returns the offset of the line break at or after i, looking
// at most limit bytes ahead; failing that, i+limit or len(s).
func lineEndAt(s string, i, limit int) int {
	end := min(len(s), i+limit)
	if j := strings.IndexByte(s[i:end], '\n'); j >= 0 {
		return i + j
	}
	return end
}
