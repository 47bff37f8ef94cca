package citations

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxReferenceLen bounds the text ParseReference looks at; a reference entry
// is a few hundred bytes, and anything longer is cut so that parsing stays
// linear in a small constant.
const maxReferenceLen = 4096

// ParseReference splits the text of one reference-list entry into fields:
// its label, authors, year, title, container, volume, issue, pages,
// publisher, DOI and URL. It knows the common styles (APA, Harvard, Chicago,
// MLA, Vancouver, IEEE, SIAM's comma-separated form, humanities notes with
// "(Place: Publisher, Year)", French and German "Titre, Lieu, Éditeur,
// année") and Wikipedia's footnote entries, reads a bare URL as an entry
// with only a URL, and an entry opening with a dash ("———.") as one by the
// authors of the entry before, leaving Authors empty. Fields it cannot find are left empty; ID
// and Span are the caller's to set, and Text is the trimmed input.
//
// The parser is a set of hand-written heuristics, not a trained model: it
// finds the links first, then the author list at the start of the entry, a
// year next to it or later, a title (quoted or up to the first sentence
// end) and a container with its volume, issue and pages.
func ParseReference(text string) Reference {
	var r Reference
	text = strings.TrimSpace(text)
	r.Text = text
	s := text
	if len(s) > maxReferenceLen {
		s = s[:maxReferenceLen]
		for len(s) > 0 && !utf8.ValidString(s[len(s)-1:]) && !utf8.RuneStart(s[len(s)-1]) {
			s = s[:len(s)-1]
		}
	}
	s = stripBackLinks(s)
	r.Label, s = cutLabel(s)
	s = stripBackLinks(s)
	r.DOI, r.URL, s = cutLinks(s)
	s = cutBoilerplate(s)
	s = strings.TrimSpace(s)
	if !hasLetterOrDigit(s) {
		return r // a bare URL or DOI
	}
	p := refParser{s: s}
	p.parse(&r)
	return r
}

// refParser holds the cleaned entry text while its fields are found.
type refParser struct {
	s string
	// quoted reports a title written in quotation marks, which is whole
	// as it stands
	quoted bool
}

func (p *refParser) parse(r *Reference) {
	s := p.s
	pos := 0
	authorEnd, corporate := 0, ""
	sameAuthors := false
	if e := repeatedAuthorsEnd(s); e > 0 {
		// "———. Title": the authors of the entry before
		authorEnd, sameAuthors = e, true
	} else if authorEnd, corporate = scanCorporate(s); authorEnd > 0 {
		r.Authors = []string{corporate}
	} else {
		authorEnd = scanAuthors(s)
		if authorEnd > 0 && soleNameIsOrganisation(s[:authorEnd], s[authorEnd:]) {
			r.Authors = []string{cleanField(s[:authorEnd])}
		} else if authorEnd > 0 {
			r.Authors = splitNames(s[:authorEnd])
			if len(r.Authors) == 0 {
				authorEnd = 0
			}
		}
	}
	if len(r.Authors) > 0 && titleReadAsAuthors(s, authorEnd) {
		// "The Arrival. Dir. David Twohy.", "CIA World Factbook.
		// Washington, DC: …": an entry with no author starts with its title
		r.Authors, authorEnd = nil, 0
	}
	hasAuthors := len(r.Authors) > 0 || sameAuthors
	pos = authorEnd
	pos = skipPunct(s, pos)
	if pos < len(s) && s[pos] == '(' && hasAuthors {
		// a note on the names: "(Eds.)", "(Writer/Director)", "(in
		// preparation)"; not a year
		if k := strings.IndexByte(s[pos:min(len(s), pos+40)], ')'); k > 0 {
			if y, _ := yearAt(s, pos); y == "" && !hasDigit(s[pos:pos+k]) {
				pos = skipPunct(s, pos+k+1)
			}
		}
	}
	// a year right after the authors: "(2019)." "2019." "(n.d.)"
	if y, end := yearAt(s, pos); y != "" {
		r.Year = y
		pos = skipPunct(s, end)
	}
	// title
	titleStart := pos
	if hasAuthors && p.titleless(r, pos) {
		// "Chen, H., … 1997, ApJ, 475, 163": a journal and numbers, no title
		if r.Year == "" {
			r.Year = findYear(s[pos:])
		}
		return
	}
	if pos < len(s) {
		q, _ := utf8.DecodeRuneInString(s[pos:])
		p.quoted = isQuote(q) && q != '\'' || strings.HasPrefix(s[pos:], "``")
	}
	title, end := titleAt(s, pos)
	r.Title = cleanField(title)
	pos = skipPunct(s, end)
	if r.Year == "" && hasAuthors {
		// Vancouver/IEEE/MLA: a year after the title comes later; Chicago
		// author-date puts it before the title ("Smith, John. 2019. Title.").
		if y, end := yearAt(s, titleStart); y != "" && end <= len(s) {
			r.Year = y
			title, e2 := titleAt(s, skipPunct(s, end))
			r.Title = cleanField(title)
			pos = skipPunct(s, e2)
		}
	}
	if !p.quoted {
		r.Title = trimTitleNote(r.Title)
		r.Title = trimTitleDate(trimTitleYear(r.Title))
	}
	if r.Year == "" && pos < len(s) && s[pos] == '(' {
		// "Good chemistry. (1996, September). Magazine, 44(1)": APA puts
		// the title of a work with no author first, then its date
		// with authors, only when journal numbers follow: "Title, (2011).
		// Review, 12, 81-94"
		if y, e := yearAt(s, pos); y != "" && (!hasAuthors || hasDetailDigits(s[e:])) {
			r.Year = y
			pos = skipPunct(s, e)
			if !hasAuthors && hasLetterOrDigit(s[pos:]) && !hasDetailDigits(s[pos:]) && !imprintStarts(s[pos:]) {
				// "Department of Veterans Affairs. (n.d.). Title.
				// Washington, DC.": with no journal numbers after it, the
				// part before the date is the organisation that wrote it
				r.Authors = []string{r.Title}
				hasAuthors = true
				title, end := titleAt(s, pos)
				r.Title = cleanField(title)
				pos = skipPunct(s, end)
			}
		}
	}
	if strings.HasSuffix(r.Title, "]") {
		// "Bowling for Columbine [DVD]": the medium, not the title
		// "[in Chinese]", "[selections]": a note on the text that belongs
		// to the title, written in lower case
		if k := strings.LastIndex(r.Title, " ["); k > 0 && len(r.Title)-k < 40 && !hasDigit(r.Title[k:]) && !startsLower(r.Title[k+2:]) {
			r.Title = strings.TrimRight(r.Title[:k], " ,.")
		}
	}
	if r.Year != "" && strings.HasSuffix(r.Title, ", "+r.Year) {
		r.Title = strings.TrimSuffix(r.Title, ", "+r.Year) // "Title, 2012. Available online: …"
	}
	rest := s[pos:]
	p.container(r, rest)
	if r.Year == "" {
		r.Year = findYear(rest)
		if r.Year == "" {
			r.Year = findYear(s[titleStart:])
		}
	}
}

