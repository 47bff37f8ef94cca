package lsp

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

func TestLineTable(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		offset int
		want   position
	}{
		{"start", "abc", 0, position{0, 0}},
		{"ascii", "abc\ndef", 5, position{1, 1}},
		{"after a two-byte character", "Çelik (2021)", len("Çelik "), position{0, 6}},
		{"after an emoji, two units", "😀 (Smith)", len("😀 "), position{0, 3}},
		{"inside an emoji, its start", "😀x", 2, position{0, 0}},
		{"crlf", "a\r\nb", 3, position{1, 0}},
		{"cr alone", "a\rb", 2, position{1, 0}},
		{"the end", "a\n", 2, position{1, 0}},
		{"past the end, clamped", "ab", 10, position{0, 2}},
		{"before the start, clamped", "ab", -1, position{0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lt := newLineTable(tt.text)
			p := lt.position(tt.offset)
			assert.Equal(t, tt.want, position{int(p.Line), int(p.Character)})
			if tt.offset >= 0 && tt.offset <= len(tt.text) && !strings.HasPrefix(tt.name, "inside") {
				assert.Equal(t, tt.offset, lt.offset(p), "back to the offset")
			}
		})
	}
}

func TestLineTableOffsetClamps(t *testing.T) {
	lt := newLineTable("ab\r\ncd")
	assert.Equal(t, 2, lt.offset(lspPos(0, 9)), "a character past the line is its end")
	assert.Equal(t, len("ab\r\ncd"), lt.offset(lspPos(7, 0)), "a line past the text is its end")
	assert.Equal(t, 4, lt.lineStart(5))
}

func lspPos(line, char int) protocol.Position {
	return protocol.Position{Line: protocol.UInteger(line), Character: protocol.UInteger(char)}
}
