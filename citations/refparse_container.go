package citations

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the rules for what follows a title: the container
// (journal, book, proceedings, site) or the publisher, and the notes,
// genres and places that are neither.

// titleless reads the rest of an entry from pos as a container followed
// only by numbers, as chemistry and physics styles write it ("J. Appl.
// Phys. 87, pp. 334–344 (2000)"), and reports whether it did.
func (p *refParser) titleless(r *Reference, pos int) bool {
	s := p.s[pos:]
	if s == "" {
		return false
	}
	if c, _ := utf8.DecodeRuneInString(s); isQuote(c) || !unicode.IsUpper(c) {
		return false
	}
	ce := containerEnd(s)
	if ce == 0 || ce > 60 || isGenre(s) {
		return false
	}
	rest := s[ce:]
	if !hasDetailDigits(rest) {
		return false
	}
	// nothing but numbers and detail words after the container
	for _, w := range strings.FieldsFunc(withoutBrackets(rest), func(c rune) bool { return !unicode.IsLetter(c) }) {
		switch strings.ToLower(w) {
		case "pp", "p", "vol", "no", "pages", "page", "nr", "issue", "suppl", "s", "e":
			continue
		}
		if utf8.RuneCountInString(w) > 1 || !isMonthOrShort(w) {
			return false
		}
	}
	cont := cleanField(s[:ce])
	if cont == "" || len(strings.Fields(cont)) > 8 || strings.Contains(cont, ": ") ||
		strings.Contains(cont, "? ") || strings.Contains(cont, "! ") {
		// (a question ends a title, not a journal's name: "Where did
		// the riders go? Public Transport, 14(2)")
		return false
	}
	r.Container = cont
	scanNumbers(r, rest)
	return true
}

func isMonthOrShort(w string) bool {
	return utf8.RuneCountInString(w) <= 1
}

// container reads what follows the title: the container (journal, book,
// site) or a publisher, and the volume, issue and pages.
func (p *refParser) container(r *Reference, rest string) {
	rest, noted := skipTitleNotes(strings.TrimSpace(rest))
	if rest == "" {
		return
	}
	if !p.quoted && r.Title != "" && !noted {
		rest = subtitleBeforeContainer(r, rest)
	}
	rest, inBook := cutInBook(rest)
	if isGenre(rest) {
		// "Ph.D. thesis, University": no container, and a report number
		// is not a volume
		scanNumbers(r, rest)
		r.Volume, r.Issue = "", ""
		return
	}
	if strings.HasPrefix(rest, "(") && editorsParen(rest) {
		// "(M. Cooper & W. B. Stiles, Eds.) Person-Centered …": the
		// editors of the book or issue, then its name
		rest = strings.TrimLeft(rest[strings.IndexByte(rest, ')')+1:], " .,")
	}
	if strings.HasPrefix(rest, "(") && publicationParen(rest) {
		// "(New York: Norton, 1990)": the facts of publication of a book
		k := strings.IndexByte(rest, ')')
		if pub, ok := publisherOf(rest[1:k]); ok {
			r.Publisher = pub
		}
		scanNumbers(r, rest[k+1:])
		return
	}
	if startsDetails(rest) || strings.HasPrefix(rest, "ser. ") {
		// "pp. 391-410. Academic Press": numbers, no container
		scanNumbers(r, rest)
		return
	}
	cEnd := containerEnd(rest)
	after := rest[cEnd:]
	r.Container = cleanField(p.containerOrPublisher(r, rest, cEnd, inBook, noted))
	scanNumbers(r, after)
	if r.Publisher == "" {
		// "In Book, pp. 1-20. New York: Wiley": the book's place and
		// publisher after its pages
		if i := strings.Index(after, ": "); i > 0 {
			if pub, ok := publisherOf(strings.TrimSpace(after[lastSegmentStart(after[:i]):])); ok {
				r.Publisher = pub
			}
		}
	}
}

