package citations

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// This file reads label citations: a bracketed key that labels an entry of
// the document's reference list, as RFCs and Internet-Drafts cite ("[HTTP]",
// "[RFC6749]") and alphabetic styles do ("[Smi19]", "[BAD10]"). A bracketed
// word is a citation only where an entry carries it as its label: "[sic]"
// and "[edit]" are not. A list labelled in an alphabetic style is the one
// exception: there a bracketed key of the same shape, "[Müll16a]", is a
// citation whose entry is missing.

// maxLabelGroup bounds the bracket a label citation is read from:
// "[RFC6749, Section 4.2; RFC6750]".
const maxLabelGroup = 96

// maxAlphaLetters bounds the letters of an alphabetic style's label:
// "FeNaSá23" has six, one per author's first two.
const maxAlphaLetters = 8

// labelSet is what label citations are read against: the labels of the
// document's entries.
type labelSet struct {
	// known holds the labels that are not numbers, as written: "HTTP",
	// "Müll19a", and DIN's year-only "21a".
	known map[string]bool
	// numbers holds the numeric labels, as written: "20". Alone in
	// brackets they are numeric citations; beside a label they are labels
	// ("[20; 21a]").
	numbers map[string]bool
	// alpha is set when the list is labelled in an alphabetic style (DIN
	// 1505-2, BibTeX's alpha): most of its labels are names abbreviated
	// before two digits of the year. A bracketed key of that shape is then
	// a citation, its entry missing or not.
	alpha bool
}

// entryLabels returns the labels of the entries of lists.
func entryLabels(lists []ReferenceList) labelSet {
	s := labelSet{known: map[string]bool{}, numbers: map[string]bool{}}
	alpha := 0
	for _, l := range lists {
		for _, e := range l.Entries {
			switch {
			case e.Label == "" || s.known[e.Label] || s.numbers[e.Label]:
			case labelNumber(e.Label) >= 0:
				s.numbers[e.Label] = true
			default:
				s.known[e.Label] = true
				if alphaLabel(e.Label) {
					alpha++
				}
			}
		}
	}
	s.alpha = alpha >= 3 && 2*alpha >= len(s.known)
	return s
}

// alphaLabel reports whether s is shaped as an alphabetic style's label:
// the authors' names abbreviated, opening with a capital, then two digits
// of the year and perhaps a letter: "Müll19a", "BrAh20", "AOBM22",
// "O’Co20", "BeÓ Çe21", biblatex's "Doe+20". "RFC6749" and "sic" are not.
func alphaLabel(s string) bool {
	letters, i := 0, 0
	for i < len(s) && letters <= maxAlphaLetters {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) && (letters > 0 || unicode.IsUpper(r)):
			letters++
		case letters > 0 && (r == '’' || r == '\'' || r == '+' || r == '-' || r == ' ' && s[i-1] != ' '):
		default:
			return letters > 0 && letters <= maxAlphaLetters && s[i-1] != ' ' && yearLabel(s[i:])
		}
		i += size
	}
	return false
}

// yearLabel reports whether s is two digits of a year and perhaps a
// letter, "19", "21a": DIN's label of a work with no author to abbreviate,
// and the end of every other.
func yearLabel(s string) bool {
	if len(s) < 2 || len(s) > 3 || !isDigit(s[0]) || !isDigit(s[1]) {
		return false
	}
	return len(s) == 2 || s[2] >= 'a' && s[2] <= 'z'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// onlyDigits reports whether s is a number, which the numeric scanner
// reads.
func onlyDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// cutSee drops the "see" or "cf." that may open a bracketed citation,
// returning the rest and where it starts.
func cutSee(part string, start int) (string, int) {
	for _, p := range []string{"see also ", "See also ", "see ", "See ", "cf. ", "Cf. ", "e.g. ", "e.g., "} {
		if strings.HasPrefix(part, p) {
			return part[len(p):], start + len(p)
		}
	}
	return part, start
}

// labelCitations returns the label citations of the text, in order: one per
// label of a bracket, "[HTTP]", "[RFC2119, RFC8174]" (two), with the
// place in the work that follows a label as its Locator ("[HTTP, Section
// 6]", "[BEARER, section 3.1]"). Span covers the label, Group the bracket.
// Only the labels of labels count, as written, and in an alphabetic list
// the keys shaped like them; keep says which brackets to read. It returns
// ok false past limit citations.
func labelCitations(text string, labels labelSet, keep func(group sources.Span) bool, limit int) (out []Citation, ok bool) {
	if len(labels.known) == 0 {
		return nil, true // numbers alone are numeric citations
	}
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '[')
		if j < 0 {
			break
		}
		open := i + j
		i = open + 1
		if open > 0 && refWordByte(text[open-1]) {
			continue // an index, "a[HTTP]"
		}
		end := strings.IndexAny(text[open+1:min(len(text), open+1+maxLabelGroup)], "[]\n")
		if end < 0 || text[open+1+end] != ']' {
			continue
		}
		closeAt := open + 1 + end
		group := sources.Span{Start: open, End: closeAt + 1}
		cits := labelGroup(text, open+1, closeAt, labels, group)
		if len(cits) == 0 || keep != nil && !keep(group) {
			continue
		}
		if len(out)+len(cits) > limit {
			return nil, false
		}
		out = append(out, cits...)
		i = closeAt + 1
	}
	return out, true
}

// labelGroup reads the citations of the bracket text[from:to]: parts
// separated by commas or semicolons, each a label or the locator of the
// label before it. A part is a label when an entry carries it; when it
// is a number an entry carries, or in an alphabetic list two digits and
// perhaps a letter, after a semicolon ("[22; Müll19a, p.112]": after a
// comma a number is a page); and in an alphabetic list when it is shaped
// like the list's labels ("[Müll16a]"). The first part must be a label,
// and a part after a semicolon may be one, after a "see" or "cf."
// perhaps. A bracket of numbers alone is no label citation: the numeric
// scanner reads it.
func labelGroup(text string, from, to int, labels labelSet, group sources.Span) []Citation {
	var out []Citation
	named := false // a label that is not a number was read
	sep := byte(0) // the separator before the part
	for p := from; p <= to; {
		q := to
		if k := strings.IndexAny(text[p:to], ",;"); k >= 0 {
			q = p + k
		}
		start, end := p, q
		for start < end && text[start] == ' ' {
			start++
		}
		for end > start && text[end-1] == ' ' {
			end--
		}
		part, pstart := text[start:end], start
		opens := len(out) == 0 || sep == ';'
		if opens {
			part, pstart = cutSee(part, start) // "[see NgTr19]", "[…; see also VrJaBa20]"
		}
		// after a comma too: "[RFC2119, RFC8174]"
		cited := labels.known[part] || labels.alpha && alphaLabel(part) ||
			opens && (labels.numbers[part] || labels.alpha && yearLabel(part))
		switch {
		case cited:
			named = named || !onlyDigits(part)
			out = append(out, Citation{Kind: KindLabel, Span: sources.Span{Start: pstart, End: end}, Group: group,
				Text: part, Number: part})
		case len(out) > 0 && end > start:
			c := &out[len(out)-1]
			if c.Locator != "" {
				c.Locator += ", "
			}
			c.Locator += text[start:end]
		default:
			return nil // "[sic]", "[see HTTP]": not a label citation
		}
		if q < to {
			sep = text[q]
		}
		p = q + 1
	}
	if !named {
		return nil // "[20]", "[20; 22]": numeric citations
	}
	return out
}
