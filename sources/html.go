package sources

import (
	"bytes"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// The HTML reader works in one pass of the x/net/html tokenizer over the
// decoded source. html.Parse builds nodes without positions, so instead the
// reader builds its own light tree (htmlTree) whose text nodes keep the byte
// range of their raw text: the tokenizer's Raw() partitions the input, so
// the running sum of their lengths is the offset of every token. The tree
// applies the implied end tags that matter for text (p, li, dd/dt, td/th,
// tr, option, headings) and leaves the rest of the HTML5 tree construction
// alone. The content stage (html_content.go) scores the tree to find the
// article and writes its text through the builder; the metadata stage
// (html_meta.go) reads what the tokenizer pass collected.
//
// Attributes are read from the raw start tag rather than through
// Tokenizer.TagAttr, which copies every key and value: only the few the
// reader needs (id, class, href, rel, role, hidden, style, …) become
// strings. On the 37 evaluation pages this makes the whole reader cost
// about as much time as a bare html.Parse, with a third of its allocations
// (BenchmarkReadHTML, BenchmarkHTMLParse).
//
// Bounds for untrusted input: the open-element stack is at most
// htmlMaxDepth deep (deeper start tags are ignored), so end-tag matching
// and implied-end searches are linear in the input; JSON-LD is read up to
// 1 MB in 32 scripts; at most 512 meta tags are kept.

// htmlMaxDepth bounds the open-element stack; deeper start tags are read as
// if absent, so end-tag matching stays linear in the input.
const htmlMaxDepth = 256

// Node kinds.
const (
	htmlElement uint8 = iota
	htmlText
)

// Element flags set while tokenizing.
const (
	htmlFlagGone     uint16 = 1 << iota // never visible: script, style, hidden, …
	htmlFlagChrome                      // page chrome: nav, aside, footer, forms, unlikely class
	htmlFlagLDJSON                      // <script type="application/ld+json">
	htmlFlagForeign                     // inside svg or math
	htmlFlagSpace                       // text node holding only white space
	htmlFlagKeep                        // root of kept content
	htmlFlagRemoved                     // cleaned out of the kept content
	htmlFlagBackLink                    // class or ancestor marks a footnote back-link
	htmlFlagFootRef                     // class/rel marks a footnote reference
	htmlFlagArticle                     // itemprop=articleBody or role=main
	htmlFlagByline                      // looks like a byline (rel=author, class byline…)
	htmlFlagRefList                     // a reference list: ol.references, .reflist, .footnotes
)

// htmlNode is one element or text node of the light tree. Links between
// nodes are indexes into htmlTree.nodes; -1 means none.
type htmlNode struct {
	tag                       atom.Atom
	kind                      uint8
	flags                     uint16
	parent, first, last, next int32
	// start and end are the raw bytes of a text node, or of an element's
	// start tag, in the decoded source.
	start, end int32
	attr       int32 // index into htmlTree.attrs, or -1
	chars      int32 // text nodes: visible characters, white space collapsed
	commas     int32 // text nodes: commas
}

// htmlAttrs holds the attributes the reader uses of one element.
type htmlAttrs struct {
	id, class, href, rel, name string
}

// htmlMetaTag is a <meta> (or <link>) element's key and value.
type htmlMetaTag struct{ key, value string }

// htmlTree is the light tree and what the tokenizer pass collected for the
// metadata.
type htmlTree struct {
	src   []byte
	nodes []htmlNode
	attrs []htmlAttrs
	body  int32 // the body element, or -1

	metas     []htmlMetaTag
	title     [2]int32 // raw range of the first <title> text
	ldjson    [][2]int32
	ldBytes   int
	base      string
	canonical string
	lang      string
	timeAttr  string
}

func (t *htmlTree) attrOf(n int32) *htmlAttrs {
	if a := t.nodes[n].attr; a >= 0 {
		return &t.attrs[a]
	}
	return nil
}

func (t *htmlTree) id(n int32) string {
	if a := t.attrOf(n); a != nil {
		return a.id
	}
	return ""
}

func (t *htmlTree) class(n int32) string {
	if a := t.attrOf(n); a != nil {
		return a.class
	}
	return ""
}

// parseHTML reads an HTML page: it decodes its charset, builds the light
// tree, keeps the article's main content as Text with blocks, links,
// anchors and superscripts, and reads the page's metadata.
func parseHTML(doc *Document, base string) error {
	src, err := decodeHTML(doc)
	if err != nil {
		return err
	}
	t := buildHTMLTree(src)
	c := newHTMLContent(t, doc, base)
	c.extract()
	c.write()
	readHTMLMeta(t, c, &doc.Meta)
	return nil
}

// decodeHTML returns the page as UTF-8, transcoding it (with a map back to
// Src) when its charset is not UTF-8. A page that declares a legacy charset
// but is valid UTF-8 with non-ASCII bytes is read as UTF-8: mislabelled
// pages are common and the bytes say more than the label.
func decodeHTML(doc *Document) ([]byte, error) {
	src := doc.Src
	if u, bom, ok := sniffWide(src); ok {
		return decodeWide(doc, u, bom), nil
	}
	_, name, certain := charset.DetermineEncoding(src, "")
	if name == "utf-8" || name == "" {
		doc.Charset = "utf-8"
		return src, nil
	}
	ascii := true
	for _, c := range src {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	head := src[:min(len(src), 1024)]
	declared := certain || bytes.Contains(bytes.ToLower(head), []byte("charset"))
	switch {
	case !declared:
		// DetermineEncoding falls back to windows-1252 when nothing is
		// declared; UTF-8 is the better guess when the bytes allow it.
		if utf8.Valid(src) {
			doc.Charset = "utf-8"
			return src, nil
		}
	case ascii:
		doc.Charset = name
		return src, nil
	case utf8.Valid(src):
		doc.Charset = "utf-8"
		return src, nil
	}
	return decodeLegacy(doc, name)
}

// htmlTreeBuilder holds the state of the tokenizer pass.
type htmlTreeBuilder struct {
	t       *htmlTree
	stack   []int32 // open elements; stack[0] is the root
	head    int32   // open head element, or -1
	foreign int     // depth inside svg/math
	gone    int     // open elements flagged gone (their text is not read)
	inTitle bool
	inLD    bool
	lower   [16]byte
	open    [12]int32 // open elements per htmlTracked, to skip hopeless searches
}

// htmlTracked numbers the elements whose implied end tags the tree
// builder searches the stack for.
func htmlTracked(a atom.Atom) int {
	switch a {
	case atom.P:
		return 1
	case atom.Li:
		return 2
	case atom.Dd:
		return 3
	case atom.Dt:
		return 4
	case atom.Td:
		return 5
	case atom.Th:
		return 6
	case atom.Tr:
		return 7
	case atom.Tbody:
		return 8
	case atom.Thead:
		return 9
	case atom.Tfoot:
		return 10
	case atom.Optgroup:
		return 11
	}
	return 0
}

func buildHTMLTree(src []byte) *htmlTree {
	t := &htmlTree{src: src, body: -1, title: [2]int32{-1, -1}}
	tags := bytes.Count(src, []byte{'<'})
	t.nodes = make([]htmlNode, 1, tags+16)
	t.attrs = make([]htmlAttrs, 0, tags/4+8)
	t.nodes[0] = htmlNode{parent: -1, first: -1, last: -1, next: -1, attr: -1}
	tb := &htmlTreeBuilder{t: t, stack: make([]int32, 1, 64), head: -1}
	off := 0
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		off = 3
	}
	z := html.NewTokenizer(bytes.NewReader(src[off:]))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start := off
		off += len(raw)
		if off > len(src) { // never happens: Raw partitions the input
			break
		}
		switch tt {
		case html.TextToken:
			tb.text(start, off)
		case html.StartTagToken, html.SelfClosingTagToken:
			tb.startTag(z, raw, start, off, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			tb.endTag(raw, start, off)
		}
	}
	return t
}

// tagName returns the atom of a raw tag's name and the name itself,
// lower-cased when it fits the scratch buffer.
func (tb *htmlTreeBuilder) tagName(raw []byte, skip int) (atom.Atom, []byte) {
	i := skip
	for i < len(raw) && !htmlSpace(raw[i]) && raw[i] != '/' && raw[i] != '>' {
		i++
	}
	name := raw[skip:i]
	if len(name) > len(tb.lower) {
		return 0, name
	}
	buf := tb.lower[:len(name)]
	for k, c := range name {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return atom.Lookup(buf), buf
}

func htmlSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'
}

// appendNode adds a node as the last child of the current element.
func (tb *htmlTreeBuilder) appendNode(n htmlNode) int32 {
	t := tb.t
	parent := tb.stack[len(tb.stack)-1]
	n.parent, n.first, n.last, n.next = parent, -1, -1, -1
	idx := int32(len(t.nodes))
	t.nodes = append(t.nodes, n)
	p := &t.nodes[parent]
	if p.last >= 0 {
		t.nodes[p.last].next = idx
	} else {
		p.first = idx
	}
	p.last = idx
	return idx
}

func (tb *htmlTreeBuilder) text(start, end int) {
	t := tb.t
	raw := t.src[start:end]
	switch {
	case tb.inTitle:
		if t.title[0] < 0 {
			t.title = [2]int32{int32(start), int32(end)}
		}
		return
	case tb.inLD:
		if t.ldBytes+len(raw) <= 1<<20 && len(t.ldjson) < 32 {
			t.ldjson = append(t.ldjson, [2]int32{int32(start), int32(end)})
			t.ldBytes += len(raw)
		}
		return
	}
	chars, commas, space := htmlCountText(raw)
	if tb.head >= 0 && tb.stack[len(tb.stack)-1] == tb.head {
		if space {
			return
		}
		tb.closeHead() // text in the head starts the body
	}
	if tb.gone > 0 {
		return
	}
	n := htmlNode{kind: htmlText, start: int32(start), end: int32(end), attr: -1, chars: int32(chars), commas: int32(commas)}
	if space {
		n.flags = htmlFlagSpace
	}
	tb.appendNode(n)
}

// htmlCountText counts the visible characters of raw text with white space
// collapsed, and its commas.
func htmlCountText(raw []byte) (chars, commas int, space bool) {
	inSpace := true
	for i := 0; i < len(raw); i++ {
		switch htmlTextClass[raw[i]] {
		case htmlTextOther:
			chars++
			inSpace = false
		case htmlTextSpace:
			if !inSpace {
				chars++
				inSpace = true
			}
		case htmlTextComma:
			commas++
			chars++
			inSpace = false
		case htmlTextWideLead:
			if i+2 < len(raw) && raw[i+1] == 0xBC && raw[i+2] == 0x8C { // fullwidth comma
				commas++
			}
			chars++
			inSpace = false
		}
		// htmlTextContinuation: a continuation byte counts with its lead
	}
	if inSpace && chars > 0 {
		chars--
	}
	return chars, commas, chars == 0
}

// The classes of bytes htmlCountText tells apart.
const (
	htmlTextOther        = iota
	htmlTextSpace        // HTML white space
	htmlTextComma        // ','
	htmlTextWideLead     // 0xEF, which leads a fullwidth comma among others
	htmlTextContinuation // a UTF-8 continuation byte
)

// htmlTextClass is each byte's class for htmlCountText: one lookup a byte
// instead of a chain of comparisons.
var htmlTextClass = func() (t [256]uint8) {
	for c := 0x80; c < 0xC0; c++ {
		t[c] = htmlTextContinuation
	}
	for _, c := range []byte{' ', '\n', '\t', '\r', '\f'} {
		t[c] = htmlTextSpace
	}
	t[','] = htmlTextComma
	t[0xEF] = htmlTextWideLead
	return t
}()

// Elements whose start closes an open p.
func htmlClosesP(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Details, atom.Dialog,
		atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup, atom.Hr, atom.Main,
		atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section, atom.Summary, atom.Table, atom.Ul,
		atom.Li, atom.Dd, atom.Dt, atom.Listing, atom.Plaintext, atom.Xmp:
		return true
	}
	return false
}

func htmlIsVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input, atom.Keygen,
		atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr, atom.Image:
		return true
	}
	return false
}

func htmlInHead(a atom.Atom) bool {
	switch a {
	case atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta, atom.Noscript, atom.Script,
		atom.Style, atom.Template, atom.Title:
		return true
	}
	return false
}

// htmlGoneTag reports elements whose content is never part of the page's
// visible text.
func htmlGoneTag(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math, atom.Iframe, atom.Object,
		atom.Embed, atom.Canvas, atom.Head, atom.Title, atom.Select, atom.Textarea, atom.Button, atom.Option,
		atom.Datalist, atom.Audio, atom.Video, atom.Map, atom.Noframes, atom.Noembed, atom.Frameset:
		return true
	}
	return false
}

// popTo pops the stack through the element at stack index i.
func (tb *htmlTreeBuilder) popTo(i int) {
	for k := len(tb.stack) - 1; k >= i; k-- {
		n := &tb.t.nodes[tb.stack[k]]
		if n.flags&htmlFlagGone != 0 {
			tb.gone--
		}
		if n.flags&htmlFlagForeign != 0 && (n.tag == atom.Svg || n.tag == atom.Math) {
			tb.foreign--
		}
		if tb.stack[k] == tb.head {
			tb.head = -1
		}
		tb.open[htmlTracked(n.tag)]--
	}
	tb.stack = tb.stack[:i]
}

