package sources

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var positionInputs = []string{
	"", "a", "plain ASCII text that runs past eight bytes\nand a second line",
	"\xef\xbb\xbfBOM then text\nline two – with a dash",
	"caf\xc3\xa9 \xe2\x80\x94 \xff broken \xc3 \n\n<p>Tag &amp; entity</p>\n",
	"# Title\n\nA paragraph with “quotes” and a footnote.[^1]\n\n[^1]: Smith, J. (2019). Title.\n",
}

// TestRangeMatchesPositionOf checks the shortcut Range takes for a span on
// one line against PositionOf, which counts from the line's start.
func TestRangeMatchesPositionOf(t *testing.T) {
	for _, in := range positionInputs {
		for _, f := range []Format{FormatText, FormatMarkdown, FormatHTML} {
			checkRanges(t, in, f)
		}
	}
}

func checkRanges(t *testing.T, in string, f Format) {
	doc, err := Parse([]byte(in), ReadOptions{Name: "in", Format: f})
	if err != nil {
		return
	}
	for s := 0; s <= len(doc.Text); s++ {
		for e := s; e <= len(doc.Text) && e <= s+40; e++ {
			r := doc.Locate(Span{s, e})
			start, end := doc.SourceOffsets(Span{s, e})
			require.Equal(t, location(doc.PositionOf(start), doc.PositionOf(end)), r, "%q %s [%d,%d)", in, f, s, e)
		}
	}
}

func TestRuneCount(t *testing.T) {
	for _, in := range append(positionInputs, "12345678\xe2\x80\x9412345678", "1234567\xc3") {
		for i := 0; i <= len(in); i++ {
			assert.Equal(t, utf8.RuneCountInString(in[i:]), runeCount([]byte(in[i:])), "%q", in[i:])
		}
	}
}

func FuzzRangeMatchesPositionOf(f *testing.F) {
	for _, in := range positionInputs {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > 2000 {
			return
		}
		if utf8.RuneCountInString(in) != runeCount([]byte(in)) {
			t.Fatalf("runeCount(%q) = %d", in, runeCount([]byte(in)))
		}
		for _, f := range []Format{FormatText, FormatMarkdown, FormatHTML} {
			checkRanges(t, in, f)
		}
	})
}

// writeSourceOracle is writeSource as it was before it copied the single
// spaces between words along with them.
func (b *builder) writeSourceOracle(src []byte, start, end int) {
	for i := start; i < end; {
		r, size := rune(src[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(src[i:end])
		}
		if b.isSpace(r) {
			b.space(i, i+size)
			i += size
			continue
		}
		// copy a stretch of non-space bytes at once
		j := i + size
		for j < end {
			c := rune(src[j])
			n := 1
			if c >= utf8.RuneSelf {
				c, n = utf8.DecodeRune(src[j:end])
			}
			if b.isSpace(c) || c == utf8.RuneError && n == 1 {
				break
			}
			j += n
		}
		if r == utf8.RuneError && size == 1 {
			b.writeMapped("\uFFFD", i, i+1)
			i++
			continue
		}
		b.flushSpace(i)
		b.m.add(len(b.text), i, j-i, j-i)
		b.text = append(b.text, src[i:j]...)
		i = j
	}
}

func buildWith(src []byte, oracle bool) *Document {
	doc := &Document{Src: src}
	b := newBuilder(doc)
	b.openBlock(BlockParagraph, 0, 0)
	// two pieces, so that a space pending at the end of one meets the next
	half := len(src) / 2
	for _, piece := range [][2]int{{0, half}, {half, len(src)}} {
		if oracle {
			b.writeSourceOracle(src, piece[0], piece[1])
		} else {
			b.writeSource(src, piece[0], piece[1])
		}
	}
	b.finish()
	return doc
}

func checkWriteSource(t *testing.T, in string) {
	want, got := buildWith([]byte(in), true), buildWith([]byte(in), false)
	require.Equal(t, want.Text, got.Text, "%q", in)
	require.Equal(t, want.textMap.runs, got.textMap.runs, "%q", in)
	require.Equal(t, want.Blocks, got.Blocks, "%q", in)
}

func TestWriteSourceMatchesOracle(t *testing.T) {
	for _, in := range append(positionInputs, "a b  c\td \u00a0e\u2003f \xff g", " lead and trail ", "x \xc3\xa9 y") {
		checkWriteSource(t, in)
	}
}

func FuzzWriteSourceMatchesOracle(f *testing.F) {
	for _, in := range positionInputs {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) { checkWriteSource(t, in) })
}
