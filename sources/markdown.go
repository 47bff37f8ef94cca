package sources

import (
	"bytes"
	"html"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// parseMarkdown reads CommonMark with the GitHub extensions (tables,
// strikethrough, bare URLs, task lists) and footnotes. Text is the rendered
// text: markup characters, link destinations and front matter are left out,
// soft line breaks read as spaces, and every byte keeps its place in Src
// through goldmark's segments (see markdown_bounds.go for what keeps
// goldmark linear).
func parseMarkdown(doc *Document) error { return parseMarkdownCounting(doc, nil) }

// parseMarkdownCounting is parseMarkdown, counting goldmark's work in work
// when it is not nil.
func parseMarkdownCounting(doc *Document, work *mdWork) error {
	src, err := decodeText(doc)
	if err != nil {
		return err
	}
	var front []byte
	if fs, fe, ok := mdFrontMatter(src); ok {
		front = src[fs:fe]
		// blank the front matter out, keeping offsets, so Markdown sees
		// empty lines there
		blanked := make([]byte, len(src))
		copy(blanked, src)
		for i := fs; i < fe; i++ {
			if blanked[i] != '\n' {
				blanked[i] = ' '
			}
		}
		src = blanked
	}

	src = mdLimitNesting(src)

	refs := &mdFootnoteRefs{defs: map[string]*east.Footnote{}, spans: map[*east.FootnoteLink][2]int{}, work: work}
	tables := &mdTables{escapes: map[int]bool{}}
	p := newMarkdownParser(refs, tables, work)
	gsrc := mdShapeLinks(src)
	root := p.Parse(gtext.NewReader(gsrc))

	w := &mdWriter{b: newBuilder(doc), doc: doc, src: src, gsrc: gsrc, refs: refs.spans, escapes: tables.escapes}
	// a few runs of the offset map and about a block per line
	lines := bytes.Count(src, []byte{'\n'})
	w.b.reserve(4*lines+16, lines+8)
	w.block(root, mdContainer{})
	w.footnoteDefinitions()
	w.b.finish()

	doc.Meta.Title = markdownTitle(doc)
	if front != nil {
		mdParseFrontMatter(front, &doc.Meta)
	}
	return nil
}

// mdContainer describes the list item, quotation or footnote definition the
// walk is inside: the block its paragraphs go to.
type mdContainer struct {
	owner   ast.Node // nil at the top level
	kind    BlockKind
	level   int
	list    int
	ordered bool
	id      string
}

// mdWriter walks goldmark's syntax tree and writes the readable text.
type mdWriter struct {
	b    *builder
	doc  *Document
	src  []byte // the input, decoded
	gsrc []byte // the source goldmark read: src, or a copy mdShapeLinks changed
	refs map[*east.FootnoteLink][2]int
	// escapes are the backslashes of "\|" in code spans of table cells,
	// left out of the text
	escapes map[int]bool

	owner     ast.Node // container whose block is open, if any
	listDepth int
	footnotes *east.FootnoteList
	last      int // source offset just past the last text written

	sups     []int      // text offsets where open <sup> elements start
	anchors  []mdAnchor // open <a href> elements of raw HTML
	htmlTag  []byte     // a raw HTML tag being read across lines
	htmlMode int        // state of the raw HTML scanner
	htmlList int        // list number of the open HTML <ul> or <ol>
	htmlOrd  bool
}

type mdAnchor struct {
	start int
	href  string
}

// maxMarkdownDepth bounds the nesting the writer follows; deeper blocks
// are flattened into their ancestor.
const maxMarkdownDepth = 200

func (w *mdWriter) block(n ast.Node, c mdContainer) {
	w.blockDepth(n, c, 0)
}

func (w *mdWriter) blockDepth(n ast.Node, c mdContainer, depth int) {
	switch n := n.(type) {
	case *ast.Heading:
		w.leaf(BlockHeading, n.Level, n.Pos())
		w.inlines(n)
		w.endLeaf()
	case *ast.Paragraph, *ast.TextBlock:
		w.paragraph(n, c)
		w.inlines(n)
		w.flushInline()
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		w.leaf(BlockPreformatted, 0, n.Pos())
		lines := n.Lines()
		for i := range lines.Len() {
			s := lines.At(i)
			w.b.writeSource(w.src, s.Start, min(s.Stop, len(w.src)))
			w.last = s.Stop
		}
		w.endLeaf()
	case *ast.HTMLBlock:
		w.b.closeBlock()
		w.owner = nil
		w.htmlMode, w.htmlTag = mdHTMLText, w.htmlTag[:0]
		lines := n.Lines()
		for i := range lines.Len() {
			s := lines.At(i)
			w.html(s.Start, s.Stop)
		}
		if n.HasClosure() {
			w.html(n.ClosureLine.Start, n.ClosureLine.Stop)
		}
		w.flushInline()
		w.b.closeBlock()
		w.htmlList = 0
	case *ast.ThematicBreak, *ast.LinkReferenceDefinition:
		w.b.closeBlock()
		w.owner = nil
	case *east.FootnoteList:
		if w.footnotes == nil {
			w.footnotes = n
		}
	case *east.TableCell:
		w.leaf(BlockTableCell, 0, n.Pos())
		w.inlines(n)
		w.endLeaf()
	case *ast.List:
		num := w.b.newList()
		w.listDepth++
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			ic := mdContainer{owner: item, kind: BlockListItem, level: w.listDepth, list: num, ordered: n.IsOrdered()}
			w.children(item, ic, depth)
		}
		w.listDepth--
	case *ast.Blockquote:
		w.children(n, mdContainer{owner: n, kind: BlockQuote}, depth)
	default:
		if n.Type() == ast.TypeInline {
			w.inline(n)
			return
		}
		w.children(n, c, depth)
	}
}

