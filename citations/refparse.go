package citations

import (
	"strings"
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

// parse reads the fields of the entry into r: the authors, a year next to
// them, the title, a year after it, and what follows the title.
func (p *refParser) parse(r *Reference) {
	s := p.s
	authorEnd, sameAuthors := p.authors(r)
	hasAuthors := len(r.Authors) > 0 || sameAuthors
	pos := skipPunct(s, authorEnd)
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
		pos = skipPunct(s, originalDateEnd(s, skipPunct(s, end)))
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

// authors reads the author list at the start of the entry into r and
// returns where it ends. sameAuthors reports a dash that stands for the
// authors of the entry before, which leaves r.Authors empty.
func (p *refParser) authors(r *Reference) (end int, sameAuthors bool) {
	s := p.s
	if e := repeatedAuthorsEnd(s); e > 0 {
		return e, true // "———. Title": the authors of the entry before
	}
	end, corporate := scanCorporate(s)
	if end > 0 {
		r.Authors = []string{corporate}
	} else {
		end = scanAuthors(s)
		if end > 0 && soleNameIsOrganisation(s[:end], s[end:]) {
			r.Authors = []string{cleanField(s[:end])}
		} else if end > 0 {
			r.Authors = splitNames(s[:end])
			if len(r.Authors) == 0 {
				end = 0
			}
		}
	}
	if len(r.Authors) > 0 && titleReadAsAuthors(s, end) {
		// "The Arrival. Dir. David Twohy.", "CIA World Factbook.
		// Washington, DC: …": an entry with no author starts with its title
		r.Authors, end = nil, 0
	}
	return end, false
}