// repeatedAuthorsEnd returns where a run of dashes or underscores that
// stands for the previous entry's authors ends ("———.", "---,", "______."),
// or 0.
func repeatedAuthorsEnd(s string) int {
	i, n := 0, 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != '—' && r != '–' && r != '-' && r != '_' && r != '‒' && r != '―' {
			break
		}
		i += size
		n++
	}
	if n == 0 || n == 1 && s[0] == '-' || n == 1 && s[0] == '_' {
		return 0
	}
	if i < len(s) && s[i] != '.' && s[i] != ',' && s[i] != ' ' {
		return 0
	}
	return i
}

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
	if cont == "" || len(strings.Fields(cont)) > 8 || strings.Contains(cont, ": ") {
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
	rest = strings.TrimSpace(rest)
	// notes between the title and the container: "Edited by …",
	// "Translated by …", "2nd ed."
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
	if rest == "" {
		return
	}
	if !p.quoted && r.Title != "" && !noted {
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
		if seg, tail, ok := strings.Cut(rest, ", "); ok && len(seg) < 200 && sentenceCase(seg) && imprintTail(tail) && firstYear(tail) != "" && !isSideNote(seg) && !isGenre(seg) {
			// "Surveiller et jouir. Anthropologie politique du sexe,
			// Paris, EPEL, 2010.": a subtitle in sentence case, then the
			// place, publisher and year of the book
			r.Title = joinSentences(r.Title, cleanField(seg))
			rest = tail
		}
	}
	inBook := false
	switch {
	case strings.HasPrefix(rest, "In: "), strings.HasPrefix(rest, "in: "), strings.HasPrefix(rest, "In:"):
		rest = strings.TrimSpace(rest[3:])
		inBook = true
	case strings.HasPrefix(rest, "In "), strings.HasPrefix(rest, "in "):
		rest = rest[3:]
		inBook = true
	}
	if inBook && strings.HasPrefix(rest, "the Proceedings") {
		rest = rest[4:]
	}
	if inBook {
		rest = skipEditors(rest)
	}
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
	cont := rest[:cEnd]
	after := rest[cEnd:]
	if inBook {
		if i := indexEditedBy(cont); i >= 0 {
			cont = cont[:i]
		}
	}
	cont = strings.TrimSpace(cont)
	if isGenre(cont) || startsDate(cont) && !hasDetailDigits(cont) {
		cont = "" // "Ph.D. thesis", "January"
	}
	if pub, ok := publisherOf(cont); ok && !inBook && !journalNumbersFollow(after) {
		r.Publisher = pub
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
	r.Container = cleanField(cont)
	scanNumbers(r, after)
	if r.Publisher == "" {
		if i := strings.Index(after, ": "); i > 0 {
			if pub, ok := publisherOf(strings.TrimSpace(after[lastSegmentStart(after[:i]):])); ok {
				r.Publisher = pub
			}
		}
	}
}

// genres start a segment that names the kind of work, not a container.
var genres = []string{"Technical Report", "Technical report", "Tech. Rep", "Tech. rep", "Ph.D. thesis", "Ph.D. Thesis", "PhD thesis",
	"PhD Thesis", "Ph.D. dissertation", "PhD dissertation", "Doctoral dissertation", "Doctoral thesis", "Master's thesis", "Master’s thesis",
	"MS thesis", "M.S. thesis", "Unpublished", "unpublished", "Manuscript", "Working paper", "Working Paper", "Discussion paper",
	"Discussion Paper", "Research Report", "Research report", "Report ", "Personal communication", "Dissertation", "Thesis", "Preprint", "Internal report",
	"Ph.D. diss", "PhD diss", "White paper", "White Paper", "Working draft", "working paper", "preprint",
	"Masters", "Tech ", "Draft", "to appear", "To appear", "submitted", "Submitted", "paper submitted", "in press", "In press", "personal communication"}

// genreStart, sideNoteStart, monthStart and detailStart mark the first
// bytes of the words of genres, sideNotes, months and detailWords: a text
// starting with any other byte starts with none of them.
var (
	genreStart    = firstBytes(genres)
	sideNoteStart = firstBytes(sideNotes)
	monthStart    = firstBytes(months)
	detailStart   = firstBytes(detailWords)
)

// firstBytes returns the set of the first bytes of words.
func firstBytes(words []string) (set [256]bool) {
	for _, w := range words {
		set[w[0]] = true
	}
	return set
}

// startsOneOf reports whether s starts with one of words, whose first
// bytes are first.
func startsOneOf(s string, words []string, first *[256]bool) bool {
	if s == "" || !first[s[0]] {
		return false
	}
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
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

// sideNotes start a segment that is neither container nor publisher.
var sideNotes = []string{"Edited by", "edited by", "Translated by", "translated by", "Edited and translated by", "Translated and edited by", "Edited with", "Trans. ", "Transl. ", "Ed. ", "Eds. ",
	"With a ", "With an ", "Reprint", "Reprinted", "Revised", "Rev. ed", "See ", "Introduction by", "Foreword by",
	"Dir. ", "Directed by", "Perf. ", "Hrsg. ", "Übers. ", "Trad. ", "trans. ", "transl. ", "tr. ", "ed. ", "eds. ", "trad. ",
	"Traduction de", "Traduit par", "Traduit de", "Übersetzt von", "Herausgegeben von"}

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

// stripBackLinks removes the back-link markers Wikipedia and others put
// before a footnote's text: "^", "↑", "^ a b c".
func stripBackLinks(s string) string {
	s = strings.TrimSpace(s)
	marked := false
	for {
		switch {
		case strings.HasPrefix(s, "^"):
			s = strings.TrimSpace(s[1:])
			marked = true
			continue
		case strings.HasPrefix(s, "↑"):
			s = strings.TrimSpace(s[len("↑"):])
			marked = true
			continue
		case strings.HasPrefix(s, "↩"):
			s = strings.TrimSpace(s[len("↩"):])
			marked = true
			continue
		}
		break
	}
	if !marked {
		return s
	}
	// "a b c" back-links: single lower-case letters (or "aa", "ab") each
	// followed by a space, only when at least two are in a row.
	i, n := 0, 0
	for {
		j := i
		for j < len(s) && j-i < 2 && s[j] >= 'a' && s[j] <= 'z' {
			j++
		}
		if j == i || j >= len(s) || s[j] != ' ' {
			break
		}
		i = j + 1
		n++
	}
	if n >= 2 {
		s = strings.TrimSpace(s[i:])
	}
	return s
}

// cutLabel removes an entry's leading label: "[3]", "3.", "3)", "(3)",
// "[BAD10]".
func cutLabel(s string) (label, rest string) {
	if s == "" {
		return "", s
	}
	switch s[0] {
	case '[', '(':
		closer := byte(']')
		if s[0] == '(' {
			closer = ')'
		}
		j := strings.IndexByte(s, closer)
		if j < 2 || j > 16 {
			return "", s
		}
		in := s[1:j]
		if s[0] == '(' && !allDigits(in) {
			return "", s
		}
		if isYearText(in) && s[0] == '(' {
			return "", s
		}
		for _, c := range in {
			if !(unicode.IsLetter(c) || unicode.IsDigit(c) || c == '+' || c == ' ' || c == '-' || c == '_' || c == ':' || c == '.') {
				return "", s
			}
		}
		return strings.TrimSpace(in), strings.TrimSpace(s[j+1:])
	}
	i := 0
	for i < len(s) && i < 5 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i >= len(s)-1 {
		return "", s
	}
	if (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t') {
		return s[:i], strings.TrimSpace(s[i+1:])
	}
	if s[i] == ' ' && i <= 3 && len(s) > i+1 && (unicode.IsUpper(rune(s[i+1])) || s[i+1] >= 0x80) {
		// "12 Smith J, …": a bare number before an upper-case word
		return s[:i], strings.TrimSpace(s[i+1:])
	}
	return "", s
}

// cutLinks finds the DOI and the first other URL and removes them, with
// their "doi:" and "Retrieved from" lead-ins, from the text.
func cutLinks(s string) (doi, url, rest string) {
	if !strings.Contains(s, "10.") && !strings.Contains(s, "http") && !strings.Contains(s, "www.") {
		return "", "", s
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		start, end, kind := nextLink(s, i)
		if kind == 0 {
			break
		}
		tok := s[start:end]
		switch kind {
		case 'd':
			d := normalizeDOI(tok)
			if doi == "" && d != "" {
				doi = d
			}
		case 'u':
			if strings.IndexByte(tok, ' ') >= 0 {
				tok = strings.ReplaceAll(tok, " ", "") // a URL broken by PDF extraction
			}
			if d := doiFromURL(tok); d != "" {
				if doi == "" {
					doi = d
				}
			} else if url == "" {
				url = trimURL(tok)
			}
		}
		// remove a lead-in such as "doi:", "DOI ", "https://doi.org/"
		cut := start
		lead := strings.ToLower(s[max(0, start-5):start])
		switch {
		case strings.HasSuffix(lead, "doi: "):
			cut = start - 5
		case strings.HasSuffix(lead, "doi:"), strings.HasSuffix(lead, "doi "):
			cut = start - 4
		}
		if cut < last {
			cut = last
		}
		b.WriteString(s[last:cut])
		b.WriteByte(' ')
		last = end
		i = end
	}
	if last == 0 {
		return doi, url, s
	}
	b.WriteString(s[last:])
	return doi, url, b.String()
}

// nextLink returns the next URL ('u') or bare DOI ('d') at or after i.
func nextLink(s string, i int) (start, end int, kind byte) {
	for i < len(s) {
		c := s[i]
		switch {
		case c == 'h' && (strings.HasPrefix(s[i:], "http://") || strings.HasPrefix(s[i:], "https://")),
			c == 'w' && strings.HasPrefix(s[i:], "www.") && (i == 0 || !refWordByte(s[i-1])) && i+4 < len(s) && refWordByte(s[i+4]):
			return i, urlEnd(s, i), 'u'
		case c == '1' && strings.HasPrefix(s[i:], "10.") && (i == 0 || !refWordByte(s[i-1]) && s[i-1] != '.'):
			j := i + 3
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j-(i+3) >= 4 && j < len(s) && s[j] == '/' {
				return i, tokenEnd(s, i), 'd'
			}
		}
		i++
	}
	return 0, 0, 0
}

// urlEnd returns where the URL at i ends. A URL that PDF extraction broke
// with a space ("https://www.cia.gov/ library/publications/…") goes on
// when the part before the break ends in a slash or a dot, or the part after
// it starts with a slash or is a lower-case path with a slash.
func urlEnd(s string, i int) int {
	end := tokenEnd(s, i)
	for k := 0; k < 3 && end+1 < len(s) && s[end] == ' '; k++ {
		next := tokenEnd(s, end+1)
		nt := s[end+1 : next]
		last := s[end-1]
		if len(nt) < 3 || strings.Contains(nt, "://") || nt[0] == '(' || nt[0] == '<' || nt[0] == '[' {
			break
		}
		lowerPath := nt[0] >= 'a' && nt[0] <= 'z' && strings.ContainsAny(nt, "/?=&") && !strings.HasPrefix(nt, "doi")
		if !(last == '/' && nt[0] >= 'a' && nt[0] <= 'z' || lowerPath || nt[0] == '/' || nt[0] == '-' && last != '.') {
			break
		}
		end = next
	}
	return end
}

// tokenEnd returns the end of the white-space delimited token at i.
func tokenEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			return i
		}
		if c >= 0x80 {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) || r == '”' || r == '»' {
				return i
			}
			i += n
			continue
		}
		i++
	}
	return i
}

// trimURL removes punctuation that ends the sentence, not the URL, and any
// closing bracket without its opening one.
func trimURL(u string) string {
	for len(u) > 0 {
		c := u[len(u)-1]
		switch c {
		case '.', ',', ';', ':', '"', '\'', '>':
			u = u[:len(u)-1]
			continue
		case ')', ']':
			open := byte('(')
			if c == ']' {
				open = '['
			}
			if strings.Count(u, string(open)) < strings.Count(u, string(c)) {
				u = u[:len(u)-1]
				continue
			}
		}
		break
	}
	return u
}