func (w *mdWriter) children(n ast.Node, c mdContainer, depth int) {
	if depth >= maxMarkdownDepth {
		c = mdContainer{} // too deep: read on as plain paragraphs
	}
	for k := n.FirstChild(); k != nil; k = k.NextSibling() {
		if depth >= maxMarkdownDepth && k.Type() != ast.TypeInline {
			// keep the text of what is nested too deep without following
			// its structure further
			w.flatten(k)
			continue
		}
		w.blockDepth(k, c, depth+1)
	}
}

// flatten writes the text of a deeply nested subtree with an explicit stack.
func (w *mdWriter) flatten(n ast.Node) {
	stack := []ast.Node{n}
	for len(stack) > 0 {
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if _, ok := k.(*east.FootnoteList); ok {
			continue
		}
		if k.Type() == ast.TypeBlock && k.HasChildren() && k.FirstChild().Type() == ast.TypeInline {
			w.b.space(w.last, w.last)
			w.inlines(k)
			continue
		}
		for c := k.LastChild(); c != nil; c = c.PreviousSibling() {
			stack = append(stack, c)
		}
	}
}

// leaf opens a block that no container continues: a heading, code block or
// table cell.
func (w *mdWriter) leaf(kind BlockKind, level, pos int) {
	if pos < 0 {
		pos = w.last
	}
	w.b.openBlock(kind, level, pos)
	w.owner = nil
}

func (w *mdWriter) endLeaf() {
	w.flushInline()
	w.b.closeBlock()
}

// paragraph opens the block for a paragraph, or continues the container's
// block when the paragraph is not the container's first.
func (w *mdWriter) paragraph(n ast.Node, c mdContainer) {
	pos := n.Pos()
	if pos < 0 {
		pos = w.last
	}
	if c.owner != nil && w.owner == c.owner && w.b.open {
		w.b.space(w.last, pos)
		return
	}
	kind := c.kind
	if c.owner == nil {
		kind = BlockParagraph
	}
	w.b.openBlock(kind, c.level, pos)
	if kind == BlockListItem {
		w.b.setList(c.list, c.ordered)
	}
	if c.id != "" {
		w.b.setBlockID(c.id)
	}
	w.owner = c.owner
}

func (w *mdWriter) inlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.inline(c)
	}
}

