package verify

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The sentence splitter as it was before Prepare split a source in the
// pass that reads its words (see sentenceSplit): the reference that
// sentenceSplit is held to (see checkPreparedKeys), and the sentences
// the tests take claims from.

// splitSentences returns the spans of the sentences of text as
// sentenceSplit splits it, each kind of byte that may end one found by
// strings.IndexByte.
func splitSentences(text string) []Span { return appendSentences(nil, text) }

// appendSentences appends the spans splitSentences returns to out.
func appendSentences(out []Span, text string) []Span {
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r' || text[s] == '\n') {
			s++
		}
		for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\r' || text[e-1] == '\n') {
			e--
		}
		if e > s {
			out = append(out, Span{Start: s, End: e})
		}
	}
	var ends sentenceEnds
	ends.reset(text)
	for i := 0; i < len(text); i++ {
		// Skip to the next byte that may end a sentence, cutting at a
		// space on the way when the sentence grows past maxSentence.
		j := ends.next(i)
		if limit := max(i, start+maxSentence); limit < j {
			if k := indexSpaceOrTab(text[limit:j]); k >= 0 {
				emit(limit + k)
				start = limit + k + 1
				i = start - 1
				continue
			}
		}
		if i = j; i == len(text) {
			break
		}
		c := text[i]
		switch {
		case c == '\n':
			emit(i)
			start = i + 1
			continue
		case c == '.' || c == '!' || c == '?':
			j := i + 1
			for j < len(text) {
				if text[j] == '"' || text[j] == '\'' || text[j] == ')' || text[j] == ']' {
					j++
					continue
				}
				if r, n := utf8.DecodeRuneInString(text[j:]); r == '”' || r == '’' || r == '»' {
					j += n
					continue
				}
				if text[j] == '[' {
					// a note marker closes the sentence it follows:
					// "…self-governing status.[55] In 1947 …"
					if end := strings.IndexByte(text[j:min(len(text), j+maxNoteMarker)], ']'); end > 0 && noteMarker(text[j+1:j+end]) {
						j += end + 1
						continue
					}
				}
				break
			}
			if j >= len(text) || (text[j] != ' ' && text[j] != '\t') {
				break
			}
			k := j
			for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
				k++
			}
			if k >= len(text) {
				break
			}
			r, _ := utf8.DecodeRuneInString(text[k:])
			if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '‘' || r == '\'' || r == '(' || r == '[') {
				break
			}
			if c == '.' && abbreviation(text, i) {
				break
			}
			emit(j)
			start = j
			i = j - 1
			continue
		}
		if i-start >= maxSentence && (c == ' ' || c == '\t') {
			emit(i)
			start = i + 1
		}
	}
	emit(len(text))
	return out
}

// sentenceEndBytes are the bytes that may end a sentence.
const sentenceEndBytes = "\n.!?"

// sentenceEnds finds the bytes of a text that may end a sentence, each
// kind by strings.IndexByte from where it was last found, so that the
// text is read once per kind, by the processor's widest instructions.
type sentenceEnds struct {
	text string
	at   [len(sentenceEndBytes)]int // the next of each kind at or after the last asked-for place; len(text): none
}

func (e *sentenceEnds) reset(text string) {
	e.text = text
	for k := range e.at {
		e.at[k] = -1
	}
}

// next returns the first place at or after i of a byte that may end a
// sentence, or len(text). Calls must not go back: i never below the i of
// the call before.
func (e *sentenceEnds) next(i int) int {
	first := len(e.text)
	for k := range e.at {
		if e.at[k] < i {
			e.at[k] = len(e.text)
			if j := strings.IndexByte(e.text[i:], sentenceEndBytes[k]); j >= 0 {
				e.at[k] = i + j
			}
		}
		first = min(first, e.at[k])
	}
	return first
}

// indexSpaceOrTab returns the index of the first space or tab of s, or -1.
func indexSpaceOrTab(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == '\t' {
			return i
		}
	}
	return -1
}