// skipTitleNotes skips the notes between a title and its container, and
// reports whether there were any: "Edited by …", "Translated by …", "2nd
// ed.", "Michael Holquist (ed.), Caryl Emerson (trans.)".
func skipTitleNotes(rest string) (string, bool) {
	noted := false
	for k := 0; k < 3 && rest != "" && isSideNote(rest); k++ {
		noted = true
		from := 0
		if w, _, _ := strings.Cut(rest, " "); strings.HasSuffix(w, ".") && len(w) <= 7 {
			from = len(w) // "Trans. John Smith.": the name follows the abbreviation
		}
		e := sentenceEnd(rest, from)
		rest = strings.TrimSpace(rest[skipPunct(rest, e):])
	}
	for k := 0; k < 3 && namesThenRole(rest); k++ {
		// "Michael Holquist (ed.), Caryl Emerson (trans.)": the book's
		// editors and translators after its title
		noted = true
		c := strings.Index(rest, " (")
		c += strings.IndexByte(rest[c:], ')')
		rest = strings.TrimSpace(rest[skipPunct(rest, c+1):])
	}
	return rest, noted
}

// subtitleBeforeContainer moves a sentence that belongs to the unquoted
// title r.Title from the start of rest to the title, and returns the rest.
func subtitleBeforeContainer(r *Reference, rest string) string {
	// "Title. Subtitle. In J. Smith (Ed.), Book": the sentence before
	// "In" belongs to the title
	if e := sentenceEnd(rest, 0); e < len(rest) && e < 200 && rest[e] == '.' {
		next := strings.TrimLeft(rest[e+1:], " ")
		seg := rest[:e]
		if (strings.HasPrefix(next, "In ") || strings.HasPrefix(next, "In: ")) && !hasDigit(seg) && startsUpper(seg) && !isSideNote(seg) && !isGenre(seg) {
			r.Title = joinSentences(r.Title, cleanField(seg))
			rest = next
		}
	}
	if t := r.Title; strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!") {
		// "What next? A review of transit policy. Transport Reviews,
		// 39(2)": a question, then its subtitle, then the journal
		if e := sentenceEnd(rest, 0); e < len(rest) && e < 200 && rest[e] == '.' {
			next, seg := strings.TrimLeft(rest[e+1:], " "), rest[:e]
			if !hasDigit(seg) && startsUpper(seg) && !strings.HasPrefix(seg, "In ") && !strings.HasPrefix(seg, "In:") &&
				!isSideNote(seg) && !isGenre(seg) && startsUpper(next) && hasDetailDigits(next) {
				r.Title = r.Title + " " + cleanField(seg)
				rest = next
			}
		}
	}
	if seg, tail, ok := strings.Cut(rest, ", "); ok && len(seg) < 200 && sentenceCase(seg) && imprintTail(tail) && firstYear(tail) != "" && !isSideNote(seg) && !isGenre(seg) {
		// "Surveiller et jouir. Anthropologie politique du sexe,
		// Paris, EPEL, 2010.": a subtitle in sentence case, then the
		// place, publisher and year of the book
		r.Title = joinSentences(r.Title, cleanField(seg))
		rest = tail
	}
	return rest
}

// cutInBook removes the "In" before the book or proceedings a chapter or
// paper appeared in, "In: J. Smith (Ed.), Book", "In Proceedings of …",
// "In the Proceedings of …", and the book's editors, and reports whether
// it was there.
func cutInBook(rest string) (string, bool) {
	switch {
	case strings.HasPrefix(rest, "In: "), strings.HasPrefix(rest, "in: "), strings.HasPrefix(rest, "In:"):
		rest = strings.TrimSpace(rest[3:])
	case strings.HasPrefix(rest, "In "), strings.HasPrefix(rest, "in "):
		rest = rest[3:]
	default:
		return rest, false
	}
	if strings.HasPrefix(rest, "the Proceedings") {
		rest = rest[4:]
	}
	return skipEditors(rest), true
}

