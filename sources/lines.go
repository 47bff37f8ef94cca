package sources

import (
	"bytes"
	"encoding/binary"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// markEvery is how many bytes of a long line lie between two of the line
// index's marks, and so the most a position counts characters over.
const markEvery = 512

// lineIndex finds the line and column of an offset in Src. Columns count
// characters from the start of the line, so a position on a line of a
// megabyte once counted up to a megabyte, and a page of one long line
// (minified HTML, a paragraph without line breaks) took the square of its
// length to place all its spans. Lines longer than markEvery bytes carry
// marks, each a character boundary with the number of characters before it
// on its line: a position counts from the last mark before it, at most
// about markEvery bytes. The marks take sixteen bytes for every markEvery
// bytes of long lines, and the index is built once, with the rest of the
// Document, in one pass.
type lineIndex struct {
	starts []int      // offsets where each line starts
	marks  []lineMark // in offset order, over every long line
	unit   charUnit
	bom    int // length of a leading byte order mark, not counted
}

// lineMark is a character boundary inside a long line and the number of
// characters on its line before it (the byte order mark left out).
type lineMark struct{ off, chars int }

// charUnit says how the bytes of Src make characters.
type charUnit uint8

const (
	unitUTF8 charUnit = iota // an invalid byte counts as one character
	unitByte                 // a single-byte charset: a byte is a character
	unitUTF16LE
	unitUTF16BE
	unitUTF32LE
	unitUTF32BE
)

// unitOf returns how the bytes of a charset make characters. Legacy
// multi-byte charsets count as UTF-8 does, as they always have.
func unitOf(charset string) charUnit {
	switch charset {
	case "utf-16le":
		return unitUTF16LE
	case "utf-16be":
		return unitUTF16BE
	case "utf-32le":
		return unitUTF32LE
	case "utf-32be":
		return unitUTF32BE
	}
	if singleByteCharset(charset) {
		return unitByte
	}
	return unitUTF8
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

// newLineIndex indexes the lines of src, whose bytes make characters as
// charset says.
func newLineIndex(src []byte, charset string) *lineIndex {
	x := &lineIndex{unit: unitOf(charset)}
	switch x.unit {
	case unitUTF16LE, unitUTF16BE, unitUTF32LE, unitUTF32BE:
		x.starts = wideLineStarts(src, x.unit)
		if u, bom := wideBOM(src); u == x.unit {
			x.bom = bom
		}
	default:
		x.starts = newLineTable(src)
		if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
			x.bom = 3
		}
	}
	if x.unit == unitByte {
		return x // a column is a difference of offsets
	}
	for i, start := range x.starts {
		end := len(src)
		if i+1 < len(x.starts) {
			end = x.starts[i+1]
		}
		if i == 0 {
			start = min(x.bom, end)
		}
		if end-start <= markEvery {
			continue
		}
		chars := 0
		for p := start; ; {
			q, n := x.unit.advance(src, p, p+markEvery)
			if q >= end {
				break
			}
			chars += n
			x.marks = append(x.marks, lineMark{q, chars})
			p = q
		}
	}
	return x
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

// wideLineStarts returns the offsets at which each line of UTF-16 or
// UTF-32 src starts: after each line feed code unit.
func wideLineStarts(src []byte, u charUnit) []int {
	size := u.size()
	lines := []int{0}
	for i := 0; i+size <= len(src); i += size {
		if u.unitAt(src, i) == '\n' {
			lines = append(lines, i+size)
		}
	}
	return lines
}

// position returns the line and column of offset in src, and how many
// bytes it counted characters over.
func (x *lineIndex) position(src []byte, offset int) (Position, int) {
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > offset }) - 1
	start := x.starts[i]
	if i == 0 && x.bom > 0 && offset >= x.bom {
		start = x.bom // a byte order mark is not a character anyone sees
	}
	if x.unit == unitByte {
		return Position{Offset: offset, Line: i + 1, Column: offset - start + 1}, 0
	}
	base := 0
	if k := sort.Search(len(x.marks), func(k int) bool { return x.marks[k].off > offset }) - 1; k >= 0 && x.marks[k].off > start {
		base, start = x.marks[k].chars, x.marks[k].off
	}
	return Position{Offset: offset, Line: i + 1, Column: base + x.unit.count(src[start:offset]) + 1}, offset - start
}

// size returns the bytes of one code unit.
func (u charUnit) size() int {
	switch u {
	case unitUTF16LE, unitUTF16BE:
		return 2
	case unitUTF32LE, unitUTF32BE:
		return 4
	}
	return 1
}

// unitAt returns the code unit of UTF-16 or UTF-32 src at i, which must
// hold a whole one.
func (u charUnit) unitAt(src []byte, i int) rune {
	switch u {
	case unitUTF16LE:
		return rune(binary.LittleEndian.Uint16(src[i:]))
	case unitUTF16BE:
		return rune(binary.BigEndian.Uint16(src[i:]))
	case unitUTF32LE:
		return rune(binary.LittleEndian.Uint32(src[i:]))
	case unitUTF32BE:
		return rune(binary.BigEndian.Uint32(src[i:]))
	}
	return rune(src[i])
}

// next returns the length of the character of src starting at i: a code
// point in UTF-16 and UTF-32 (a pair of surrogates together), a decoded
// rune or one invalid byte in UTF-8, a byte otherwise. What is left of a
// code unit at the end counts as one character.
func (u charUnit) next(src []byte, i int) int {
	switch u {
	case unitByte:
		return 1
	case unitUTF8:
		if src[i] < utf8.RuneSelf {
			return 1
		}
		_, n := utf8.DecodeRune(src[i:])
		return n
	}
	size := u.size()
	if i+size > len(src) {
		return len(src) - i
	}
	if size == 2 && i+4 <= len(src) && utf16.IsSurrogate(u.unitAt(src, i)) &&
		utf16.DecodeRune(u.unitAt(src, i), u.unitAt(src, i+2)) != utf8.RuneError {
		return 4
	}
	return size
}

// advance counts the characters from p, a character boundary, up to the
// first boundary at or past limit (or the end of src), and returns that
// boundary.
func (u charUnit) advance(src []byte, p, limit int) (int, int) {
	n := 0
	for p < limit && p < len(src) {
		if u == unitUTF8 && p+8 <= len(src) && binary.LittleEndian.Uint64(src[p:])&0x8080808080808080 == 0 {
			p += 8
			n += 8
			continue
		}
		p += u.next(src, p)
		n++
	}
	return p, n
}

// count returns the number of characters in p.
func (u charUnit) count(p []byte) int {
	if u == unitUTF8 {
		return runeCount(p)
	}
	_, n := u.advance(p, 0, len(p))
	return n
}

// runeCount is utf8.RuneCount, skipping runs of ASCII eight bytes at a
// time, and without the copy utf8.RuneCount makes of what follows the
// first non-ASCII byte. An ASCII byte is always one character on its own.
func runeCount(p []byte) int {
	_, n := unitUTF8.advance(p, 0, len(p))
	return n
}
