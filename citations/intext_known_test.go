package citations

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
)

// findWithLists parses a plain-text document, finds its reference lists
// and its citations with them, and returns the citations outside the
// lists with their links.
func findWithLists(t *testing.T, src string) ([]Citation, []LinkResult) {
	t.Helper()
	doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "article.txt"})
	require.NoError(t, err)
	lists := FindReferences(doc)
	require.NotEmpty(t, lists)
	found, err := FindWithOptions(doc, Options{Lists: lists})
	require.NoError(t, err)
	var body []Citation
	for _, c := range found {
		if c.Span.End <= lists[0].HeadingSpan.Start {
			body = append(body, c)
		}
	}
	return body, Link(body, lists)
}

// citedBy returns, for each citation, its text and the entry it is linked
// to ("-" for none).
func citedBy(cs []Citation, links []LinkResult) [][2]string {
	out := make([][2]string, len(cs))
	for i, c := range cs {
		ref := links[i].Reference
		if links[i].Status != Resolved {
			ref = "-" + string(links[i].Status)
		}
		out[i] = [2]string{c.Text, ref}
	}
	return out
}

const authorDateList = "\n\nReferences\n\n" +
	"Lund, K. (2015). Harbour walls. Kystforlaget.\n\n" +
	"Moe, P. (2016). Quays and sluices. Vestland Press.\n\n" +
	"Ó Cathasaigh, R. (2018). Peat and water. Bog Studies, 4, 1–9.\n"

func TestFindSuppressedAuthor(t *testing.T) {
	tests := []struct {
		name string
		body string
		want [][2]string
	}{
		{"the author named before the parenthesis",
			"Quays decay (Moe, 2016). The walls held, as Lund recounts (2015, chap. 2).",
			[][2]string{{"Moe, 2016", "r2"}, {"(2015, chap. 2)", "r1"}}},
		{"a possessive several words back",
			"Quays decay (Moe, 2016). In Lund’s account, the walls were rarely repaired in time (2015, p. 40).",
			[][2]string{{"Moe, 2016", "r2"}, {"(2015, p. 40)", "r1"}}},
		{"a prefixed surname in the sentence before",
			"Quays decay (Moe, 2016). Ó Cathasaigh is careful. Bogs differ, she writes (2018, p. 7).",
			[][2]string{{"Moe, 2016", "r2"}, {"(2018, p. 7)", "r3"}}},
		{"the nearest known name wins",
			"Quays decay (Moe, 2016). Lund disagrees with Moe, who measured more (2016, p. 3).",
			[][2]string{{"Moe, 2016", "r2"}, {"(2016, p. 3)", "r2"}}},
		{"no entry by any name before it",
			"Quays decay (Moe, 2016). Harbours were built in a hurry (2015, p. 40).",
			[][2]string{{"Moe, 2016", "r2"}}},
		{"a name in another paragraph",
			"Quays decay (Moe, 2016), Lund says.\n\nHarbours were built in a hurry (2015, p. 40).",
			[][2]string{{"Moe, 2016", "r2"}}},
		{"a text that cites by author and year nowhere else",
			"Lund recounts the history of the walls (2015, chap. 2).",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, links := findWithLists(t, tt.body+authorDateList)
			if tt.want == nil {
				assert.Empty(t, cs)
				return
			}
			assert.Equal(t, tt.want, citedBy(cs, links))
		})
	}
}

// TestFindSuppressedAuthorNeedsLists checks that without the lists a
// parenthesis holding a year and a page is no citation.
func TestFindSuppressedAuthorNeedsLists(t *testing.T) {
	doc := intextDoc("Quays decay (Moe, 2016). The walls held, as Lund recounts (2015, chap. 2).")
	found := Find(doc)
	require.Len(t, found, 1)
	assert.Equal(t, "Moe, 2016", found[0].Text)
}