// containerOrPublisher decides what the segment rest[:cEnd] after a title
// is. It returns the container; or it puts the publisher, or a sentence of
// the title, in r and returns "". inBook reports an "In" before the
// segment, and noted notes between the title and it.
func (p *refParser) containerOrPublisher(r *Reference, rest string, cEnd int, inBook, noted bool) string {
	cont := rest[:cEnd]
	after := rest[cEnd:]
	if inBook {
		if i := indexEditedBy(cont); i >= 0 {
			cont = cont[:i] // "In Book Title, edited by J. Smith"
		}
	}
	cont = strings.TrimSpace(cont)
	if isGenre(cont) || startsDate(cont) && !hasDetailDigits(cont) {
		cont = "" // "Ph.D. thesis", "January"
	}
	if pub, ok := publisherOf(cont); ok && !inBook && !journalNumbersFollow(after) {
		r.Publisher = pub // "Title. New York: Norton, 1990."
		cont = ""
	}
	if place, pub, ok := strings.Cut(cont, ", "); ok && !inBook && !hasDetailDigits(after) && !strings.Contains(pub, ", ") &&
		len(strings.Fields(place)) <= 2 && startsUpper(pub) && (looksPublisher(pub) || startsUpper(place) && len(strings.Fields(pub)) <= 3) {
		// "Paris, Seuil", "London, Rio Grande": a place and a publisher
		r.Publisher = cleanField(pub)
		cont = ""
	}
	if cont != "" && r.Publisher == "" && !inBook && !hasDetailDigits(after) && (looksPublisher(cont) || !p.quoted && !looksSerial(cont) && onlyYearLeft(after) && r.URL == "" && r.DOI == "" &&
		!strings.HasPrefix(cont, "The ") && !allUpperWords(strings.Fields(cont)) && !strings.HasSuffix(cont, ",")) {
		// "Title. Oxford University Press.", "Title. Crown, 1992.": a
		// publisher, with at most a year after it
		r.Publisher = cleanField(cont)
		cont = ""
	}
	if cont != "" && !inBook && !noted && !p.quoted && r.Title != "" && cEnd < len(rest) && rest[cEnd] == '.' && !hasDetailDigits(after) &&
		!isSideNote(cont) && !strings.Contains(cont, " ed") && !strings.Contains(cont, "Vol") && !strings.Contains(cont, "dit") {
		// "Title. Subtitle. New York: Wiley.": a second sentence followed by
		// the place and publisher of a book belongs to the title
		tail := strings.TrimLeft(after, ". ")
		if pub, ok := publisherOf(tail); ok {
			r.Title = joinSentences(r.Title, cleanField(cont))
			r.Publisher = pub
			cont = ""
		} else if isSideNote(tail) && !strings.HasPrefix(tail, "See ") && !looksSerial(cont) {
			// "Wieland; or The Transformation. An American Tale. Edited
			// by …": the subtitle, then the book's editors
			r.Title = joinSentences(r.Title, cleanField(cont))
			cont = ""
		}
	}
	if cont != "" && r.Publisher == "" && !inBook {
		// "Title. SIAM Publications, Philadelphia, PA, 1979."
		if pub, ok := imprintOnly(cont, after); ok {
			r.Publisher = cleanField(pub)
			cont = ""
		}
	}
	if cont != "" && !inBook && !p.quoted && r.Publisher == "" && cEnd < len(rest) && rest[cEnd] == '.' && !hasDetailDigits(after) {
		// "Lectures on Polytopes. Graduate texts in mathematics.
		// Springer-Verlag, 1995.": a series, then the book's publisher
		if pub, ok := publisherYear(strings.TrimLeft(after, ". ")); ok {
			r.Publisher = pub
			cont = ""
		}
	}
	if inBook && crossReference(cont, after) {
		cont = "" // "In Prazniak and Dirlik, 15–51": a book listed on its own
	}
	return cont
}

func isGenre(s string) bool {
	if startsOneOf(s, genres, &genreStart) {
		return true
	}
	seg := s
	if i := strings.IndexAny(seg, ",."); i >= 0 {
		seg = seg[:i]
	}
	if len(seg) > 60 {
		return false
	}
	for _, w := range []string{" Report", "Report ", "Thesis", "thesis", "Rpt", "Dissertation", "dissertation", "Draft", "Patent", "patent"} {
		if strings.Contains(seg, w) && !strings.Contains(seg, "Journal") {
			return true
		}
	}
	return false
}

