package sources

import (
	"unicode"
	"unicode/utf8"
)

// builder produces a Document's Text, Blocks and offset map while a reader
// walks its input. Readers hand it pieces of source with the text they stand
// for; it collapses white space, separates blocks with "\n" and records where
// every byte of text came from.
type builder struct {
	doc  *Document
	text []byte
	m    offsetMap

	open       bool  // a block is open
	block      Block // the open block
	blockText  int   // len(text) when the open block started
	pending    bool  // white space seen and not yet written
	pendingSrc [2]int
	lists      int // lists numbered so far
}

// newBuilder returns a builder for a text or Markdown input, whose text is
// about as long as its source: sized once, it is not copied as it grows.
func newBuilder(doc *Document) *builder {
	return &builder{doc: doc, text: make([]byte, 0, len(doc.Src)+64)}
}

// reserve makes room for about runs offset-map runs and blocks blocks,
// from a reader's estimate, before any is written: one allocation each
// rather than a series of growing copies.
func (b *builder) reserve(runs, blocks int) {
	if len(b.m.runs) == 0 && runs > cap(b.m.runs) {
		b.m.runs = make([]run, 0, runs)
	}
	if len(b.doc.Blocks) == 0 && blocks > cap(b.doc.Blocks) {
		b.doc.Blocks = make([]Block, 0, blocks)
	}
}

// len returns the length of the text so far.
func (b *builder) len() int { return len(b.text) }

// openBlock starts a block at source offset src, closing any open one.
func (b *builder) openBlock(kind BlockKind, level int, src int) {
	b.closeBlock()
	b.open = true
	b.block = Block{Kind: kind, Level: level}
	b.blockText = len(b.text)
	b.pending = false
	_ = src
}

// setBlockID sets the id of the open block.
func (b *builder) setBlockID(id string) {
	if b.open {
		b.block.ID = id
	}
}

// setList marks the open block as an item of list number list.
func (b *builder) setList(list int, ordered bool) {
	if b.open {
		b.block.List, b.block.Ordered = list, ordered
	}
}

// newList returns a fresh list number.
func (b *builder) newList() int {
	b.lists++
	return b.lists
}

// closeBlock ends the open block; a block with no text is dropped.
func (b *builder) closeBlock() {
	if !b.open {
		return
	}
	b.open = false
	b.pending = false
	b.trimTrailingSpace()
	if len(b.text) == b.blockText {
		// drop the separator written for it, if one was: the text holds no
		// other '\n'
		if b.blockText > 0 && b.text[b.blockText-1] == '\n' {
			b.truncate(b.blockText - 1)
		}
		return
	}
	b.block.Span = Span{b.blockText, len(b.text)}
	b.doc.Blocks = append(b.doc.Blocks, b.block)
}

// ensureBlock opens a paragraph when text arrives outside any block, and
// writes the separator before a block's first byte.
func (b *builder) ensureBlock(src int) {
	if !b.open {
		b.openBlock(BlockParagraph, 0, src)
	}
	if len(b.text) == b.blockText && b.blockText > 0 && b.text[len(b.text)-1] != '\n' {
		b.text = append(b.text, '\n')
		b.m.add(len(b.text)-1, src, 1, 0)
		b.blockText = len(b.text)
	}
	if len(b.text) == 0 {
		b.blockText = 0
	}
}