// normalizeDOI returns a DOI in lower case without a resolver prefix or
// trailing punctuation, or "" when s holds none.
func normalizeDOI(s string) string {
	i := strings.Index(s, "10.")
	if i < 0 {
		return ""
	}
	d := trimURL(s[i:])
	if !strings.Contains(d, "/") {
		return ""
	}
	return strings.ToLower(d)
}

// doiFromURL returns the DOI of a doi.org link, or "".
func doiFromURL(u string) string {
	l := strings.ToLower(u)
	i := strings.Index(l, "doi.org/")
	if i < 0 || i > 20 {
		return ""
	}
	return normalizeDOI(u[i+len("doi.org/"):])
}

// boilerplate lead-ins that start a trailing access note or identifier.
var accessNotes = []string{
	"Retrieved ", "retrieved ", "Accessed ", "accessed ", "Available at", "Available from", "available at",
	"Available online", "Archived from", "archived from", "Abgerufen", "abgerufen", "Zugriff", "Consulté", "consulté",
	"[Accessed", "[accessed", "(accessed", "(Accessed", "Last accessed", "[Online]", "[online]", "(Online)",
	"ISBN", "ISSN", "PMID", "PMC", "OCLC", "S2CID", "arXiv:", "Bibcode", "JSTOR", "[cited",
	"Available:", "URL:", "Disponible sur", "Disponible en", "[en ligne]", "Retirado de", "Recuperado de",
}

// cutBoilerplate removes access notes ("Retrieved 3 May 2020.",
// "[Accessed 1 June 2019]"), archive notes and identifiers (ISBN, PMID) that
// are not part of any field.
func cutBoilerplate(s string) string {
	for _, note := range accessNotes {
		for guard := 0; guard < 4; guard++ {
			i := strings.Index(s, note)
			if i < 0 {
				break
			}
			if i > 0 && refWordByte(s[i-1]) {
				break
			}
			end := noteEnd(s, i, note)
			s = s[:i] + " " + s[end:]
		}
	}
	return s
}

// noteEnd returns where a boilerplate note starting at i ends.
func noteEnd(s string, i int, note string) int {
	switch note[0] {
	case '[':
		if j := strings.IndexByte(s[i:], ']'); j >= 0 {
			return i + j + 1
		}
		return len(s)
	case '(':
		if j := strings.IndexByte(s[i:], ')'); j >= 0 {
			return i + j + 1
		}
		return len(s)
	}
	j := i + len(note)
	switch note {
	case "ISBN", "ISSN", "PMID", "PMC", "OCLC", "S2CID", "arXiv:", "Bibcode", "JSTOR":
		// the identifier: one or two tokens of digits, X and hyphens
		for j < len(s) && (s[j] == ' ' || s[j] == ':' || s[j] == '-') {
			j++
		}
		for j < len(s) && s[j] != ' ' && s[j] != ',' && s[j] != ';' {
			j++
		}
		for j < len(s) && (s[j] == '.' || s[j] == ',' || s[j] == ';') {
			j++
		}
		return j
	}
	// to the end of the sentence: ". " or the end
	for k := j; k < len(s)-1; k++ {
		if s[k] == '.' && s[k+1] == ' ' && k > 0 && !(s[k-1] >= '0' && s[k-1] <= '9' && k+2 < len(s) && s[k+2] >= '0' && s[k+2] <= '9') {
			return k + 1
		}
	}
	return len(s)
}

// corporateWords mark an organisation's name.
var corporateWords = []string{
	"Institute", "Organization", "Organisation", "Association", "University", "Department", "Agency",
	"Bureau", "Council", "Center", "Centre", "Society", "Foundation", "Commission", "Ministry", "Office",
	"Inc", "Ltd", "Group", "Committee", "Board", "Service", "Survey", "Corporation", "Company", "Trust",
	"Network", "Programme", "Bank", "Fund", "Nations", "Court", "Government", "Academy", "Laboratory",
	"Authority", "Federation", "Coalition", "Alliance", "Institut", "Agence", "Bundesamt", "Administration",
	"Consortium", "Initiative", "Project", "Team", "Unit", "Reuters", "Press", "News", "Statistics",
}

// scanCorporate recognises an organisation as author: the first segment of
// the entry, ended by ". " or a parenthesised year, with no comma, containing
// a word such as Institute or Organization. It returns the segment end and
// the name.
func scanCorporate(s string) (end int, name string) {
	limit := min(len(s), 120)
	end = -1
	byComma := false
	for i := 0; i < limit; i++ {
		c := s[i]
		if c == ',' {
			if r, _ := utf8.DecodeRuneInString(s[skipPunct(s, i):]); i > 0 && isQuote(r) {
				end = i // "CONVEX Computer Corporation, "Exemplar …""
				break
			}
			if y, _ := yearAt(s, skipPunct(s, i)); y != "" && i > 0 {
				end = i // "Ponemon Institute, 2019."
				break
			}
			if i > 0 {
				// "Brennan Center for Justice, Crime Trends, …": only
				// with a word that names an organisation
				end, byComma = i, true
				break
			}
		}
		if c == ',' || c == ';' || c == '"' || c == ':' {
			return 0, ""
		}
		if c == '.' && (i+1 == len(s) || s[i+1] == ' ') {
			// an abbreviation such as "Inc." or "U.S." does not end it
			w := lastWord(s[:i])
			if len(w) <= 1 || w == "Inc" || w == "Ltd" || w == "Co" || w == "St" {
				continue
			}
			end = i
			break
		}
		if c == '(' {
			if y, _ := yearAt(s, i); y != "" {
				end = i
			}
			break
		}
	}
	if end <= 0 {
		return 0, ""
	}
	seg := strings.TrimSpace(s[:end])
	words := 0
	for range strings.FieldsSeq(seg) {
		words++
	}
	if words < 2 || words > 10 {
		return 0, ""
	}
	hit := false
	for w := range strings.FieldsSeq(seg) {
		w = strings.Trim(w, ".&")
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !isConnective(w) && !unicode.IsDigit(r) {
			return 0, ""
		}
		if byComma && isInitial(w+".") {
			return 0, "" // "Robert J. Banks, Title"
		}
		for _, cw := range corporateWords {
			if w == cw || strings.HasPrefix(w, cw) && len(w) <= len(cw)+1 {
				hit = true
			}
		}
	}
	if !hit && (byComma || !(words >= 2 && words <= 4 && !hasLower(seg))) {
		return 0, ""
	}
	return end, seg
}

func allUpperWords(words []string) bool {
	for _, w := range words {
		if hasLower(w) {
			return false
		}
	}
	return len(words) <= 4
}

// hasLower reports whether s has a lower-case letter: whether the words of
// a name are not all in capitals.
func hasLower(s string) bool {
	for _, c := range s {
		if unicode.IsLower(c) {
			return true
		}
	}
	return false
}

// isConnective reports the small words an organisation's name may contain.
func isConnective(w string) bool {
	switch w {
	case "of", "for", "and", "the", "on", "in", "&", "de", "des", "du", "la", "le", "für", "der", "und", "y", "del":
		return true
	}
	return false
}

// lastWord returns the last space-separated word of s.
func lastWord(s string) string {
	i := strings.LastIndexAny(s, " (")
	return s[i+1:]
}

// particles are the lower-case words that belong to a family name.
func isParticle(w string) bool {
	switch w {
	case "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "ter", "ten",
		"dos", "das", "do", "zu", "bin", "ibn", "al", "el", "vander", "dei", "degli", "af", "av", "op", "'t", "y":
		return true
	}
	return strings.HasPrefix(w, "d'") || strings.HasPrefix(w, "d’") || strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "el-")
}

// soleNameIsOrganisation reports whether an author list is one name of
// capitalised words with no initials, no comma and no "and", ended by a
// full stop: "Appriss Retail.", "Pew Research Center.". Styles that spell
// out a person's given name invert the first author ("Smith, John."), so
// such a name is an organisation.
func soleNameIsOrganisation(seg, entry string) bool {
	seg = strings.TrimSpace(seg)
	if !strings.HasSuffix(seg, ".") || strings.ContainsAny(seg, ",;&()") {
		return false
	}
	words := strings.Fields(strings.TrimSuffix(seg, "."))
	if len(words) < 2 || len(words) > 6 {
		return false
	}
	for _, w := range words {
		switch strings.ToLower(w) {
		case "and", "und", "et", "y":
			return false
		}
		if isInitial(w) || strings.Contains(w, ".") || !startsUpper(w) && !isConnective(w) {
			return false
		}
	}
	// a person's name spelt out, "Peter Brucker.", looks the same (BibTeX's
	// plain style), so it takes a word that names an organisation, or the
	// name's first word coming back as the publisher ("Appriss Retail. …
	// Appriss, 2023.")
	for _, w := range words {
		if isOrganisationWord(w) {
			return true
		}
	}
	return len(words[0]) >= 3 && strings.Contains(entry, words[0])
}

// organisationWords name what organisations are, beyond corporateWords.
var organisationWords = []string{"Retail", "Research", "Media", "Systems", "Microsystems", "Technologies", "Labs",
	"Health", "Partners", "Industries", "Holdings", "Times", "Post", "Magazine", "Forum", "Museum", "Library",
	"Archive", "Archives", "Police", "Census", "Parliament", "Senate", "Congress", "Union", "Party", "Trade"}

// isOrganisationWord reports a word that names an organisation.
func isOrganisationWord(w string) bool {
	for _, cw := range corporateWords {
		if w == cw || w == cw+"s" {
			return true
		}
	}
	for _, ow := range organisationWords {
		if w == ow {
			return true
		}
	}
	return false
}

