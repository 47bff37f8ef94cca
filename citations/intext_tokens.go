package citations

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// scanTokKind says what a token of a citation candidate is.
type scanTokKind uint8

const (
	tokWord  scanTokKind = iota + 1 // letters, with inner apostrophes and hyphens
	tokNum                          // digits, with an optional one-letter suffix ("2019a")
	tokPunct                        // any other single character
)

// scanToken is one word, number or punctuation character of a citation
// candidate; start and end are byte offsets into the scanned text.
type scanToken struct {
	start, end int
	kind       scanTokKind
	r          rune // the character of a tokPunct
}

// maxTokens bounds the tokens looked at for one candidate.
const maxTokens = 96

// scanTokens splits s[start:end] into tokens, appending to dst. It stops after
// maxTokens tokens and reports whether it reached end.
func scanTokens(dst []scanToken, s string, start, end int) ([]scanToken, bool) {
	i := start
	for i < end {
		if len(dst) >= maxTokens {
			return dst, false
		}
		c := s[i]
		if c == ' ' || c == '\t' || c == '\r' {
			i++
			continue
		}
		if c >= '0' && c <= '9' {
			j := i + 1
			for j < end && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			// a one-letter year suffix: "2019a", not "2019ab" or "12th"
			if j < end && s[j] >= 'a' && s[j] <= 'z' && j-i == 4 && (j+1 == end || !isWordByte(s, j+1, end)) {
				j++
			}
			dst = append(dst, scanToken{start: i, end: j, kind: tokNum})
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:end])
		if r == utf8.RuneError && n <= 1 {
			dst = append(dst, scanToken{start: i, end: i + 1, kind: tokPunct, r: r})
			i++
			continue
		}
		if unicode.IsLetter(r) {
			j := scanWord(s, i, end)
			dst = append(dst, scanToken{start: i, end: j, kind: tokWord})
			i = j
			continue
		}
		if r == ' ' || unicode.IsSpace(r) {
			i += n
			continue
		}
		dst = append(dst, scanToken{start: i, end: i + n, kind: tokPunct, r: r})
		i += n
	}
	return dst, true
}

// isWordByte reports whether the rune at s[i:] is a letter or digit.
func isWordByte(s string, i, end int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:end])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// scanWord returns the end of the word starting at s[i]: letters and
// combining marks, apostrophes and hyphens between letters ("O'Neil",
// "Smith-Jones"), dotted abbreviations ("e.g.", "n.d.") and a final period
// after an abbreviation or an initial ("al.", "J.").
func scanWord(s string, i, end int) int {
	j := i
	for j < end {
		r, n := utf8.DecodeRuneInString(s[j:end])
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			j += n
			continue
		}
		if r == '\'' || r == '’' || r == '-' || r == '‐' {
			if j+n < end {
				r2, _ := utf8.DecodeRuneInString(s[j+n : end])
				if unicode.IsLetter(r2) {
					j += n
					continue
				}
			}
		}
		break
	}
	// dotted abbreviations: "e.g.", "i.e.", "n.d."
	if j+2 < end && s[j] == '.' && j-i <= 2 {
		r, n := utf8.DecodeRuneInString(s[j+1 : end])
		if unicode.IsLetter(r) && j+1+n < end && s[j+1+n] == '.' {
			return j + 1 + n + 1
		}
	}
	if j < end && s[j] == '.' {
		w := s[i:j]
		if utf8.RuneCountInString(w) == 1 || citeAbbrevs[strings.ToLower(w)] {
			j++
		}
	}
	return j
}

// abbreviations are the words whose period belongs to them rather than
// ending a sentence.
var citeAbbrevs = map[string]bool{
	"al": true, "et": true, "cf": true, "eg": true, "ie": true, "p": true, "pp": true,
	"para": true, "paras": true, "chap": true, "ch": true, "sec": true, "fig": true, "figs": true,
	"eq": true, "eqs": true, "vol": true, "vols": true, "no": true, "nos": true, "col": true,
	"ed": true, "eds": true, "dr": true, "st": true, "jr": true, "sr": true, "inc": true,
	"ltd": true, "co": true, "corp": true, "n": true, "nd": true, "tab": true, "suppl": true,
	"ll": true, "esp": true, "viz": true, "ibid": true, "op": true, "cit": true, "ff": true,
	"prof": true, "mr": true, "mrs": true, "ms": true, "vs": true, "approx": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// text returns the text of a token.
func (t scanToken) text(s string) string { return s[t.start:t.end] }

// capitalWord reports whether a token is a word starting with a capital.
func capitalWord(s string, t scanToken) bool {
	if t.kind != tokWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[t.start:t.end])
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// allCapitals reports whether a word has no lower-case letters ("WHO").
func allCapitals(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// isRangeDash reports whether r is a hyphen, a dash or a minus sign.
func isRangeDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '−':
		return true
	}
	return false
}