// isSideNote reports whether s starts with a side note or an edition
// ("2nd ed.", "3rd edn").
func isSideNote(s string) bool {
	for _, n := range sideNotes {
		if s == "" || !sideNoteStart[s[0]] {
			break
		}
		if strings.HasPrefix(s, n) {
			if n == "Trans. " || n == "Ed. " {
				// "Trans. Amer. Math. Soc.": an abbreviated journal
				if nt, ok := nextToken(s, len(n)); ok && strings.HasSuffix(nt.s, ".") && isAbbrevWord(strings.TrimSuffix(nt.s, ".")) {
					return false
				}
			}
			return true
		}
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+2 < len(s) {
		suf := s[i : i+2]
		if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") && strings.Contains(s[i:min(len(s), i+12)], "ed") {
			return true
		}
	}
	return false
}

// lastSegmentStart returns where the last ". " or ", " separated segment of
// s starts.
func lastSegmentStart(s string) int {
	i := strings.LastIndex(s, ". ")
	j := strings.LastIndex(s, ", ")
	k := max(i, j)
	if k < 0 {
		return 0
	}
	return k + 2
}

// skipEditors skips the editors of a book a chapter appeared in: "J. Smith
// (Ed.), " or "Smith J, Lee K, editors. ".
func skipEditors(s string) string {
	for _, ed := range []string{"(Eds.)", "(Ed.)", "(eds.)", "(ed.)", "(eds)", "(ed)", "(Hrsg.)", "(Hg.)", "(Hrg.)", "(dir.)", "(éd.)", "(éds.)", "(Eds)", "(Ed)",
		"(editors)", "(editor)", ", editors.", ", editor.", ", editors,", ", editor,", ", eds.", ", ed.", ", eds,", ", ed,"} {
		if i := strings.Index(s, ed); i >= 0 && i < 200 {
			if ed[0] == ',' && strings.Count(s[:i], "(") > strings.Count(s[:i], ")") {
				// "Markov Random Fields (R. Chellappa, ed.)": the book's
				// editors in a parenthesis after its title
				return s
			}
			if (ed == ", ed." || ed == ", eds.") && !hasInitial(s[:i]) && editorNamesFollow(s[i+len(ed):]) {
				// "In Famulus Christi, ed. Gerald Bonner.": the book comes
				// first and its editors follow (Chicago notes)
				return s
			}
			return strings.TrimLeft(s[i+len(ed):], " ,:")
		}
	}
	return s
}

// indexEditedBy returns where ", edited by" or ", ed." starts in a book
// title, or -1.
func indexEditedBy(s string) int {
	for _, m := range []string{", edited by", ", ed. ", ", eds. ", " edited by", ", hg. v.", ", hrsg. v.", ", Hrsg. v."} {
		if i := strings.Index(s, m); i >= 0 {
			return i
		}
	}
	return -1
}