// camelName reports a family name written with its particle joined and
// lower case first: "vanEngelsdorp", "deGrasse", "dePaula". It is a lower-case
// particle followed at once by an upper-case letter and more letters.
func camelName(w string) bool {
	for i := 1; i < len(w) && i <= 4; i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			if !isParticle(w[:i]) || i+2 > len(w) {
				return false
			}
			for _, r := range w[i:] {
				if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
					return false
				}
			}
			return true
		}
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return false
}

// token is one white-space separated word of the entry.
type token struct {
	s          string
	start, end int
}

// nextToken returns the token starting at or after i.
func nextToken(s string, i int) (token, bool) {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i >= len(s) {
		return token{}, false
	}
	j := i
	for j < len(s) && s[j] != ' ' && s[j] != '\t' {
		j++
	}
	return token{s: s[i:j], start: i, end: j}, true
}

// isInitial reports whether w (with its punctuation) is one or more
// initials: "J.", "J.K.", "J.-P.", "JK", "Ch.".
func isInitial(w string) bool {
	w = strings.TrimRight(w, ",;:")
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") {
		// every letter run is at most two letters, the first upper case;
		// the runs are those strings.FieldsFunc would give, split at '.'
		// and '-' (bytes no multi-byte character contains)
		n := 0
		for i := 0; i < len(w); {
			if w[i] == '.' || w[i] == '-' {
				i++
				continue
			}
			j := i
			for j < len(w) && w[j] != '.' && w[j] != '-' {
				j++
			}
			part := w[i:j]
			i = j
			r0, n0 := utf8.DecodeRuneInString(part)
			if !unicode.IsUpper(r0) {
				return false
			}
			if n0 < len(part) {
				r1, n1 := utf8.DecodeRuneInString(part[n0:])
				if n0+n1 < len(part) {
					return false // three characters or more
				}
				if !(unicode.IsLower(r1) || unicode.IsUpper(r1)) {
					return false
				}
				if unicode.IsLower(r1) && (!strings.HasSuffix(w, ".") || !digraphInitials[part]) {
					return false
				}
			}
			n++
		}
		return n > 0 && n <= 4
	}
	// "JK", "X": one to three capitals
	n := 0
	for _, c := range w {
		if !unicode.IsUpper(c) {
			return false
		}
		n++
	}
	return n >= 1 && n <= 3
}

// digraphInitials are the two-letter initials written with a period.
var digraphInitials = map[string]bool{"Ch": true, "Th": true, "Ph": true, "Sh": true, "St": true, "Gy": true,
	"Sz": true, "Kh": true, "Zh": true, "Ts": true, "Yu": true, "Ya": true, "Ju": true, "Wm": true, "Fr": true}

// titleStarts are words that begin a title, not a name.
var titleStarts = map[string]bool{"The": true, "An": true, "On": true, "Towards": true, "Toward": true,
	"How": true, "Why": true, "What": true, "When": true, "Using": true, "From": true, "Introduction": true,
	"Der": true, "Die": true, "Das": true, "Le": true, "La": true, "Les": true, "El": true, "Los": true, "Il": true, "Une": true, "Un": true}

// isBareInitials reports upper-case initials written without periods ("JK").
func isBareInitials(w string) bool {
	w = strings.TrimRight(w, ",;:")
	return w != "" && !strings.Contains(w, ".") && isInitial(w)
}

// scanAuthors returns where the author list at the start of s ends, or 0
// when s does not start with one.
func scanAuthors(s string) int {
	var (
		lastGood    = 0     // end of the last complete name
		hasSurname  = false // the name being read has a family name
		pieceWords  = 0     // capitalised words in the current comma piece
		prevSurOnly = false // the previous piece was a lone family name
		pieceInit   = false // the current piece so far is initials only
		initFirst   = false // the current piece started with initials ("J. Smith")
		bareInits   = false // names are written "Smith J," (Vancouver)
		afterAnd    = false // the current name follows "and"
		firstForm   = 0     // 1: the first name starts with initials, 2: with a word
		names       = 0
		// invertedInits: a name was written "Smith, J."
		invertedInits = false
		// beforeAnd: lastGood before the last "and"; wordsBeforeAnd: the
		// piece before it was capitalised words with no initials
		beforeAnd      = 0
		wordsBeforeAnd = false
	)
	endName := func(end int) {
		lastGood = end
		names++
	}
	for i := 0; ; {
		t, ok := nextToken(s, i)
		if !ok {
			// the whole entry read as names: no structure to trust
			return 0
		}
		i = t.end
		w := t.s
		if t.start > 300 {
			return lastGood
		}
		first, _ := utf8.DecodeRuneInString(w)
		if unicode.IsDigit(first) && names == 0 && !prevSurOnly && !strings.ContainsAny(s[:t.start], ",.") {
			if y, _ := yearAt(s, t.start); y == "" {
				return 0 // "Physics 125 Course Notes": a title, not a name
			}
		}
		if first == '(' || first == '[' || first == '{' || isQuote(first) || unicode.IsDigit(first) {
			// a year, a quoted title or a number ends the list
			if pieceWords > 0 || pieceInit || prevSurOnly || names > 0 {
				return t.start
			}
			return lastGood
		}
		core := strings.TrimRight(w, ",;:.")
		lw := strings.ToLower(core)
		if lw == "et" || lw == "u.a" || lw == "and" && strings.HasPrefix(s[i:], " others") {
			if nt, ok := nextToken(s, i); ok && (strings.HasPrefix(nt.s, "al") || nt.s == "others" || strings.HasPrefix(nt.s, "others")) {
				e := nt.end
				if !strings.HasSuffix(nt.s, ".") && e < len(s) && s[e] == '.' {
					e++
				}
				return e
			}
			if lw == "u.a" {
				return t.end
			}
		}
		if core == "And" {
			core, lw = "and", "and"
		}
		if core == lw || core == "&" {
			switch core {
			case "and", "&", "und", "y", "et", "e", "och", "og", "en", "i":
				if core != "&" && pieceWords == 1 && !pieceInit && !initFirst && !prevSurOnly && invertedInits && names > 0 {
					// "Crammond, J., Scheduling and Variable Assignment":
					// in a list of "Surname, I." a lone word is the title's
					return lastGood
				}
				// a piece of words with no initials after a name may be
				// the start of the title, "Barringer, D. M., Coon
				// Mountain and its crater": where the list would end then
				beforeAnd, wordsBeforeAnd = lastGood, pieceWords > 0 && !pieceInit && !initFirst && names > 0
				if pieceWords > 0 || pieceInit || prevSurOnly {
					endName(t.start)
				}
				pieceWords, pieceInit, hasSurname, prevSurOnly, initFirst = 0, false, false, false, false
				afterAnd = true
				continue
			case "editor", "editors", "ed", "eds", "hrsg", "hg", "dir", "coord":
				if names > 0 || pieceWords > 0 || pieceInit || prevSurOnly {
					return t.end // the editors of a book
				}
			}
		}
		if core == "" {
			continue
		}
		initial := isInitial(w)
		if c := strings.IndexByte(core, ','); !initial && c > 0 && c+1 < len(core) && isInitial(core[c+1:]+".") && unicode.IsUpper(first) {
			// "Schuraytz,B.C.,": a family name and initials with no space
			endName(t.end)
			if last := w[len(w)-1]; last != ',' && last != ';' {
				return t.end
			}
			pieceWords, pieceInit, hasSurname, prevSurOnly, initFirst, afterAnd = 0, false, false, false, false, false
			continue
		}
		if pieceWords == 0 && !pieceInit && names > 0 && (!initial && titleStarts[core] || w == "A" && firstForm != 1 && articleStartsTitle(s, i)) {
			return lastGood // "…, Lloyd, J. W., The Godel Programming Language"
		}
		if !initial && !unicode.IsUpper(first) && !camelName(core) {
			if isParticle(core) {
				pieceWords++
				continue
			}
			// running text: the title has begun
			if afterAnd && wordsBeforeAnd && pieceWords == 0 && !pieceInit {
				return beforeAnd // "… Coon Mountain and its crater"
			}
			return lastGood
		}
		if !initial && firstForm == 1 && pieceWords == 0 && !pieceInit && names > 0 && !afterAnd {
			// "H. Fischer, Centre Pompidou": names in this list start with initials
			return lastGood
		}
		if initial {
			if pieceWords == 0 && !pieceInit && prevSurOnly {
				hasSurname = true // "Smith, J."
				invertedInits = true
			}
			if pieceWords == 0 && !pieceInit && !prevSurOnly && firstForm == 0 {
				firstForm = 1
			}
			if pieceWords == 0 {
				if !pieceInit && !prevSurOnly {
					initFirst = true
				}
				pieceInit = true
			}
		} else {
			if firstForm == 0 {
				firstForm = 2
			}
			pieceWords++
			pieceInit = false
			if pieceWords > 4 {
				return lastGood
			}
		}
		last := w[len(w)-1]
		if initial && pieceWords > 0 && isBareInitials(w) {
			bareInits = true
		}
		switch last {
		case ',', ';':
			surOnly := !initial && pieceWords == 1 && !hasSurname && !initFirst
			if initial || pieceWords > 0 {
				hasSurname = hasSurname || !initial
			}
			if initial && hasSurname || !surOnly {
				endName(t.end)
				hasSurname = false
			}
			prevSurOnly = surOnly
			pieceWords, pieceInit, initFirst, afterAnd = 0, false, false, false
			continue
		case ':':
			if initial && (hasSurname || pieceWords > 0 || prevSurOnly) {
				return t.end // "Daugherty CK, Hlubocky FJ: Title"
			}
			if names > 0 && !initFirst {
				return lastGood // "…, Lorho, B., Attribute Grammars: Definitions"
			}
			if pieceWords > 0 || hasSurname {
				return t.end
			}
			return lastGood
		case '.':
			if initial {
				named := hasSurname || pieceWords > 0
				nt, ok := nextToken(s, i)
				if !ok {
					return t.end
				}
				if isInitial(nt.s) && !isTitleWord(nt.s) {
					continue // more initials of the same name
				}
				nl := strings.ToLower(strings.TrimRight(nt.s, ",."))
				if nl == "and" || nl == "&" || nl == "et" || nl == "und" {
					continue
				}
				if !named {
					continue // "J. Smith": the family name follows
				}
				// "Paul J. Besl": a family name follows before a separator,
				// unless this is the given name of an inverted one
				// ("Levine, Robert S. Conspiracy and Romance")
				if !bareInits && !(prevSurOnly && pieceWords > 0) && nameFollows(s, nt) {
					continue
				}
				return t.end
			}
			switch core {
			case "Jr", "Sr", "St", "Ste", "Mc", "Mac", "Hon", "Dr", "Prof":
				continue
			}
			return t.end
		}
		if !initial {
			hasSurname = true
		}
	}
}

