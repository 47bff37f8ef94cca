package claims

import (
	"strings"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// A quotation often runs over several sentences and names its speaker in
// one of them only:
//
//	"The cables are old. Salt gets in every winter," said Patrick McHugh.
//
// The first sentence is as attributed as the second. quoteRuns finds such
// runs: consecutive sentences of one block joined by a quotation left open
// at the end of one sentence and closed in a later one.

// quoteRuns returns, for each sentence, the index of the first sentence of
// the quotation run it belongs to, or -1 when it is in none. spans are the
// sentences of text in order.
func quoteRuns(doc *sources.Document, spans []sources.Span) []int {
	var runs []int
	open := false
	block := -1
	for i, sp := range spans {
		b := doc.BlockAt(sp.Start)
		if b != block {
			open, block = false, b // a quotation never runs past its block
		}
		wasOpen := open
		open = quoteOpenAfter(doc.Text[sp.Start:sp.End], open)
		if !wasOpen && !open {
			continue
		}
		if runs == nil {
			runs = make([]int, len(spans))
			for j := range runs {
				runs[j] = -1
			}
		}
		if wasOpen {
			runs[i] = runs[i-1]
		} else {
			runs[i] = i
		}
	}
	return runs
}

// quoteOpenAfter reports whether a double quotation is open at the end of
// s, given whether one was open at its start. Straight quotes toggle;
// curly and guillemet quotes open and close.
func quoteOpenAfter(s string, open bool) bool {
	if strings.IndexByte(s, '"') < 0 && strings.IndexByte(s, 0xE2) < 0 && strings.IndexByte(s, 0xC2) < 0 {
		return open // no quotation mark: “ ” „ start with 0xE2, « » with 0xC2
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c == '"' {
			open = !open
			i++
			continue
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '“', '«', '„':
			open = true
		case '”', '»':
			open = false
		}
		i += n
	}
	return open
}
