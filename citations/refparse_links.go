package citations

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// This file holds what ParseReference cuts from an entry before it reads
// the fields: Wikipedia's back-links, the entry's label, its DOI and URL,
// and access notes and identifiers that belong to no field.

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
		// the closer within the longest label, not anywhere in the rest
		j := strings.IndexByte(s[:min(len(s), 17)], closer)
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
			// "[O’Co20]", an alphabetic style's label for O'Connell
			if !(unicode.IsLetter(c) || unicode.IsDigit(c) || c == '+' || c == ' ' || c == '-' || c == '_' || c == ':' || c == '.' || c == '’' || c == '\'') {
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
	u, d := nextURLStart(s, i), nextDOIStart(s, i)
	switch {
	case u >= 0 && (d < 0 || u < d):
		return u, urlEnd(s, u), 'u'
	case d >= 0:
		return d, tokenEnd(s, d), 'd'
	}
	return 0, 0, 0
}

// nextURLStart returns where the first URL at or after i starts: "http://",
// "https://", or "www." opening a word; -1 when none does. Each is looked
// for with strings.Index.
func nextURLStart(s string, i int) int {
	h := -1
	for k := i; k < len(s); {
		j := strings.Index(s[k:], "http")
		if j < 0 {
			break
		}
		j += k
		if strings.HasPrefix(s[j+4:], "://") || strings.HasPrefix(s[j+4:], "s://") {
			h = j
			break
		}
		k = j + 1
	}
	end := len(s)
	if h >= 0 {
		end = h // a "www." after the first "http" does not come first
	}
	for k := i; k < end; {
		j := strings.Index(s[k:end], "www.")
		if j < 0 {
			break
		}
		j += k
		if (j == 0 || !refWordByte(s[j-1])) && j+4 < len(s) && refWordByte(s[j+4]) {
			return j
		}
		k = j + 1
	}
	return h
}

// nextDOIStart returns where the first DOI at or after i starts: "10.",
// not inside a word or number, then four digits or more and a slash; -1
// when none does.
func nextDOIStart(s string, i int) int {
	for k := i; k < len(s); {
		j := strings.Index(s[k:], "10.")
		if j < 0 {
			return -1
		}
		j += k
		if j == 0 || !refWordByte(s[j-1]) && s[j-1] != '.' {
			n := j + 3
			for n < len(s) && s[n] >= '0' && s[n] <= '9' {
				n++
			}
			if n-(j+3) >= 4 && n < len(s) && s[n] == '/' {
				return j
			}
		}
		k = j + 1
	}
	return -1
}

// urlEnd returns where the URL at i ends. A URL that PDF extraction broke
// with a space ("https://www.cia.gov/ library/publications/…") goes on
// when the part before the break ends in a slash or a dot, or the part after
// it starts with a slash or is a lower-case path with a slash; one an RFC
// wrapped after a hyphen ("https://developer.mozilla.org/en- US/Apps/…")
// when the part after it holds a slash.
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
		hyphenWrap := last == '-' && strings.Contains(nt, "/")
		if !(last == '/' && nt[0] >= 'a' && nt[0] <= 'z' || lowerPath || hyphenWrap || nt[0] == '/' || nt[0] == '-' && last != '.') {
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

// normalizeDOI returns the DOI in s, from its "10." on, without the
// punctuation around it, in the form sources.DOIKey gives (the one
// definition of a DOI's identity), or "" when s holds none.
func normalizeDOI(s string) string {
	i := strings.Index(s, "10.")
	if i < 0 {
		return ""
	}
	d := trimURL(s[i:])
	if !strings.Contains(d, "/") {
		return ""
	}
	return sources.DOIKey(d)
}

// doiFromURL returns the DOI a doi.org link names, as sources.DOIFromURL
// reads it, or "". An entry may write the link without its scheme
// ("www.doi.org/10.…").
func doiFromURL(u string) string {
	u = trimURL(u)
	if len(u) > 4 && strings.EqualFold(u[:4], "www.") {
		u = "https://" + u
	}
	return sources.DOIFromURL(u)
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
