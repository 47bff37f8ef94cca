package sources

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"
)

// Some pages put a whole plain-text document inside <pre>: an RFC or an
// Internet-Draft as rfcmarkup and the IETF datatracker render it (one
// <pre> per page), a mailing-list archive's message. Such a <pre> is split
// as the plain-text reader splits a file, not kept whole as code: blank
// lines separate its blocks, and a line standing alone that reads as a
// heading ("17. References") is one. The other blocks stay preformatted
// text, which holds no claims; the reference sections and the citations
// of labelled entries are read in them. Code stays one preformatted
// block.

// plainMinProse is the fewest lines of prose that make a plain-text
// document of the <pre> elements of one parent; a code listing with a
// few lines of comment does not have them.
const plainMinProse = 20

// plainPre reports whether a <pre> holds plain-text prose rather than
// code. The <pre> elements of one parent are judged together, as the pages
// of one document (an RFC's References page holds little prose): they need
// plainMinProse lines of prose, and a third of their lines. A line is prose
// when it has five words or more and four in five of them are words of
// letters ("servers MUST comply with HTTP/1.1", not "w = get_next_work()").
func (c *htmlContent) plainPre(n int32) bool {
	parent := c.t.nodes[n].parent
	if parent < 0 {
		return false
	}
	if plain, ok := c.plainParents[parent]; ok {
		return plain
	}
	var lines, prose int
	var ls plainLineStats
	for ch := c.t.nodes[parent].first; ch >= 0; ch = c.t.nodes[ch].next {
		if c.t.nodes[ch].tag != atom.Pre || c.t.nodes[ch].kind != htmlElement {
			continue
		}
		end := c.lastDesc(ch)
		for i := ch + 1; i <= end; i++ {
			node := &c.t.nodes[i]
			if node.kind == htmlElement && node.flags&htmlFlagGone != 0 {
				i = c.lastDesc(i)
				continue
			}
			if node.kind != htmlText {
				continue
			}
			for _, b := range c.t.src[node.start:node.end] {
				if b != '\n' {
					ls.add(b)
					continue
				}
				if words, proseLine := ls.end(); words > 0 {
					lines++
					if proseLine {
						prose++
					}
				}
			}
		}
		if words, proseLine := ls.end(); words > 0 { // a page's last line
			lines++
			if proseLine {
				prose++
			}
		}
	}
	plain := prose >= plainMinProse && 3*prose >= lines
	if c.plainParents == nil {
		c.plainParents = map[int32]bool{}
	}
	c.plainParents[parent] = plain
	return plain
}

// plainLineStats counts the words of one line of a <pre> as its bytes
// go by.
type plainLineStats struct {
	words, letterWords int
	word               [64]byte
	n                  int // bytes of the current word (at most len(word) kept)
}

func (ls *plainLineStats) add(b byte) {
	if b == ' ' || b == '\t' || b == '\r' || b == '\f' {
		ls.endWord()
		return
	}
	if ls.n < len(ls.word) {
		ls.word[ls.n] = b
	}
	ls.n++
}

func (ls *plainLineStats) endWord() {
	if ls.n == 0 {
		return
	}
	ls.words++
	if ls.n <= len(ls.word) && letterWord(ls.word[:ls.n]) {
		ls.letterWords++
	}
	ls.n = 0
}

// end ends the line: it returns its words and whether it reads as prose,
// and starts the next line.
func (ls *plainLineStats) end() (words int, prose bool) {
	ls.endWord()
	words, prose = ls.words, ls.words >= 5 && 5*ls.letterWords >= 4*ls.words
	ls.words, ls.letterWords = 0, 0
	return words, prose
}

// letterWord reports whether w is a word of letters, with the quotes,
// brackets and punctuation that may close or open it: "(the", "chunked,".
func letterWord(w []byte) bool {
	i, j := 0, len(w)
	for i < j && (w[i] == '"' || w[i] == '\'' || w[i] == '(' || w[i] == '[') {
		i++
	}
	for j > i && (w[j-1] == '"' || w[j-1] == '\'' || w[j-1] == ')' || w[j-1] == ']' || w[j-1] == '.' ||
		w[j-1] == ',' || w[j-1] == ';' || w[j-1] == ':' || w[j-1] == '!' || w[j-1] == '?') {
		j--
	}
	if i == j {
		return false
	}
	for k := i; k < j; {
		r, size := utf8.DecodeRune(w[k:j])
		if !unicode.IsLetter(r) && !(k > i && (r == '-' || r == '\'' || r == '’')) {
			return false
		}
		k += size
	}
	return true
}

// plainSpace records white space inside a <pre> read as plain text: a
// blank line ends the paragraph.
func (c *htmlContent) plainSpace(start, end int) {
	for _, b := range c.t.src[start:end] {
		if b == '\n' {
			c.plainNL++
		}
	}
	if c.plainNL >= 2 && c.b.open && !c.fresh {
		c.endPlainParagraph()
		return
	}
	c.space(start, end)
}

// plainWord notes that text follows white space inside a <pre> read as
// plain text: after a line break, the paragraph has more than one line.
func (c *htmlContent) plainWord() {
	if c.plainNL == 1 && c.b.open && !c.fresh {
		c.plainLines = true
	}
	c.plainNL = 0
}

// endPlainParagraph closes the paragraph of a <pre> read as plain text;
// a line standing alone that reads as a heading becomes one.
func (c *htmlContent) endPlainParagraph() {
	b := c.b
	if b.open && !c.plainLines && b.block.Kind == BlockPreformatted && isTextHeading(b.text[b.blockText:]) {
		b.block.Kind, b.block.Level = BlockHeading, 1
	}
	b.closeBlock()
	c.fresh = true
	c.plainLines = false
	c.plainNL = 0
}