// find returns the stack index of the innermost open element with tag a,
// looking no further than an element in stop; -1 when there is none.
func (tb *htmlTreeBuilder) find(a atom.Atom, stop ...atom.Atom) int {
	if k := htmlTracked(a); k > 0 && tb.open[k] == 0 {
		return -1
	}
	for k := len(tb.stack) - 1; k > 0; k-- {
		tag := tb.t.nodes[tb.stack[k]].tag
		if tag == a {
			return k
		}
		if slices.Contains(stop, tag) {
			return -1
		}
	}
	return -1
}

func (tb *htmlTreeBuilder) closeHead() {
	for k := len(tb.stack) - 1; k > 0; k-- {
		if tb.stack[k] == tb.head {
			tb.popTo(k)
			return
		}
	}
	tb.head = -1
}

// impliedEnds closes the elements a start tag of a implicitly ends.
func (tb *htmlTreeBuilder) impliedEnds(a atom.Atom) {
	scope := []atom.Atom{atom.Table, atom.Td, atom.Th, atom.Button, atom.Caption, atom.Object, atom.Template}
	if htmlClosesP(a) {
		if k := tb.find(atom.P, scope...); k > 0 {
			tb.popTo(k)
		}
	}
	top := func() atom.Atom { return tb.t.nodes[tb.stack[len(tb.stack)-1]].tag }
	switch a {
	case atom.Li:
		if k := tb.find(atom.Li, atom.Ul, atom.Ol, atom.Menu, atom.Table, atom.Td, atom.Th, atom.Body); k > 0 {
			tb.popTo(k)
		}
	case atom.Dd, atom.Dt:
		k := tb.find(atom.Dd, atom.Dl, atom.Table, atom.Td, atom.Body)
		if k2 := tb.find(atom.Dt, atom.Dl, atom.Table, atom.Td, atom.Body); k2 > k {
			k = k2
		}
		if k > 0 {
			tb.popTo(k)
		}
	case atom.Td, atom.Th:
		k := tb.find(atom.Td, atom.Tr, atom.Table)
		if k2 := tb.find(atom.Th, atom.Tr, atom.Table); k2 > k {
			k = k2
		}
		if k > 0 {
			tb.popTo(k)
		}
	case atom.Tr:
		if k := tb.find(atom.Tr, atom.Table, atom.Tbody, atom.Thead, atom.Tfoot); k > 0 {
			tb.popTo(k)
		}
	case atom.Tbody, atom.Thead, atom.Tfoot:
		for _, s := range []atom.Atom{atom.Tbody, atom.Thead, atom.Tfoot} {
			if k := tb.find(s, atom.Table); k > 0 {
				tb.popTo(k)
			}
		}
	case atom.Option:
		if top() == atom.Option {
			tb.popTo(len(tb.stack) - 1)
		}
	case atom.Optgroup:
		if k := tb.find(atom.Optgroup, atom.Select); k > 0 {
			tb.popTo(k)
		} else if top() == atom.Option {
			tb.popTo(len(tb.stack) - 1)
		}
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		switch top() {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			tb.popTo(len(tb.stack) - 1)
		}
	case atom.A:
		if top() == atom.A {
			tb.popTo(len(tb.stack) - 1)
		}
	}
}

