package citations

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the rules for the facts of publication of a book (its
// place, publisher and year) and for the notes humanities styles put after
// a title, so that neither is read as part of the title or as a container.

// commaBeforePublisher returns where a title in s[i:end] ends at a comma
// followed by the place and publisher of a book, "Title, New York: Penguin,
// 1988" (Chicago notes and many comma-separated styles), optionally after
// the year, "Title, 1976, New York: Wiley", or 0.
func commaBeforePublisher(s string, i, end int) int {
	if end-i < 10 || !strings.Contains(s[i:end], ": ") {
		return 0
	}
	depth := 0
	for j := i + 8; j < end-1 && j < i+400; j++ {
		switch s[j] {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth > 0 || s[j+1] != ' ' {
				continue
			}
			rest := s[j+2 : end]
			if len(rest) >= 6 && allDigits(rest[:4]) && plausibleYear(rest[:4]) && rest[4] == ',' {
				rest = strings.TrimLeft(rest[5:], " ") // "1976, New York: Wiley"
			}
			if imprintAt(rest) {
				return j
			}
		}
	}
	return 0
}

// imprintAt reports whether s starts with "Place: Publisher" followed by a
// year, or by nothing, or names a publisher: "New York: Penguin, 1988",
// "Berrien Springs: Andrews University Press".
func imprintAt(s string) bool {
	pub, ok := publisherOf(s)
	if !ok {
		return false
	}
	k := strings.Index(s, ": ")
	if strings.ContainsAny(s[:k], ",.;()") || wordCount(pub) > 6 {
		return false
	}
	for i := strings.Index(pub, ". "); i >= 0; {
		if utf8.RuneCountInString(lastWord(pub[:i])) > 3 {
			return false // a sentence ends inside: not a publisher's name
		}
		n := strings.Index(pub[i+2:], ". ")
		if n < 0 {
			break
		}
		i += 2 + n
	}
	for w := range strings.FieldsSeq(s[:k]) {
		switch w {
		case "Part", "Vol", "Volume", "Book", "Chapter", "Section", "Appendix":
			return false
		}
	}
	// the publisher ends the title's sentence, or a year follows it
	tail := strings.TrimLeft(s[k+2:], " ")
	if !strings.HasPrefix(tail, pub) {
		return false
	}
	tail = strings.TrimLeft(tail[len(pub):], " .,")
	return looksPublisher(pub) || len(tail) >= 4 && allDigits(tail[:4]) && plausibleYear(tail[:4])
}

// editorNotes are the roles a parenthesis after names gives them:
// "Douglas W. Stott (ed. and trans.)".
var editorNotes = []string{"ed.", "eds.", "ed", "eds", "trans.", "trans", "tr.", "transl.", "ed. and trans.", "eds. and trans.",
	"ed. & trans.", "hrsg.", "hg.", "dir.", "éd.", "éds.", "trad.", "editor", "editors", "translator"}

// commaBeforeEditorNote returns where a title in s[i:end] ends at a comma
// followed by names and a parenthesised role, as humanities styles write a
// book's editor or translator after its title ("Mein Leben, Eike Middell
// (ed.), 2 vols.", "Philosophy of Art, Douglas W. Stott (ed. and trans.)"),
// or 0.
func commaBeforeEditorNote(s string, i, end int) int {
	if !strings.Contains(s[i:min(len(s), end+30)], " (") {
		return 0
	}
	for j := i + 4; j < end-1 && j < i+400; j++ {
		if s[j] != ',' || s[j+1] != ' ' {
			continue
		}
		if namesThenRole(s[j+2:]) {
			return j
		}
	}
	return 0
}

// namesThenRole reports whether s is a short list of names followed by a
// parenthesised editor's or translator's role.
func namesThenRole(s string) bool {
	if strings.HasPrefix(s, "In ") || strings.HasPrefix(s, "In:") || strings.HasPrefix(s, "in ") {
		return false // the editors of the book a chapter is in
	}
	p := strings.Index(s[:min(len(s), 120)], " (")
	if p <= 0 {
		return false
	}
	q := strings.IndexByte(s[p:], ')')
	if q < 0 {
		return false
	}
	role := strings.ToLower(strings.TrimSpace(s[p+2 : p+q]))
	known := false
	for _, n := range editorNotes {
		if role == n {
			known = true
			break
		}
	}
	if !known {
		return false
	}
	words := 0
	for w := range strings.FieldsSeq(s[:p]) {
		w = strings.TrimRight(w, ",")
		words++
		if w == "and" || w == "&" || isParticle(w) || isInitial(w) {
			continue
		}
		if !startsUpper(w) || strings.HasSuffix(w, ".") && !isInitial(w) {
			return false
		}
	}
	return words >= 1 && words <= 12
}

// titleNoteWords mark a parenthesis after a title that describes the work
// rather than naming it: "(Unpublished doctoral dissertation)", "(2nd
// ed.)", "(Policy Brief 2012-01)", "(translated by Douglas Martin)", as APA
// puts such notes between the title and the full stop.
var titleNoteWords = []string{"dissertation", "Dissertation", "thesis", "Thesis", "ed.", "Ed.", "edn", "éd.", "edition", "Edition",
	"translated", "Translated", "trans.", "Trans.", "report", "Report", "Brief", "brief", "Paper", "paper",
	"Unpublished", "unpublished", "No.", "Vol.", "vol.", "Version", "version", "Bulletin", "tr. ", "Series"}

// trimTitleNote removes such a descriptive parenthesis from the end of a
// title.
func trimTitleNote(t string) string {
	if !strings.HasSuffix(t, ")") {
		return t
	}
	k := strings.LastIndex(t, " (")
	if k <= 0 || len(t)-k > 90 || strings.Count(t[k:], "(") != 1 {
		return t
	}
	if !containsAnyWord(t[k:], titleNoteWords) {
		return t
	}
	return strings.TrimRight(t[:k], " ,.:")
}

// imprintOnly reports whether a container candidate and what follows it
// are the facts of publication of a book, with no volume or pages of a
// journal: "SIAM Publications, Philadelphia, PA, 1979", "Edilig, Paris,
// 1988", "Paris, EPEL, 2001 [1996]", "Princeton University Press 1988, 272
// pp.". It returns the publisher.
func imprintOnly(cont, after string) (string, bool) {
	if cont == "" || looksSerial(cont) || !startsUpper(cont) || strings.ContainsAny(cont, ":;\"“”«»") || wordCount(cont) > 7 {
		return "", false
	}
	for w := range strings.FieldsSeq(cont) {
		if !startsUpper(w) && !isConnective(w) && w != "&" {
			return "", false
		}
	}
	// the segments after the candidate: places, a publisher, a date, a
	// page count
	first, names := "", 0
	year := false
	rest := strings.Trim(after, " .,")
	for n := 0; rest != "" && n < 6; n++ {
		seg, tail, _ := strings.Cut(rest, ", ")
		rest = strings.Trim(tail, " .,")
		seg = strings.Trim(seg, " .")
		switch {
		case seg == "":
		case yearSegment(seg):
			year = true
		case pageCount(seg):
		case startsUpper(seg) && !hasDigit(seg) && wordCount(seg) <= 4 && !strings.ContainsAny(seg, ":;()\"“”"):
			if names == 0 {
				first = seg
			}
			names++
		default:
			return "", false
		}
	}
	if !year {
		return "", false
	}
	switch {
	case looksPublisher(cont):
		return cont, true
	case names == 0:
		return "", false
	case looksPublisher(first):
		return first, true // "Paris, Presses universitaires de France"
	case names == 1 && utf8.RuneCountInString(first) > 2 && wordCount(cont) == 1 && wordCount(first) <= 2:
		if countries[first] {
			return cont, true
		}
		return first, true // "Paris, EPEL, 2001": place, publisher
	}
	return cont, true // "Edilig, Paris, 1988": publisher, place
}

// yearSegment reports a segment that is a date with a year: "1988",
// "2001 [1996]", "April 2012", "1988–1992".
func yearSegment(s string) bool {
	y := firstYear(s)
	if y == "" {
		return false
	}
	if len(s) <= 13 && strings.HasPrefix(s, y) {
		return true
	}
	return startsOneOf(s, months, &monthStart) && strings.HasSuffix(s, y)
}

// pageCount reports a book's page count or a cited page: "272 pp", "248p",
// "p 32", "406 p".
func pageCount(s string) bool {
	s = strings.TrimSuffix(s, ".")
	for _, suf := range []string{" pp", "pp", " p", "p", " S", " pages"} {
		if t, ok := strings.CutSuffix(s, suf); ok && allDigits(t) {
			return true
		}
	}
	for _, pre := range []string{"p. ", "p ", "pp. ", "pp "} {
		if t, ok := strings.CutPrefix(s, pre); ok && allDigits(t) {
			return true
		}
	}
	return false
}

// containerStops reports whether s, the text after a full stop inside a
// container, starts what follows a book's title rather than more of its
// name: its place and publisher ("New York: Holt, 1995") or a note on its
// editors or translators ("Ed. A. C. Collins", "Edited by", "Trans.").
func containerStops(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c != 'E' && c != 'T' && c != 'R' && c != 'W' && c != 'D' && c != 'I' && c != 'F' && c != 'H' && c != 'S' && c != 'P' && !strings.Contains(s[:min(len(s), 45)], ": ") {
		return false
	}
	if isSideNote(s) && !strings.HasPrefix(s, "See ") {
		return true
	}
	return imprintAt(s[:min(len(s), 200)])
}

// editorNamesFollow reports whether s, the text after ", ed." in a book's
// entry, is a list of names ended by a full stop, a comma or the end: the
// book's editors, who follow its title in Chicago notes.
func editorNamesFollow(s string) bool {
	s = strings.TrimLeft(s, " ")
	e := strings.IndexAny(s, ",;(")
	if d := strings.Index(s, ". "); d >= 0 && (e < 0 || d < e) {
		// a full stop after a whole word, not after an initial
		for d >= 0 && d < len(s) && isInitial(lastWord(s[:d+1])) {
			n := strings.Index(s[d+2:], ". ")
			if n < 0 {
				d = -1
				break
			}
			d += 2 + n
		}
		if d >= 0 && (e < 0 || d < e) {
			e = d
		}
	}
	if e < 0 {
		e = len(s)
	}
	words := 0
	for w := range strings.FieldsSeq(s[:e]) {
		words++
		if w == "and" || w == "&" || isParticle(w) || isInitial(w) {
			continue
		}
		if !startsUpper(w) {
			return false
		}
	}
	return words >= 2 && words <= 10
}

// hasInitial reports whether s holds an initial: whether a list of names
// is written with them ("D. S. Touretzky").
func hasInitial(s string) bool {
	for w := range strings.FieldsSeq(s) {
		if isInitial(w) && w != "In" && w != "A" && w != "I" {
			return true
		}
	}
	return false
}

// yearInName reports whether the year at s[i:], after the abbreviated
// word w, is part of a proceedings' name: "Proc. 1994 Winter USENIX
// Conference".
func yearInName(w, s string, i int) bool {
	switch w {
	case "Proc", "Conf", "Symp", "Int", "Intl", "Annu", "Ann":
	default:
		return false
	}
	if !numberInName(s, i) {
		return false
	}
	k := i
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	next, ok := nextToken(s, k)
	return ok && !startsDate(next.s) && !startsOneOf(strings.ToUpper(next.s[:1])+next.s[1:min(len(next.s), 3)]+".", months, &monthStart)
}

// trimTitleYear removes a parenthesised year from the end of a title,
// "White Plague, Black Labour (1989)", as notes write the date of a book
// with no publisher. The year stays in the entry for the year search.
func trimTitleYear(t string) string {
	if len(t) < 10 || t[len(t)-1] != ')' || t[len(t)-7] != ' ' || t[len(t)-6] != '(' {
		return t
	}
	y := t[len(t)-5 : len(t)-1]
	if !allDigits(y) || !plausibleYear(y) {
		return t
	}
	return strings.TrimRight(t[:len(t)-7], " ,.")
}

// trimTitleDate removes a year that closes a title after a comma, "The
// Objective Caml system, user's guide, 1997", "Title, (1994, March)": the
// date of the work, which the year search still finds in the entry.
func trimTitleDate(t string) string {
	k := strings.LastIndex(t, ", ")
	if k <= 0 || len(t)-k > 16 {
		return t
	}
	if strings.Count(t[:k], "(") > strings.Count(t[:k], ")") {
		return t // "The Four Texts (1798, 1799, 1805, 1850)"
	}
	d := strings.Trim(t[k+2:], "()[] ")
	if len(d) < 4 || !allDigits(d[:4]) || !plausibleYear(d[:4]) || len(d) > 4 && d[4] != ',' && d[4] != ' ' {
		return t
	}
	return t[:k]
}

// titleReadAsAuthors reports whether the author list s[:end] that the
// scanner found is the title of an entry with no author: one segment with
// no comma and no initials, ended by a full stop and followed by the
// director or editor of the work ("The Arrival. Dir. David Twohy.", MLA)
// or at once by its place and publisher ("CIA World Factbook. Washington,
// DC: Central Intelligence Agency, 2009.").
func titleReadAsAuthors(s string, end int) bool {
	seg := strings.TrimSpace(s[:end])
	if !strings.HasSuffix(seg, ".") || strings.ContainsAny(seg, ",;&()") || hasInitial(strings.TrimSuffix(seg, ".")) {
		return false
	}
	rest := strings.TrimLeft(s[end:], " ")
	for _, n := range []string{"Dir. ", "Directed by ", "Ed. ", "Edited by ", "Trans. ", "Translated by "} {
		if strings.HasPrefix(rest, n) {
			return true
		}
	}
	if wordCount(seg) < 3 {
		return false // "Ken Lang. Newsweeder: …": a person's name
	}
	return imprintStarts(rest)
}

// imprintStarts reports whether s starts with the place and publisher of
// a book, "New York: Wiley", "Washington, DC: Central Intelligence Agency,
// 2009", "Oxford, England: Blackwell".
func imprintStarts(s string) bool {
	if place, tail, ok := strings.Cut(s[:min(len(s), 40)], ", "); ok && !strings.Contains(place, ":") && wordCount(place) <= 2 && startsUpper(place) {
		return imprintAt(s[len(place)+2:]) && len(tail) > 0
	}
	return imprintAt(s)
}

// imprintSegment reports whether seg can be a place or a publisher in the
// comma-separated facts of publication European styles write: a few
// capitalised words, or one elided article first ("l’Harmattan").
func imprintSegment(seg string) bool {
	for _, el := range []string{"l’", "l'", "d’", "d'"} {
		if t, ok := strings.CutPrefix(seg, el); ok {
			seg = t
			break
		}
	}
	return startsUpper(seg) && wordCount(seg) <= 5 && !strings.ContainsAny(seg, ".:;()\"“”")
}

// imprintEnd reports whether seg, the last of the facts of publication
// after a place, ends them without a year: a place and a year with no
// comma, "Minneapolis 2007", or a publisher, "PUF", "INSEE".
func imprintEnd(seg string) bool {
	seg = strings.TrimRight(seg, " .")
	if k := strings.LastIndexByte(seg, ' '); k > 0 && isYearText(seg[k+1:]) && imprintSegment(seg[:k]) && wordCount(seg[:k]) <= 2 {
		return true
	}
	if !imprintSegment(seg) {
		return false
	}
	if looksPublisher(seg) {
		return true
	}
	n := utf8.RuneCountInString(seg)
	return n >= 2 && n <= 6 && !hasLower(seg)
}

// journalNumbersFollow reports whether s, the text after a container,
// starts with the volume or issue of a journal: "Vol. 22", "no. 5",
// "12(3)", "35, 1-10". A book's place and publisher are followed by a year
// or a page count instead.
func journalNumbersFollow(s string) bool {
	s = strings.TrimLeft(s, " ,.;")
	for _, d := range []string{"Vol.", "vol.", "Vol ", "vol ", "Volume ", "volume ", "v. ", "no. ", "No. ", "Bd. ", "Jg. "} {
		if strings.HasPrefix(s, d) {
			return true
		}
	}
	j := 0
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == 0 || j == 4 && plausibleYear(s[:4]) || j == len(s) {
		return false
	}
	return s[j] == '(' || s[j] == ',' || s[j] == ':' || strings.HasPrefix(s[j:], " (")
}

// withoutBrackets returns s without its bracketed parts, such as the
// arXiv numbers physics styles put after an entry ("[hep-th/9711200]").
func withoutBrackets(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	var b strings.Builder
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '[':
			depth++
		case c == ']':
			if depth > 0 {
				depth--
			}
		case depth == 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// acronymParen reports whether a parenthesis (given from its "(" to before
// its ")") holds the acronym of the conference it follows, a part of the
// name: "(ION GNSS 2008", "(KDD 06", "(CVPR".
func acronymParen(p string) bool {
	w := firstField(strings.TrimPrefix(p, "("))
	if utf8.RuneCountInString(w) < 2 || strings.Contains(p, ",") {
		return false
	}
	letters := 0
	for _, c := range w {
		switch {
		case c >= 'A' && c <= 'Z':
			letters++
		case c >= '0' && c <= '9', c == '-', c == '\'', c == '’':
		default:
			return false
		}
	}
	return letters >= 2
}

// letteredVolume reports whether s starts with a volume written with its
// series letter, as physics journals number them: "A16, 707", "B428
// (1998)".
func letteredVolume(s string) bool {
	if len(s) < 3 || s[0] < 'A' || s[0] > 'Z' || s[1] < '0' || s[1] > '9' {
		return false
	}
	j := 1
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	return j == len(s) || s[j] == ',' || s[j] == ' ' || s[j] == '('
}

// publisherYear reads the publisher and year that close a book's entry,
// "Springer-Verlag, 1995.", "Wiley, 1983", and returns the publisher.
func publisherYear(s string) (string, bool) {
	seg, rest, ok := strings.Cut(s, ", ")
	if !ok || !looksPublisher(seg) {
		return "", false
	}
	return imprintOnly(seg, rest)
}

// crossReference reports whether the book a chapter is "in" is written as
// the short form of another entry of the list, its editors' names and
// pages, as Chicago does: "In Prazniak and Dirlik, 15–51", "In Keane et
// al. [4]".
func crossReference(cont, after string) bool {
	words := strings.Fields(cont)
	switch {
	case len(words) == 3 && words[1] == "and":
	case len(words) == 3 && words[1] == "et" && strings.HasPrefix(words[2], "al"):
		words = words[:1]
	default:
		return false
	}
	for _, w := range words {
		if w != "and" && w != "&" && (!startsUpper(w) || strings.ContainsAny(w, ".:")) {
			return false
		}
	}
	a := strings.TrimLeft(after, " ,.")
	return a == "" || a[0] >= '0' && a[0] <= '9' || a[0] == '[' || a[0] == '('
}

// dayOfMonth reports whether the number at s[i:] follows a month: "May 28,
// 2013", "Jan. 23 1973"; a day, not a volume.
func dayOfMonth(s string, i int) bool {
	j := i
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	return isMonthWord(lastWord(s[max(0, j-12):j]))
}

// isMonthWord reports whether w, with its punctuation, is a month or a
// season: "May", "Jan.", "Spring," but not "Springer".
func isMonthWord(w string) bool {
	w = strings.TrimRight(w, ".,")
	if w == "" || !monthStart[w[0]] {
		return false
	}
	for _, m := range months {
		if strings.TrimRight(m, ". -") == w {
			return true
		}
	}
	return false
}

// pageCountAt reports whether the number ending at s[j] counts a book's
// pages: "231 p.", "216 pp", "424 S.".
func pageCountAt(s string, j int) bool {
	t := strings.TrimLeft(s[j:], " ")
	for _, m := range []string{"pages", "pp", "p", "S."} {
		if rest, ok := strings.CutPrefix(t, m); ok {
			// "1 pp. 35-50": a volume, then the pages
			rest = strings.TrimLeft(rest, ". ")
			return rest == "" || rest[0] < '0' || rest[0] > '9'
		}
	}
	return false
}

// editorsParen reports whether s starts with a parenthesis that names
// editors, "(M. Cooper, J. C. Watson & W. B. Stiles, Eds.)", and has more
// text after it.
func editorsParen(s string) bool {
	k := strings.IndexByte(s[:min(len(s), 200)], ')')
	if k < 0 || k+2 >= len(s) {
		return false
	}
	in := strings.TrimRight(s[1:k], ". ")
	for _, suf := range []string{", Eds", ", Ed", ", eds", ", ed", " (Eds", " Eds"} {
		if strings.HasSuffix(in, suf) {
			return startsUpper(in) && hasInitial(in)
		}
	}
	return false
}

// joinSentences joins a title and the sentence that continues it, with a
// full stop unless the title ends with its own mark ("Kill!").
func joinSentences(a, b string) string {
	if strings.HasSuffix(a, "?") || strings.HasSuffix(a, "!") {
		return a + " " + b
	}
	return a + ". " + b
}

// dateRange reports whether the range s[i:e] is a span of days next to a
// month, "April 8-11, 1991", "7-10 December", not pages.
func dateRange(s string, i, e int) bool {
	if dayOfMonth(s, i) {
		return true
	}
	t := strings.TrimLeft(s[e:], " ")
	return t != "" && t[0] != ',' && isMonthWord(firstField(t))
}

// reportNumber reports whether the number at s[i:] numbers a report:
// "Technical Report 92-43", "TR 95-50", "#94-3".
func reportNumber(s string, i int) bool {
	if i > 0 && s[i-1] == '#' {
		return true
	}
	j := i
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	switch lastWord(s[max(0, j-8):j]) {
	case "Report", "report", "TR", "Rep.", "Rpt.", "Paper", "paper", "Memo", "Note":
		return true
	}
	return false
}

// issueBeforeDate reports whether the number pg that ends at s[e] is
// followed by a parenthesised date, so that it is an issue ("36, 3 (1988),
// 454-469", ACM's form) and not pages.
func issueBeforeDate(s, pg string, e int) bool {
	if !allDigits(pg) || !strings.HasPrefix(s[e:], " (") {
		return false
	}
	k := strings.IndexByte(s[e:], ')')
	if k <= 0 || firstYear(s[e:e+k]) == "" {
		return false
	}
	// the pages follow the date; "33, 2435 (1962)" is a volume and a page
	p := skipSep(s, e+k+1)
	pages, _ := numberAt(s, p, true)
	return pages != ""
}

// wordCount counts the space-separated words of s, as
// len(strings.Fields(s)) would, without allocating.
func wordCount(s string) int {
	n := 0
	for range strings.FieldsSeq(s) {
		n++
	}
	return n
}

// pagesAfterParenYear reports whether s starts with a parenthesised date,
// "(2011) in …", "(1994, March). Magazine": after a comma, the date of the
// work, which ends its title.
func pagesAfterParenYear(s string) bool {
	k := strings.IndexByte(s[:min(len(s), 30)], ')')
	if k < 5 {
		return false
	}
	in := s[1:k]
	return len(in) >= 4 && allDigits(in[:4]) && plausibleYear(in[:4]) && (len(in) == 4 || in[4] == ',' || in[4] >= 'a' && in[4] <= 'z' && len(in) == 5)
}

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// sentenceCase reports whether s reads as a sentence-case title, not the
// name of a journal: it starts with a capital, has no full stop, colon or
// digit, and has a lower-case word that is not a connective ("Anthropologie
// politique du sexe").
func sentenceCase(s string) bool {
	if !startsUpper(s) || strings.ContainsAny(s, ".:;0123456789") {
		return false
	}
	words := 0
	lower := false
	for w := range strings.FieldsSeq(s) {
		words++
		if startsLower(w) && !isConnective(w) && !isParticle(w) {
			lower = true
		}
	}
	return lower && words >= 2
}
