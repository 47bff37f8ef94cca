package sources

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// goldmark (v1.8.7) takes time or memory beyond the size of its input on
// three shapes of Markdown, and this file keeps each linear:
//
//   - A footnote reference looks its definition up by a scan of every
//     definition (extension/footnote.go), so N references to N definitions
//     take N² comparisons. mdFootnoteRefs parses references itself and looks
//     them up in an index that mdFootnoteDefs keeps as definitions close.
//   - A link destination, "[a](dest", is scanned to the first space or
//     unbalanced ")" on its line (parser/link.go, parseLinkDestination), and
//     when that fails the scan starts again at the next "](": "[a](" repeated
//     on one line takes the square of its length. mdShapeLinks finds such
//     scans before goldmark does and, only when they would add up to more
//     than a few times the input, turns the "(" of every scan that a scan
//     starting earlier already covers into an inert byte, in a copy of the
//     source goldmark reads (the text is taken from the original).
//   - A table row gets an empty cell for every column it lacks
//     (extension/table.go, parseRow), so a header of C columns over R short
//     rows makes R×C cells from R+C bytes. mdTables reads tables as goldmark
//     does, without those cells, which hold no text.
//
// What is left grows linearly with the input, and TestBoundsLinear checks
// each shape by counts. Memory is goldmark's syntax tree, a few hundred
// bytes a node, and the Document: the densest input, a table of short
// cells, peaks at about 140 times its size (RSS with the default GOGC; a
// 6.8 MB table, 0.9 GB), footnoted Markdown at about 40 times; plain text,
// UTF-16 included, stays under 10 times. Rerun with
//
//	go test ./sources -run '^$' -bench 'Bounds/.*/16x' -benchmem

// mdWork counts what the link parser may scan, for the tests that bound it:
// the rest of the line at every link destination it reads, and the
// footnote definitions compared.
type mdWork struct {
	destinations int
	footnotes    int
}

// newMarkdownParser returns goldmark with CommonMark, the GitHub extensions
// and footnotes, shaped as above. The footnote extension's own AST
// transformer drops definitions nobody refers to and renumbers the rest; a
// citation checker wants them all, so only parsers are used and the
// definitions are collected by the writer.
func newMarkdownParser(refs *mdFootnoteRefs, tables *mdTables, work *mdWork) parser.Parser {
	inlines := parser.DefaultInlineParsers()
	for i, v := range inlines {
		if v.Value == parser.NewLinkParser() {
			inlines[i].Value = &mdLinkParser{inner: parser.NewLinkParser(), work: work}
		}
	}
	p := parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(inlines...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
	md := goldmark.New(goldmark.WithParser(p),
		// GFM without goldmark's tables, which mdTables reads
		goldmark.WithExtensions(extension.Linkify, extension.Strikethrough, extension.TaskList))
	md.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(&mdFootnoteDefs{BlockParser: extension.NewFootnoteBlockParser(), defs: refs.defs}, 999)),
		parser.WithInlineParsers(util.Prioritized(refs, 101)),
		parser.WithParagraphTransformers(util.Prioritized(tables, 200)),
	)
	return md.Parser()
}

// mdLinkParser is goldmark's link parser, counting the bytes each link
// destination may scan.
type mdLinkParser struct {
	inner parser.InlineParser
	work  *mdWork
}

// Trigger implements parser.InlineParser.
func (p *mdLinkParser) Trigger() []byte { return p.inner.Trigger() }

// Parse implements parser.InlineParser.
func (p *mdLinkParser) Parse(parent ast.Node, block gtext.Reader, pc parser.Context) ast.Node {
	if p.work != nil {
		if line, _ := block.PeekLine(); len(line) > 1 && line[0] == ']' && line[1] == '(' {
			p.work.destinations += len(line)
		}
	}
	return p.inner.Parse(parent, block, pc)
}

