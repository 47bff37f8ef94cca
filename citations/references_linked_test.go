package citations

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
)

// linkedEntryWant is what TestFindReferencesLinkedEntries compares for each
// entry.
type linkedEntryWant struct {
	Text, URL, DOI string
}

func TestFindReferencesLinkedEntries(t *testing.T) {
	tests := []struct {
		name, file, src string
		heading         string
		want            []linkedEntryWant
	}{
		{
			name: "a Markdown sources list of links",
			file: "a.md",
			src: "# Housing\n\nRents rose 12%, said [the census](https://www.census.gov/rents-2023).\n\n" +
				"## Sources\n\n- [Rents in 2023](https://www.census.gov/rents-2023)\n- [A Fed study of housing](https://fed.gov/study)\n",
			heading: "Sources",
			want: []linkedEntryWant{
				{Text: "Rents in 2023", URL: "https://www.census.gov/rents-2023"},
				{Text: "A Fed study of housing", URL: "https://fed.gov/study"},
			},
		},
		{
			name: "an HTML sources list of links, one with its outlet after it",
			file: "a.html",
			src: `<html><body><article><h1>Housing</h1><p>Rents rose 12%, said <a href="https://www.census.gov/rents-2023">the census</a>.</p>
<h2>Sources</h2><ul><li><a href="https://www.census.gov/rents-2023">Rents in 2023</a></li>
<li><a href="https://fed.gov/study">A Fed study of housing</a> (Federal Reserve)</li></ul></article></body></html>`,
			heading: "Sources",
			want: []linkedEntryWant{
				{Text: "Rents in 2023", URL: "https://www.census.gov/rents-2023"},
				{Text: "A Fed study of housing (Federal Reserve)", URL: "https://fed.gov/study"},
			},
		},
		{
			name: "a DOI link is the entry's DOI; a URL in the text wins",
			file: "a.md",
			src: "# Ocean heat\n\nThe ocean warmed, said [one team](https://doi.org/10.1038/nature12373).\n\n## Sources\n\n" +
				"- [Deep water](https://doi.org/10.1038/nature12373)\n" +
				"- [Sea level](https://example.org/sea), https://example.org/sea-level\n",
			heading: "Sources",
			want: []linkedEntryWant{
				{Text: "Deep water", DOI: "10.1038/nature12373"},
				{Text: "Sea level, https://example.org/sea-level", URL: "https://example.org/sea-level"},
			},
		},
		{
			name: "a link on the publisher's name is not the entry's",
			file: "a.md",
			src: "# Ocean heat\n\nThe ocean warmed (Smith, 2019).\n\n## References\n\n" +
				"- Smith, J. (2019). Ocean heat content. [McFarland & Company](https://mcfarland.example/), London, 40–50.\n",
			heading: "References",
			want:    []linkedEntryWant{{Text: "Smith, J. (2019). Ocean heat content. McFarland & Company, London, 40–50."}},
		},
		{
			name: "a note's back-link and a link to the page's own site are not the entry's",
			file: "https://news.example/story",
			src: `<html><body><article><p>Rents rose.<sup><a href="#cite_note-1">[1]</a></sup></p>
<h2>References</h2><ol><li id="cite_note-1"><a href="https://news.example/story#cite_ref-1">^</a> <a href="https://news.example/rents">Rents in 2023</a></li></ol></article></body></html>`,
			heading: "References",
			want:    []linkedEntryWant{{Text: "^ Rents in 2023"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := sources.Parse([]byte(tt.src), sources.ReadOptions{Name: tt.file})
			require.NoError(t, err)
			lists := FindReferences(doc)
			require.Len(t, lists, 1)
			assert.Equal(t, tt.heading, lists[0].Heading)
			var got []linkedEntryWant
			for _, e := range lists[0].Entries {
				got = append(got, linkedEntryWant{Text: e.Text, URL: e.URL, DOI: e.DOI})
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestFindReferencesSourcesOfProse(t *testing.T) {
	// "Sources" over prose with a link is a river's sources, not a list
	src := "# The river\n\nIt is long.\n\n## Sources\n\n- The river rises in the hills above [the town of Mill](https://mill.example/), " +
		"where two streams meet and run south through the valley for many miles.\n"
	doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "river.md"})
	require.NoError(t, err)
	assert.Empty(t, FindReferences(doc))
}
