package citations

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
)

// sourceWant is what TestFindWrittenSources compares for each citation.
type sourceWant struct {
	Kind Kind
	Text string
	URL  string
}

func TestFindWrittenSources(t *testing.T) {
	const hughes = "https://doi.org/10.1038/nature25746"
	tests := []struct {
		name, file, src string
		want            []sourceWant
	}{
		{
			name: "a DOI URL in an author-year group is the citation's own source",
			file: "a.txt",
			src:  "Glaciers are retreating faster than predicted (Hughes et al., 2018, https://doi.org/10.1038/nature25746).\n",
			want: []sourceWant{{KindAuthorYear, "Hughes et al., 2018", hughes}},
		},
		{
			name: "the same in Markdown, where the URL is a link",
			file: "a.md",
			src:  "Glaciers are retreating faster than predicted (Hughes et al., 2018, https://doi.org/10.1038/nature25746).\n",
			want: []sourceWant{{KindAuthorYear, "Hughes et al., 2018", hughes}},
		},
		{
			name: "the same in HTML, with the link written as the DOI",
			file: "a.html",
			src:  `<p>Glaciers are retreating faster than predicted (Hughes et al., 2018, <a href="https://doi.org/10.1038/nature25746">doi:10.1038/nature25746</a>).</p>`,
			want: []sourceWant{{KindAuthorYear, "Hughes et al., 2018", hughes}},
		},
		{
			name: "each part of a group has its own; another URL in a group counts too",
			file: "a.txt",
			src:  "Both rose (Smith, 2019, doi:10.1000/abc; Lee & Park, 2020, https://example.org/report).\n",
			want: []sourceWant{
				{KindAuthorYear, "Smith, 2019", "https://doi.org/10.1000/abc"},
				{KindAuthorYear, "Lee & Park, 2020", "https://example.org/report"},
			},
		},
		{
			name: "a source after a semicolon belongs to no citation of the group",
			file: "a.txt",
			src:  "Both rose (Smith, 2019; see https://example.org/report).\n",
			want: []sourceWant{{KindAuthorYear, "Smith, 2019", ""}},
		},
		{
			name: "DOIs written in a sentence are link citations",
			file: "a.txt",
			src: "The ocean absorbed 90% of the heat, as shown in doi:10.1038/nature12373, in DOI 10.1126/science.aav7619 " +
				"and in https://doi.org/10.1016/S0140-6736(20)30183-5. A later survey (doi.org/10.5555/later) agreed.\n",
			want: []sourceWant{
				{KindLink, "doi:10.1038/nature12373", "https://doi.org/10.1038/nature12373"},
				{KindLink, "DOI 10.1126/science.aav7619", "https://doi.org/10.1126/science.aav7619"},
				{KindLink, "https://doi.org/10.1016/S0140-6736(20)30183-5", "https://doi.org/10.1016/s0140-6736(20)30183-5"},
				{KindLink, "doi.org/10.5555/later", "https://doi.org/10.5555/later"},
			},
		},
		{
			name: "a DOI in Markdown text, beside a linked one",
			file: "a.md",
			src:  "The ocean absorbed 90% of the heat, as shown in doi:10.1038/nature12373 and later in https://doi.org/10.1126/science.aav7619 by a second team.\n",
			want: []sourceWant{
				{KindLink, "doi:10.1038/nature12373", "https://doi.org/10.1038/nature12373"},
				{KindLink, "https://doi.org/10.1126/science.aav7619", "https://doi.org/10.1126/science.aav7619"},
			},
		},
		{
			name: "not citations: a label, the end of a written-out reference, a bare number, a malformed DOI, a URL alone",
			file: "a.txt",
			src: "Figure 1. Retreat of the glaciers.\n\nDOI: http://dx.doi.org/10.7554/eLife.02833.003\n\n" +
				"Related research article Schuman M. 2012. Volatiles in nature. eLife 1: e00007. doi: 10.7554/eLife.00007\n\n" +
				"The code 10.1038/nature12373 is not cited, nor is doi:10.12/x, nor https://example.org/report here.\n",
		},
		{
			name: "not a citation: a DOI in code",
			file: "a.md",
			src:  "Run it:\n\n    fetch doi:10.1038/nature12373 now\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := sources.Parse([]byte(tt.src), sources.ReadOptions{Name: tt.file})
			require.NoError(t, err)
			var got []sourceWant
			for _, c := range Find(doc) {
				got = append(got, sourceWant{c.Kind, c.Text, c.URL})
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestLinkOwnSources(t *testing.T) {
	lists := []ReferenceList{{Entries: []Reference{
		{ID: "r1", Authors: []string{"Brandt"}, Year: "2019a", DOI: "10.1000/a"},
		{ID: "r2", Authors: []string{"Brandt"}, Year: "2019b", DOI: "10.1000/b"},
		{ID: "r3", Authors: []string{"Keller"}, Year: "2014"},
		{ID: "r4", Authors: []string{"Ortiz"}, Year: "2020", URL: "https://example.org/ortiz"},
	}}}
	withURL := func(c Citation, u string) Citation { c.URL = u; return c }
	runLinkCases(t, []linkCase{
		{"no entry by the authors, no entry with the source: unlisted", lists,
			withURL(ay("c", "2018", true, "Hughes"), "https://doi.org/10.1038/nature25746"), Unlisted, ""},
		{"no list at all: unlisted", nil,
			withURL(ay("c", "2018", true, "Hughes"), "https://doi.org/10.1038/nature25746"), Unlisted, ""},
		{"no entry by the authors, an entry with the source", lists,
			withURL(ay("c", "2020", false, "Oxfam"), "https://example.org/ortiz"), Resolved, "r4"},
		{"the DOI picks between equal candidates", lists,
			withURL(ay("c", "2019", false, "Brandt"), "https://doi.org/10.1000/B"), Resolved, "r2"},
		{"authors and year win", lists,
			withURL(ay("c", "2019a", false, "Brandt"), "https://doi.org/10.1000/b"), Resolved, "r1"},
		{"a mismatch stands", lists,
			withURL(ay("c", "2015", false, "Keller"), "https://example.org/keller"), Mismatched, "r3"},
		{"without a source, unresolved as before", lists, ay("c", "2018", true, "Hughes"), Unresolved, ""},
	})
}

func TestFindWrittenSourcesLinear(t *testing.T) {
	// each line a DOI on its own and an author-year group with its own
	assertLinear(t, "bytes allocated", 64, func(n int) float64 {
		doc := parseShape(t, strings.Repeat("As shown in doi:10.1000/x, and (Hughes et al., 2018, https://doi.org/10.1000/y).\n\n", n))
		var found []Citation
		bytes := allocated(func() { found = Find(doc) })
		require.Len(t, found, 2*n)
		return bytes
	})
}