func (w *mdWriter) inline(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		s := n.Segment
		w.text(s.Start, s.Stop, n.IsRaw())
		if n.SoftLineBreak() || n.HardLineBreak() {
			end := s.Stop
			if i := bytes.IndexByte(w.src[min(end, len(w.src)):], '\n'); i >= 0 {
				end += i + 1
			}
			w.b.space(s.Stop, end)
			w.last = end
		}
	case *ast.String:
		w.b.writeMapped(string(n.Value), w.last, w.last)
	case *ast.CodeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				w.codeText(t.Segment.Start, t.Segment.Stop)
			}
		}
	case *ast.Link:
		start := w.b.mark(w.firstPos(n))
		w.inlines(n)
		w.addLink(start, w.original(n.Destination), false)
	case *ast.AutoLink:
		label := n.Label(w.src)
		start := w.b.mark(w.last)
		if off, ok := mdOffsetIn(w.src, label); ok {
			w.text(off, off+len(label), true)
		} else {
			w.b.writeMapped(string(label), w.last, w.last)
		}
		href := string(label)
		link := Link{Span: Span{start, w.b.len()}, Href: href, URL: string(n.URL(w.src)), InBody: true}
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(link.URL), "mailto:") {
			link.URL = "mailto:" + link.URL
		} else {
			link.URL = resolveMarkdownURL(link.URL)
		}
		link.Superscript = len(w.sups) > 0
		w.doc.Links = append(w.doc.Links, link)
	case *east.FootnoteLink:
		w.footnoteRef(n)
	case *ast.RawHTML:
		w.htmlMode, w.htmlTag = mdHTMLText, w.htmlTag[:0]
		for i := range n.Segments.Len() {
			s := n.Segments.At(i)
			w.html(s.Start, s.Stop)
		}
	case *ast.Image, *east.TaskCheckBox, *east.FootnoteBacklink:
		// not part of the readable text
	default:
		w.inlines(n)
	}
}

// firstPos returns the source offset of the first text under n.
func (w *mdWriter) firstPos(n ast.Node) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	return w.last
}

// text writes src[start:stop], resolving backslash escapes and character
// references unless raw.
func (w *mdWriter) text(start, stop int, raw bool) {
	stop = min(stop, len(w.src))
	if start >= stop {
		return
	}
	w.last = stop
	if raw {
		w.b.writeSource(w.src, start, stop)
		return
	}
	for i := start; i < stop; {
		j := i
		for j < stop && w.src[j] != '\\' && w.src[j] != '&' {
			j++
		}
		w.b.writeSource(w.src, i, j)
		if j == stop {
			return
		}
		if w.src[j] == '\\' {
			if j+1 < stop && util.IsPunct(w.src[j+1]) {
				w.b.writeMapped(string(w.src[j+1]), j, j+2)
				i = j + 2
				continue
			}
			w.b.writeSource(w.src, j, j+1)
			i = j + 1
			continue
		}
		if k := mdEntityEnd(w.src[j:stop]); k > 0 {
			ref := string(w.src[j : j+k])
			if dec := html.UnescapeString(ref); dec != ref {
				w.b.writeMapped(dec, j, j+k)
				i = j + k
				continue
			}
		}
		w.b.writeSource(w.src, j, j+1)
		i = j + 1
	}
}

// codeText writes the text of a code span, leaving out the backslashes of
// escaped pipes in table cells.
func (w *mdWriter) codeText(start, stop int) {
	if len(w.escapes) > 0 {
		for i := start; i < stop; i++ {
			if w.escapes[i] {
				w.text(start, i, true)
				start = i + 1
			}
		}
	}
	w.text(start, stop, true)
}

// original returns b, a value goldmark took from the source it read, as
// the input has it: mdShapeLinks may have changed bytes of that source.
func (w *mdWriter) original(b []byte) string {
	if off, ok := mdOffsetIn(w.gsrc, b); ok {
		return string(w.src[off : off+len(b)])
	}
	return string(b)
}

// mdEntityEnd returns the length of a character reference at the start of s
// ("&amp;", "&#8212;"), or 0.
func mdEntityEnd(s []byte) int {
	for k := 1; k < len(s) && k < 40; k++ {
		c := s[k]
		switch {
		case c == ';':
			if k > 1 {
				return k + 1
			}
			return 0
		case c == '#' && k == 1, c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		default:
			return 0
		}
	}
	return 0
}

// mdOffsetIn returns where b, a subslice of src, starts in src.
func mdOffsetIn(src, b []byte) (int, bool) {
	if len(b) == 0 || cap(b) > cap(src) {
		return 0, false
	}
	off := cap(src) - cap(b)
	if off < 0 || off+len(b) > len(src) || &src[off] != &b[0] {
		return 0, false
	}
	return off, true
}

