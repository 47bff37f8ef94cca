package sources

import (
	"encoding/xml"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// docxWriter walks the XML of a DOCX's main document and notes and writes
// the Document through a builder, as the other readers do. The tokens are
// taken one at a time, with counters rather than recursion, so that deep
// nesting costs no stack.
type docxWriter struct {
	doc  *Document
	pkg  *docxPackage
	b    *builder
	rels map[string]docxRel // of the part being read

	skip   int // depth inside an element whose content is left out
	inPPr  bool
	inRPr  bool
	inT    bool // inside w:t or m:t: its character data is text
	inInst bool // inside w:instrText
	tables int

	inPara bool
	opened bool // the paragraph's block is open
	para   docxPara
	run    docxRun

	fields   []*docxField
	overflow int // fields nested past docxMaxFields, left out whole
	links    []docxOpenLink
	supStart int // where the open superscript started, or -1
	marks    map[string]int

	prevNumID string // numbering of the last list item, while a list goes on
	prevList  int

	foot, end *docxNotes
	note      *docxNotes // the notes being read, nil in the body
	noteID    string     // the note being read, "" when it is left out
	noteFirst bool       // its first paragraph is still to come
	noteBlock int        // its first block
	placed    []docxPlacedNote

	rendered, hard []int // text offsets of page breaks
	title          string
}

// docxMaxFields bounds the fields open at once.
const docxMaxFields = 64

// docxPara is what a paragraph's properties say.
type docxPara struct {
	style       string
	outline     int // outline level + 1; 0 unset, 10 body text
	numID, ilvl string
	hasNum      bool
	isTitle     bool
	list        bool // its block is a list item
}

// docxRun is what a run's properties say.
type docxRun struct {
	style         string
	super, hidden int8 // 0 unset, 1 on, -1 off
	custom        *docxCustomMark
}

// docxCustomMark is a note reference whose mark is the run's own text
// (w:customMarkFollows), not a number.
type docxCustomMark struct {
	notes *docxNotes
	id    string
	pos   int
}

// docxField is one field: its instruction, and where its result starts.
type docxField struct {
	instr  strings.Builder
	result bool // past the separator: its runs are its visible result
	start  int
	block  int // blocks written when its result started
}

// docxOpenLink is a w:hyperlink not yet closed.
type docxOpenLink struct {
	start int
	href  string
}

// docxNotes numbers the notes of one kind as the body refers to them.
type docxNotes struct {
	prefix string // of the notes' anchor ids: "footnote-", "endnote-"
	format docxNoteFormat
	labels map[string]string // w:id to the mark the body shows
	refs   map[string]int    // w:id to the text offset of its first mark
	count  int               // numbered marks so far
	list   int               // the notes' list number in Text
}

// docxPlacedNote is where a note's text starts and where its mark is;
// an endnote's page is the last.
type docxPlacedNote struct {
	start, ref int
	end        bool
}

// pageStart is the text offset from which the text is on a page.
type pageStart struct{ offset, page int }

func newDOCXWriter(doc *Document, pkg *docxPackage) *docxWriter {
	return &docxWriter{
		doc: doc, pkg: pkg, b: newBuilder(doc), supStart: -1, marks: map[string]int{},
		foot: &docxNotes{prefix: "footnote-", format: pkg.footFmt, labels: map[string]string{}, refs: map[string]int{}},
		end:  &docxNotes{prefix: "endnote-", format: pkg.endFmt, labels: map[string]string{}, refs: map[string]int{}},
	}
}

// readDocument reads the main document, then the notes its marks refer
// to, and finishes the Document.
func (w *docxWriter) readDocument() error {
	w.rels = w.pkg.docRels
	if err := w.pkg.decodePart(w.pkg.docPart, true, w.token); err != nil {
		return err
	}
	w.endPart()
	for _, n := range []struct {
		notes *docxNotes
		part  string
	}{{w.foot, w.pkg.footPart}, {w.end, w.pkg.endPart}} {
		if len(n.notes.labels) == 0 {
			continue
		}
		rels, err := w.pkg.readRels(relsPart(n.part))
		if err != nil {
			return err
		}
		w.rels, w.note = rels, n.notes
		if err := w.pkg.decodePart(n.part, false, w.token); err != nil {
			return err
		}
		w.endPart()
	}
	w.finish()
	return nil
}

// endPart closes what a part left open.
func (w *docxWriter) endPart() {
	if w.inPara {
		w.endPara()
	}
	w.b.closeBlock()
	w.skip, w.inPPr, w.inRPr, w.inT, w.inInst, w.tables = 0, false, false, false, false, 0
	w.fields, w.overflow, w.links = nil, 0, nil
	clear(w.marks)
	w.prevNumID, w.prevList = "", 0
}

// token handles one token of a part.
func (w *docxWriter) token(_ *xml.Decoder, tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		w.start(t)
	case xml.EndElement:
		w.endElement(t.Name)
	case xml.CharData:
		switch {
		case w.skip > 0:
		case w.inT:
			if w.visible() && !w.hidden() && (w.note == nil || w.noteID != "") {
				w.text(t)
			}
		case w.inInst:
			if n := len(w.fields); n > 0 && w.overflow == 0 && !w.fields[n-1].result {
				if f := w.fields[n-1]; f.instr.Len()+len(t) <= docxMaxInstr {
					f.instr.Write(t)
				}
			}
		}
	}
	return nil
}