// containerEnd returns where the container name at the start of s ends: at
// its volume, issue or pages, a year, or the end of its sentence.
func containerEnd(s string) int {
	for j := 0; j < len(s); j++ {
		c := s[j]
		switch {
		case c >= '0' && c <= '9':
			if (j == 0 || s[j-1] == ' ') && numberInName(s, j) {
				continue // "Proceedings of the 24th Annual …", "In 1992 International Conference"
			}
			if j == 0 || s[j-1] == ' ' || s[j-1] == '(' {
				// a number starts the details ("Journal 8, 117", "J Endod. 2014;40")
				if j > 0 && s[j-1] == '(' {
					return j - 1
				}
				return j
			}
		case c == '(':
			if j+1 < len(s) && (s[j+1] >= '0' && s[j+1] <= '9' || strings.HasPrefix(s[j+1:], "Vol") || strings.HasPrefix(s[j+1:], "vol") || strings.HasPrefix(s[j+1:], "pp") || strings.HasPrefix(s[j+1:], "p.") || strings.HasPrefix(s[j+1:], "p ")) {
				return j
			}
			if k := strings.IndexByte(s[j:], ')'); k > 0 && (strings.Contains(s[j:j+k], ",") || firstYear(s[j:j+k]) != "") && !acronymParen(s[j:j+k]) {
				return j // "(Berlin, 1996)"
			}
		case c == ';':
			return j
		case c == ',':
			rest := strings.TrimLeft(s[j+1:], " ")
			if rest == "" || startsDetails(rest) || startsDate(rest) || startsPlace(rest) || rest[0] >= '0' && rest[0] <= '9' || startsRomanVolume(rest) || meetingPlace(s[:j], rest) || letteredVolume(rest) ||
				strings.HasPrefix(rest, "in press") || strings.HasPrefix(rest, "to appear") || strings.HasPrefix(rest, "forthcoming") ||
				strings.HasPrefix(rest, "Department") || strings.HasPrefix(rest, "Dept") || strings.HasPrefix(rest, "University") || strings.HasPrefix(rest, "Univ.") ||
				strings.HasPrefix(rest, "Special Issue") || strings.HasPrefix(rest, "special issue") || afterTitleNote(rest) ||
				strings.HasPrefix(rest, "N.p.") || strings.HasPrefix(rest, "n.p.") || strings.Contains(rest[:min(len(rest), 50)], ": ") && wordCount(s[max(0, j-120):j]) >= 4 && imprintStarts(rest[:min(len(rest), 200)]) {
				return j
			}
		case c == ' ':
			if startsDetails(s[j+1:]) || letteredVolume(s[j+1:]) && strings.IndexByte(s[j+1:min(len(s), j+8)], ',') > 0 {
				return j // "Journal 12, 3", "Proceedings of the Royal Society B39, 1-38"
			}
		case c == '.':
			if j+1 == len(s) {
				return j
			}
			if s[j+1] != ' ' {
				continue
			}
			if containerStops(s[j+2:]) || strings.HasSuffix(s[:j], ")") && j > 1 && s[j-2] != '.' || letteredVolume(s[j+2:]) {
				return j // "Book Title. New York: Holt", "Book Title. Ed. A. Smith"
			}
			// "Phys. Ther. Sport": abbreviated words continue the name
			w := lastWord(s[:j])
			next, ok := nextToken(s, j+1)
			if ok && isAbbrevWord(w) && (startsUpper(next.s) || isConnective(next.s) || numberInName(s, next.start)) && !startsDetails(next.s) && next.s != "In" && next.s != "In:" &&
				!startsRomanVolume(s[next.start:]) && (!startsDate(next.s) || yearInName(w, s, next.start)) {
				continue
			}
			return j
		}
	}
	return len(s)
}

// meetingPlace reports whether rest, after a comma following the name
// of a conference, is the place it was held: one or two capitalised words
// and then a comma, a full stop or the end ("…on Artificial Intelligence,
// Karlsruhe.").
func meetingPlace(name, rest string) bool {
	if !strings.Contains(name, "Proc") && !strings.Contains(name, "Conference") && !strings.Contains(name, "Workshop") &&
		!strings.Contains(name, "Symposium") && !strings.Contains(name, "Congress") && !strings.Contains(name, "Meeting") {
		return false
	}
	seg := rest
	if i := strings.IndexAny(seg, ",.;("); i >= 0 {
		seg = seg[:i]
	}
	words := strings.Fields(seg)
	if len(words) == 0 || len(words) > 2 {
		return false
	}
	for _, w := range words {
		if !startsUpper(w) || allUpperWords([]string{w}) || isOrganisationWord(w) {
			return false
		}
		switch w {
		case "Part", "Volume", "Vol", "Series", "Proceedings", "Conference", "Workshop", "Symposium", "Session", "Track":
			return false
		}
	}
	return true
}

// startsRomanVolume reports whether s starts with a volume in Roman
// numerals followed by a comma or a parenthesis: "XLI (July 1963)".
func startsRomanVolume(s string) bool {
	i := 0
	for i < len(s) && strings.IndexByte("IVXLC", s[i]) >= 0 {
		i++
	}
	return i > 0 && i < len(s) && (s[i] == ',' || s[i] == ' ' && i+1 < len(s) && s[i+1] == '(')
}

