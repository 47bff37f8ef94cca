package citations

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestContainerOrPublisher covers the rules that read the segment after a
// title as a container, a publisher or part of the title, with the
// examples in their comments.
func TestContainerOrPublisher(t *testing.T) {
	tests := []struct {
		in                                 string
		title, container, publisher, pages string
	}{
		{"Smith, J. 1990. Title. New York: Norton, 1990.", "Title", "", "Norton", ""},
		{"Smith, J. 1990. Title. Oxford University Press.", "Title", "", "Oxford University Press", ""},
		{"Smith, J. Long Days in Town. Crown, 1992.", "Long Days in Town", "", "Crown", ""},
		{"Smith, J. Long Days in Town. SIAM Publications, Philadelphia, PA, 1979.", "Long Days in Town", "", "SIAM Publications", ""},
		{"Smith, J. 2001. Title. In Book Title, edited by J. Smith, 1-20. Boston: Press.", "Title", "Book Title", "Press", "1-20"},
		{"Smith, J. 2001. Title. In Book, pp. 1-20. New York: Wiley.", "Title", "Book", "Wiley", "1-20"},
		{"Smith, J. 2001. Title. In the Proceedings of the Conference, pp. 1-20.", "Title", "Proceedings of the Conference", "", "1-20"},
	}
	for _, tt := range tests {
		r := ParseReference(tt.in)
		assert.Equal(t, tt.title, r.Title, tt.in)
		assert.Equal(t, tt.container, r.Container, tt.in)
		assert.Equal(t, tt.publisher, r.Publisher, tt.in)
		assert.Equal(t, tt.pages, r.Pages, tt.in)
	}
}
