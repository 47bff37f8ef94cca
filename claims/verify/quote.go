package verify

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// Quote is a quoted passage of a text.
type Quote struct {
	// Span covers the passage with its quotation marks.
	Span sources.Span `json:"span"`
	// Inner covers the words between the marks.
	Inner sources.Span `json:"inner"`
	// Text is the text of Inner.
	Text string `json:"text"`
	// Depth is 0 for a quotation, 1 for one quoted inside it, and so on.
	Depth int `json:"depth"`
}

// quoteKind is the family of a quotation mark; a quote closes with a mark
// of the family it opened with.
type quoteKind byte

const (
	curlyDouble  quoteKind = iota + 1 // “ ”, and „ “
	curlySingle                       // ‘ ’
	guillemet                         // « »
	straightMark                      // " "
)

// maxQuoteDepth bounds the quotes open at once.
const maxQuoteDepth = 8

type openQuote struct {
	kind       quoteKind
	start, end int // the opening mark
}

// Quotes returns the quoted passages of text, in order of their opening
// marks, nested ones included. It reads curly double quotes (“ ”, and the
// German „ “), guillemets (« »), straight double quotes (" opens before a
// word and closes after one, so 5'10" or 12" is no quotation), and curly
// single quotes when they clearly are quotes: ‘ opens only where a word
// starts and not before an elided decade (‘80s), and ’ closes an open ‘
// only after a word and before a space, punctuation or the end, so the
// apostrophes of “don’t” and “the council’s” are not quotes. A quotation
// never runs past a blank line, and one left open is not returned. Time is
// linear in the length of text.
func Quotes(text string) []Quote {
	var out []Quote
	var stack []openQuote
	closeKind := func(k quoteKind, at, size int) bool {
		for d := len(stack) - 1; d >= 0; d-- {
			if stack[d].kind == k {
				o := stack[d]
				stack = stack[:d]
				from, to := o.end, at
				for from < to && spaceLen(text, from) > 0 {
					from += spaceLen(text, from)
				}
				for to > from && skipSpaceBack(text, to) < to {
					to = skipSpaceBack(text, to)
				}
				if to > from {
					out = append(out, Quote{
						Span:  sources.Span{Start: o.start, End: at + size},
						Inner: sources.Span{Start: from, End: to},
						Text:  text[from:to],
						Depth: d,
					})
				}
				return true
			}
		}
		return false
	}
	open := func(k quoteKind, at, size int) {
		if len(stack) < maxQuoteDepth {
			stack = append(stack, openQuote{k, at, at + size})
		}
	}
	has := func(k quoteKind) bool {
		for _, o := range stack {
			if o.kind == k {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch c {
			case '\n':
				if j := skipBlanks(text, i+1); j < len(text) && text[j] == '\n' {
					stack = stack[:0]
				}
			case '"':
				before, after := runeBeforeAt(text, i), runeAt(text, i+1)
				switch {
				case has(straightMark) && !unicode.IsSpace(before):
					closeKind(straightMark, i, 1)
				case opensBefore(before) && after != 0 && !unicode.IsSpace(after):
					open(straightMark, i, 1)
				}
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '“':
			if len(stack) > 0 && stack[len(stack)-1].kind == curlyDouble && text[stack[len(stack)-1].start] == 0xE2 &&
				text[stack[len(stack)-1].start+2] == 0x9E {
				closeKind(curlyDouble, i, n) // „…“
			} else {
				open(curlyDouble, i, n)
			}
		case '„':
			open(curlyDouble, i, n)
		case '”':
			closeKind(curlyDouble, i, n)
		case '«':
			open(guillemet, i, n)
		case '»':
			closeKind(guillemet, i, n)
		case '‘':
			before, after := runeBeforeAt(text, i), runeAt(text, i+n)
			if opensBefore(before) && (unicode.IsLetter(after) || unicode.IsDigit(after) || after == '“') && !elidedDecade(text, i+n) {
				open(curlySingle, i, n)
			}
		case '’':
			before, after := runeBeforeAt(text, i), runeAt(text, i+n)
			if has(curlySingle) && !unicode.IsSpace(before) && before != 0 && !unicode.IsLetter(after) && !unicode.IsDigit(after) {
				closeKind(curlySingle, i, n)
			}
		}
		i += n
	}
	slices.SortStableFunc(out, func(a, b Quote) int { return a.Span.Start - b.Span.Start })
	return out
}

// opensBefore reports whether a quotation may open after r: at the start,
// after a space, an opening bracket, a dash or another quotation mark.
func opensBefore(r rune) bool {
	switch r {
	case 0, '(', '[', '{', '—', '–', '-', '/', '“', '‘', '«', '„', ':', '"':
		return true
	}
	return unicode.IsSpace(r)
}

// elidedDecade reports whether the text at i is "80s" after an apostrophe.
func elidedDecade(text string, i int) bool {
	return i+3 <= len(text) && isDigit(text[i]) && isDigit(text[i+1]) && text[i+2] == 's'
}

// skipBlanks skips spaces and tabs.
func skipBlanks(text string, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
		i++
	}
	return i
}

// runeBeforeAt returns the rune before i, or 0 at the start.
func runeBeforeAt(text string, i int) rune {
	r, _ := runeBefore(text, i)
	return r
}

// runeAt returns the rune at i, or 0 at the end.
func runeAt(text string, i int) rune {
	if i >= len(text) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r
}