// docxSkipped are the elements whose content is never text: deleted and
// moved-away revisions, drawings and text boxes, properties, comment marks
// and field data.
var docxSkipped = map[string]bool{
	"del": true, "moveFrom": true, "delText": true, "delInstrText": true, "drawing": true, "pict": true,
	"object": true, "sectPr": true, "tblPr": true, "tblGrid": true, "trPr": true, "tcPr": true,
	"sdtPr": true, "sdtEndPr": true, "fldData": true, "commentReference": true, "annotationRef": true,
	"customXmlPr": true, "rPrChange": true, "pPrChange": true, "rt": true, "rubyPr": true,
	"footnotePr": true, "endnotePr": true, "tblPrEx": true,
}

func (w *docxWriter) start(t xml.StartElement) {
	if w.skip > 0 {
		w.skip++
		return
	}
	if t.Name.Space == nsMC && t.Name.Local == "AlternateContent" {
		w.skip = 1 // a drawing or a text box, in one form or another
		return
	}
	if isM(t.Name) {
		switch t.Name.Local {
		case "t":
			w.inT = true
		case "r":
			w.run = docxRun{}
		}
		return
	}
	if !isW(t.Name) {
		return
	}
	name := t.Name.Local
	if docxSkipped[name] {
		w.skip = 1
		return
	}
	if w.inPPr {
		w.paraProperty(t)
		return
	}
	if w.inRPr {
		w.runProperty(t)
		return
	}
	switch name {
	case "p":
		w.startPara()
	case "pPr":
		w.inPPr = true
	case "r":
		w.run = docxRun{}
	case "rPr":
		w.inRPr = true
	case "t":
		w.inT = true
	case "instrText":
		w.inInst = true
	case "fldChar":
		w.fldChar(attrW(t, "fldCharType"))
	case "fldSimple":
		w.beginField()
		if f := w.topField(); f != nil {
			f.instr.WriteString(clipString(attrW(t, "instr"), docxMaxInstr))
			w.separateField()
		}
	case "hyperlink":
		w.startLink(t)
	case "tab", "ptab", "cr":
		w.space()
	case "br":
		w.space()
		if attrW(t, "type") == "page" && w.note == nil {
			w.hard = appendBreak(w.hard, w.b.len())
		}
	case "noBreakHyphen":
		if w.visible() && !w.hidden() {
			w.text([]byte("-"))
		}
	case "lastRenderedPageBreak":
		if w.note == nil {
			w.rendered = appendBreak(w.rendered, w.b.len())
		}
	case "footnoteReference":
		w.noteRef(w.foot, attrW(t, "id"), onOffAttr(attrW(t, "customMarkFollows")))
	case "endnoteReference":
		w.noteRef(w.end, attrW(t, "id"), onOffAttr(attrW(t, "customMarkFollows")))
	case "bookmarkStart":
		w.bookmarkStart(attrW(t, "id"), attrW(t, "name"))
	case "bookmarkEnd":
		w.bookmarkEnd(attrW(t, "id"))
	case "tbl":
		w.tables++
	case "footnote", "endnote":
		w.startNote(t)
	}
}