// htmlRawAttr is one attribute read from a raw start tag.
type htmlRawAttr struct{ key, val []byte }

// htmlNextAttr reads the attribute starting at or after raw[i]; ok is false
// when there is none left.
func htmlNextAttr(raw []byte, i int) (a htmlRawAttr, next int, ok bool) {
	for i < len(raw) && (htmlSpace(raw[i]) || raw[i] == '/') {
		i++
	}
	if i >= len(raw) || raw[i] == '>' {
		return a, i, false
	}
	k := i
	i++ // the first character may be '='
	for i < len(raw) && !htmlSpace(raw[i]) && raw[i] != '/' && raw[i] != '>' && raw[i] != '=' {
		i++
	}
	a.key = raw[k:i]
	j := i
	for j < len(raw) && htmlSpace(raw[j]) {
		j++
	}
	if j >= len(raw) || raw[j] != '=' {
		return a, i, true
	}
	j++
	for j < len(raw) && htmlSpace(raw[j]) {
		j++
	}
	if j >= len(raw) {
		return a, j, true
	}
	if q := raw[j]; q == '"' || q == '\'' {
		e := bytes.IndexByte(raw[j+1:], q)
		if e < 0 {
			a.val = raw[j+1:]
			return a, len(raw), true
		}
		a.val = raw[j+1 : j+1+e]
		return a, j + 2 + e, true
	}
	e := j
	for e < len(raw) && !htmlSpace(raw[e]) && raw[e] != '>' {
		e++
	}
	a.val = raw[j:e]
	return a, e, true
}

