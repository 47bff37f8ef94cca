package sources

import (
	"bytes"
	"encoding/binary"
	"sort"
	"strings"
	"unicode/utf8"
)

// Position is a place in the input file as given.
type Position struct {
	// Offset is the byte offset in Document.Src.
	Offset int `json:"offset"`
	// Line is 1-based.
	Line int `json:"line"`
	// Column is 1-based and counts characters, not bytes.
	Column int `json:"column"`
}

// Location is where a span of text came from in the input file as given:
// the byte offsets of its ends in Document.Src (half open) and the 1-based
// line and column, counted in characters, of both ends. It is the one
// position type of every report: its JSON form is the "span" of each
// citation, reference, claim and finding.
type Location struct {
	Start     int `json:"start"`
	End       int `json:"end"`
	Line      int `json:"line"`
	Column    int `json:"column"`
	EndLine   int `json:"end_line"`
	EndColumn int `json:"end_column"`
}

// location joins the positions of a span's two ends.
func location(from, to Position) Location {
	return Location{Start: from.Offset, End: to.Offset, Line: from.Line, Column: from.Column,
		EndLine: to.Line, EndColumn: to.Column}
}

// run maps text[t:t+tn] to source[s:s+sn]. When tn == sn the mapping is byte
// for byte; otherwise the text stands for the source piece as a whole (a
// decoded entity, a collapsed run of white space, a joined line break).
type run struct{ t, s, tn, sn int }

// offsetMap is a sorted list of runs from one byte sequence to another.
type offsetMap struct{ runs []run }

func (m *offsetMap) add(t, s, tn, sn int) {
	if tn == 0 && sn == 0 {
		return
	}
	if n := len(m.runs); n > 0 {
		last := &m.runs[n-1]
		if last.tn == last.sn && tn == sn && last.t+last.tn == t && last.s+last.sn == s {
			last.tn += tn
			last.sn += sn
			return
		}
	}
	m.runs = append(m.runs, run{t, s, tn, sn})
}

// find returns the index of the last run starting at or before t.
func (m *offsetMap) find(t int) int {
	return sort.Search(len(m.runs), func(i int) bool { return m.runs[i].t > t }) - 1
}

// start maps the offset where a span starts.
func (m *offsetMap) start(t int) int {
	if len(m.runs) == 0 {
		return t
	}
	i := m.find(t)
	if i < 0 {
		return m.runs[0].s
	}
	r := m.runs[i]
	switch {
	case t >= r.t+r.tn: // between runs (synthetic text): next source byte
		return r.s + r.sn
	case r.tn == r.sn:
		return r.s + t - r.t
	default:
		return r.s
	}
}

// end maps the offset where a span ends (exclusive).
func (m *offsetMap) end(t int) int {
	if len(m.runs) == 0 {
		return t
	}
	i := m.find(t - 1)
	if i < 0 {
		return m.runs[0].s
	}
	r := m.runs[i]
	switch {
	case t-1 >= r.t+r.tn:
		return r.s + r.sn
	case r.tn == r.sn:
		return r.s + t - r.t
	default:
		return r.s + r.sn
	}
}

// newLineTable returns the offsets at which each line of src starts.
func newLineTable(src []byte) []int {
	lines := make([]int, 1, 1+bytes.Count(src, []byte{'\n'}))
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		lines = append(lines, i)
	}
	return lines
}

// PositionOf returns the line and column of a byte offset in Src. Columns
// count characters; an invalid UTF-8 byte counts as one character, so single
// byte encodings are counted right too. A leading byte order mark is not
// counted.
func (d *Document) PositionOf(offset int) Position {
	if offset < 0 {
		offset = 0
	}
	if offset > len(d.Src) {
		offset = len(d.Src)
	}
	lines := d.lines
	if lines == nil { // a Document built by hand; readers fill the table
		lines = newLineTable(d.Src)
	}
	i := sort.Search(len(lines), func(i int) bool { return lines[i] > offset }) - 1
	lineStart := lines[i]
	if i == 0 && offset >= 3 && bytes.HasPrefix(d.Src, []byte("\xef\xbb\xbf")) {
		lineStart = 3 // a byte order mark is not a character anyone sees
	}
	col := offset - lineStart + 1
	if !singleByteCharset(d.Charset) {
		col = runeCount(d.Src[lineStart:offset]) + 1
	}
	return Position{Offset: offset, Line: i + 1, Column: col}
}

// runeCount is utf8.RuneCount, skipping a leading run of ASCII eight bytes
// at a time: columns are counted from the start of a line, and most lines
// are mostly ASCII. An ASCII byte is always one character on its own.
func runeCount(p []byte) int {
	i := 0
	for ; i+8 <= len(p); i += 8 {
		if binary.LittleEndian.Uint64(p[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	return i + utf8.RuneCount(p[i:])
}

// singleByteCharset reports whether every byte of the charset is one
// character, so that bytes that happen to form UTF-8 are not counted as one.
func singleByteCharset(name string) bool {
	if name == "utf-8" || name == "" {
		return false
	}
	return strings.HasPrefix(name, "windows-125") || strings.HasPrefix(name, "iso-8859-") ||
		strings.HasPrefix(name, "koi8-") || name == "windows-874" || name == "ibm866" ||
		name == "macintosh" || name == "x-mac-cyrillic"
}

// SourceOffsets returns the byte range in Src that a span of Text came from.
func (d *Document) SourceOffsets(s Span) (start, end int) {
	start, end = d.textMap.start(s.Start), d.textMap.end(s.End)
	if s.End <= s.Start {
		end = start
	}
	if len(d.decodedMap.runs) > 0 {
		start, end = d.decodedMap.start(start), d.decodedMap.end(end)
	}
	if end < start {
		end = start
	}
	return start, end
}

// Locate returns where in the input file a span of Text came from.
func (d *Document) Locate(s Span) Location {
	start, end := d.SourceOffsets(s)
	from := d.PositionOf(start)
	// most spans end on the line they start on: count the characters
	// between the two ends rather than from the start of the line again
	if d.lines != nil && start >= 3 && end <= len(d.Src) && end >= start {
		i := from.Line - 1
		if i+1 >= len(d.lines) || end < d.lines[i+1] {
			col := from.Column + end - start
			single := singleByteCharset(d.Charset)
			if !single {
				col = from.Column + runeCount(d.Src[start:end])
			}
			// RuneCount adds up across start only when no character
			// straddles it
			if single || start == len(d.Src) || utf8.RuneStart(d.Src[start]) {
				return location(from, Position{Offset: end, Line: from.Line, Column: col})
			}
		}
	}
	return location(from, d.PositionOf(end))
}