func (w *docxWriter) endElement(n xml.Name) {
	if w.skip > 0 {
		w.skip--
		return
	}
	if isM(n) {
		if n.Local == "t" {
			w.inT = false
		}
		return
	}
	if !isW(n) {
		return
	}
	switch n.Local {
	case "pPr":
		w.inPPr = false
	case "rPr":
		w.inRPr = false
	case "t":
		w.inT = false
	case "instrText":
		w.inInst = false
	case "r":
		w.endRun()
	case "p":
		w.endPara()
	case "hyperlink":
		w.endLink()
	case "fldSimple":
		w.endField()
	case "tbl":
		w.tables = max(0, w.tables-1)
	case "footnote", "endnote":
		w.endNote()
	}
}

// onOffAttr reads an on/off attribute value.
func onOffAttr(v string) bool { return v == "1" || v == "true" || v == "on" }

// appendBreak records a page break at offset, keeping the offsets in
// order (an empty paragraph dropped may move the text back a byte).
func appendBreak(breaks []int, offset int) []int {
	if n := len(breaks); n > 0 && breaks[n-1] > offset {
		offset = breaks[n-1]
	}
	return append(breaks, offset)
}

func clipString(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// paraProperty reads one element inside w:pPr.
func (w *docxWriter) paraProperty(t xml.StartElement) {
	switch t.Name.Local {
	case "rPr":
		w.skip = 1 // the paragraph mark's run properties
	case "pStyle":
		w.para.style = attrW(t, "val")
	case "outlineLvl":
		if n, err := strconv.Atoi(attrW(t, "val")); err == nil && n >= 0 && n <= 9 {
			w.para.outline = n + 1
		}
	case "numId":
		w.para.numID, w.para.hasNum = attrW(t, "val"), true
	case "ilvl":
		w.para.ilvl = attrW(t, "val")
	case "pageBreakBefore":
		if onOff(t) && w.note == nil {
			w.hard = appendBreak(w.hard, w.b.len())
		}
	}
}

// runProperty reads one element inside w:rPr.
func (w *docxWriter) runProperty(t xml.StartElement) {
	switch t.Name.Local {
	case "rStyle":
		w.run.style = attrW(t, "val")
	case "vertAlign":
		w.run.super = -1
		if attrW(t, "val") == "superscript" {
			w.run.super = 1
		}
	case "vanish":
		w.run.hidden = -1
		if onOff(t) {
			w.run.hidden = 1
		}
	}
}

// runFlag resolves a run property through the run's character style and
// the paragraph's style.
func (w *docxWriter) runFlag(direct int8, get func(*docxStyle) int8) bool {
	v := direct
	find := func(s *docxStyle) bool { v = get(s); return v != 0 }
	if v == 0 && w.run.style != "" {
		w.pkg.styleChain(w.run.style, find)
	}
	if v == 0 && w.para.style != "" {
		w.pkg.styleChain(w.para.style, find)
	}
	return v > 0
}

func (w *docxWriter) hidden() bool {
	return w.runFlag(w.run.hidden, func(s *docxStyle) int8 { return s.hidden })
}

func (w *docxWriter) superscript() bool {
	return w.runFlag(w.run.super, func(s *docxStyle) int8 { return s.super })
}

// visible reports whether run text here is shown: not inside a field's
// instruction.
func (w *docxWriter) visible() bool {
	if w.overflow > 0 {
		return false
	}
	for _, f := range w.fields {
		if !f.result {
			return false
		}
	}
	return true
}

func (w *docxWriter) startPara() {
	if w.inPara {
		w.endPara() // a paragraph inside a paragraph: malformed, read on
	}
	w.inPara, w.opened = true, false
	w.para = docxPara{}
	w.run = docxRun{}
}

// open opens the paragraph's block, of the kind its properties say,
// before its first text.
func (w *docxWriter) open() {
	if w.opened && w.b.open {
		return
	}
	w.opened = true
	if !w.inPara {
		w.b.openBlock(BlockParagraph, 0, 0)
		return
	}
	if w.note != nil {
		// a note is one list item, its paragraphs joined, as a Markdown
		// footnote is
		switch {
		case w.noteFirst:
			w.b.openBlock(BlockListItem, 1, 0)
			w.b.setList(w.note.list, true)
			w.b.setBlockID(w.noteID)
			w.noteFirst = false
		case w.b.open:
			w.b.space(0, 0)
		default:
			w.b.openBlock(BlockParagraph, 0, 0)
		}
		return
	}
	if level := w.headingLevel(); level > 0 {
		w.b.openBlock(BlockHeading, min(level, 6), 0)
		return
	}
	numID, ilvl := w.para.numID, w.para.ilvl
	if !w.para.hasNum {
		w.pkg.styleChain(w.para.style, func(s *docxStyle) bool {
			if s.numID != "" {
				numID, ilvl = s.numID, s.ilvl
				return true
			}
			return false
		})
	}
	if numID != "" && numID != "0" {
		level, _ := strconv.Atoi(ilvl)
		level = min(max(level, 0), 8) + 1
		format := w.pkg.numFmts[[2]string{numID, strconv.Itoa(level - 1)}]
		ordered := format != "" && format != "bullet" && format != "none"
		if numID != w.prevNumID || w.prevList == 0 {
			w.prevList = w.b.newList()
		}
		w.prevNumID = numID
		w.para.list = true
		w.b.openBlock(BlockListItem, level, 0)
		w.b.setList(w.prevList, ordered)
		return
	}
	if w.tables > 0 {
		w.b.openBlock(BlockTableCell, 0, 0)
		return
	}
	w.b.openBlock(BlockParagraph, 0, 0)
}

// headingLevel returns the heading level of the paragraph: its outline
// level, its style's, or the level its style's name says ("heading 2",
// "Title"); 0 for body text.
func (w *docxWriter) headingLevel() int {
	o := w.para.outline
	if o == 0 {
		w.pkg.styleChain(w.para.style, func(s *docxStyle) bool {
			o = s.outline
			return o != 0
		})
	}
	if o >= 1 && o <= 9 {
		return o
	}
	if o == 10 || w.para.style == "" {
		return 0
	}
	name := w.para.style
	if s := w.pkg.styles[name]; s != nil && s.name != "" {
		name = s.name
	}
	name = strings.ToLower(strings.ReplaceAll(name, " ", ""))
	if name == "title" {
		w.para.isTitle = true
		return 1
	}
	if rest, ok := strings.CutPrefix(name, "heading"); ok && len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
		return int(rest[0] - '0')
	}
	return 0
}