// htmlAttrString returns an attribute value with its character references
// decoded.
func htmlAttrString(v []byte) string {
	if bytes.IndexByte(v, '&') >= 0 {
		return html.UnescapeString(string(v))
	}
	return string(v)
}

func htmlKeyIs(key []byte, name string) bool { return bytes.EqualFold(key, []byte(name)) }

func (tb *htmlTreeBuilder) startTag(z *html.Tokenizer, raw []byte, start, end int, selfClosing bool) {
	t := tb.t
	a, name := tb.tagName(raw, 1)
	if tb.foreign > 0 {
		switch a {
		case atom.Script, atom.Style, atom.Title, atom.Textarea, atom.Noscript, atom.Xmp, atom.Iframe, atom.Noembed, atom.Noframes, atom.Plaintext:
			z.NextIsNotRawText()
		}
	}
	switch a {
	case atom.Meta, atom.Link, atom.Base:
		tb.headTag(a, raw)
		return
	case atom.Html:
		for i := 5; ; {
			at, next, ok := htmlNextAttr(raw, i)
			if !ok {
				break
			}
			i = next
			if htmlKeyIs(at.key, "lang") && t.lang == "" {
				t.lang = strings.TrimSpace(htmlAttrString(at.val))
			}
		}
		return
	case atom.Body:
		if t.body >= 0 {
			return
		}
		tb.popTo(1)
	case atom.Head:
		if tb.head >= 0 || t.body >= 0 {
			return
		}
	}
	if tb.head >= 0 && !htmlInHead(a) && a != atom.Head {
		tb.closeHead()
	}
	tb.impliedEnds(a)
	if len(tb.stack) > htmlMaxDepth {
		return
	}
	n := htmlNode{tag: a, kind: htmlElement, start: int32(start), end: int32(end), attr: -1}
	var at htmlAttrs
	hasAttrs := false
	if a == 0 && !bytes.ContainsRune(name, utf8.RuneError) {
		at.name = string(bytes.ToLower(name))
		hasAttrs = true
	}
	var role, itemprop, typ []byte
	for i := 1 + len(name); ; {
		r, next, ok := htmlNextAttr(raw, i)
		if !ok {
			break
		}
		i = next
		k := r.key
		switch {
		case htmlKeyIs(k, "id"):
			at.id = strings.TrimSpace(htmlAttrString(r.val))
			hasAttrs = hasAttrs || at.id != ""
		case htmlKeyIs(k, "class"):
			at.class = htmlAttrString(r.val)
			hasAttrs = hasAttrs || at.class != ""
		case htmlKeyIs(k, "href"):
			if a == atom.A {
				at.href = strings.TrimSpace(htmlAttrString(r.val))
				hasAttrs = true
			}
		case htmlKeyIs(k, "rel"), htmlKeyIs(k, "rev"):
			if a == atom.A {
				at.rel += " " + strings.ToLower(htmlAttrString(r.val))
				hasAttrs = true
			}
		case htmlKeyIs(k, "hidden"):
			n.flags |= htmlFlagGone
		case htmlKeyIs(k, "aria-hidden"):
			if bytes.EqualFold(bytes.TrimSpace(r.val), []byte("true")) {
				n.flags |= htmlFlagGone
			}
		case htmlKeyIs(k, "style"):
			if htmlHiddenStyle(r.val) {
				n.flags |= htmlFlagGone
			}
		case htmlKeyIs(k, "role"):
			role = r.val
		case htmlKeyIs(k, "itemprop"):
			itemprop = r.val
		case htmlKeyIs(k, "type"):
			typ = r.val
		case htmlKeyIs(k, "datetime"):
			if a == atom.Time && t.timeAttr == "" {
				t.timeAttr = strings.TrimSpace(htmlAttrString(r.val))
			}
		case htmlKeyIs(k, "aria-modal"):
			if bytes.EqualFold(r.val, []byte("true")) && bytes.EqualFold(role, []byte("dialog")) {
				n.flags |= htmlFlagGone
			}
		}
	}
	if htmlGoneTag(a) {
		n.flags |= htmlFlagGone
	}
	if a == atom.Script && bytes.Contains(bytes.ToLower(typ), []byte("ld+json")) {
		n.flags |= htmlFlagLDJSON
	}
	switch a {
	case atom.Nav, atom.Aside, atom.Footer, atom.Form, atom.Fieldset, atom.Dialog:
		n.flags |= htmlFlagChrome
	}
	if len(role) > 0 {
		switch strings.ToLower(string(bytes.TrimSpace(role))) {
		case "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner", "contentinfo", "search":
			n.flags |= htmlFlagChrome
		case "main":
			n.flags |= htmlFlagArticle
		case "doc-backlink":
			n.flags |= htmlFlagBackLink
		case "doc-noteref":
			n.flags |= htmlFlagFootRef
		}
	}
	if bytes.Contains(bytes.ToLower(itemprop), []byte("articlebody")) {
		n.flags |= htmlFlagArticle
	}
	if bytes.Contains(bytes.ToLower(itemprop), []byte("author")) {
		n.flags |= htmlFlagByline
	}
	if hasAttrs {
		n.flags |= htmlClassFlags(a, &at)
		n.attr = int32(len(t.attrs))
		t.attrs = append(t.attrs, at)
	}
	if tb.foreign > 0 {
		n.flags |= htmlFlagForeign
	}
	if a == atom.Svg || a == atom.Math {
		n.flags |= htmlFlagForeign
	}
	idx := tb.appendNode(n)
	if a == atom.Body {
		t.body = idx
	}
	if selfClosing || htmlIsVoid(a) {
		return
	}
	tb.stack = append(tb.stack, idx)
	tb.open[htmlTracked(a)]++
	if n.flags&htmlFlagGone != 0 {
		tb.gone++
	}
	if a == atom.Svg || a == atom.Math {
		tb.foreign++
	}
	if a == atom.Head {
		tb.head = idx
	}
	tb.inTitle = a == atom.Title && tb.foreign == 0
	tb.inLD = n.flags&htmlFlagLDJSON != 0
}

