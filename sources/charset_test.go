package sources

import (
	"encoding/binary"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// encodeWide encodes s in the UTF-16 or UTF-32 encoding u, with a byte
// order mark if bom.
func encodeWide(s string, u charUnit, bom bool) []byte {
	var out []byte
	put := func(r rune) {
		switch u {
		case unitUTF16LE:
			out = binary.LittleEndian.AppendUint16(out, uint16(r))
		case unitUTF16BE:
			out = binary.BigEndian.AppendUint16(out, uint16(r))
		case unitUTF32LE:
			out = binary.LittleEndian.AppendUint32(out, uint32(r))
		case unitUTF32BE:
			out = binary.BigEndian.AppendUint32(out, uint32(r))
		}
	}
	if bom {
		put(0xFEFF)
	}
	for _, r := range s {
		if u.size() == 2 && r > 0xFFFF {
			r1, r2 := utf16.EncodeRune(r)
			put(r1)
			put(r2)
			continue
		}
		put(r)
	}
	return out
}

var wideUnits = []charUnit{unitUTF16LE, unitUTF16BE, unitUTF32LE, unitUTF32BE}

var wideInputs = []struct {
	name   string
	format Format
	text   string
}{
	{"text", FormatText, "Title\n\nA claim about the café (Smith, 2020) –\nwrapped on a second line 😀.\r\n\n1. Smith, J. (2020). Title. https://doi.org/10.1/x\n"},
	{"markdown", FormatMarkdown, "---\ntitle: Café\n---\n# Café\n\nA claim.[^1] A [link](https://example.com/é) and `code`.\n\n| a | b |\n|---|---|\n| ü | 😀 |\n\n[^1]: Smith, J. (2020). Title.\n"},
	{"html", FormatHTML, "<html><body><article><h1>Café</h1><p>A claim<sup><a href=\"#n1\">[1]</a></sup> – 😀.</p>\n<ol><li id=\"n1\">Smith, J. (2020).</li></ol></article></body></html>\n"},
}

// TestParseWide reads UTF-16 and UTF-32 inputs, with and without a byte
// order mark, into the document their UTF-8 form gives, with every span
// placed at the same line and column and at the bytes that encode it.
func TestParseWide(t *testing.T) {
	for _, in := range wideInputs {
		want, err := Parse([]byte(in.text), ReadOptions{Name: "in", Format: in.format})
		require.NoError(t, err)
		for _, u := range wideUnits {
			for _, bom := range []bool{true, false} {
				src := encodeWide(in.text, u, bom)
				name := in.name + "/" + u.charset()
				if !bom {
					name += "/no-bom"
				}
				t.Run(name, func(t *testing.T) {
					got, err := Parse(src, ReadOptions{Name: "in", Format: in.format})
					require.NoError(t, err)
					assert.Equal(t, u.charset(), got.Charset)
					assert.Equal(t, want.Text, got.Text)
					assert.Equal(t, want.Blocks, got.Blocks)
					assert.Equal(t, want.Links, got.Links)
					assert.Equal(t, want.Anchors, got.Anchors)
					assert.Equal(t, want.Meta, got.Meta)
					checkInvariants(t, got)
					for s := 0; s <= len(got.Text); s++ {
						for e := s; e <= len(got.Text) && e <= s+12; e++ {
							if !boundary(got.Text, s) || !boundary(got.Text, e) {
								continue // a span inside a character has no bytes of its own
							}
							w, g := want.Locate(Span{s, e}), got.Locate(Span{s, e})
							require.Equal(t, [4]int{w.Line, w.Column, w.EndLine, w.EndColumn},
								[4]int{g.Line, g.Column, g.EndLine, g.EndColumn}, "span [%d,%d)", s, e)
							require.Equal(t, string(encodeWide(in.text[w.Start:w.End], u, false)), string(src[g.Start:g.End]), "span [%d,%d)", s, e)
						}
					}
				})
			}
		}
	}
}

// boundary reports whether offset i of s starts a character or ends s.
func boundary(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

func TestDetectWide(t *testing.T) {
	md := "# Title\n\nText with a [link](https://example.com) and a note.[^1]\n\n[^1]: A note.\n"
	for _, u := range wideUnits {
		assert.Equal(t, FormatMarkdown, DetectFormat("", encodeWide(md, u, true)), u.charset())
		assert.Equal(t, FormatMarkdown, DetectFormat("", encodeWide(md, u, false)), u.charset())
		assert.NoError(t, CheckEncoding(encodeWide(md, u, false), FormatMarkdown), u.charset())
	}
}

// TestNotWide keeps inputs whose NUL bytes do not clearly make UTF-16 or
// UTF-32 binary.
func TestNotWide(t *testing.T) {
	for _, in := range []string{
		"hello\x00world!",                     // a stray NUL, even length
		"\x00\x00\x00\x00",                    // NUL characters
		"a\x00\x01\x00b\x00c\x00",             // a control character
		"\x00\xd8a\x00",                       // an unpaired surrogate
		"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", // an image
		"\x00\x4e\x00\x4e\x00\x4ea\x00",       // mostly above U+00FF
	} {
		_, err := Parse([]byte(in), ReadOptions{Format: FormatText})
		assert.ErrorIs(t, err, ErrBinary, "%q", in)
		assert.ErrorIs(t, CheckEncoding([]byte(in), FormatText), ErrBinary, "%q", in)
	}
}

// TestWideBroken reads broken UTF-16 and UTF-32: a unit cut short, an
// unpaired surrogate, a NUL character and a code point out of range each
// read as U+FFFD at the bytes they take.
func TestWideBroken(t *testing.T) {
	for _, tt := range []struct {
		src  string
		text string
	}{
		{"\xff\xfea\x00b", "a\uFFFD"},
		{"\xff\xfea\x00\x00\xd8b\x00", "a\uFFFDb"},
		{"\xfe\xff\x00a\x00\x00\x00b", "a\uFFFDb"},
		{"\xff\xfe\x00\x00a\x00\x00\x00\x00\x00\x11\x00b\x00\x00", "a\uFFFD\uFFFD"},
	} {
		doc, err := Parse([]byte(tt.src), ReadOptions{Format: FormatText})
		require.NoError(t, err, "%q", tt.src)
		assert.Equal(t, tt.text, doc.Text, "%q", tt.src)
		checkInvariants(t, doc)
	}
}

func TestOffsetMapCharRuns(t *testing.T) {
	var m offsetMap
	for i := range 4 { // four ASCII characters of UTF-16: one byte for two
		m.addChar(i, 2+2*i, 1, 2)
	}
	m.addChar(4, 10, 2, 2) // é: byte for byte
	m.addChar(6, 12, 4, 4)
	m.addChar(10, 16, 3, 2) // –
	m.addChar(13, 18, 3, 2)
	assert.Equal(t, []run{{0, 2, 1, 2}, {4, 10, 6, 6}, {10, 16, 3, 2}}, m.runs)
	assert.Equal(t, []int{3, 0, 1}, m.more)
	for _, tt := range []struct{ t, start, end int }{
		{0, 2, 2}, {1, 4, 4}, {3, 8, 8}, {4, 10, 10}, {5, 11, 11}, {10, 16, 16}, {11, 16, 18}, {13, 18, 18}, {14, 18, 20}, {16, 20, 20},
	} {
		assert.Equal(t, tt.start, m.start(tt.t), "start(%d)", tt.t)
		assert.Equal(t, tt.end, m.end(tt.t), "end(%d)", tt.t)
	}
}
