package sources

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkInvariants fails t when doc breaks a promise every reader makes:
// Text is UTF-8 made of the blocks joined by "\n", every span lies inside
// Text, and every span maps inside Src with 1-based positions.
func checkInvariants(t testing.TB, doc *Document) {
	t.Helper()
	if !utf8.ValidString(doc.Text) {
		t.Fatalf("Text is not valid UTF-8: %q", doc.Text)
	}
	inText := func(what string, s Span) {
		t.Helper()
		if s.Start < 0 || s.Start > s.End || s.End > len(doc.Text) {
			t.Fatalf("%s span %v outside Text of %d bytes", what, s, len(doc.Text))
		}
		start, end := doc.SourceOffsets(s)
		if start < 0 || start > end || end > len(doc.Src) {
			t.Fatalf("%s span %v maps to [%d,%d) outside Src of %d bytes", what, s, start, end, len(doc.Src))
		}
		r := doc.Locate(s)
		if r.Line < 1 || r.Column < 1 || r.EndLine < r.Line {
			t.Fatalf("%s span %v has range %+v", what, s, r)
		}
	}
	parts := make([]string, 0, len(doc.Blocks))
	for i, b := range doc.Blocks {
		inText("block", b.Span)
		if b.Span.Len() == 0 {
			t.Fatalf("block %d is empty", i)
		}
		if i > 0 && doc.Blocks[i-1].Span.End >= b.Span.Start {
			t.Fatalf("blocks %d %v and %d %v are out of order or touch", i-1, doc.Blocks[i-1].Span, i, b.Span)
		}
		parts = append(parts, doc.Slice(b.Span))
	}
	if joined := strings.Join(parts, "\n"); joined != doc.Text {
		t.Fatalf("Text is not its blocks joined by newlines:\ntext   %q\nblocks %q", doc.Text, joined)
	}
	for _, l := range doc.Links {
		inText("link", l.Span)
	}
	for _, a := range doc.Anchors {
		inText("anchor", a.Span)
	}
	for i, s := range doc.Superscripts {
		inText("superscript", s)
		if i > 0 && doc.Superscripts[i-1].End > s.Start {
			t.Fatalf("superscripts %v and %v out of order", doc.Superscripts[i-1], s)
		}
	}
	// characters map somewhere sensible too; a sample on long texts keeps
	// the check linear (each Range counts the characters of its line)
	step := max(1, len(doc.Text)/512)
	for i := 0; i < len(doc.Text); i += step {
		inText("character", Span{i, i + 1})
	}
}

// build runs a reader's steps against a builder and returns the document.
func build(src string, steps func(b *builder, src []byte)) *Document {
	doc := &Document{Src: []byte(src)}
	b := newBuilder(doc)
	steps(b, doc.Src)
	b.finish()
	return doc
}

func TestBuilder(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		steps  func(b *builder, src []byte)
		text   string
		blocks []Span
	}{
		{
			name: "white space collapses and blocks are separated by a newline",
			src:  "one  two\n\nthree",
			steps: func(b *builder, src []byte) {
				b.openBlock(BlockParagraph, 0, 0)
				b.writeSource(src, 0, 8)
				b.openBlock(BlockParagraph, 0, 10)
				b.writeSource(src, 10, 15)
			},
			text:   "one two\nthree",
			blocks: []Span{{0, 7}, {8, 13}},
		},
		{
			name: "an empty block leaves the text before it alone",
			src:  "Hello   World",
			steps: func(b *builder, src []byte) {
				b.openBlock(BlockParagraph, 0, 0)
				b.writeSource(src, 0, 5)
				b.openBlock(BlockListItem, 1, 5)
				b.writeSource(src, 5, 8) // only spaces
				b.openBlock(BlockParagraph, 0, 8)
				b.writeSource(src, 8, 13)
			},
			text:   "Hello\nWorld",
			blocks: []Span{{0, 5}, {6, 11}},
		},
		{
			name: "a block emptied after mark drops its separator",
			src:  "Hello World",
			steps: func(b *builder, src []byte) {
				b.openBlock(BlockParagraph, 0, 0)
				b.writeSource(src, 0, 5)
				b.openBlock(BlockParagraph, 0, 5)
				b.mark(6)
				b.closeBlock()
			},
			text:   "Hello",
			blocks: []Span{{0, 5}},
		},
		{
			name: "leading and trailing space of a block is dropped",
			src:  "  a b  ",
			steps: func(b *builder, src []byte) {
				b.openBlock(BlockParagraph, 0, 0)
				b.writeSource(src, 0, 7)
			},
			text:   "a b",
			blocks: []Span{{0, 3}},
		},
		{
			name: "mapped text stands for its source as a whole",
			src:  "a &amp; b",
			steps: func(b *builder, src []byte) {
				b.openBlock(BlockParagraph, 0, 0)
				b.writeSource(src, 0, 2)
				b.writeMapped("&", 2, 7)
				b.writeSource(src, 7, 9)
			},
			text:   "a & b",
			blocks: []Span{{0, 5}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := build(tt.src, tt.steps)
			assert.Equal(t, tt.text, doc.Text)
			var spans []Span
			for _, b := range doc.Blocks {
				spans = append(spans, b.Span)
			}
			assert.Equal(t, tt.blocks, spans)
			checkInvariants(t, doc)
		})
	}
}

func TestBuilderMarkSkipsSeparator(t *testing.T) {
	src := "first\n\n[link] rest"
	doc := build(src, func(b *builder, s []byte) {
		b.openBlock(BlockParagraph, 0, 0)
		b.writeSource(s, 0, 5)
		b.openBlock(BlockParagraph, 0, 7)
		start := b.mark(8)
		b.writeSource(s, 8, 12)
		b.doc.Links = append(b.doc.Links, Link{Span: Span{start, b.len()}})
		b.writeSource(s, 13, 18)
	})
	require.Len(t, doc.Links, 1)
	assert.Equal(t, "link", doc.Slice(doc.Links[0].Span))
	start, end := doc.SourceOffsets(doc.Links[0].Span)
	assert.Equal(t, "link", src[start:end])
}

func TestBuilderMappedEntity(t *testing.T) {
	src := "x &amp; y"
	doc := build(src, func(b *builder, s []byte) {
		b.openBlock(BlockParagraph, 0, 0)
		b.writeSource(s, 0, 2)
		b.writeMapped("&", 2, 7)
		b.writeSource(s, 7, 9)
	})
	start, end := doc.SourceOffsets(Span{2, 3})
	assert.Equal(t, "&amp;", src[start:end])
	start, end = doc.SourceOffsets(Span{4, 5})
	assert.Equal(t, "y", src[start:end])
}