// htmlClassFlags reads what an element's class, id and rel say about it.
func htmlClassFlags(a atom.Atom, at *htmlAttrs) uint16 {
	var f uint16
	cls := at.class
	if strings.Contains(cls, "backlink") || strings.Contains(cls, "backref") || strings.Contains(at.rel, "rev footnote") ||
		strings.Contains(at.rel, "backlink") {
		f |= htmlFlagBackLink
	}
	if htmlHasWord(cls, "reference") || htmlHasWord(cls, "footnote-ref") || htmlHasWord(cls, "footnote-reference") ||
		htmlHasWord(cls, "noteref") || strings.Contains(at.rel, "footnote") && !strings.Contains(at.rel, "rev") {
		f |= htmlFlagFootRef
	}
	if a == atom.Ol || a == atom.Ul || a == atom.Div || a == atom.Section || a == atom.Aside || a == atom.Dl {
		if htmlHasWord(cls, "references") || htmlHasWord(cls, "reflist") || htmlHasWord(cls, "footnotes") ||
			at.id == "references" || at.id == "footnotes" || htmlHasWord(cls, "bibliography") {
			f |= htmlFlagRefList
		}
	}
	if strings.Contains(at.rel, "author") {
		f |= htmlFlagByline
	}
	if strings.Contains(cls, "editsection") { // Wikipedia's "[edit]" links
		f |= htmlFlagChrome
	}
	return f
}