func (w *docxWriter) endPara() {
	if !w.inPara {
		return
	}
	w.closeSup()
	before := len(w.doc.Blocks)
	if w.note == nil || w.noteID == "" {
		w.b.closeBlock() // a note's block closes with the note
	}
	if len(w.doc.Blocks) > before {
		if !w.para.list {
			w.prevNumID, w.prevList = "", 0
		}
		if w.para.isTitle && w.title == "" {
			w.title = w.doc.Slice(w.doc.Blocks[before].Span)
		}
	}
	w.inPara, w.opened = false, false
}

func (w *docxWriter) endRun() {
	if c := w.run.custom; c != nil {
		w.run.custom = nil
		if w.b.len()-c.pos > 16 {
			return // a mark is a character or two, not a run of prose
		}
		label := strings.TrimSpace(w.b.textFrom(c.pos))
		if label == "" {
			return
		}
		c.notes.labels[c.id] = label
		w.noteLink(c.notes, label, c.pos)
	}
}

// text writes run text, keeping track of superscripts.
func (w *docxWriter) text(s []byte) {
	if len(s) == 0 {
		return
	}
	w.open()
	if w.superscript() {
		if w.supStart < 0 {
			w.supStart = w.b.mark(0)
		}
	} else {
		w.closeSup()
	}
	w.b.writeSource(s, 0, len(s))
}

// space writes a tab or a line break as white space.
func (w *docxWriter) space() {
	if w.skip == 0 && w.inPara && w.visible() {
		w.b.space(0, 0)
	}
}

