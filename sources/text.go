package sources

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// parseText reads plain text. Paragraphs are separated by blank lines; the
// lines of a hard-wrapped paragraph are joined with a space, so a citation
// or a reference broken across lines reads as one. Lines starting with a
// bullet or a number become list items, and short lines standing alone
// without closing punctuation become headings.
func parseText(doc *Document) error {
	src, err := decodeText(doc)
	if err != nil {
		return err
	}
	b := newBuilder(doc)
	lines := splitLines(src)
	lines = dropDirectiveLines(lines)
	paragraphs := 0
	for i := range lines {
		if !lines[i].blank() && (i == 0 || lines[i-1].blank()) {
			paragraphs++
		}
	}
	b.reserve(len(lines)+8, paragraphs+8)
	var lists textLists
	for i := 0; i < len(lines); {
		if lines[i].blank() {
			i++
			continue
		}
		j := i
		for j < len(lines) && !lines[j].blank() {
			j++
		}
		textParagraph(b, src, lines[i:j], &lists, j-i == 1 && (i == 0 || lines[i-1].blank()) && (j == len(lines) || lines[j].blank()))
		i = j
	}
	b.finish()
	return nil
}

// textLine is one line of the input: src[start:end] without its line break,
// with indent bytes of leading white space.
type textLine struct {
	start, end, indent int
	src                []byte
}

func (l textLine) blank() bool    { return l.indent == l.end-l.start }
func (l textLine) body() []byte   { return l.src[l.start+l.indent : l.end] }
func (l textLine) width() int     { return utf8.RuneCount(l.src[l.start:l.end]) }
func (l textLine) bodyStart() int { return l.start + l.indent }

func splitLines(src []byte) []textLine {
	if len(src) == 0 {
		return nil
	}
	lines := make([]textLine, 0, bytes.Count(src, []byte{'\n'})+1)
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		next := 0
		if end < 0 {
			end, next = len(src), len(src)
		} else {
			end += start
			next = end + 1
		}
		e := end
		if e > start && src[e-1] == '\r' {
			e--
		}
		ind := 0
		for start+ind < e {
			r, n := utf8.DecodeRune(src[start+ind : e])
			if !unicode.IsSpace(r) {
				break
			}
			ind += n
		}
		lines = append(lines, textLine{start: start, end: e, indent: ind, src: src})
		start = next
	}
	return lines
}

// bulletLen returns the length of a list marker at the start of s ("• ",
// "- ", "* ", "1. ", "2) ") and whether the list is numbered.
func bulletLen(s []byte) (n int, ordered bool) {
	r, size := utf8.DecodeRune(s)
	switch r {
	case '•', '◦', '▪', '‣', '·', '-', '*', '–', '+':
		if size < len(s) && (s[size] == ' ' || s[size] == '\t') {
			return size + 1, false
		}
		return 0, false
	}
	i := 0
	for i < len(s) && i < 4 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t') {
		return i + 2, true
	}
	return 0, false
}

// textLists tracks the open lists, outermost first, so that a list whose
// items are separated by blank lines keeps one number and nested items get
// their depth.
type textLists struct{ open []textList }

type textList struct {
	indent int
	marker rune // the bullet, or '.' or ')' after a number
	num    int
}

// item returns the list number and nesting depth of an item with the given
// indent and marker, starting or ending lists as needed.
func (ls *textLists) item(b *builder, indent int, marker rune) (num, level int) {
	for len(ls.open) > 0 && ls.open[len(ls.open)-1].indent > indent {
		ls.open = ls.open[:len(ls.open)-1]
	}
	if n := len(ls.open); n > 0 && ls.open[n-1].indent == indent {
		if ls.open[n-1].marker == marker {
			return ls.open[n-1].num, n
		}
		ls.open = ls.open[:n-1] // another kind of marker starts another list
	}
	ls.open = append(ls.open, textList{indent: indent, marker: marker, num: b.newList()})
	return ls.open[len(ls.open)-1].num, len(ls.open)
}

// listMarker returns the marker of a list line: its bullet, or the
// character after its number.
func listMarker(body []byte, n int, ordered bool) rune {
	if ordered {
		return rune(body[n-2])
	}
	r, _ := utf8.DecodeRune(body)
	return r
}