// CloseBlock implements parser.CloseBlocker: goldmark's link parser drops
// the link labels left open at the end of each block.
func (p *mdLinkParser) CloseBlock(parent ast.Node, block gtext.Reader, pc parser.Context) {
	if cb, ok := p.inner.(parser.CloseBlocker); ok {
		cb.CloseBlock(parent, block, pc)
	}
}

// mdFootnoteDefs is goldmark's footnote definition parser, indexing each
// definition by its label as it closes; the first of a label wins, as in
// goldmark's scan.
type mdFootnoteDefs struct {
	parser.BlockParser
	defs map[string]*east.Footnote
}

// Close implements parser.BlockParser.
func (p *mdFootnoteDefs) Close(node ast.Node, reader gtext.Reader, pc parser.Context) {
	p.BlockParser.Close(node, reader, pc)
	if fn, ok := node.(*east.Footnote); ok {
		if _, seen := p.defs[string(fn.Ref)]; !seen {
			p.defs[string(fn.Ref)] = fn
		}
	}
}

// mdFootnoteLabelLimit is the longest footnote label, as for link labels.
const mdFootnoteLabelLimit = 999

// mdFootnoteRefs parses footnote references, [^label], as goldmark's
// footnote parser does, looking the label up in the index of definitions,
// and records where each sits in the source: goldmark's FootnoteLink node
// has no segment.
type mdFootnoteRefs struct {
	defs  map[string]*east.Footnote
	spans map[*east.FootnoteLink][2]int
	work  *mdWork
}

// Trigger implements parser.InlineParser; '!' comes first as an image
// would.
func (p *mdFootnoteRefs) Trigger() []byte { return []byte{'!', '['} }

// Parse implements parser.InlineParser.
func (p *mdFootnoteRefs) Parse(parent ast.Node, block gtext.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	l0, _ := block.Position()
	pos := 1
	if len(line) > 0 && line[0] == '!' {
		pos++
	}
	if pos+1 >= len(line) || line[pos] != '^' {
		return nil
	}
	pos++
	closure := mdLabelEnd(line[pos:min(len(line), pos+mdFootnoteLabelLimit)])
	if closure < 0 {
		return nil
	}
	closes := pos + closure
	label := block.Value(gtext.NewSegment(seg.Start+pos, seg.Start+closes))
	block.Advance(closes + 1)
	if p.work != nil {
		p.work.footnotes++
	}
	def, ok := p.defs[string(label)]
	if !ok {
		return nil
	}
	if def.Index < 0 {
		if list, ok := def.Parent().(*east.FootnoteList); ok {
			list.Count++
			def.Index = list.Count
		}
	}
	link := east.NewFootnoteLink(def.Index)
	if line[0] == '!' {
		parent.AppendChild(parent, ast.NewTextSegment(gtext.NewSegment(seg.Start, seg.Start+1)))
	}
	if span, ok := mdRefSpan(block, line, seg, l0); ok {
		p.spans[link] = span
	}
	return link
}

// mdRefSpan returns where the footnote reference just read sits in the
// source, "[^label]" without a leading '!': it started line, at seg on
// line l0 of the block, and the block has been advanced past it.
func mdRefSpan(block gtext.Reader, line []byte, seg gtext.Segment, l0 int) ([2]int, bool) {
	start := seg.Start
	if line[0] == '!' {
		start++
	}
	end := seg.Stop
	if l1, at := block.Position(); l1 == l0 {
		end = at.Start
	}
	src := block.Source()
	for end > start && end <= len(src) && src[end-1] != ']' {
		end--
	}
	return [2]int{start, end}, end-start >= 3 && end <= len(src)
}

// mdLabelEnd returns the offset of the ']' closing a label that starts s,
// or -1 when a '[' or the end comes first; a backslash escapes punctuation.
func mdLabelEnd(s []byte) int {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && util.IsPunct(s[i+1]):
			i++
		case c == ']':
			return i
		case c == '[':
			return -1
		}
	}
	return -1
}