// articleStartsTitle reports whether the token after a bare "A" ending at
// i is a capitalised word rather than another initial: "A Fleeting
// Empire", not "A V.".
func articleStartsTitle(s string, i int) bool {
	nt, ok := nextToken(s, i)
	return ok && startsUpper(nt.s) && !isInitial(nt.s) && !strings.HasSuffix(nt.s, ",")
}

// isTitleWord reports a capitalised word that starts titles often and can
// look like an initial ("A", "I").
func isTitleWord(w string) bool {
	return w == "A" || w == "I" || w == "A:"
}

// nameFollows reports whether the token t and what follows read as the rest
// of a name: one capitalised word followed by a comma, "and", a period that
// ends the list, or a year.
func nameFollows(s string, t token) bool {
	r, _ := utf8.DecodeRuneInString(t.s)
	if !unicode.IsUpper(r) && !isParticle(t.s) {
		return false
	}
	w := t.s
	for k := 0; k < 3; k++ {
		switch w[len(w)-1] {
		case ',', ';':
			return true
		case '.':
			return !isInitial(w)
		}
		nt, ok := nextToken(s, t.end)
		if !ok {
			return true
		}
		nl := strings.ToLower(nt.s)
		if strings.HasPrefix(nt.s, "(") {
			return true
		}
		if nl == "and" || nl == "&" {
			nn, ok := nextToken(s, nt.end)
			return ok && (startsUpper(nn.s) || isParticle(nn.s))
		}
		r, _ := utf8.DecodeRuneInString(nt.s)
		if !unicode.IsUpper(r) && !isParticle(nt.s) {
			return false
		}
		t, w = nt, nt.s
	}
	return false
}

func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '‘', '‹', '\'', '‚', '»':
		return true
	}
	return false
}

// firstField returns strings.Fields(s)[0], or "" when s has no field.
func firstField(s string) string {
	for w := range strings.FieldsSeq(s) {
		return w
	}
	return ""
}

// splitNames returns the family names in an author list.
func splitNames(seg string) []string {
	seg = strings.TrimSpace(seg)
	seg = strings.TrimRight(seg, ",;:. ")
	var pieces []string
	start := 0
	for i := 0; i < len(seg); i++ {
		c := seg[i]
		switch {
		case c == ',' || c == ';' || c == '&':
			pieces = append(pieces, seg[start:i])
			start = i + 1
		case c == ' ':
			rest := seg[i+1:]
			for _, sep := range []string{"and ", "und ", "et ", "y ", "e "} {
				if strings.HasPrefix(rest, sep) && !strings.HasPrefix(rest, "et al") {
					pieces = append(pieces, seg[start:i])
					start = i + 1 + len(sep)
					i = start - 1
					break
				}
			}
		}
	}
	pieces = append(pieces, seg[start:])
	var names []string
	pending := false // the last name was a lone family name awaiting initials
	for _, p := range pieces {
		p = strings.TrimSpace(p)
		p = strings.TrimSuffix(strings.TrimSuffix(p, "et al."), "et al")
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(p); unicode.IsLower(r) && !isParticle(firstField(p)) && !camelName(firstField(p)) {
			continue // "editors", "ed."
		}
		switch strings.TrimRight(p, ".") {
		case "Jr", "Sr", "II", "III", "IV", "Ed", "Eds", "ed", "eds", "Hrsg", "Hg":
			continue
		}
		words := strings.Fields(p)
		firstInit := isInitial(words[0]) && !isParticle(words[0])
		allInit := true
		for _, w := range words {
			if !isInitial(w) {
				allInit = false
			}
		}
		switch {
		case allInit:
			if !pending && len(words) == 1 && len([]rune(strings.Trim(words[0], "."))) >= 2 && isBareInitials(words[0]) && len(names) == 0 {
				names = append(names, words[0]) // a short all-caps name such as "OECD"
			}
			pending = false
			continue
		case firstInit:
			// "J. Smith", "M. van der Berg"
			i := 0
			for i < len(words) && isInitial(words[i]) && !isParticle(words[i]) {
				i++
			}
			names = append(names, joinName(words[i:]))
			pending = false
		default:
			// "Smith", "Smith J", "van der Berg", "Jane Doe", "Pérez-Higueras JJ"
			j := len(words)
			for j > 1 && isInitial(words[j-1]) {
				j--
			}
			if pending && j <= 3 && !isParticle(words[0]) {
				pending = false // "Smith, John", "Burton, Robert P.": given names
				continue
			}
			if j < len(words) {
				names = append(names, joinName(words[:j]))
				pending = false
				continue
			}
			if len(words) == 1 || isParticle(words[0]) {
				names = append(names, joinName(words))
				pending = true
				continue
			}
			// "Jane Doe", "Ludwig van Beethoven": the last word with its particles
			i := len(words) - 1
			for i > 0 && isParticle(words[i-1]) {
				i--
			}
			names = append(names, joinName(words[i:]))
			pending = false
		}
	}
	return names
}

// joinName joins the words of a family name, trimming punctuation.
func joinName(words []string) string {
	n := strings.Join(words, " ")
	return strings.Trim(n, " ,;:.()[]")
}

// yearAt reads a year at s[i:]: "2019", "2019a", "(2019)", "(2019, May 3)",
// "(n.d.)", "n.d.". It returns the year and where it ends.
func yearAt(s string, i int) (year string, end int) {
	if i >= len(s) {
		return "", i
	}
	paren := false
	j := i
	if s[j] == '(' || s[j] == '[' {
		paren = true
		j++
	}
	if strings.HasPrefix(s[j:], "n.d.") || strings.HasPrefix(s[j:], "n. d.") || strings.HasPrefix(s[j:], "o.J.") || strings.HasPrefix(s[j:], "s.d.") {
		e := j + len("n.d.")
		if strings.HasPrefix(s[j:], "n. d.") {
			e = j + len("n. d.")
		}
		if paren {
			if k := strings.IndexAny(s[e:], ")]"); k >= 0 && k < 20 {
				e += k + 1
			}
		}
		return "n.d.", e
	}
	if paren {
		// "(2019, May 3)", "(May 3, 2019)", "(Spring 2019)"
		k := strings.IndexAny(s[j:], ")]")
		if k < 0 || k > 40 {
			return "", i
		}
		inner := s[j : j+k]
		if y := firstYear(inner); y != "" {
			return y, j + k + 1
		}
		return "", i
	}
	e := j
	for e < len(s) && s[e] >= '0' && s[e] <= '9' {
		e++
	}
	if e-j != 4 || !plausibleYear(s[j:e]) {
		return "", i
	}
	y := e
	if y < len(s) && s[y] >= 'a' && s[y] <= 'h' && (y+1 == len(s) || !refWordByte(s[y+1])) {
		y++
	}
	if y < len(s) && refWordByte(s[y]) {
		return "", i
	}
	if y < len(s) && (s[y] == '/' || s[y] == '-' || s[y] == '(') {
		return "", i
	}
	return s[j:y], y
}

// firstYear returns the first plausible year (with suffix) in s.
func firstYear(s string) string {
	for i := 0; i+4 <= len(s); i++ {
		if s[i] < '0' || s[i] > '9' || i > 0 && refWordByte(s[i-1]) {
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j-i == 4 && plausibleYear(s[i:j]) {
			e := j
			if e < len(s) && s[e] >= 'a' && s[e] <= 'h' && (e+1 == len(s) || !refWordByte(s[e+1])) {
				e++
			}
			if e == len(s) || !refWordByte(s[e]) {
				return s[i:e]
			}
		}
		i = j
	}
	if strings.Contains(s, "n.d.") {
		return "n.d."
	}
	return ""
}

// findYear finds the publication year in the part of an entry after the
// title: the first plausible year that is not a page range or a volume.
func findYear(s string) string {
	best := ""
	for i := 0; i+4 <= len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			continue
		}
		if i > 0 && (refWordByte(s[i-1]) || s[i-1] == '-' || s[i-1] == ':' || s[i-1] == '.' || s[i-1] == '/') {
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				i++
			}
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j-i == 4 && plausibleYear(s[i:j]) {
			e := j
			if e < len(s) && s[e] >= 'a' && s[e] <= 'h' && (e+1 == len(s) || !refWordByte(s[e+1])) {
				e++
			}
			ok := e == len(s) || !refWordByte(s[e])
			if ok && e < len(s) && (s[e] == '(' || s[e] == ':') {
				ok = false // a volume: "2019(3)", "2019:45"
			}
			if ok && e+1 < len(s) && (s[e] == '-' || strings.HasPrefix(s[e:], "–")) && s[min(e+1, len(s)-1)] >= '0' {
				// "1988–1992" may be a span of years or pages: keep the first
				// only when it is followed by another plausible year
				k := e + 1
				if s[e] != '-' {
					k = e + len("–")
				}
				if k+4 > len(s) || !plausibleYear(s[k:min(k+4, len(s))]) {
					ok = false
				}
			}
			if ok {
				if i > 0 && s[i-1] == '(' {
					return s[i:e]
				}
				if best == "" {
					best = s[i:e]
				}
			}
		}
		i = j
	}
	if best == "" && strings.Contains(s, "n.d.") {
		return "n.d."
	}
	return best
}

