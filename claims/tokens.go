package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenKind says what a token is.
type tokenKind uint8

const (
	tokWord tokenKind = iota
	tokNumber
	tokPunct
)

// token is a word, number or punctuation mark of a sentence. norm is what the
// model sees: the lowercased word, a number shape such as "<year>" or
// "<pct>", or the punctuation mark.
type token struct {
	start, end int
	kind       tokenKind
	upper      bool // the word starts with a capital letter
	norm       string
}

// maxTokens bounds the work done on one sentence; a "sentence" of a
// megabyte with no full stop is scored on its first maxTokens tokens.
const maxTokens = 400

// tokenize splits s into tokens, appending to buf, and drops its citation
// markers (see dropCitations).
func tokenize(s string, buf []token) []token {
	return dropCitations(splitTokens(s, buf))
}

// splitTokens splits s into tokens, appending to buf.
func splitTokens(s string, buf []token) []token {
	// In an ASCII sentence only a word with a capital is lowered (a
	// common opener from a table, without copying); in another sentence
	// every word is lowered one by one.
	ascii := isASCII(s)
	i := 0
	for i < len(s) && len(buf) < maxTokens {
		c := s[i]
		if c < 0x80 {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
				i++
			case c >= '0' && c <= '9':
				j := i + 1
				for j < len(s) {
					if s[j] >= '0' && s[j] <= '9' {
						j++
						continue
					}
					if (s[j] == ',' || s[j] == '.') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
						j += 2
						continue
					}
					break
				}
				buf = append(buf, token{start: i, end: j, kind: tokNumber, norm: numberShape(s, i, j)})
				i = j
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
				j := wordEnd(s, i)
				if ascii {
					tok := token{start: i, end: j, kind: tokWord, upper: c >= 'A' && c <= 'Z', norm: s[i:j]}
					if hasUpperOrCurly(tok.norm) {
						tok.norm = lowerASCIIWord(tok.norm)
					}
					buf = append(buf, tok)
				} else {
					buf = append(buf, wordToken(s, i, j))
				}
				i = j
			default:
				buf = append(buf, token{start: i, end: i + 1, kind: tokPunct, norm: s[i : i+1]})
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r):
			j := wordEnd(s, i)
			buf = append(buf, wordToken(s, i, j))
			i = j
		case isSpace(r):
			i += n
		default:
			norm := s[i : i+n]
			switch r {
			case '“', '”', '„', '«', '»':
				norm = `"`
			case '‘', '’':
				norm = "'"
			case '—', '–':
				norm = "-"
			case '€', '£', '¥':
				norm = "$"
			}
			buf = append(buf, token{start: i, end: i + n, kind: tokPunct, norm: norm})
			i += n
		}
	}
	return buf
}

// dropCitations removes citation markers from toks in place: parentheticals
// that hold a year, such as "(Ponemon Institute, 2021)" or "(Ma et al.,
// 2020)", and bracketed footnote markers such as "[3]" or "[citation
// needed]". They say where a claim comes from, not what it claims, so their
// years must not make a sentence look dated.
func dropCitations(toks []token) []token {
	kept := 0
	for i := 0; i < len(toks); i++ {
		if t := &toks[i]; t.kind == tokPunct && (t.norm == "(" || t.norm == "[") {
			if j := citationEnd(toks, i); j > i {
				i = j
				continue
			}
		}
		if kept != i {
			// a token is moved only once a marker has gone before it:
			// most sentences hold none, and copy nothing
			toks[kept] = toks[i]
		}
		kept++
	}
	return toks[:kept]
}

