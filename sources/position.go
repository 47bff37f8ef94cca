package sources

import (
	"sort"
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
//
// For a DOCX, whose Src is its text one paragraph a line, Line is the
// paragraph's number and Column the character within it, and Page the
// page the span starts on as Word last laid the document out.
type Location struct {
	Start     int `json:"start"`
	End       int `json:"end"`
	Line      int `json:"line"`
	Column    int `json:"column"`
	EndLine   int `json:"end_line"`
	EndColumn int `json:"end_column"`
	// Page is the 1-based page the span starts on, for an input that
	// records its page breaks (a DOCX Word saved); zero otherwise.
	Page int `json:"page,omitempty"`
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
// A transcoded input's map joins characters of the same lengths one after
// the other into one run, which stands for each of them as a whole: more,
// when not nil, holds for each run how many further pieces it stands for.
// UTF-16 text so takes a run per stretch of characters of one width rather
// than one per character, and other maps pay nothing for it.
type offsetMap struct {
	runs []run
	more []int
}

func (m *offsetMap) add(t, s, tn, sn int) {
	if tn == 0 && sn == 0 {
		return
	}
	if n := len(m.runs); n > 0 && (m.more == nil || m.more[n-1] == 0) {
		last := &m.runs[n-1]
		if last.tn == last.sn && tn == sn && last.t+last.tn == t && last.s+last.sn == s {
			last.tn += tn
			last.sn += sn
			return
		}
	}
	m.runs = append(m.runs, run{t, s, tn, sn})
	if m.more != nil {
		m.more = append(m.more, 0)
	}
}

// addChar records that text[t:t+tn] stands for src[s:s+sn], one decoded
// character, as a whole; it joins a run of characters of the same lengths.
func (m *offsetMap) addChar(t, s, tn, sn int) {
	if tn == sn || tn == 0 {
		m.add(t, s, tn, sn)
		return
	}
	if n := len(m.runs); n > 0 {
		last := m.runs[n-1]
		k := 1 + m.piecesAfter(n-1)
		if last.tn == tn && last.sn == sn && last.t+k*tn == t && last.s+k*sn == s {
			if m.more == nil {
				m.more = make([]int, n, cap(m.runs))
			}
			m.more[n-1]++
			return
		}
	}
	m.add(t, s, tn, sn)
}

// piecesAfter returns how many further pieces run i stands for.
func (m *offsetMap) piecesAfter(i int) int {
	if m.more == nil {
		return 0
	}
	return m.more[i]
}

// piece returns the piece of run i that text offset t falls in: the run
// itself unless it stands for several, and its last piece past its end.
func (m *offsetMap) piece(i, t int) run {
	r, more := m.runs[i], m.piecesAfter(i)
	if more == 0 {
		return r
	}
	k := min(max(t-r.t, 0)/r.tn, more)
	return run{r.t + k*r.tn, r.s + k*r.sn, r.tn, r.sn}
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
	r := m.piece(i, t)
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
	r := m.piece(i, t-1)
	switch {
	case t-1 >= r.t+r.tn:
		return r.s + r.sn
	case r.tn == r.sn:
		return r.s + t - r.t
	default:
		return r.s + r.sn
	}
}

// PositionOf returns the line and column of a byte offset in Src. Columns
// count characters; an invalid UTF-8 byte counts as one character, so single
// byte encodings are counted right too, and in UTF-16 and UTF-32 a character
// is a code point. A leading byte order mark is not counted. It takes time
// independent of the length of the line (see lineIndex).
func (d *Document) PositionOf(offset int) Position {
	p, _ := d.position(offset)
	return p
}

// position is PositionOf, also returning how many bytes it counted
// characters over, for the tests that bound that work.
func (d *Document) position(offset int) (Position, int) {
	offset = max(0, min(offset, len(d.Src)))
	x := &d.lines
	if x.starts == nil { // a Document built by hand; readers fill the index
		x = newLineIndex(d.Src, d.Charset)
	}
	return x.position(d.Src, offset)
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
	loc, _ := d.locate(s)
	if len(d.pages) > 0 {
		loc.Page = pageAt(d.pages, s.Start)
	}
	return loc
}

// locate is Locate, also returning how many bytes it counted characters
// over.
func (d *Document) locate(s Span) (Location, int) {
	start, end := d.SourceOffsets(s)
	from, n := d.position(start)
	// most spans end on the line they start on, and most are short: count
	// the characters between the two ends rather than from the start of the
	// line again
	x := &d.lines
	if x.starts != nil && start >= 3 && end <= len(d.Src) && end >= start &&
		(x.unit == unitByte || x.unit == unitUTF8 && end-start <= markEvery) {
		i := from.Line - 1
		if i+1 >= len(x.starts) || end < x.starts[i+1] {
			col := from.Column + end - start
			if x.unit == unitUTF8 {
				col = from.Column + runeCount(d.Src[start:end])
				n += end - start
			}
			// characters add up across start only when none straddles it
			if x.unit == unitByte || start == len(d.Src) || utf8.RuneStart(d.Src[start]) {
				return location(from, Position{Offset: end, Line: from.Line, Column: col}), n
			}
		}
	}
	to, m := d.position(end)
	return location(from, to), n + m
}