func plausibleYear(y string) bool {
	if len(y) != 4 {
		return false
	}
	return y >= "1500" && y <= "2099"
}

func isYearText(s string) bool {
	return len(s) >= 4 && plausibleYear(s[:4]) && (len(s) == 4 || len(s) == 5 && s[4] >= 'a' && s[4] <= 'z')
}

// titleAt reads a title at s[i:]: a quoted title, or the text up to the
// first sentence end. It returns the title and where it ends.
func titleAt(s string, i int) (title string, end int) {
	if i >= len(s) {
		return "", len(s)
	}
	if strings.HasPrefix(s[i:], "``") {
		if j := strings.Index(s[i+2:], "''"); j >= 0 {
			return s[i+2 : i+2+j], i + 2 + j + 2
		}
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if isQuote(r) && r != '\'' {
		closeQ := closingQuote(r)
		for j := i + n; j < len(s); {
			c, m := utf8.DecodeRuneInString(s[j:])
			if c == closeQ || closeQ == '"' && c == '”' || c == '"' && r == '“' {
				// a quote that closes at a word end
				if k := j + m; k == len(s) || !refWordByte(s[k]) {
					if quoteContinues(s[k:]) {
						break // "“Be like” et al. beyond America: …": a quote opening a longer title
					}
					return s[i+n : j], j + m
				}
			}
			j += m
		}
	}
	end = sentenceEnd(s, i)
	if c := containerComma(s, i, end); c > 0 {
		end = c
		if c := commaBeforeJournal(s, i, end); c > 0 {
			end = c // "Title, The Architects’ Journal, vol. 21"
		}
	} else if c := commaBeforeJournal(s, i, end); c > 0 {
		end = c
	} else if c := commaBeforeImprint(s, i, end); c > 0 {
		end = c
	}
	if c := commaBeforePublisher(s, i, end); c > 0 {
		end = c
	}
	if c := commaBeforeEditorNote(s, i, end); c > 0 {
		end = c
	}
	return s[i:end], end
}

// quoteContinues reports whether the text after a closing quote goes on
// with the title: a lower-case word other than "in", or a dash.
func quoteContinues(s string) bool {
	if !strings.HasPrefix(s, " ") {
		return false
	}
	s = s[1:]
	if strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "– ") {
		return true
	}
	w, _, _ := strings.Cut(s[:min(len(s), 40)], " ")
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	switch strings.TrimRight(w, ",.:") {
	case "in", "and", "und", "dans", "en", "em", "im", "pp", "p", "vol", "no", "trans", "ed", "eds", "edited", "translated", "by", "available", "retrieved", "accessed",
		"preprint", "submitted", "unpublished", "manuscript", "mimeo", "arxiv", "technical", "working":
		return false
	}
	return true
}

// containerStarts begin the container or genre after a title written
// without a full stop: "Title, Proc. of …", "Title, Journal of …".
var containerStarts = []string{"Proc", "Proceedings", "Journal", "J.", "Comm.", "Commun", "Trans", "IEEE", "ACM", "In ", "in ", "In:", "in:",
	"Ph.D", "PhD", "Master", "Tech", "Lecture Notes", "Springer", "MIT ", "University", "Univ.", "Dept", "Department", "Annals", "Ann.",
	"Bulletin", "Bull.", "Report", "Preprint", "preprint", "Doctoral", "Dissertation", "Thesis", "Conference", "Workshop", "Symposium",
	"International", "Internat", "Information", "Computer", "Computing", "Artificial", "Advances", "SIAM", "Kluwer", "Addison", "Prentice",
	"Academic", "Elsevier", "Wiley", "North-Holland", "Morgan", "Cambridge", "Oxford", "Science", "Nature", "Physical", "Phys", "to appear", "submitted", "paper ",
	"working paper", "Working paper", "Working Paper", "unpublished", "Unpublished"}

// stemWords are the whole words an abbreviated container start may be
// the beginning of: "Proc" starts "Proceedings" but not "Processes".
var stemWords = map[string]bool{"Proceedings": true, "Transactions": true, "Communications": true, "Technical": true,
	"International": true, "Internationale": true, "Physical": true, "Physics": true, "Bulletin": true, "Annals": true,
	"Commentarii": true, "Computational": true, "Masters": true, "Master's": true, "Master’s": true}

// stemWordOK reports whether rest, which starts with the container start
// c, starts with it as a word: c ends in punctuation or a space, the word
// is c itself, or the word is one c abbreviates.
func stemWordOK(rest, c string) bool {
	if last := c[len(c)-1]; last == '.' || last == ' ' || last == ':' {
		return true
	}
	if len(rest) == len(c) || !unicode.IsLetter(rune(rest[len(c)])) {
		return true
	}
	w := rest
	if i := strings.IndexAny(w, " ,.;:"); i >= 0 {
		w = w[:i]
	}
	return w == c || stemWords[w] || strings.HasPrefix(c, "Proceedings") || len(c) >= 7
}

// containerComma returns where a title in s[i:end] ends at a comma that
// is followed by a container, or 0.
func containerComma(s string, i, end int) int {
	depth := 0
	for j := i; j < end-1; j++ {
		switch s[j] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth > 0 || s[j+1] != ' ' || j-i < 8 {
				continue
			}
			rest := s[j+2:]
			for _, c := range containerStarts {
				if strings.HasPrefix(rest, c) && stemWordOK(rest, c) {
					return j
				}
			}
			if startsDetails(rest) || rest != "" && rest[0] == '(' && pagesAfterParenYear(rest) {
				return j
			}
		}
	}
	return 0
}

// commaBeforeJournal returns where a title in s[i:end] ends at a comma
// followed by a journal name and its numbers, as comma-separated styles
// write it ("Title, Math. Programming, 60 (1993), pp. 295–337", "Titre,
// Le Moyen Âge, 69, 1963, 75-86"), or 0. The journal's segment may run past
// end when its name is abbreviated ("Math.").
func commaBeforeJournal(s string, i, end int) int {
	depth := 0
	for j := i; j < end-1 && j < i+400; j++ {
		switch s[j] {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth > 0 || s[j+1] != ' ' || j-i < 8 {
				continue
			}
			if journalThenDetails(s[j+2:]) {
				return j
			}
		}
	}
	return 0
}

// commaBeforeImprint returns where a title in s[i:end] ends at a comma
// followed by the book's place and publisher and its year at the end of
// the entry, as French and other European styles write it ("Titre,
// Paris, Gallimard, 2000."), or 0.
func commaBeforeImprint(s string, i, end int) int {
	for j := i + 8; j < end-1 && j < i+400; j++ {
		if s[j] == ',' && s[j+1] == ' ' && imprintTail(s[j+2:]) {
			return j
		}
	}
	return 0
}

// imprintTail reports whether s is one to three capitalised segments
// separated by commas, then a year and little more: "Paris, Seuil, 2001.",
// "Editions Tchou, 1969".
func imprintTail(s string) bool {
	if len(s) > 200 {
		return false // too long for a place, a publisher and a year
	}
	segs := 0
	for segs < 4 {
		if len(s) >= 4 && allDigits(s[:4]) && plausibleYear(s[:4]) {
			rest := strings.TrimSpace(s[4:])
			return segs >= 1 && len(rest) <= 20 && !strings.ContainsAny(rest, ":;")
		}
		seg, rest, ok := strings.Cut(s, ", ")
		if !ok {
			return segs >= 1 && imprintEnd(seg)
		}
		if !imprintSegment(seg) {
			return false
		}
		segs++
		s = rest
	}
	return false
}

// pagesAfterYear reports whether s, the text after a year, goes on with a
// page range: ", 5-23".
func pagesAfterYear(s string) bool {
	s = strings.TrimLeft(s, ", ")
	pg, _ := numberAt(s, 0, true)
	return pg != "" && strings.ContainsAny(pg, "-–—")
}

// journalThenDetails reports whether s starts with a capitalised name,
// periods only after abbreviated words, followed by ", " or " " and a
// volume, issue, page or year.
func journalThenDetails(s string) bool {
	if !startsUpper(s) {
		return false
	}
	words := 0
	for j := 0; j < len(s) && j < 100; j++ {
		switch c := s[j]; c {
		case ',', ';':
			rest := strings.TrimLeft(s[j+1:], " ")
			if len(rest) >= 4 && allDigits(rest[:4]) && plausibleYear(rest[:4]) && !pagesAfterYear(rest[4:]) {
				return false // "Paris, Gallimard, 2000": a publisher and its year
			}
			return words <= 8 && rest != "" && (rest[0] >= '0' && rest[0] <= '9' && !numberInName(rest, 0) || startsDetails(rest) || startsRomanVolume(rest))
		case '.':
			if w := lastWord(s[:j]); j+1 < len(s) && s[j+1] == ' ' && !(isAbbrevWord(w) && len(w) <= 5) {
				return false
			}
		case ' ':
			words++
			if j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' && words >= 1 {
				// "Rev Med Suisse 2009;5: 1882-1889", "Geology 24, 963"
				k := j + 1
				for k < len(s) && s[k] >= '0' && s[k] <= '9' {
					k++
				}
				return k < len(s) && (s[k] == ';' || s[k] == ',' || s[k] == ':' || s[k] == '(') && words <= 8
			}
		case ':', '?', '!', '"':
			return false
		}
	}
	return false
}

