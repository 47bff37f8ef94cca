package resolve

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestAbstractText checks Crossref's JATS abstracts read as plain text.
func TestAbstractText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"none", "", ""},
		{"paragraphs", "<jats:title>Abstract</jats:title><jats:p>Rates  fell\n to 14%.</jats:p><jats:p>Prices &amp; wages rose.</jats:p>",
			"Abstract\nRates fell to 14%.\nPrices & wages rose."},
		{"inline markup keeps words whole", "<jats:p>The <jats:italic>E. coli</jats:italic>s grew.</jats:p>", "The E. colis grew."},
		{"broken markup", "<jats:p>Half <jats:b", "Half"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, abstractText(tt.in))
		})
	}
	long := "<jats:p>" + strings.Repeat("word ", MaxSourceText) + "</jats:p>"
	assert.LessOrEqual(t, len(abstractText(long)), MaxSourceText)
}