// textParagraph writes one blank-line-separated paragraph.
func textParagraph(b *builder, src []byte, lines []textLine, lists *textLists, alone bool) {
	maxWidth := 0
	for _, l := range lines {
		maxWidth = max(maxWidth, l.width())
	}
	first := lines[0].body()
	if n, ordered := bulletLen(first); n == 0 || ordered {
		if n == 0 {
			lists.open = lists.open[:0] // a list continues only with another item
		}
		// a bulleted line is an item, but "1. Introduction" may be a heading
		if alone && isTextHeading(first) {
			lists.open = lists.open[:0]
			b.openBlock(BlockHeading, 1, lines[0].bodyStart())
			b.writeSource(src, lines[0].bodyStart(), lines[0].end)
			b.closeBlock()
			return
		}
	}
	if len(lines) >= 2 && isUnderline(lines[1].body()) && len(lines) == 2 {
		level := 1
		if lines[1].body()[0] == '-' {
			level = 2
		}
		b.openBlock(BlockHeading, level, lines[0].bodyStart())
		b.writeSource(src, lines[0].bodyStart(), lines[0].end)
		b.closeBlock()
		return
	}
	base := lines[0].indent
	hanging := false
	for _, l := range lines[1:] {
		if l.indent > base {
			hanging = true
		}
	}
	inList := false
	for k, l := range lines {
		body := l.body()
		if n, ordered := bulletLen(body); n > 0 {
			inList = true
			list, level := lists.item(b, l.indent, listMarker(body, n, ordered))
			b.openBlock(BlockListItem, level, l.bodyStart())
			b.setList(list, ordered)
			if !ordered { // the bullet is not text; a number is
				b.writeSource(src, l.bodyStart()+n, l.end)
			} else {
				b.writeSource(src, l.bodyStart(), l.end)
			}
			continue
		}
		startsBlock := k == 0
		if k > 0 {
			prev := lines[k-1]
			if inList && l.indent <= base && !hanging {
				startsBlock = true
				inList = false
				lists.open = lists.open[:0]
			} else if !inList && hanging && l.indent <= base && startsEntry(body) {
				// in a hanging-indent list every line at the margin
				// starts an entry
				startsBlock = true
			} else if !inList && l.indent <= base && endsEntry(prev.body()) && startsEntry(body) &&
				(hanging || prev.width()*5 < maxWidth*4) {
				startsBlock = true
			}
		}
		if startsBlock {
			b.openBlock(BlockParagraph, 0, l.bodyStart())
			b.writeSource(src, l.bodyStart(), l.end)
			continue
		}
		// continuation: join to the previous line
		prev := lines[k-1]
		if joinsWithoutSpace(prev.body(), body) {
			b.writeMapped("", prev.end, l.bodyStart())
			b.writeSource(src, l.bodyStart(), l.end)
			continue
		}
		b.space(prev.end, l.bodyStart())
		b.writeSource(src, l.bodyStart(), l.end)
	}
	b.closeBlock()
	if !inList {
		lists.open = lists.open[:0]
	}
}

// isTextHeading reports whether a line standing alone reads as a heading:
// short, with letters, and not ending like a sentence or a clause.
func isTextHeading(s []byte) bool {
	s = bytes.TrimSpace(s)
	if len(s) == 0 || utf8.RuneCount(s) > 90 {
		return false
	}
	last, _ := utf8.DecodeLastRune(s)
	switch last {
	case '.', ',', ';', ':', ')', ']', '"', '”', '’':
		return false
	}
	letters, words, capitals := 0, 0, 0
	for _, w := range bytes.Fields(s) {
		r, _ := utf8.DecodeRune(w)
		if unicode.IsLetter(r) {
			words++
			if unicode.IsUpper(r) {
				capitals++
			}
		}
		for _, c := range string(w) {
			if unicode.IsLetter(c) {
				letters++
			}
		}
	}
	if bytes.ContainsAny(s, "←→«»|") { // pagination and navigation, not a heading
		return false
	}
	if letters < 3 || words == 0 || words > 14 {
		return false
	}
	if last == '?' || last == '!' { // a question stands as a heading only in title case
		return capitals*2 > words
	}
	return true
}

func isUnderline(s []byte) bool {
	s = bytes.TrimSpace(s)
	return len(s) >= 3 && (bytes.Count(s, []byte{'='}) == len(s) || bytes.Count(s, []byte{'-'}) == len(s))
}

// endsEntry reports whether a line ends the way a sentence or a reference
// entry does.
func endsEntry(s []byte) bool {
	s = bytes.TrimSpace(s)
	if len(s) == 0 {
		return false
	}
	switch s[len(s)-1] {
	case '.', ')', ']', '!', '?':
		return true
	}
	return endsWithURL(s)
}

// startsEntry reports whether a line starts the way a new entry does.
func startsEntry(s []byte) bool {
	r, _ := utf8.DecodeRune(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '['
}

func endsWithURL(s []byte) bool {
	i := bytes.LastIndexByte(s, ' ')
	last := s[i+1:]
	return bytes.Contains(last, []byte("://")) || bytes.HasPrefix(last, []byte("doi:")) || bytes.HasPrefix(last, []byte("www."))
}

// joinsWithoutSpace reports whether a line break falls inside a word: a URL
// or DOI broken after '/', '.', '-' or '_'. A full stop after a closing
// bracket ends a sentence, not a piece of URL: "(Hughes et al., 2018,
// https://doi.org/10.1038/nature25746)."
func joinsWithoutSpace(prev, next []byte) bool {
	if len(prev) == 0 || len(next) == 0 {
		return false
	}
	i := bytes.LastIndexByte(prev, ' ')
	last := prev[i+1:]
	urlish := bytes.Contains(last, []byte("://")) || bytes.HasPrefix(last, []byte("doi.org")) || bytes.HasPrefix(last, []byte("www.")) || bytes.HasPrefix(last, []byte("10."))
	if !urlish {
		return false
	}
	switch last[len(last)-1] {
	case '.':
		return !bytes.HasSuffix(last, []byte(").")) && !bytes.HasSuffix(last, []byte("]."))
	case '/', '-', '_', '=', '&', '?':
		return true
	}
	return false
}

// decodeText returns the input as UTF-8. UTF-16 and UTF-32, with a byte
// order mark or clearly so without one, are transcoded; other input that is
// not valid UTF-8 is read as Windows-1252, the commonest mislabelled
// encoding. Either keeps a map back to the original bytes.
func decodeText(doc *Document) ([]byte, error) {
	src := doc.Src
	if u, bom, ok := sniffWide(src); ok {
		return decodeWide(doc, u, bom), nil
	}
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		// read the byte order mark as white space, keeping offsets into Src
		src = append([]byte("   "), src[3:]...)
	}
	if utf8.Valid(src) {
		return src, nil
	}
	return decodeLegacy(doc, "windows-1252")
}
