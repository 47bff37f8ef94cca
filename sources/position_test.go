package sources

import (
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOffsetMap(t *testing.T) {
	var m offsetMap
	m.add(0, 0, 5, 5)   // "Hello" byte for byte
	m.add(5, 5, 1, 3)   // one space for "\n  "
	m.add(6, 8, 5, 5)   // "World"
	m.add(11, 13, 1, 5) // "&" for "&amp;"
	m.add(12, 18, 1, 0) // a separator with no source
	m.add(13, 18, 2, 2)
	assert.Len(t, m.runs, 6)

	tests := []struct {
		name       string
		start, end int // text
		srcStart   int
		srcEnd     int
	}{
		{"inside a byte-for-byte run", 1, 4, 1, 4},
		{"across the collapsed space", 3, 8, 3, 10},
		{"the collapsed space alone", 5, 6, 5, 8},
		{"an entity as a whole", 11, 12, 13, 18},
		{"text after a synthetic separator", 13, 15, 18, 20},
		{"the separator maps to an empty place", 12, 13, 18, 18},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.srcStart, m.start(tt.start))
			assert.Equal(t, tt.srcEnd, m.end(tt.end))
		})
	}
}

func TestOffsetMapMerges(t *testing.T) {
	var m offsetMap
	m.add(0, 0, 3, 3)
	m.add(3, 3, 2, 2)
	m.add(5, 6, 2, 2) // not contiguous in the source
	m.add(7, 8, 0, 0) // empty: ignored
	assert.Equal(t, []run{{0, 0, 5, 5}, {5, 6, 2, 2}}, m.runs)
}

func TestPositionOf(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		charset   string
		offset    int
		line, col int
	}{
		{"start", "ab\ncd", "utf-8", 0, 1, 1},
		{"second line", "ab\ncd", "utf-8", 4, 2, 2},
		{"at a newline", "ab\ncd", "utf-8", 2, 1, 3},
		{"end of input", "ab\ncd", "utf-8", 5, 2, 3},
		{"past the end clamps", "ab\ncd", "utf-8", 99, 2, 3},
		{"negative clamps", "ab\ncd", "utf-8", -4, 1, 1},
		{"characters, not bytes", "é€x", "utf-8", 5, 1, 3},
		{"a tab is one column", "\tx", "utf-8", 1, 1, 2},
		{"byte order mark", "\xef\xbb\xbfab", "utf-8", 4, 1, 2},
		{"byte order mark on a later line counts nothing", "\xef\xbb\xbfa\nbc", "utf-8", 6, 2, 2},
		{"invalid UTF-8 byte is one column", "a\xffb", "utf-8", 2, 1, 3},
		{"single-byte charset counts bytes", "\xc3\xa9x", "windows-1252", 2, 1, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &Document{Src: []byte(tt.src), Charset: tt.charset}
			p := doc.PositionOf(tt.offset)
			assert.Equal(t, [2]int{tt.line, tt.col}, [2]int{p.Line, p.Column})
		})
	}
}

func TestRangeOfEmptySpan(t *testing.T) {
	doc, err := Parse([]byte("one two\nthree"), ReadOptions{Format: FormatText})
	assert.NoError(t, err)
	s, e := doc.SourceOffsets(Span{4, 4})
	assert.Equal(t, s, e)
	s, e = doc.SourceOffsets(Span{5, 2}) // reversed
	assert.LessOrEqual(t, s, e)
	r := doc.Locate(Span{8, 13})
	assert.Equal(t, Location{Start: 8, End: 13, Line: 2, Column: 1, EndLine: 2, EndColumn: 6}, r)
}

// positionOracle is PositionOf counting every column from the start of its
// line, as it did before the line index had marks.
func positionOracle(src []byte, x *lineIndex, offset int) Position {
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > offset }) - 1
	start := x.starts[i]
	if i == 0 && x.bom > 0 && offset >= x.bom {
		start = x.bom
	}
	col := offset - start + 1
	if x.unit == unitUTF8 {
		col = utf8.RuneCount(src[start:offset]) + 1
	} else if x.unit != unitByte {
		col = x.unit.count(src[start:offset]) + 1
	}
	return Position{Offset: offset, Line: i + 1, Column: col}
}

// TestPositionOfLongLines checks the marks of long lines against counting
// from the start of the line, at every offset, and that no position counts
// over much more than markEvery bytes.
func TestPositionOfLongLines(t *testing.T) {
	pieces := []string{"abc ", "café ", "😀", "\xff", "\xe2\x80", "\x94", "– ", "12345678"}
	var b strings.Builder
	b.WriteString("\xef\xbb\xbf")
	for i := range 900 {
		b.WriteString(pieces[(i*7+i/3)%len(pieces)])
		if i%400 == 399 {
			b.WriteString("\n")
		}
	}
	text := b.String()
	inputs := []struct {
		src     []byte
		charset string
	}{
		{[]byte(text), "utf-8"},
		{[]byte(text), "windows-1252"},
		{[]byte(text), "shift_jis"},
	}
	valid := strings.ToValidUTF8(text[3:], "?")
	for _, u := range wideUnits {
		inputs = append(inputs, struct {
			src     []byte
			charset string
		}{encodeWide(valid, u, true), u.charset()})
	}
	for _, in := range inputs {
		doc := &Document{Src: in.src, Charset: in.charset, lines: *newLineIndex(in.src, in.charset)}
		if doc.lines.unit != unitByte { // a column there is a difference of offsets
			require.NotEmpty(t, doc.lines.marks, in.charset)
		}
		x := newLineIndex(in.src, in.charset)
		x.marks = nil
		for off := 0; off <= len(in.src); off++ {
			got, scanned := doc.position(off)
			require.Equal(t, positionOracle(in.src, x, off), got, "%s offset %d", in.charset, off)
			require.LessOrEqual(t, scanned, markEvery+8, "%s offset %d", in.charset, off)
		}
	}
}
