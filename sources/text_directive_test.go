package sources

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestTextDirectiveLinesReadAsBlank: a suppression line is an instruction,
// not content; it also ends the paragraph before it, as a blank line does.
func TestTextDirectiveLinesReadAsBlank(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // the blocks' text
	}{
		{"before a paragraph", "# citecheck-disable-next-line uncited-claim\nThe city spent $4.2 million.\n", []string{"The city spent $4.2 million."}},
		{"indented, no space after #", "First line.\n  #citecheck-disable\nSecond line.\n", []string{"First line.", "Second line."}},
		{"an ordinary hash line stays", "# Costs of the bridge\n\nText.\n", []string{"# Costs of the bridge", "Text."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readText(t, tt.src)
			var got []string
			for _, b := range doc.Blocks {
				got = append(got, doc.Slice(b.Span))
			}
			assert.Equal(t, tt.want, got)
			assert.NotContains(t, doc.Text, "citecheck-")
		})
	}
}
