package claims

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// maxTrailer bounds how far past a full stop the splitter looks for a
// parenthetical citation that belongs to the sentence, so that a stray "("
// never makes segmentation quadratic.
const maxTrailer = 160

// Sentences splits every block of doc.Text into sentences and returns their
// spans in document order. A sentence never crosses a block boundary, and a
// block with text in it yields at least one sentence. Citation markers that
// follow a full stop (a parenthetical, a bracketed or superscript footnote
// marker) belong to the sentence they close.
func Sentences(doc *sources.Document) []sources.Span {
	if doc == nil {
		return nil
	}
	out := make([]sources.Span, 0, len(doc.Text)/100+1)
	if len(doc.Blocks) == 0 {
		return splitLines(doc.Text, 0, doc.Superscripts, out)
	}
	for _, b := range doc.Blocks {
		s := b.Span
		if s.Start < 0 || s.End > len(doc.Text) || s.Start >= s.End {
			continue
		}
		// A block should hold no newline, but guard against one anyway.
		out = splitLines(doc.Text[:s.End], s.Start, doc.Superscripts, out)
	}
	return out
}

// SplitSentences splits plain text into sentences; a newline always ends a
// sentence, as a block boundary does in a Document.
func SplitSentences(text string) []sources.Span {
	return splitLines(text, 0, nil, make([]sources.Span, 0, len(text)/100+1))
}

// splitLines splits text[start:] line by line, appending to out.
func splitLines(text string, start int, sup []sources.Span, out []sources.Span) []sources.Span {
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		out = splitBlock(text, start, end, sup, out)
		start = end + 1
	}
	return out
}

// splitter scans one block.
type splitter struct {
	text string // the text up to the end of the block
	sup  []sources.Span
}

// splitBlock appends the sentences of text[start:end] to out.
func splitBlock(text string, start, end int, sup []sources.Span, out []sources.Span) []sources.Span {
	sp := splitter{text: text[:end], sup: sup}
	s := skipSpace(sp.text, start)
	i := s
	for i < end {
		c := text[i]
		if !stopByte[c] {
			i++
			continue
		}
		if c == 0xE2 && !strings.HasPrefix(text[i:end], "…") {
			i++
			continue
		}
		next, boundary := sp.boundary(s, i)
		if !boundary {
			i = next
			continue
		}
		out = appendSentence(out, text, s, next)
		s = skipSpace(sp.text, next)
		i = s
	}
	if s < end {
		out = appendSentence(out, text, s, end)
	}
	return out
}

// stopByte marks the bytes a sentence can end at: '.', '!', '?' and the
// first byte of '…'.
var stopByte = [256]bool{'.': true, '!': true, '?': true, 0xE2: true}

func appendSentence(out []sources.Span, text string, s, e int) []sources.Span {
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		e -= n
	}
	if e > s {
		out = append(out, sources.Span{Start: s, End: e})
	}
	return out
}

// boundary looks at the terminal punctuation at i (the sentence began at s).
// It returns the offset just past everything that belongs to this sentence
// end (punctuation, closing quotes, footnote markers, a trailing
// parenthetical citation) and whether the sentence really ends there; when it
// does not, next is where scanning resumes.
func (sp *splitter) boundary(s, i int) (next int, ok bool) {
	t := sp.text
	p := i
	dots, terms := 0, 0
	for p < len(t) {
		switch {
		case t[p] == '.':
			dots++
		case t[p] == '!' || t[p] == '?':
			terms++
		case strings.HasPrefix(t[p:], "…"):
			dots += 3
			p += len("…")
			continue
		default:
			goto punctDone
		}
		p++
	}
punctDone:
	punctEnd := p
	p = sp.closers(p)
	p = sp.markers(p)
	after := skipSpace(t, p)
	if after >= len(t) {
		return len(t), true
	}
	if after == p {
		// No space after the punctuation: "4.5", "U.S.", "e.g.", "x.com".
		return punctEnd, false
	}
	if dots == 1 && terms == 0 && sp.abbreviation(s, i, after) {
		return after, false
	}
	r, _ := utf8.DecodeRuneInString(t[after:])
	if !startsSentence(r) {
		// "et al. found", "… he said", "vs. the": a lowercase word goes on.
		return after, false
	}
	if r == '(' {
		if q, ok := sp.trailingParen(after); ok {
			return q, true
		}
	}
	return p, true
}