// mdTables turns paragraphs into GFM tables as goldmark's table extension
// does, without the empty cells it pads short rows with, and records the
// backslashes of "\|" inside code spans of cells, which the writer leaves
// out as goldmark's table AST transformer does.
type mdTables struct {
	escapes map[int]bool // offsets of the backslashes
	pending []int
}

// Transform implements parser.ParagraphTransformer.
func (t *mdTables) Transform(node *ast.Paragraph, reader gtext.Reader, pc parser.Context) {
	lines := node.Lines()
	for i := 1; i < lines.Len(); i++ {
		delim := lines.At(i)
		aligns := mdTableDelimiter(delim.Value(reader.Source()))
		if aligns == nil {
			continue
		}
		t.pending = t.pending[:0]
		header := t.row(lines.At(i-1), aligns, true, reader)
		if len(aligns) != header.ChildCount() {
			return
		}
		table := east.NewTable()
		table.Alignments = aligns
		table.SetPos(node.Pos())
		table.AppendChild(table, east.NewTableHeader(header))
		for j := i + 1; j < lines.Len(); j++ {
			table.AppendChild(table, t.row(lines.At(j), aligns, false, reader))
		}
		for _, at := range t.pending {
			t.escapes[at] = true
		}
		lines.SetSliced(0, i-1)
		node.Parent().InsertAfter(node.Parent(), node, table)
		if lines.Len() == 0 {
			node.Parent().RemoveChild(node.Parent(), node)
		} else {
			last := lines.At(i - 2)
			last.Stop-- // the last line's newline
			lines.Set(i-2, last)
		}
		return
	}
}

// row reads one line of a table into a row of cells: up to the number of
// columns in the body, at least that many in the header.
func (t *mdTables) row(segment gtext.Segment, aligns []east.Alignment, header bool, reader gtext.Reader) *east.TableRow {
	source := reader.Source()
	trimmed := segment.TrimLeftSpace(source)
	trimmed = trimmed.TrimRightSpace(source)
	line := trimmed.Value(source)
	row := east.NewTableRow(aligns)
	row.SetPos(segment.Start)
	pos, limit := 0, len(line)
	if limit > 0 && line[0] == '|' {
		pos++
	}
	if limit > 0 && line[limit-1] == '|' {
		limit--
	}
	for i := 0; pos < limit; i++ {
		align := east.AlignNone
		if i < len(aligns) {
			align = aligns[i]
		} else if !header {
			break
		}
		cell := east.NewTableCell()
		cell.SetPos(segment.Start + pos - segment.Padding)
		cell.Alignment = align
		backtick := false
		end := pos
		for ; end < limit; end++ {
			if line[end] == '`' {
				backtick = true
			}
			if line[end] == '|' {
				if end == 0 || line[end-1] != '\\' {
					break
				}
				if backtick {
					t.pending = append(t.pending, trimmed.Start+end-1)
				}
			}
		}
		seg := gtext.NewSegment(trimmed.Start+pos, trimmed.Start+end)
		seg = seg.TrimLeftSpace(source)
		seg = seg.TrimRightSpace(source)
		cell.Lines().Append(seg)
		row.AppendChild(row, cell)
		pos = end + 1
	}
	if header {
		// a header with fewer cells than the delimiter row has columns
		// still heads the table, padded as goldmark pads it; body rows are
		// not, or a wide header over many short rows would make
		// rows × columns cells
		for i := row.ChildCount(); i < len(aligns); i++ {
			row.AppendChild(row, east.NewTableCell())
		}
	}
	return row
}