func (w *mdWriter) addLink(start int, href string, footnote bool) {
	end := w.b.len()
	if start > end {
		start = end
	}
	w.doc.Links = append(w.doc.Links, Link{
		Span:        Span{start, end},
		Href:        href,
		URL:         resolveMarkdownURL(href),
		InBody:      true,
		Superscript: len(w.sups) > 0 || footnote,
		Footnote:    footnote,
	})
}

// resolveMarkdownURL normalises an absolute URL; Markdown has no base URL,
// so a relative one is kept as written.
func resolveMarkdownURL(href string) string {
	// without a ':' before any fragment there is no scheme to make it
	// absolute ("#fn:1", "/about"): not worth parsing
	h := strings.TrimSpace(href)
	if c := strings.IndexByte(h, ':'); c < 0 || strings.IndexByte(h[:c], '#') >= 0 {
		return href
	}
	u, err := url.Parse(h)
	if err != nil || !u.IsAbs() {
		return href
	}
	return u.String()
}

// footnoteRef writes a footnote reference [^label] as "[label]".
func (w *mdWriter) footnoteRef(n *east.FootnoteLink) {
	sp, ok := w.refs[n]
	if !ok {
		return
	}
	start, end := sp[0], sp[1]
	label := string(w.src[start+2 : end-1])
	if w.src[start] != '[' || w.src[start+1] != '^' {
		label = string(w.src[start:end])
	}
	pos := w.b.mark(start)
	w.b.writeMapped("["+label+"]", start, end)
	w.last = end
	outer := len(w.sups) > 0
	w.addLink(pos, "#fn:"+label, true)
	if !outer && w.b.len() > pos {
		w.doc.Superscripts = append(w.doc.Superscripts, Span{pos, w.b.len()})
	}
}

// footnoteDefinitions writes the footnote definitions after the rest of the
// document, in source order, as the items of one numbered list.
func (w *mdWriter) footnoteDefinitions() {
	if w.footnotes == nil || !w.footnotes.HasChildren() {
		return
	}
	w.b.closeBlock()
	w.owner = nil
	list := w.b.newList()
	for n := w.footnotes.FirstChild(); n != nil; n = n.NextSibling() {
		fn, ok := n.(*east.Footnote)
		if !ok {
			continue
		}
		id := "fn:" + string(fn.Ref)
		first := len(w.doc.Blocks)
		c := mdContainer{owner: fn, kind: BlockListItem, level: 1, list: list, ordered: true, id: id}
		w.children(fn, c, 0)
		w.b.closeBlock()
		w.owner = nil
		a := Anchor{ID: id, Span: Span{w.b.len(), w.b.len()}}
		if len(w.doc.Blocks) > first {
			a.Span = Span{w.doc.Blocks[first].Span.Start, w.doc.Blocks[len(w.doc.Blocks)-1].Span.End}
		}
		w.doc.Anchors = append(w.doc.Anchors, a)
	}
}

// flushInline closes superscripts and links of raw HTML left open at the
// end of a block.
func (w *mdWriter) flushInline() {
	if len(w.sups) > 0 {
		w.closeSup(true)
	}
	for len(w.anchors) > 0 {
		w.closeAnchor()
	}
}

func (w *mdWriter) closeSup(all bool) {
	if len(w.sups) == 0 {
		return
	}
	start := w.sups[0]
	if all {
		w.sups = w.sups[:0]
	} else {
		w.sups = w.sups[:len(w.sups)-1]
	}
	if len(w.sups) > 0 {
		return // only the outermost superscript is recorded
	}
	if end := w.b.len(); end > start {
		w.doc.Superscripts = append(w.doc.Superscripts, Span{start, end})
	}
}

func (w *mdWriter) closeAnchor() {
	a := w.anchors[len(w.anchors)-1]
	w.anchors = w.anchors[:len(w.anchors)-1]
	w.addLink(a.start, a.href, false)
}

// States of the raw HTML scanner.
const (
	mdHTMLText = iota
	mdHTMLTag
	mdHTMLComment
	mdHTMLRawText // inside <script> or <style>
)

// mdMaxTagBytes bounds how much of one tag the scanner keeps.
const mdMaxTagBytes = 4096

