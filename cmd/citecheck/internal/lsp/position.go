package lsp

import (
	"sort"
	"unicode/utf8"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// lineTable converts between byte offsets into a text and LSP positions:
// 0-based lines and UTF-16 code units within the line, as the protocol
// counts them by default. It takes "\n", "\r\n" and "\r" as line breaks, as
// the protocol does.
type lineTable struct {
	text   string
	starts []int // byte offset where each line starts
}

func newLineTable(text string) lineTable {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return lineTable{text: text, starts: starts}
}

// position returns the LSP position of a byte offset, clamped to the text;
// an offset inside a UTF-8 sequence counts from the start of its character.
func (t lineTable) position(offset int) protocol.Position {
	offset = max(0, min(offset, len(t.text)))
	line := sort.SearchInts(t.starts, offset+1) - 1
	units := 0
	for i := t.starts[line]; i < offset; {
		r, w := utf8.DecodeRuneInString(t.text[i:])
		if i+w > offset {
			break
		}
		units += utf16Len(r)
		i += w
	}
	return protocol.Position{Line: protocol.UInteger(line), Character: protocol.UInteger(units)}
}

// rangeOf returns the LSP range of the byte span [start, end).
func (t lineTable) rangeOf(start, end int) protocol.Range {
	return protocol.Range{Start: t.position(start), End: t.position(max(start, end))}
}

// offset returns the byte offset of an LSP position. A line past the end
// means the end of the text, and a character past the end of its line the
// end of the line, as the protocol says.
func (t lineTable) offset(p protocol.Position) int {
	if int(p.Line) >= len(t.starts) {
		return len(t.text)
	}
	i := t.starts[p.Line]
	end := len(t.text)
	if int(p.Line)+1 < len(t.starts) {
		end = t.starts[p.Line+1]
	}
	for units := 0; i < end && units < int(p.Character); {
		r, w := utf8.DecodeRuneInString(t.text[i:])
		if r == '\n' || r == '\r' {
			break
		}
		units += utf16Len(r)
		i += w
	}
	return i
}

// lineStart returns the byte offset where the line holding offset starts.
func (t lineTable) lineStart(offset int) int {
	return t.starts[sort.SearchInts(t.starts, max(0, min(offset, len(t.text)))+1)-1]
}

// utf16Len is the number of UTF-16 code units of r; an invalid byte, which
// the editor sent as U+FFFD, is one.
func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}