// mdTableDelimiter returns the alignments of a table's delimiter row, such
// as "|:--|--:|", or nil when line is not one.
func mdTableDelimiter(line []byte) []east.Alignment {
	if w, _ := util.IndentWidth(line, 0); w > 3 {
		return nil
	}
	dashesOnly := true
	for _, c := range line {
		if c != '-' {
			dashesOnly = false
		}
		if !util.IsSpace(c) && c != '-' && c != '|' && c != ':' {
			return nil
		}
	}
	if dashesOnly {
		return nil
	}
	cols := bytes.Split(line, []byte{'|'})
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	var aligns []east.Alignment
	for _, col := range cols {
		col = bytes.Trim(col, " \t\n\f\r")
		left, right := bytes.HasPrefix(col, []byte{':'}), bytes.HasSuffix(col, []byte{':'})
		dashes := col
		if left {
			dashes = dashes[1:]
		}
		if right && len(dashes) > 0 {
			dashes = dashes[:len(dashes)-1]
		}
		if len(dashes) == 0 || bytes.Count(dashes, []byte{'-'}) != len(dashes) {
			return nil
		}
		switch {
		case left && right:
			aligns = append(aligns, east.AlignCenter)
		case left:
			aligns = append(aligns, east.AlignLeft)
		case right:
			aligns = append(aligns, east.AlignRight)
		default:
			aligns = append(aligns, east.AlignNone)
		}
	}
	return aligns
}

// mdLinkBudget is how many bytes link destination scans may add up to, for
// each byte of input, before mdShapeLinks steps in.
const mdLinkBudget = 8

// mdInert replaces the "(" of a destination scan that mdShapeLinks spares
// goldmark: punctuation that opens nothing.
const mdInert = ';'

// mdShapeLinks returns src, or, when the link destinations goldmark may
// scan add up to more than mdLinkBudget times its length, a copy in which
// the "(" of every scan that ends where an earlier scan ends reads as
// mdInert. Such scans share their fate: when the first makes a link, the
// others lie inside its destination and goldmark never reads them; when it
// fails, so does each of them, falling back to a shortcut reference as it
// would without its "(". A "(" left open up to where a scan ends does not
// change where any other scan ends.
//
// The scans are modelled on raw bytes in one pass: from the first
// non-space after a "](", to the next space or unbalanced ")" (or, for a
// destination in <>, to the next ">" or line end), backslash escapes
// skipped. Pending scans are kept on a stack: one ends at a ")" when its
// depth of parentheses falls below where it started, and those ending
// together are on top.
func mdShapeLinks(src []byte) []byte {
	type scan struct{ open, stop int }
	type pending struct{ k, depth int }
	var scans []scan
	var waiting, angle []int
	var parens []pending
	depth, closed := 0, false
	stop := func(ks []int, at int) []int {
		for _, k := range ks {
			scans[k].stop = at
		}
		return ks[:0]
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if len(waiting) > 0 && !util.IsSpace(c) {
			for _, k := range waiting {
				if c == '<' {
					angle = append(angle, k)
				} else {
					parens = append(parens, pending{k, depth})
				}
			}
			waiting = waiting[:0]
		}
		if c == '\\' && i+1 < len(src) && util.IsPunct(src[i+1]) {
			i++
			closed = false
			continue
		}
		switch {
		case util.IsSpace(c):
			for _, p := range parens {
				scans[p.k].stop = i
			}
			parens = parens[:0]
			if c == '\n' {
				angle = stop(angle, i)
			}
		case c == '>':
			angle = stop(angle, i)
		case c == '(':
			if closed {
				waiting = append(waiting, len(scans))
				scans = append(scans, scan{open: i, stop: len(src)})
			}
			depth++
		case c == ')':
			for len(parens) > 0 && parens[len(parens)-1].depth == depth {
				scans[parens[len(parens)-1].k].stop = i
				parens = parens[:len(parens)-1]
			}
			depth--
		}
		closed = c == ']'
	}
	total := 0
	for _, s := range scans {
		total += s.stop - s.open
	}
	if total <= mdLinkBudget*len(src)+64<<10 {
		return src
	}
	out := bytes.Clone(src)
	ends := make(map[int]bool, len(scans))
	for _, s := range scans {
		if ends[s.stop] {
			out[s.open] = mdInert
		}
		ends[s.stop] = true
	}
	return out
}