// html reads src[start:stop] of raw HTML: text is kept, tags are dropped,
// and <sup>, <a href>, <br> and block elements are honoured.
func (w *mdWriter) html(start, stop int) {
	stop = min(stop, len(w.src))
	s := w.src
	i := start
	for i < stop {
		switch w.htmlMode {
		case mdHTMLText:
			j := i
			for j < stop && s[j] != '<' {
				j++
			}
			w.text(i, j, false)
			if j == stop {
				return
			}
			if bytes.HasPrefix(s[j:stop], []byte("<!--")) {
				w.htmlMode = mdHTMLComment
				i = j + 4
				continue
			}
			w.htmlMode = mdHTMLTag
			w.htmlTag = w.htmlTag[:0]
			i = j
		case mdHTMLTag:
			j := i
			for j < stop && s[j] != '>' {
				j++
			}
			if room := mdMaxTagBytes - len(w.htmlTag); room > 0 {
				w.htmlTag = append(w.htmlTag, s[i:min(j, i+room)]...)
			}
			if j == stop {
				return
			}
			tagStart := j + 1 - len(w.htmlTag)
			w.tag(w.htmlTag, max(tagStart, start), j+1)
			i = j + 1
		case mdHTMLComment:
			k := bytes.Index(s[i:stop], []byte("-->"))
			if k < 0 {
				return
			}
			i += k + 3
			w.htmlMode = mdHTMLText
		case mdHTMLRawText:
			k := bytes.IndexByte(s[i:stop], '<')
			if k < 0 {
				return
			}
			i += k
			rest := bytes.ToLower(s[i:min(stop, i+9)])
			if bytes.HasPrefix(rest, []byte("</script")) || bytes.HasPrefix(rest, []byte("</style")) {
				w.htmlMode = mdHTMLTag
				w.htmlTag = w.htmlTag[:0]
				continue
			}
			i++
		}
	}
}

// tag acts on one HTML tag (with '<', without '>') found at src[start:end].
func (w *mdWriter) tag(t []byte, start, end int) {
	w.htmlMode = mdHTMLText
	if len(t) < 2 {
		w.text(start, end, false) // a lone '<' is text
		return
	}
	t = t[1:]
	closing := t[0] == '/'
	if closing {
		t = t[1:]
	}
	n := 0
	for n < len(t) && (t[n] >= 'a' && t[n] <= 'z' || t[n] >= 'A' && t[n] <= 'Z' || t[n] >= '0' && t[n] <= '9') {
		n++
	}
	if n == 0 {
		return // a declaration, processing instruction or stray '<'
	}
	name := strings.ToLower(string(t[:n]))
	switch name {
	case "script", "style":
		if !closing {
			w.htmlMode = mdHTMLRawText
		}
	case "sup":
		if closing {
			w.closeSup(false)
		} else if len(w.sups) < 64 {
			w.sups = append(w.sups, w.b.mark(end))
		}
	case "a":
		if closing {
			if len(w.anchors) > 0 {
				w.closeAnchor()
			}
		} else if href, ok := mdAttr(t[n:], "href"); ok && len(w.anchors) < 64 {
			w.anchors = append(w.anchors, mdAnchor{start: w.b.mark(end), href: href})
		}
	case "br":
		w.b.space(start, end)
	case "h1", "h2", "h3", "h4", "h5", "h6":
		w.htmlBlock()
		if !closing {
			w.b.openBlock(BlockHeading, int(name[1]-'0'), end)
		}
	case "ul", "ol":
		w.htmlBlock()
		w.htmlList = 0
		if !closing {
			w.htmlList, w.htmlOrd = w.b.newList(), name == "ol"
		}
	case "li":
		w.htmlBlock()
		if !closing {
			w.b.openBlock(BlockListItem, 1, end)
			w.b.setList(w.htmlList, w.htmlOrd)
		}
	case "td", "th":
		w.htmlBlock()
		if !closing {
			w.b.openBlock(BlockTableCell, 0, end)
		}
	case "p", "div", "blockquote", "section", "article", "header", "footer", "table", "tr",
		"pre", "figure", "figcaption", "dl", "dt", "dd", "hr", "aside", "nav", "details", "summary":
		w.htmlBlock()
	}
}

// htmlBlock ends the block open in raw HTML at a block element's tag.
func (w *mdWriter) htmlBlock() {
	w.flushInline()
	w.b.closeBlock()
	w.owner = nil
}

