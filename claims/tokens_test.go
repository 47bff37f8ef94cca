package claims

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestDropCitations checks which bracketed groups are left out of a
// sentence's tokens as citation markers.
func TestDropCitations(t *testing.T) {
	tests := []struct {
		sentence, want string // want: the tokens kept, space-separated
	}{
		{"Glaciers shrank (Hughes et al., 2018).", "Glaciers shrank ."},
		{"Glaciers shrank (Hughes et al., 2018, https://doi.org/10.1038/s41586-021-03436-z).", "Glaciers shrank ."},
		{"Glaciers shrank (Hughes 2018, doi:10.1038/nature12373).", "Glaciers shrank ."},
		{"Glaciers shrank [3].", "Glaciers shrank ."},
		// not citations: no year before the link, or words that are not names
		{"Glaciers shrank (see https://example.org/report).", "Glaciers shrank ( see https : / / example.org / report ) ."},
		{"Glaciers shrank (by a third in 2018).", "Glaciers shrank ( by a third in 2018 ) ."},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			var got []string
			for _, tk := range tokenize(tt.sentence, nil) {
				got = append(got, tt.sentence[tk.start:tk.end])
			}
			assert.Equal(t, tt.want, strings.Join(got, " "))
		})
	}
}