func closingQuote(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '„':
		return '“'
	case '«':
		return '»'
	case '‘':
		return '’'
	case '‹':
		return '›'
	case '‚':
		return '‘'
	case '»':
		return '«'
	}
	return r
}

// sentenceEnd returns the index just past the end of the sentence (title or
// segment) starting at i: a period, question or exclamation mark followed by
// a space, not after an abbreviation or an initial.
func sentenceEnd(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		c := s[j]
		switch c {
		case '(', '[':
			if c == '(' && depth == 0 && j > i && s[j-1] == ' ' && publicationParen(s[j:]) {
				return j - 1 // "Title (New York: Norton, 1990)"
			}
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case '?', '!':
			if j+2 < len(s) && s[j+1] == ' ' && s[j+2] >= 'a' && s[j+2] <= 'z' && !strings.HasPrefix(s[j+2:], "in ") {
				continue // "It’s not or isn’t it? using large corpora …"
			}
			if j+1 == len(s) || s[j+1] == ' ' {
				return j + 1
			}
		case '.':
			if j+1 < len(s) && s[j+1] != ' ' {
				continue
			}
			if j+1 == len(s) {
				return j
			}
			if depth > 0 && j-i < 200 {
				continue
			}
			if romanPartAt(s, j+2) {
				continue // "Fourier integral operators. II."
			}
			w := lastWord(s[i:j])
			if isAbbreviation(w) {
				continue
			}
			return j
		case ',':
			// German and French chapter titles: "Titel, in: Buch"
			if strings.HasPrefix(s[j:], ", in:") || strings.HasPrefix(s[j:], ", In:") || strings.HasPrefix(s[j:], ", in ") && j+5 < len(s) && s[j+5] >= 'A' && s[j+5] <= 'Z' {
				return j
			}
			// "Title, trans. John Smith", "Title, ed. Jane Doe", "Title, 2 vols."
			if j > i && afterTitleNote(s[j+1:]) {
				return j
			}
		}
	}
	return len(s)
}

// titleNotes are the lower-case notes that follow a title after a comma:
// its translator, editor or number of volumes.
var titleNotes = []string{"trans. ", "transl. ", "tr. ", "translated by ", "ed. ", "eds. ", "edited by ", "ed. by ",
	"trad. ", "traduit par ", "hrsg. ", "hg. ", "übers. ", "introduction by ", "with an introduction", "foreword by "}

// afterTitleNote reports whether s, the text after a comma, starts a note
// on a title: "trans. …", "ed. …", "2 vols.".
func afterTitleNote(s string) bool {
	s = strings.TrimLeft(s, " ")
	for _, n := range titleNotes {
		if len(s) >= len(n) && strings.EqualFold(s[:len(n)], n) && s[0] >= 'a' && s[0] <= 'z' {
			return true
		}
	}
	if strings.HasPrefix(s, "Rev. ed") || strings.HasPrefix(s, "rev. ed") || isSideNote(s) && s[0] >= '0' && s[0] <= '9' {
		return true // "Rev. ed.", "2nd ed."
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i <= 2 && (strings.HasPrefix(s[i:], " vols") || strings.HasPrefix(s[i:], " Bde") || strings.HasPrefix(s[i:], " tomes"))
}

// publicationParen reports whether s starts with a parenthesis holding a
// book's facts of publication: a place, a colon, a publisher and a year,
// "(London: Hurst and Blackett, 1938)", or a translator or editor,
// "(trans.)", "(ed.)".
func publicationParen(s string) bool {
	k := strings.IndexByte(s[:min(len(s), 162)], ')')
	if k < 0 || k > 160 {
		return false
	}
	in := s[1:k]
	switch strings.ToLower(strings.TrimRight(in, ".")) {
	case "trans", "tr", "ed", "eds", "transl", "hrsg", "hg":
		return true
	}
	if !startsUpper(in) || strings.Contains(in, "(") {
		return false
	}
	if c := strings.Index(in, ": "); c > 0 && c < 60 && startsUpper(in[c+2:]) && (firstYear(in[c:]) != "" || looksPublisher(in[c:])) {
		return true // "(London: Hurst and Blackett, 1938)", "(New York: Plenum)"
	}
	l := strings.ToLower(in)
	if strings.HasSuffix(l, ", trans.") || strings.HasSuffix(l, ", eds.") || strings.HasSuffix(l, ", ed.") || strings.HasSuffix(l, ", trans") {
		return true // "(H. J. Silverman, Trans.)"
	}
	// "(Oxford University Press, 2000)", "(Berlin, 1996)", and any
	// "(…, 2005)" that ends the entry
	k = strings.LastIndex(in, ", ")
	if k <= 0 || !isYearText(strings.TrimRight(in[k+2:], ".")) {
		return false
	}
	return looksPublisher(in[:k]) || strings.Trim(s[len(in)+2:], " .,;") == ""
}

// romanPartAt reports whether s[i:] starts with the Roman number of a
// part of a title, "I." to "X.", followed by a space or the end.
func romanPartAt(s string, i int) bool {
	j := i
	for j < len(s) && j-i < 4 && (s[j] == 'I' || s[j] == 'V' || s[j] == 'X') {
		j++
	}
	return j > i && j < len(s) && s[j] == '.' && (j+1 == len(s) || s[j+1] == ' ')
}

// isAbbreviation reports a word after which a period does not end a title.
func isAbbreviation(w string) bool {
	switch w {
	case "vs", "v", "e.g", "i.e", "etc", "St", "Dr", "Mr", "Mrs", "Ms", "U.S", "U.K", "U.S.A", "Jr", "Sr", "cf", "al", "ca", "approx", "Inc", "Ltd", "Co", "No", "no", "Vol", "vol", "Fig", "Nos", "Mt", "Ft":
		return true
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return false
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

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.",
	"Oct.", "Nov.", "Dec.", "Spring", "Summer", "Fall", "Autumn", "Winter",
	"janvier", "février", "mars ", "avril", "mai ", "mai-", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
	"Januar", "Februar", "März", "Juni", "Juli", "Oktober", "Dezember", "enero", "febrero", "marzo", "abril", "mayo",
	"junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre", "Jan ", "Feb ", "Mar ", "Apr ", "Jun ",
	"Jul ", "Aug ", "Sep ", "Oct ", "Nov ", "Dec "}

// startsDate reports whether s starts with a month or a year.
func startsDate(s string) bool {
	if startsOneOf(s, months, &monthStart) {
		return true
	}
	y, _ := yearAt(s, 0)
	return y != ""
}

var countries = map[string]bool{"USA": true, "U.S.A": true, "UK": true, "U.K": true, "Germany": true, "France": true,
	"Canada": true, "Japan": true, "Italy": true, "Spain": true, "Netherlands": true, "Switzerland": true,
	"Austria": true, "Australia": true, "China": true, "Sweden": true, "England": true, "Belgium": true,
	"Denmark": true, "Norway": true, "Finland": true, "Israel": true, "India": true, "Brazil": true, "Greece": true}

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

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
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

// detailWords start the numeric details of a container.
var detailWords = []string{
	"vol.", "Vol.", "vol ", "Vol ", "Volume ", "volume ", "Bd.", "Jg.", "no.", "No.", "nr.", "Nr.", "issue ", "Issue ",
	"pp.", "pp ", "p.", "S.", "pages ", "page ", "Pp.", "n°", "N°", "núm.", "t.", "Heft ", "H. ", "v. ", "v.", "vols. ", "Vols. ",
}

// startsDetails reports whether s starts with a volume, issue or page marker.
func startsDetails(s string) bool {
	if s == "" || !detailStart[s[0]] {
		return false
	}
	for _, d := range detailWords {
		if strings.HasPrefix(s, d) {
			rest := strings.TrimLeft(s[len(d):], " ")
			if rest != "" && (rest[0] >= '0' && rest[0] <= '9' || d[0] == 'v' || d[0] == 'V') {
				return true
			}
		}
	}
	return false
}

// scanNumbers reads volume, issue and pages from the details of a
// container: "vol. 3, no. 2, pp. 45–67", "12(3):45-67", "85, 768-776",
// "2019;12(3):45-67", "29(5), 2010".
func scanNumbers(r *Reference, s string) {
	for i := 0; i < len(s); {
		rest := s[i:]
		matched := false
		for _, d := range detailWords {
			if !detailStart[rest[0]] {
				break
			}
			if !strings.HasPrefix(rest, d) || i > 0 && refWordByte(s[i-1]) {
				continue
			}
			k := i + len(d)
			for k < len(s) && s[k] == ' ' {
				k++
			}
			num, e := numberAt(s, k, d[0] == 'p' || d[0] == 'P' || d[0] == 'S' || d[0] == 'H' && d != "H. ")
			if num == "" {
				continue
			}
			switch d[0] {
			case 'v', 'V', 'B', 'J', 't':
				if r.Volume == "" {
					r.Volume = num
				}
			case 'n', 'N', 'i', 'I', 'H':
				if d[0] == 'n' && d[1] == '°' || d[0] == 'N' && d != "Nr." && d != "No." {
					if r.Volume == "" {
						r.Volume = num
						break
					}
				}
				if r.Issue == "" {
					r.Issue = num
				}
			default:
				if r.Pages == "" {
					r.Pages = num
				}
			}
			i = e
			matched = true
			break
		}
		if matched {
			continue
		}
		c := s[i]
		if c < '0' || c > '9' || i > 0 && (refWordByte(s[i-1]) || s[i-1] == '-' || s[i-1] == '.') {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		n := s[i:j]
		next := byte(0)
		if j < len(s) {
			next = s[j]
		}
		switch {
		case j-i == 4 && plausibleYear(n) && (next == ';' || next == 0 || next == ',' || next == '.' || next == ')' || next == ' '):
			if r.Year == "" && next == ';' {
				r.Year = n
			}
			i = j
			continue
		case next == '(' || next == ' ' && j+1 < len(s) && s[j+1] == '(':
			// "12(3)" or "12 (3)"
			k := j
			if next == ' ' {
				k++
			}
			e := strings.IndexByte(s[k:], ')')
			if e > 0 && e < 15 {
				if r.Volume == "" {
					r.Volume = n
				}
				in := strings.TrimSpace(s[k+1 : k+e])
				if isYearText(in) && allDigits(in[:4]) {
					// "60 (1993)": the year, not an issue
					if r.Year == "" {
						r.Year = in
					}
				} else if r.Issue == "" {
					r.Issue = in
				}
				p := k + e + 1
				p = skipSep(s, p)
				if pg, pe := numberAt(s, p, true); pg != "" && r.Pages == "" && !isBareYear(s, p, pe) {
					r.Pages = pg
					p = pe
				}
				i = p
				continue
			}
		case next == ':' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9':
			// "40:1477-81"
			if r.Volume == "" {
				r.Volume = n
			}
			if pg, pe := numberAt(s, j+1, true); pg != "" && r.Pages == "" {
				r.Pages = pg
				i = pe
				continue
			}
		case next == '-' || strings.HasPrefix(s[j:], "–") || strings.HasPrefix(s[j:], "—"):
			if pg, pe := numberAt(s, i, true); pg != "" && r.Pages == "" && !dateRange(s, i, pe) && !reportNumber(s, i) {
				r.Pages = pg
				i = pe
				continue
			}
		case next == ',' || next == ':' || next == ' ' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9':
			// "85, 768-776", "106, 4894", "8, 117–129"
			p := skipSep(s, j)
			if r.Volume == "" && r.Pages == "" && j-i <= 4 {
				if pg, pe := numberAt(s, p, true); pg != "" && !isBareYear(s, p, pe) {
					r.Volume = n
					if issueBeforeDate(s, pg, pe) {
						// "36, 3 (1988), 454-469": volume, issue, date, pages
						r.Issue = pg
						i = pe
						continue
					}
					r.Pages = pg
					i = pe
					continue
				}
			}
		}
		if next == '.' && r.Volume == "" && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
			// "Film Comment 40.1 (January 2004)": MLA's volume.issue
			k := j + 1
			for k < len(s) && s[k] >= '0' && s[k] <= '9' {
				k++
			}
			if k-j <= 3 && j-i <= 3 && (strings.HasPrefix(s[k:], " (") || k < len(s) && s[k] == ',') {
				r.Volume = n
				if r.Issue == "" {
					r.Issue = s[j+1 : k]
				}
				i = k
				if c := strings.IndexByte(s[k:], ')'); c > 0 && c < 40 && r.Pages == "" {
					// "(January 2004): 17": the pages after the date
					p := skipSep(s, k+c+1)
					if pg, pe := numberAt(s, p, true); pg != "" && !isBareYear(s, p, pe) {
						r.Pages = pg
						i = pe
					}
				}
				continue
			}
		}
		if r.Pages == "" && pageCountAt(s, j) && (i == 0 || s[i-1] == ' ' || s[i-1] == ',') && !(j-i == 4 && plausibleYear(n)) {
			r.Pages = n // "368 pp.": the number of pages of a book
			i = j
			continue
		}
		if r.Volume == "" && r.Pages == "" && j-i <= 4 && !(j-i == 4 && plausibleYear(n)) && i == firstDigit(s) && !(next == ' ' && startsDate(s[j+1:])) &&
			(next == ',' || next == ';' || next == ' ' || next == 0) && (i == 0 || s[i-1] == ' ') && !dayOfMonth(s, i) && !pageCountAt(s, j) {
			r.Volume = n
		}
		i = j
	}
}

// firstDigit returns the index of the first digit in s.
func firstDigit(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return i
		}
	}
	return -1
}