// mdAttr returns the value of the named attribute in the rest of a tag.
func mdAttr(t []byte, name string) (string, bool) {
	for i := 0; i < len(t); {
		for i < len(t) && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r' || t[i] == '/') {
			i++
		}
		j := i
		for j < len(t) && t[j] != '=' && t[j] != ' ' && t[j] != '\t' && t[j] != '\n' && t[j] != '\r' && t[j] != '>' {
			j++
		}
		key := t[i:j]
		if j == i {
			return "", false
		}
		i = j
		if i >= len(t) || t[i] != '=' {
			continue
		}
		i++
		var val []byte
		if i < len(t) && (t[i] == '"' || t[i] == '\'') {
			q := t[i]
			k := bytes.IndexByte(t[i+1:], q)
			if k < 0 {
				val, i = t[i+1:], len(t)
			} else {
				val, i = t[i+1:i+1+k], i+k+2
			}
		} else {
			k := i
			for k < len(t) && t[k] != ' ' && t[k] != '\t' && t[k] != '\n' && t[k] != '\r' {
				k++
			}
			val, i = t[i:k], k
		}
		if strings.EqualFold(string(key), name) {
			return html.UnescapeString(string(val)), true
		}
	}
	return "", false
}

// markdownTitle returns the text of the first level-1 heading, or of the
// first heading when there is none.
func markdownTitle(doc *Document) string {
	first := -1
	for i, b := range doc.Blocks {
		if b.Kind != BlockHeading {
			continue
		}
		if b.Level == 1 {
			return doc.Slice(b.Span)
		}
		if first < 0 {
			first = i
		}
	}
	if first >= 0 {
		return doc.Slice(doc.Blocks[first].Span)
	}
	return ""
}

// mdFrontMatter finds YAML front matter: a "---" line at the very start,
// "key: value" lines, and a closing "---" or "..." line. It returns the
// range of the whole block, fences included.
func mdFrontMatter(src []byte) (start, end int, ok bool) {
	for start < 3 && start < len(src) && src[start] == ' ' { // a byte order mark read as spaces
		start++
	}
	if start != 0 && start != 3 {
		return 0, 0, false
	}
	rest := src[start:]
	first, next := mdCutLine(rest)
	if string(bytes.TrimRight(first, " \t\r")) != "---" {
		return 0, 0, false
	}
	pos := start + next
	sawKey := false
	for pos < len(src) && pos-start < 64<<10 {
		line, n := mdCutLine(src[pos:])
		t := bytes.TrimRight(line, " \t\r")
		if string(t) == "---" || string(t) == "..." {
			if !sawKey {
				return 0, 0, false
			}
			return start, pos + n, true
		}
		if !sawKey && len(bytes.TrimSpace(t)) > 0 {
			if !mdIsKeyLine(t) {
				return 0, 0, false
			}
			sawKey = true
		}
		pos += n
	}
	return 0, 0, false
}

// mdCutLine returns the first line of s without its '\n' and the length
// including it.
func mdCutLine(s []byte) (line []byte, n int) {
	if i := bytes.IndexByte(s, '\n'); i >= 0 {
		return s[:i], i + 1
	}
	return s, len(s)
}

func mdIsKeyLine(t []byte) bool {
	i := 0
	for i < len(t) && (t[i] >= 'a' && t[i] <= 'z' || t[i] >= 'A' && t[i] <= 'Z' || t[i] == '_' || t[i] == '-' || i > 0 && t[i] >= '0' && t[i] <= '9') {
		i++
	}
	return i > 0 && i < len(t) && t[i] == ':'
}