// writeSource appends src[start:end] of the decoded source as text,
// collapsing white space unless the block is preformatted.
func (b *builder) writeSource(src []byte, start, end int) {
	for i := start; i < end; {
		r, size := rune(src[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(src[i:end])
		}
		if r < utf8.RuneSelf && asciiSpace[r] || r >= utf8.RuneSelf && b.isSpace(r) {
			b.space(i, i+size)
			i += size
			continue
		}
		if r == utf8.RuneError && size == 1 {
			b.writeMapped("\uFFFD", i, i+1)
			i++
			continue
		}
		b.flushSpace(i)
		// copy a stretch of non-space bytes at once, with the single
		// spaces between its words: written one at a time, such a space
		// would be flushed as one byte mapped to one byte, and the offset
		// map merges it with the words around it all the same
		j := i + size
		for j < end {
			c := src[j]
			if c < utf8.RuneSelf {
				if !asciiSpace[c] {
					j++
					continue
				}
				if c == ' ' && j+1 < end && src[j+1] < utf8.RuneSelf && !asciiSpace[src[j+1]] {
					j += 2
					continue
				}
				break
			}
			r, n := utf8.DecodeRune(src[j:end])
			if b.isSpace(r) || r == utf8.RuneError && n == 1 {
				break
			}
			j += n
		}
		b.m.add(len(b.text), i, j-i, j-i)
		b.text = append(b.text, src[i:j]...)
		i = j
	}
}

// asciiSpace marks the ASCII bytes isSpace reports as white space.
var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\n': true, '\t': true, '\r': true, '\f': true}

// writeMapped appends text that stands for src[start:end] as a whole, such
// as a decoded character reference.
func (b *builder) writeMapped(text string, start, end int) {
	if text == "" {
		return
	}
	if r, _ := utf8.DecodeRuneInString(text); len(text) == utf8.RuneLen(r) && b.isSpace(r) {
		b.space(start, end)
		return
	}
	b.flushSpace(start)
	b.m.add(len(b.text), start, len(text), end-start)
	b.text = append(b.text, text...)
}

// space records white space at src[start:end].
func (b *builder) space(start, end int) {
	if b.pending {
		b.pendingSrc[1] = end
		return
	}
	b.pending = true
	b.pendingSrc = [2]int{start, end}
}

// flushSpace writes pending white space before text at src.
func (b *builder) flushSpace(src int) {
	b.ensureBlock(src)
	if !b.pending {
		return
	}
	b.pending = false
	if len(b.text) == b.blockText { // no leading space in a block
		return
	}
	b.m.add(len(b.text), b.pendingSrc[0], 1, b.pendingSrc[1]-b.pendingSrc[0])
	b.text = append(b.text, ' ')
}

// breakLine writes a hard line break (HTML <br>) as a space.
func (b *builder) breakLine(start, end int) { b.space(start, end) }

// mark returns the offset where the next text will start, writing pending
// white space first so that a span opened here does not begin with it.
func (b *builder) mark(src int) int {
	if b.open && len(b.text) == b.blockText {
		// write the block separator now so that the span does not begin
		// with it; closeBlock drops it again if no text follows
		b.ensureBlock(src)
	}
	if b.open && b.pending && len(b.text) > b.blockText {
		b.flushSpace(src)
	}
	return len(b.text)
}

func (b *builder) trimTrailingSpace() {
	for len(b.text) > b.blockText && b.text[len(b.text)-1] == ' ' {
		b.truncate(len(b.text) - 1)
	}
}

// truncate cuts the text back to n bytes, fixing the offset map.
func (b *builder) truncate(n int) {
	b.text = b.text[:n]
	runs := b.m.runs
	for len(runs) > 0 {
		last := &runs[len(runs)-1]
		if last.t >= n {
			runs = runs[:len(runs)-1]
			continue
		}
		if last.t+last.tn > n {
			if last.tn == last.sn {
				last.sn = n - last.t
			}
			last.tn = n - last.t
		}
		break
	}
	b.m.runs = runs
	for i := len(b.doc.Links) - 1; i >= 0 && b.doc.Links[i].Span.End > n; i-- {
		b.doc.Links[i].Span = clampSpan(b.doc.Links[i].Span, n)
	}
	for i := len(b.doc.Anchors) - 1; i >= 0 && b.doc.Anchors[i].Span.End > n; i-- {
		b.doc.Anchors[i].Span = clampSpan(b.doc.Anchors[i].Span, n)
	}
	sups := b.doc.Superscripts
	for len(sups) > 0 && sups[len(sups)-1].End > n {
		s := clampSpan(sups[len(sups)-1], n)
		if s.Len() > 0 {
			sups[len(sups)-1] = s
			break
		}
		sups = sups[:len(sups)-1]
	}
	b.doc.Superscripts = sups
}

// clampSpan cuts s back so that it ends at or before n.
func clampSpan(s Span, n int) Span {
	return Span{min(s.Start, n), min(s.End, n)}
}

func (b *builder) isSpace(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == 0xA0 || (r > 0x7f && unicode.IsSpace(r))
}

// finish closes the last block and fills in the document.
func (b *builder) finish() {
	b.closeBlock()
	if len(b.doc.Blocks) == 0 {
		b.doc.Blocks = nil // as without reserve
	}
	b.doc.Text = string(b.text)
	b.text = nil
	b.doc.textMap = b.m
	b.doc.lines = *newLineIndex(b.doc.Src, b.doc.Charset)
}
