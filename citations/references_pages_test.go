package citations

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
)

// An Internet-Draft's References cross its pages: the running header and
// footer of each page are neither entries nor the end of the section, an
// entry a page broke is one entry, and the next numbered section ends it.
func TestReferencesAcrossPages(t *testing.T) {
	page := func(n int, body string) string {
		return body + "\n\nde Jong                  Expires June 2015                 [Page " + string(rune('0'+n)) + "]\n\f\n" +
			"Internet-Draft              remoteStorage              December 2014\n\n"
	}
	src := page(1, "1.  Introduction\n\n   Clients speak HTTP [HTTP] to servers.") +
		page(2, "17.  References\n\n17.1.  Normative References\n\n   [WORDS]  Bradner, S., \"Key words for use in RFCs\", BCP 14,\n            RFC 2119, March 1997.\n\n"+
			"   [CORS]   van Kesteren, A., \"Cross-Origin Resource Sharing\",") +
		page(3, "            http://www.w3.org/TR/cors/, January 2013.\n\n17.2.  Informative References\n\n"+
			"   [HTTP]   Fielding, R., \"Hypertext Transfer Protocol (HTTP/1.1):\n            Semantics and Content\", RFC 7231, June 2014.") +
		"18.  Authors' Addresses\n\n   Michiel B. de Jong\n   IndieHosters\n"
	doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "draft.txt"})
	require.NoError(t, err)
	lists := FindReferences(doc)
	require.Len(t, lists, 1)
	assert.Equal(t, "17. References", lists[0].Heading)
	var got []string
	for _, e := range lists[0].Entries {
		got = append(got, e.Label+" "+e.URL+" "+e.Year)
	}
	assert.Equal(t, []string{"WORDS  1997", "CORS http://www.w3.org/TR/cors/ 2013", "HTTP  2014"}, got)
	cors := lists[0].Entries[1]
	assert.True(t, strings.HasSuffix(cors.Text, "January 2013."), cors.Text)
	assert.Equal(t, "van Kesteren", strings.Join(cors.Authors, " "))
}

func TestNextSection(t *testing.T) {
	for _, tt := range []struct {
		ref, heading string
		want         bool
	}{
		{"17. References", "18. Authors' addresses", true},
		{"17.  References", "18.  Authors' Addresses", true},
		{"7. References", "8. Smith J, Doe K. A title. Journal, 2019", false},
		{"7. References", "9. Appendix", false},
		{"References", "8. Appendix", false},
		{"17. References", "17.1. Normative References", false},
	} {
		assert.Equal(t, tt.want, nextSection(tt.ref, tt.heading), "%q then %q", tt.ref, tt.heading)
	}
}