// closeSup records the open superscript run, without the spaces at its
// ends.
func (w *docxWriter) closeSup() {
	if w.supStart < 0 {
		return
	}
	s := Span{w.supStart, w.b.len()}
	w.supStart = -1
	for s.Start < s.End && w.b.text[s.Start] == ' ' {
		s.Start++
	}
	for s.End > s.Start && w.b.text[s.End-1] == ' ' {
		s.End--
	}
	if s.Len() > 0 {
		w.doc.Superscripts = append(w.doc.Superscripts, s)
	}
}

// noteRef writes a footnote or endnote mark in the body as "[n]", a
// footnote link to the note, which is written after the body with the
// anchor the link names, as the Markdown reader does with "[^n]".
func (w *docxWriter) noteRef(notes *docxNotes, id string, custom bool) {
	if w.note != nil || id == "" || !w.visible() || w.hidden() || len(notes.labels) >= docxMaxParts*10 {
		return
	}
	w.open()
	w.closeSup()
	pos := w.b.mark(0)
	if _, seen := notes.refs[id]; !seen {
		notes.refs[id] = pos
	}
	if custom {
		w.run.custom = &docxCustomMark{notes: notes, id: id, pos: pos}
		return
	}
	label, seen := notes.labels[id]
	if !seen {
		notes.count++
		label = noteLabel(notes.format, notes.count)
		notes.labels[id] = label
	}
	w.b.writeMapped("["+label+"]", 0, 0)
	w.noteLink(notes, label, pos)
}

// noteLink records the link and the superscript of a note mark written
// from pos.
func (w *docxWriter) noteLink(notes *docxNotes, label string, pos int) {
	end := w.b.len()
	if end <= pos {
		return
	}
	href := "#" + notes.prefix + label
	w.doc.Links = append(w.doc.Links, Link{Span: Span{pos, end}, Href: href, URL: href, InBody: true, Superscript: true, Footnote: true})
	w.doc.Superscripts = append(w.doc.Superscripts, Span{pos, end})
}

// startNote starts a footnote or an endnote of the notes part, which is
// written only when the body refers to it.
func (w *docxWriter) startNote(t xml.StartElement) {
	if w.note == nil {
		return
	}
	label, ok := w.note.labels[attrW(t, "id")]
	if typ := attrW(t, "type"); !ok || typ != "" && typ != "normal" {
		w.skip = 1 // a separator, or a note no mark refers to
		return
	}
	if w.inPara {
		w.endPara()
	}
	w.b.closeBlock()
	if w.note.list == 0 {
		w.note.list = w.b.newList()
	}
	w.noteID, w.noteFirst, w.noteBlock = w.note.prefix+label, true, len(w.doc.Blocks)
	w.placed = append(w.placed, docxPlacedNote{start: w.b.len(), ref: w.note.refs[attrW(t, "id")], end: w.note == w.end})
	delete(w.note.labels, attrW(t, "id")) // one note per id
}

func (w *docxWriter) endNote() {
	if w.note == nil || w.noteID == "" {
		return
	}
	if w.inPara {
		w.endPara()
	}
	w.b.closeBlock()
	a := Anchor{ID: w.noteID, Span: Span{w.b.len(), w.b.len()}}
	if n := len(w.doc.Blocks); n > w.noteBlock {
		a.Span = Span{w.doc.Blocks[w.noteBlock].Span.Start, w.doc.Blocks[n-1].Span.End}
	}
	w.doc.Anchors = append(w.doc.Anchors, a)
	w.noteID, w.noteFirst = "", false
}

// bookmarkStart makes a bookmark an anchor links can point at, and the id
// of its paragraph when it opens it.
func (w *docxWriter) bookmarkStart(id, name string) {
	if name == "" || name == "_GoBack" || w.note != nil && w.noteID == "" || len(w.doc.Anchors) >= docxMaxParts*10 {
		return
	}
	pos := w.b.len()
	if w.inPara {
		w.open()
		pos = w.b.mark(0)
		if w.b.len() == w.b.blockText && w.b.block.ID == "" {
			w.b.setBlockID(name)
		}
	}
	w.doc.Anchors = append(w.doc.Anchors, Anchor{ID: name, Span: Span{pos, pos}})
	if id != "" {
		w.marks[id] = len(w.doc.Anchors) - 1
	}
}