// citationEnd returns the index of the bracket closing a citation marker
// opened at toks[i], or -1.
func citationEnd(toks []token, i int) int {
	closer := ")"
	if toks[i].norm == "[" {
		closer = "]"
	}
	year, words, other, link := false, 0, false, false
	for j := i + 1; j < len(toks) && j <= i+24; j++ {
		t := &toks[j]
		switch {
		case link && t.norm != closer:
			// the rest of a link that closes an author-year citation: "(Hughes
			// et al., 2018, https://doi.org/10.1038/...)" says where the claim
			// comes from as much as its author and year do
		case t.norm == closer:
			if closer == "]" && !other && j > i+1 && (words <= 3 || year) {
				return j
			}
			if year && !other {
				return j
			}
			return -1
		case t.norm == "(" || t.norm == "[":
			return -1
		case t.kind == tokNumber:
			if t.norm == "<year>" {
				year = true
			}
		case t.kind == tokWord && year && !other && (t.norm == "https" || t.norm == "http" || t.norm == "doi" || t.norm == "www"):
			link = true
		case t.kind == tokWord:
			words++
			if closer == ")" && !t.upper && t.norm != "et" && t.norm != "al" && t.norm != "and" && t.norm != "n.d" && t.norm != "p" && t.norm != "pp" {
				other = true
			}
		}
	}
	return -1
}

// wordEnd returns the end of the word starting at i: letters and digits,
// with inner apostrophes, hyphens and dots ("don't", "COVID-19", "U.S").
func wordEnd(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		if c < 0x80 {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
				j++
				continue
			}
			if (c == '\'' || c == '-' || c == '.') && j+1 < len(s) && isWordByte(s[j+1]) {
				j++
				continue
			}
			return j
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j += n
			continue
		}
		if r == '’' && j+n < len(s) && isWordByte(s[j+n]) {
			j += n
			continue
		}
		return j
	}
	return j
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func wordToken(s string, i, j int) token {
	w := s[i:j]
	r, _ := utf8.DecodeRuneInString(w)
	norm := w
	if hasUpperOrCurly(w) {
		norm = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	}
	return token{start: i, end: j, kind: tokWord, upper: isUpper(r), norm: norm}
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func hasUpperOrCurly(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			return true
		}
	}
	return false
}

// lowerASCIIWord returns the word w, ASCII letters, lowered: a common
// opener of a sentence without copying it, any other word copied.
func lowerASCIIWord(w string) string {
	switch w {
	case "The":
		return "the"
	case "A":
		return "a"
	case "In":
		return "in"
	case "It":
		return "it"
	case "He":
		return "he"
	case "She":
		return "she"
	case "They":
		return "they"
	case "We":
		return "we"
	case "I":
		return "i"
	case "But":
		return "but"
	case "And":
		return "and"
	case "This":
		return "this"
	case "That":
		return "that"
	case "There":
		return "there"
	case "An":
		return "an"
	case "As":
		return "as"
	case "On":
		return "on"
	case "For":
		return "for"
	case "If":
		return "if"
	case "When":
		return "when"
	case "After":
		return "after"
	case "Its":
		return "its"
	case "His":
		return "his"
	case "Her":
		return "her"
	case "Their":
		return "their"
	case "Some":
		return "some"
	case "Many":
		return "many"
	case "However":
		return "however"
	case "According":
		return "according"
	case "Mr":
		return "mr"
	case "Ms":
		return "ms"
	case "Dr":
		return "dr"
	}
	// a name: lowered on the stack and copied once (strings.ToLower
	// checks the word twice and writes it byte by byte)
	var buf [32]byte
	if len(w) > len(buf) {
		return strings.ToLower(w)
	}
	b := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return string(b)
}

// numberShape maps a number to the feature the model sees.
func numberShape(s string, i, j int) string {
	n := s[i:j]
	rest := s[j:]
	switch {
	case strings.HasPrefix(rest, "%"), strings.HasPrefix(rest, " percent"), strings.HasPrefix(rest, " per cent"):
		return "<pct>"
	case i > 0 && (s[i-1] == '$' || i >= 2 && (strings.HasSuffix(s[:i], "£") || strings.HasSuffix(s[:i], "€"))):
		return "<money>"
	case len(n) == 4 && (n[0] == '1' && n[1] >= '7' || n[0] == '2' && n[1] == '0'):
		if strings.HasPrefix(rest, "s") {
			return "<decade>"
		}
		return "<year>"
	case strings.ContainsRune(n, '.'):
		return "<dec>"
	case len(n) >= 4:
		return "<bignum>"
	case len(n) == 1:
		return "<digit>"
	}
	return "<num>"
}