// htmlHasWord reports whether the space-separated list s holds w.
func htmlHasWord(s, w string) bool {
	for {
		i := strings.Index(s, w)
		if i < 0 {
			return false
		}
		end := i + len(w)
		if (i == 0 || s[i-1] == ' ') && (end == len(s) || s[end] == ' ') {
			return true
		}
		s = s[end:]
	}
}

// htmlHiddenStyle reports whether an inline style hides the element.
func htmlHiddenStyle(v []byte) bool {
	for _, p := range [][]byte{[]byte("display"), []byte("visibility")} {
		i := htmlIndexFold(v, p)
		if i < 0 {
			continue
		}
		rest := bytes.TrimLeft(v[i+len(p):], " \t\n")
		if len(rest) == 0 || rest[0] != ':' {
			continue
		}
		rest = bytes.TrimLeft(rest[1:], " \t\n")
		if htmlHasPrefixFold(rest, "none") || htmlHasPrefixFold(rest, "hidden") {
			return true
		}
	}
	return false
}

func htmlHasPrefixFold(s []byte, p string) bool {
	return len(s) >= len(p) && bytes.EqualFold(s[:len(p)], []byte(p))
}

// htmlIndexFold is a case-insensitive bytes.Index for an ASCII lower-case needle.
func htmlIndexFold(s, lowerSep []byte) int {
	for i := 0; i+len(lowerSep) <= len(s); i++ {
		if bytes.EqualFold(s[i:i+len(lowerSep)], lowerSep) {
			return i
		}
	}
	return -1
}

// headTag collects <meta>, <link> and <base> for the metadata.
func (tb *htmlTreeBuilder) headTag(a atom.Atom, raw []byte) {
	t := tb.t
	if tb.foreign > 0 {
		return
	}
	var key, content, rel, href []byte
	for i := 1; ; {
		r, next, ok := htmlNextAttr(raw, i)
		if !ok {
			break
		}
		if i == 1 { // the tag name reads as the first "attribute"
			i = next
			continue
		}
		i = next
		switch {
		case htmlKeyIs(r.key, "name"), htmlKeyIs(r.key, "property"), htmlKeyIs(r.key, "itemprop"), htmlKeyIs(r.key, "http-equiv"):
			if len(key) == 0 {
				key = r.val
			}
		case htmlKeyIs(r.key, "content"):
			content = r.val
		case htmlKeyIs(r.key, "rel"):
			rel = r.val
		case htmlKeyIs(r.key, "href"):
			href = r.val
		}
	}
	switch a {
	case atom.Base:
		if t.base == "" && len(href) > 0 {
			t.base = strings.TrimSpace(htmlAttrString(href))
		}
	case atom.Link:
		if t.canonical == "" && len(href) > 0 && htmlHasWord(strings.ToLower(string(rel)), "canonical") {
			t.canonical = strings.TrimSpace(htmlAttrString(href))
		}
	case atom.Meta:
		if len(key) == 0 || len(content) == 0 || len(t.metas) >= 512 {
			return
		}
		k := strings.ToLower(strings.TrimSpace(string(key)))
		if !htmlWantedMeta(k) {
			return
		}
		v := strings.TrimSpace(htmlAttrString(content))
		if len(v) > 4096 {
			v = v[:4096]
		}
		t.metas = append(t.metas, htmlMetaTag{k, v})
	}
}