func (w *docxWriter) bookmarkEnd(id string) {
	i, ok := w.marks[id]
	if !ok {
		return
	}
	delete(w.marks, id)
	if a := &w.doc.Anchors[i]; w.b.len() > a.Span.Start {
		a.Span.End = w.b.len()
	}
}

// startLink opens a w:hyperlink: an external target through the part's
// relationships, an internal one by its bookmark (w:anchor).
func (w *docxWriter) startLink(t xml.StartElement) {
	href := ""
	if id := attrR(t, "id"); id != "" {
		if r, ok := w.rels[id]; ok {
			href = r.Target
		}
	}
	if a := attrW(t, "anchor"); a != "" {
		href += "#" + a
	}
	start := w.b.len()
	if w.inPara {
		w.open()
		start = w.b.mark(0)
	}
	if len(w.links) < docxMaxFields {
		w.links = append(w.links, docxOpenLink{start: start, href: href})
	} else {
		w.links = append(w.links, docxOpenLink{start: -1})
	}
}

func (w *docxWriter) endLink() {
	n := len(w.links)
	if n == 0 {
		return
	}
	l := w.links[n-1]
	w.links = w.links[:n-1]
	w.addLink(l.start, l.href)
}

// addLink records a link over the text written from start.
func (w *docxWriter) addLink(start int, href string) {
	end := w.b.len()
	if start < 0 || href == "" || start > end || w.note != nil && w.noteID == "" {
		return
	}
	link := Link{Span: Span{start, end}, Href: href, URL: resolveMarkdownURL(href), InBody: true}
	if w.supStart >= 0 && w.supStart <= start {
		link.Superscript = true
	} else if n := len(w.doc.Superscripts); n > 0 && w.doc.Superscripts[n-1].Contains(link.Span) && link.Span.Len() > 0 {
		link.Superscript = true
	}
	// a link inside the document whose text is a note marker, "[2]"
	link.Footnote = strings.HasPrefix(href, "#") && end-start <= 8 && htmlMarkerText(w.b.textFrom(start))
	w.doc.Links = append(w.doc.Links, link)
}

func (w *docxWriter) topField() *docxField {
	if w.overflow > 0 || len(w.fields) == 0 {
		return nil
	}
	return w.fields[len(w.fields)-1]
}

func (w *docxWriter) fldChar(typ string) {
	switch typ {
	case "begin":
		w.beginField()
	case "separate":
		if w.overflow == 0 {
			w.separateField()
		}
	case "end":
		w.endField()
	}
}

func (w *docxWriter) beginField() {
	if w.overflow > 0 || len(w.fields) >= docxMaxFields {
		w.overflow++
		return
	}
	w.fields = append(w.fields, &docxField{})
}

// separateField starts the field's result: what Word shows.
func (w *docxWriter) separateField() {
	f := w.topField()
	if f == nil || f.result {
		return
	}
	f.result = true
	f.start = w.b.len()
	if w.inPara && w.visible() {
		w.open()
		f.start = w.b.mark(0)
	}
	f.block = len(w.doc.Blocks)
}

// endField closes a field: a hyperlink, a cross-reference or a citation
// whose source the field names becomes a link over its result.
func (w *docxWriter) endField() {
	if w.overflow > 0 {
		w.overflow--
		return
	}
	n := len(w.fields)
	if n == 0 {
		return
	}
	f := w.fields[n-1]
	w.fields = w.fields[:n-1]
	if !f.result || f.block != len(w.doc.Blocks) || !w.visible() {
		return // no result, or one across paragraphs
	}
	if href := w.fieldTarget(f.instr.String()); href != "" {
		w.addLink(f.start, href)
	}
}