// mdParseFrontMatter fills meta from simple YAML "key: value" lines, with
// lists written inline ([a, b]) or as "- item" lines.
func mdParseFrontMatter(front []byte, meta *Meta) {
	var key string
	var lines [][]byte
	for len(front) > 0 {
		line, n := mdCutLine(front)
		front = front[n:]
		lines = append(lines, bytes.TrimRight(line, " \t\r"))
	}
	set := func(key string, values []string) {
		if len(values) == 0 {
			return
		}
		v := values[0]
		switch key {
		case "title":
			meta.Title = v
		case "author", "authors", "creator":
			meta.Authors = append(meta.Authors, values...)
		case "date", "published", "pubdate":
			meta.Published = v
		case "lang", "language":
			meta.Language = v
		case "doi":
			meta.DOI = v
		case "canonical_url", "canonical", "canonicalurl":
			meta.CanonicalURL = v
		case "publisher":
			meta.Publisher = v
		case "description", "summary", "abstract":
			meta.Description = v
		}
	}
	for i := 1; i < len(lines); i++ { // lines[0] is the opening fence
		t := lines[i]
		if len(t) == 0 || t[0] == '#' || t[0] == ' ' || t[0] == '-' && !bytes.HasPrefix(t, []byte("---")) {
			continue
		}
		if !mdIsKeyLine(t) {
			continue
		}
		colon := bytes.IndexByte(t, ':')
		key = strings.ToLower(string(t[:colon]))
		val := bytes.TrimSpace(t[colon+1:])
		var values []string
		switch {
		case len(val) > 1 && val[0] == '[' && val[len(val)-1] == ']':
			for _, part := range bytes.Split(val[1:len(val)-1], []byte(",")) {
				if v := mdScalar(part); v != "" {
					values = append(values, v)
				}
			}
		case len(val) == 0:
			// a block list follows: "  - item" or "  - name: item"
			for i+1 < len(lines) {
				item := bytes.TrimSpace(lines[i+1])
				if !bytes.HasPrefix(item, []byte("- ")) && (len(lines[i+1]) == 0 || lines[i+1][0] != ' ') {
					break
				}
				i++
				if !bytes.HasPrefix(item, []byte("- ")) {
					continue
				}
				item = bytes.TrimSpace(item[2:])
				if mdIsKeyLine(item) {
					c := bytes.IndexByte(item, ':')
					if k := strings.ToLower(string(item[:c])); k != "name" && k != "title" {
						continue
					}
					item = item[c+1:]
				}
				if v := mdScalar(item); v != "" {
					values = append(values, v)
				}
			}
		default:
			if v := mdScalar(val); v != "" {
				values = append(values, v)
			}
		}
		set(key, values)
	}
}

// mdScalar unquotes a simple YAML scalar.
func mdScalar(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) >= 2 && (b[0] == '"' && b[len(b)-1] == '"' || b[0] == '\'' && b[len(b)-1] == '\'') {
		b = b[1 : len(b)-1]
	} else if i := bytes.Index(b, []byte(" #")); i >= 0 {
		b = bytes.TrimSpace(b[:i]) // a trailing comment
	}
	if !utf8.Valid(b) {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(b)
}

// mdMaxNesting bounds the container markers (">", "-", "1.") goldmark sees
// at the start of one line; its cost grows with the square of the nesting.
const mdMaxNesting = 32

// mdLimitNesting blanks out the container markers beyond mdMaxNesting at the
// start of each line, keeping every offset, so that what follows reads as
// indented text of the deepest container allowed. It returns src itself
// when no line nests that deep.
func mdLimitNesting(src []byte) []byte {
	out := src
	for start := 0; start < len(src); {
		end := len(src)
		if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
			end = start + i
		}
		count, cut, i := 0, -1, start
		for i < end {
			for i < end && (src[i] == ' ' || src[i] == '\t') {
				i++
			}
			n := mdMarkerLen(src[i:end])
			if n == 0 {
				break
			}
			count++
			if count == mdMaxNesting+1 {
				cut = i
			}
			i += n
		}
		if cut >= 0 {
			if &out[0] == &src[0] {
				out = bytes.Clone(src)
			}
			for k := cut; k < i; k++ {
				if out[k] != '\t' {
					out[k] = ' '
				}
			}
		}
		start = end + 1
	}
	return out
}

// mdMarkerLen returns the length of a block quote or list marker at the
// start of s, or 0.
func mdMarkerLen(s []byte) int {
	if len(s) == 0 {
		return 0
	}
	if s[0] == '>' {
		return 1
	}
	spaceAt := func(i int) bool { return i < len(s) && (s[i] == ' ' || s[i] == '\t') }
	if (s[0] == '-' || s[0] == '*' || s[0] == '+') && spaceAt(1) {
		return 2
	}
	j := 0
	for j < len(s) && j < 9 && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j > 0 && j < len(s) && (s[j] == '.' || s[j] == ')') && spaceAt(j+1) {
		return j + 2
	}
	return 0
}