// closers skips closing quotation marks and brackets after a full stop.
func (sp *splitter) closers(p int) int {
	t := sp.text
	for p < len(t) {
		switch {
		case t[p] == '"' || t[p] == '\'' || t[p] == ')' || t[p] == ']':
			p++
		case strings.HasPrefix(t[p:], "”"), strings.HasPrefix(t[p:], "’"):
			p += len("”")
		case strings.HasPrefix(t[p:], "»"):
			p += len("»")
		default:
			return p
		}
	}
	return p
}

// markers skips footnote markers glued to the stop: "[3]", "[a]", "[12, 13]",
// superscript digits, and superscript runs the reader recorded.
func (sp *splitter) markers(p int) int {
	t := sp.text
	for p < len(t) {
		q := p
		switch {
		case t[p] == '[':
			j := p + 1
			for j < len(t) && j-p <= 24 && isMarkerByte(t[j]) {
				j++
			}
			if j < len(t) && t[j] == ']' && j > p+1 {
				q = j + 1
			}
		default:
			if r, n := utf8.DecodeRuneInString(t[p:]); isSuperscript(r) {
				q = p + n
			} else if e := sp.superscriptAt(p); e > p {
				q = e
			}
		}
		if q == p {
			return p
		}
		p = q
	}
	return p
}

// superscriptAt returns the end of a recorded superscript run starting at p,
// or p.
func (sp *splitter) superscriptAt(p int) int {
	if len(sp.sup) == 0 {
		return p
	}
	k := sort.Search(len(sp.sup), func(k int) bool { return sp.sup[k].Start >= p })
	if k < len(sp.sup) && sp.sup[k].Start == p && sp.sup[k].End > p && sp.sup[k].End <= len(sp.text) && sp.sup[k].End-p <= 24 {
		return sp.sup[k].End
	}
	return p
}

// trailingParen reports whether the parenthesis at p is a citation that
// closes the previous sentence, "… breach. (Ponemon Institute, 2021)", and
// returns the offset past it (and past a full stop right after it).
func (sp *splitter) trailingParen(p int) (int, bool) {
	t := sp.text
	limit := min(len(t), p+maxTrailer)
	j := strings.IndexByte(t[p+1:limit], ')')
	if j < 0 {
		return p, false
	}
	inner := t[p+1 : p+1+j]
	if strings.ContainsAny(inner, "(.!?") && !strings.Contains(inner, "et al.") && !strings.Contains(inner, "p.") {
		return p, false
	}
	if !hasYear(inner) && !strings.Contains(inner, "et al") {
		return p, false
	}
	q := p + 1 + j + 1
	if q < len(t) && t[q] == '.' {
		q++
	}
	rest := skipSpace(t, q)
	if rest < len(t) {
		if r, _ := utf8.DecodeRuneInString(t[rest:]); !startsSentence(r) {
			return p, false
		}
	}
	return q, true
}

// hasYear reports whether s holds a four-digit year or "n.d.".
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			continue
		}
		if run == 4 {
			return true
		}
		run = 0
	}
	return run == 4 || strings.Contains(s, "n.d.")
}