// numberInName reports whether the number at s[j:] is part of a name:
// an ordinal ("24th") or a bare number followed by a capitalised word
// ("1992 International", "'90 Conference").
func numberInName(s string, j int) bool {
	k := j
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k < len(s) && (s[k] >= 'a' && s[k] <= 'z') {
		return true // "24th", "2nd"
	}
	if k-j == 1 && k+2 < len(s) && s[k] == 'D' && s[k+1] == ' ' && s[k+2] >= 'A' && s[k+2] <= 'Z' {
		return true // "3D User Interfaces"
	}
	if k+1 < len(s) && (s[k] == 'S' && s[k+1] == 't' || s[k] == 'N' && s[k+1] == 'd' || s[k] == 'R' && s[k+1] == 'd' || s[k] == 'T' && s[k+1] == 'h') {
		return true // "22Nd", as some databases capitalise it
	}
	if k+1 < len(s) && s[k] == ' ' && s[k+1] >= 'A' && s[k+1] <= 'Z' {
		return !strings.HasPrefix(s[k+1:], "Vol") && !strings.HasPrefix(s[k+1:], "No") && !strings.HasPrefix(s[k+1:], "Suppl") && !startsDate(s[k+1:])
	}
	return false
}

// startsPlace reports whether s starts with a place: "White Plains, NY",
// "Berlin, Germany".
func startsPlace(s string) bool {
	a, rest, ok := strings.Cut(s, ", ")
	if !ok || len(a) > 30 {
		return false
	}
	words := 0
	for w := range strings.FieldsSeq(a) {
		if !startsUpper(w) {
			return false
		}
		words++
	}
	b := rest
	if i := strings.IndexAny(b, ",.;:)"); i >= 0 {
		b = b[:i]
	}
	if len(b) == 2 && b[0] >= 'A' && b[0] <= 'Z' && b[1] >= 'A' && b[1] <= 'Z' {
		return true
	}
	if words <= 2 && !strings.ContainsAny(a, ".:;") && !looksPublisher(a) && startsDate(rest) {
		return true // "Zurich, Sept. 1995"
	}
	return countries[b]
}

// isAbbrevWord reports a short capitalised word such as "Phys" or "J" that
// stands abbreviated in a journal name.
func isAbbrevWord(w string) bool {
	n := utf8.RuneCountInString(w)
	if n == 0 || n > 7 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || w == "of" || w == "et"
}

// publisherOf reads "Place: Publisher" (or "Place: Publisher, 2019") and
// returns the publisher.
func publisherOf(s string) (string, bool) {
	i := strings.Index(s, ": ")
	if i <= 0 || i > 40 {
		return "", false
	}
	place := s[:i]
	for _, w := range strings.Fields(place) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && w != "am" && w != "upon" && w != "on" {
			return "", false
		}
	}
	if len(strings.Fields(place)) > 4 {
		return "", false
	}
	pub := s[i+2:]
	if j := strings.IndexAny(pub, ",;"); j >= 0 {
		pub = pub[:j]
	}
	pub = cleanField(pub)
	if pub == "" || !startsUpper(pub) {
		return "", false
	}
	return pub, true
}

// looksSerial reports whether a container names a journal, newspaper,
// series or proceedings rather than a publisher.
func looksSerial(s string) bool { return containsAnyWord(s, serialWords) }

// containsAnyWord reports whether s contains one of words.
func containsAnyWord(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// onlyYearLeft reports whether what follows a container is at most a
// year, an edition and a page count: the container was the publisher of a
// book ("Title. Crown, 1992.", "Butterworth-Heinemann, 3rd edition, 2012").
func onlyYearLeft(s string) bool {
	s = strings.Trim(s, " .,;")
	if s == "" {
		return true
	}
	if strings.Contains(s, "edition") || strings.HasSuffix(s, " ed") {
		_, s, _ = strings.Cut(s, ", ")
		s = strings.Trim(s, " .,;")
	}
	return len(s) == 4 && allDigits(s) && plausibleYear(s) || len(s) == 5 && allDigits(s[:4]) && s[4] >= 'a' && s[4] <= 'z'
}

// looksPublisher reports whether a segment names a publisher.
func looksPublisher(s string) bool { return containsAnyWord(s, publisherWords) }
