package sources

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTextDirectiveLinesLeftOut: a suppression line is an instruction, not
// content, and a paragraph reads on across it as if it were not there.
func TestTextDirectiveLinesLeftOut(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // the blocks' text
	}{
		{"before a paragraph", "# citecheck-disable-next-line uncited-claim\nThe city spent $4.2 million.\n", []string{"The city spent $4.2 million."}},
		{"indented, no space after #, in a paragraph", "First line\n  #citecheck-disable\nsecond line.\n", []string{"First line second line."}},
		{"between paragraphs", "First.\n\n# citecheck-enable\n\nSecond.\n", []string{"First.", "Second."}},
		{"alone", "# citecheck-disable\n", nil},
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

// TestTextDirectiveLinePositions: the text after a suppression line left
// out of a paragraph keeps its place in the file.
func TestTextDirectiveLinePositions(t *testing.T) {
	doc := readText(t, "The city spent\n# citecheck-disable-next-line uncited-claim\n$4.2 million in 2021.\n")
	i := strings.Index(doc.Text, "$4.2")
	require.GreaterOrEqual(t, i, 0, doc.Text)
	loc := doc.Locate(Span{Start: i, End: i + len("$4.2")})
	assert.Equal(t, 3, loc.Line)
	assert.Equal(t, 1, loc.Column)
	assert.Equal(t, "$4.2", string(doc.Src[loc.Start:loc.End]))
}