// isBareYear reports whether s[i:e] is a lone plausible year.
func isBareYear(s string, i, e int) bool {
	return e-i == 4 && plausibleYear(s[i:e])
}

func skipSep(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == ',' || s[i] == ':' || s[i] == '.') {
		i++
	}
	return i
}

// numberAt reads a number, or with pages a range ("45–67", "e1002",
// "26:1–26:15", "S12-S19"), at s[i:].
func numberAt(s string, i int, pages bool) (num string, end int) {
	j := i
	ok := false
	for j < len(s) {
		c := s[j]
		switch {
		case c >= '0' && c <= '9':
			ok = true
			j++
			continue
		case pages && (c == 'e' || c == 'S' || c == 'A' || c == 'R') && j == i && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9':
			j++
			continue
		case pages && ok && (c == '-' || c == ':'):
			if j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
				j++
				continue
			}
			if j+2 < len(s) && (s[j+1] == 'S' || s[j+1] == 'e') && s[j+2] >= '0' && s[j+2] <= '9' {
				j += 2
				continue
			}
		case pages && ok && c == 0xe2: // "–" or "—"
			if strings.HasPrefix(s[j:], "–") || strings.HasPrefix(s[j:], "—") {
				if k := j + 3; k < len(s) && (s[k] >= '0' && s[k] <= '9' || s[k] == 'S' || s[k] == 'e') {
					j = k
					continue
				}
			}
		case !pages && !ok && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && j < i+6:
			// roman volume numbers: "vol. ii", "Bd. IV"
			j++
			continue
		}
		break
	}
	if !ok && !(j > i && !pages && isRoman(s[i:j])) {
		return "", i
	}
	if !pages && j > i && !ok && !isRoman(s[i:j]) {
		return "", i
	}
	if j > i && ok && !pages && (s[i] < '0' || s[i] > '9') {
		return "", i
	}
	return s[i:j], j
}

func isRoman(s string) bool {
	if s == "" {
		return false
	}
	// rune by rune, as strings.ToLower(s) would lower it
	for _, c := range s {
		switch unicode.ToLower(c) {
		case 'i', 'v', 'x', 'l', 'c':
		default:
			return false
		}
	}
	return true
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

// serialWords mark the name of a journal, series or proceedings.
var serialWords = []string{"Journal", "J.", "Review", "Rev.", "Proceedings", "Proc", "Trans", "Bulletin", "Bull.", "Letters", "Lett",
	"Quarterly", "Studies", "Magazine", "Annals", "Ann.", "Conference", "Symposium", "Workshop", "Zeitschrift", "Revue", "Rivista",
	"Archiv", "Acta", "Research", "Science", "Times", "Post", "News", "Gazette", "Herald", "Tribune", "Report", "Notes", "Series",
	"Papers", "Forum", "Today", "Weekly", "Monthly", "Daily", "Digest", "Observer", "Guardian", "Economist", "Nature", "Cell", "Lancet"}

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

// publisherWords mark a publisher's name.
var publisherWords = []string{
	"Press", "Publishing", "Publishers", "Publisher", "Verlag", "Books", "Wiley", "Springer", "Elsevier",
	"Routledge", "Sage", "SAGE", "Penguin", "Macmillan", "Norton", "Blackwell", "Erlbaum", "Guilford",
	"Academic", "Éditions", "Editions", "Gallimard", "Harper", "Random House", "Knopf", "Brill", "Taylor",
	"Kaufmann", "Addison", "Wesley", "Prentice", "Sons", "McGraw", "Plenum", "Pergamon", "Kluwer", "Morgan",
	"Freeman", "Basic Books", "Cambridge", "Oxford", "Princeton", "Yale", "Harvard", "Verlag", "Dover", "Holt",
}

// looksPublisher reports whether a segment names a publisher.
func looksPublisher(s string) bool { return containsAnyWord(s, publisherWords) }

// cleanField trims white space, surrounding quotes and trailing
// punctuation from a field.
func cleanField(s string) string {
	s = strings.TrimSpace(s)
	for {
		t := strings.TrimRight(s, " ,;:.")
		t = strings.TrimLeft(t, " ,;:.")
		r, n := utf8.DecodeRuneInString(t)
		if n > 0 && isQuote(r) && r != '\'' {
			t = t[n:]
		}
		r, n = utf8.DecodeLastRuneInString(t)
		if n > 0 && isQuote(r) && r != '\'' {
			t = t[:len(t)-n]
		}
		t = strings.TrimSpace(t)
		if t == s {
			break
		}
		s = t
	}
	if strings.HasSuffix(s, ")") {
		// "Title (2nd ed.)"
		if i := strings.LastIndex(s, " ("); i > 0 && strings.Contains(s[i:], "ed") && len(s)-i < 20 {
			s = strings.TrimRight(s[:i], " ,.")
		}
	}
	return s
}

func skipPunct(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case ' ', '.', ',', ';', ':', ')', ']':
			i++
			continue
		}
		break
	}
	return i
}

func refWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// hasDetailDigits reports whether s holds a number other than a year.
func hasDetailDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j+1 < len(s) && (s[j:j+2] == "th" || s[j:j+2] == "nd" || s[j:j+2] == "rd" || s[j:j+2] == "st") && strings.Contains(s[j:min(len(s), j+14)], "ed") {
			i = j
			continue // "5th edition", "2nd ed."
		}
		if !(j-i == 4 && plausibleYear(s[i:j])) {
			return true
		}
		i = j
	}
	return false
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