// abbreviation reports whether the full stop at i ends an abbreviation rather
// than the sentence; after is where the next word starts.
func (sp *splitter) abbreviation(s, i, after int) bool {
	t := sp.text
	w := i
	for w > s {
		r, n := utf8.DecodeLastRuneInString(t[s:w])
		if isSpace(r) || r == '(' || r == '"' || r == '“' || r == '[' {
			break
		}
		w -= n
	}
	word := t[w:i]
	if word == "" {
		return false
	}
	// Initials: "J. R. Smith", but not a sentence ending in a capital letter
	// word such as "… in Area B." followed by a common sentence opener.
	if r, n := utf8.DecodeRuneInString(word); n == len(word) && isUpper(r) {
		return !opensSentence(t[after:])
	}
	if strings.IndexByte(word, '.') >= 0 {
		// "U.S.", "e.g.", "a.m.", "Ph.D.": an abbreviation unless a
		// common sentence opener follows.
		return !opensSentence(t[after:])
	}
	var buf [6]byte
	switch string(lowerShort(strings.TrimLeft(word, "([\"'“‘"), buf[:0])) {
	case "al", "dr", "mr", "mrs", "ms", "prof", "st", "no", "nos", "vs", "v", "jr", "sr",
		"fig", "figs", "eq", "vol", "pp", "p", "ch", "sec", "art", "op", "cf", "ed", "eds",
		"approx", "est", "gen", "gov", "sen", "rep", "rev", "hon", "capt", "col", "lt", "sgt",
		"mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"dept", "univ", "assn", "ave", "blvd", "e.g", "i.e", "etc", "ca", "c", "no.":
		if word == "etc" {
			return !opensSentence(t[after:])
		}
		return true
	case "inc", "corp", "ltd", "co", "bros", "llc":
		return !opensSentence(t[after:])
	}
	return false
}

// lowerShort appends strings.ToLower(w) to buf when that may be one of the
// short abbreviations abbreviation knows (six bytes at most), and nothing
// otherwise: an ASCII word is lowered in place of the caller's buffer
// rather than in a new string.
func lowerShort(w string, buf []byte) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			// 'İ' lowers to 'i' and the Kelvin sign to 'k'
			return append(buf, strings.ToLower(w)...)
		}
	}
	if len(w) > 6 {
		return buf // longer than any of them, lowered or not
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// opensSentence reports whether s begins with a word that usually starts a
// new sentence, used to decide whether an ambiguous abbreviation ends one.
func opensSentence(s string) bool {
	end := 0
	for end < len(s) && end < 12 && (s[end] >= 'a' && s[end] <= 'z' || s[end] >= 'A' && s[end] <= 'Z') {
		end++
	}
	switch s[:end] {
	case "The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "In",
		"But", "And", "A", "An", "On", "At", "As", "If", "When", "While", "There", "His", "Her",
		"Its", "Their", "Our", "For", "After", "Before", "Since", "However", "Meanwhile", "Yet", "So":
		return true
	}
	return false
}

// startsSentence reports whether a sentence may begin with r.
func startsSentence(r rune) bool {
	switch {
	case isUpper(r), r >= '0' && r <= '9':
		return true
	case r == '"' || r == '\'' || r == '(' || r == '[' || r == '“' || r == '‘' || r == '«' || r == '¿' || r == '¡' || r == '—' || r == '-' || r == '*' || r == '•' || r == '$' || r == '£' || r == '€':
		return true
	case r >= 0x80 && !isLowerRune(r):
		// Scripts without case (CJK, Arabic …) and symbols.
		return true
	}
	return false
}

func isUpper(r rune) bool {
	if r < 0x80 {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isLowerRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z'
	}
	return unicode.IsLower(r)
}

func isSuperscript(r rune) bool {
	switch r {
	case '¹', '²', '³', '⁰', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁺', '⁻', '⁽', '⁾', 'ᵃ', 'ᵇ', 'ᶜ':
		return true
	}
	return false
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0xA0, 0x2009, 0x200A, 0x202F, 0x3000, 0x2002, 0x2003:
		return true
	}
	return false
}

// skipSpace returns the first offset at or after i that is not white space.
func skipSpace(t string, i int) int {
	for i < len(t) {
		if t[i] < 0x80 {
			if t[i] != ' ' && t[i] != '\t' && t[i] != '\r' && t[i] != '\f' && t[i] != '\v' {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if !isSpace(r) {
			return i
		}
		i += n
	}
	return i
}

// isMarkerByte reports whether c may appear inside a bracketed footnote
// marker such as "[3]", "[12, 14]", "[a]" or "[citation needed]".
func isMarkerByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ',' || c == ' ' || c == '-'
}