// fieldTarget returns the target of a field: a HYPERLINK's URL, a REF's
// bookmark when it is a hyperlink (\h), and the one source, as a DOI URL
// or a URL, of a citation field of Word (CITATION), Zotero, Mendeley or
// EndNote; "" otherwise.
func (w *docxWriter) fieldTarget(instr string) string {
	args := fieldArgs(instr)
	if len(args) == 0 {
		return ""
	}
	switch strings.ToUpper(args[0]) {
	case "HYPERLINK":
		href, anchor := "", ""
		for i := 1; i < len(args); i++ {
			switch {
			case strings.EqualFold(args[i], `\l`) && i+1 < len(args):
				anchor = args[i+1]
				i++
			case strings.HasPrefix(args[i], `\`):
				if (args[i] == `\o` || args[i] == `\t`) && i+1 < len(args) {
					i++
				}
			case href == "":
				href = args[i]
			}
		}
		if anchor != "" {
			href += "#" + anchor
		}
		return href
	case "REF":
		if len(args) > 1 && slices.Contains(args[2:], `\h`) {
			return "#" + args[1]
		}
	case "CITATION":
		if len(args) > 1 {
			return w.pkg.bibURL(args[1])
		}
	case "ADDIN":
		if srcs := citationSources(instr); len(srcs) == 1 {
			return srcs[0] // "" for a work without a source
		}
	}
	return ""
}

// fieldArgs splits a field instruction into its words: quoted arguments
// without their quotes, switches such as \l as words of their own.
func fieldArgs(instr string) []string {
	var args []string
	s := strings.TrimSpace(instr)
	for s != "" && len(args) < 64 {
		if s[0] == '"' {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				args = append(args, s[1:])
				break
			}
			args = append(args, s[1:1+end])
			s = strings.TrimSpace(s[end+2:])
			continue
		}
		end := strings.IndexAny(s, " \t\r\n")
		if end < 0 {
			end = len(s)
		}
		args = append(args, s[:end])
		s = strings.TrimSpace(s[end:])
	}
	return args
}

// textFrom returns the text written from offset start.
func (b *builder) textFrom(start int) string {
	if start < 0 || start > len(b.text) {
		return ""
	}
	return string(b.text[start:])
}

// finish sorts what the walk recorded, makes the text the Document's Src
// and records the pages.
func (w *docxWriter) finish() {
	doc := w.doc
	doc.Src = nil // the archive: not what positions point at
	w.b.finish()
	doc.Src = []byte(doc.Text)
	doc.textMap = offsetMap{}
	doc.lines = *newLineIndex(doc.Src, "utf-8")
	sort.SliceStable(doc.Links, func(i, j int) bool { return doc.Links[i].Span.Start < doc.Links[j].Span.Start })
	sort.SliceStable(doc.Anchors, func(i, j int) bool { return doc.Anchors[i].Span.Start < doc.Anchors[j].Span.Start })
	sort.SliceStable(doc.Superscripts, func(i, j int) bool { return doc.Superscripts[i].Start < doc.Superscripts[j].Start })
	// superscripts may touch: a note mark right after a superscript run
	for i := 1; i < len(doc.Superscripts); i++ {
		if prev := &doc.Superscripts[i-1]; prev.End > doc.Superscripts[i].Start {
			doc.Superscripts[i].Start = prev.End
		}
	}
	doc.Superscripts = slices.DeleteFunc(doc.Superscripts, func(s Span) bool { return s.Len() <= 0 })

	breaks := w.rendered
	if len(breaks) == 0 {
		breaks = w.hard
	}
	if len(breaks) == 0 {
		return
	}
	pages := make([]pageStart, 0, len(breaks)+1+len(w.placed))
	pages = append(pages, pageStart{0, 1})
	for i, off := range breaks {
		pages = append(pages, pageStart{off, i + 2})
	}
	body := len(pages)
	for _, n := range w.placed {
		page := pages[body-1].page // endnotes close the document
		if !n.end {
			page = pageAt(pages[:body], n.ref)
		}
		pages = append(pages, pageStart{n.start, page})
	}
	doc.pages = pages
}

// pageAt returns the page of a text offset.
func pageAt(pages []pageStart, offset int) int {
	i := sort.Search(len(pages), func(i int) bool { return pages[i].offset > offset }) - 1
	if i < 0 {
		return 0
	}
	return pages[i].page
}