// endTag closes the innermost open element with the tag's name.
func (tb *htmlTreeBuilder) endTag(raw []byte, start, end int) {
	a, name := tb.tagName(raw, 2)
	switch a {
	case atom.Br: // </br> reads as <br>
		tb.appendNode(htmlNode{tag: atom.Br, kind: htmlElement, start: int32(start), end: int32(end), attr: -1})
		return
	case atom.Body, atom.Html:
		return
	}
	if a == atom.Title || tb.inTitle {
		tb.inTitle = false
	}
	tb.inLD = false
	var stop []atom.Atom
	switch a {
	case atom.Li:
		stop = []atom.Atom{atom.Ul, atom.Ol}
	case atom.Td, atom.Th, atom.Tr:
		stop = []atom.Atom{atom.Table}
	case atom.P:
		stop = []atom.Atom{atom.Table, atom.Td, atom.Th, atom.Button}
	}
	for k := len(tb.stack) - 1; k > 0; k-- {
		n := &tb.t.nodes[tb.stack[k]]
		if n.tag == a && (a != 0 || n.attr >= 0 && tb.t.attrs[n.attr].name == string(name)) {
			tb.popTo(k)
			return
		}
		if slices.Contains(stop, n.tag) {
			return
		}
	}
}

// htmlEntity decodes the character reference at the start of s (which
// starts with '&'); n is 0 when there is none.
func htmlEntity(s []byte) (text string, n int) {
	if len(s) < 2 {
		return "", 0
	}
	if s[1] == '#' {
		i := 2
		hex := i < len(s) && (s[i] == 'x' || s[i] == 'X')
		if hex {
			i++
		}
		d := i
		for i < len(s) && i-d < 8 && (s[i] >= '0' && s[i] <= '9' || hex && (s[i]|0x20 >= 'a' && s[i]|0x20 <= 'f')) {
			i++
		}
		if i == d {
			return "", 0
		}
		if i < len(s) && s[i] == ';' {
			i++
		}
		return html.UnescapeString(string(s[:i])), i
	}
	i := 1
	for i < len(s) && i < 40 && (s[i]|0x20 >= 'a' && s[i]|0x20 <= 'z' || s[i] >= '0' && s[i] <= '9') {
		i++
	}
	if i == 1 {
		return "", 0
	}
	if i < len(s) && s[i] == ';' {
		switch string(s[1:i]) { // the common ones, without allocating
		case "amp":
			return "&", i + 1
		case "nbsp":
			return "\u00a0", i + 1
		case "quot":
			return "\"", i + 1
		case "lt":
			return "<", i + 1
		case "gt":
			return ">", i + 1
		case "apos":
			return "'", i + 1
		}
		if u := html.UnescapeString(string(s[:i+1])); u != string(s[:i+1]) && !strings.HasSuffix(u, ";") {
			return u, i + 1
		}
	}
	// legacy references without ';' match by longest prefix: what is left
	// over comes back unchanged at the end
	in := string(s[:i])
	u := html.UnescapeString(in)
	if u == in {
		return "", 0
	}
	k := 0
	for k < len(u) && k < len(in)-2 && u[len(u)-1-k] == in[len(in)-1-k] {
		k++
	}
	return u[:len(u)-k], len(in) - k
}

// htmlResolveURL resolves href against base; fragment links and links with no
// base stay as written.
func htmlResolveURL(base *url.URL, href string) string {
	if href == "" || href[0] == '#' || base == nil {
		return href
	}
	u, err := base.Parse(href)
	if err != nil {
		return href
	}
	return u.String()
}
