package citations

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestReferenceTitleQuoteOpensLongerTitle(t *testing.T) {
	r := ParseReference("Tagliamonte, S., & Hudson, R. (1999). “Be like” et al. beyond America: The quotative system. Journal of Sociolinguistics, 3(2), 147-172.")
	assert.Contains(t, r.Title, "et al. beyond America: The quotative system")
	assert.Equal(t, "Journal of Sociolinguistics", r.Container)
}
