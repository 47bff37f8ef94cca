package citations

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ay(id string, year string, etAl bool, authors ...string) Citation {
	return Citation{ID: id, Kind: KindAuthorYear, Authors: authors, Year: year, EtAl: etAl}
}

func entry(id, year string, authors ...string) Reference {
	return Reference{ID: id, Year: year, Authors: authors}
}

func TestLinkAuthorYear(t *testing.T) {
	list := []ReferenceList{{Heading: "References", Entries: []Reference{
		entry("r1", "2020", "Ma", "Smith", "Lee"),
		entry("r2", "2010", "Metke", "Ekl"),
		entry("r3", "2019a", "Brandt"),
		entry("r4", "2019b", "Brandt"),
		entry("r5", "2017", "Müller", "de la Cruz"),
		entry("r6", "n.d.", "Pew Research Center"),
		entry("r7", "2020", "World Health Organization"),
		entry("r8", "2014", "Keller"),
		entry("r9", "2011", "Lund"),
		entry("r10", "2013", "Lund"),
		entry("r11", "2016", "O’Neil"),
		entry("r12", "2018", "Johnson"),
	}}}
	tests := []struct {
		name   string
		cit    Citation
		status Status
		ref    string
		cands  []string
	}{
		{"et al.", ay("c", "2020", true, "Ma"), Resolved, "r1", nil},
		{"two authors with &", ay("c", "2010", false, "Metke", "Ekl"), Resolved, "r2", nil},
		{"year suffix picks the entry", ay("c", "2019b", false, "Brandt"), Resolved, "r4", nil},
		{"bare year with two suffixed entries is ambiguous", ay("c", "2019", false, "Brandt"), Ambiguous, "", []string{"r3", "r4"}},
		{"diacritics are folded", ay("c", "2017", false, "Muller", "De la Cruz"), Resolved, "r5", nil},
		{"corporate author, no date", ay("c", "n.d.", false, "Pew Research Center"), Resolved, "r6", nil},
		{"acronym of a corporate author", ay("c", "2020", false, "WHO"), Resolved, "r7", nil},
		{"same author, other year is a mismatch", ay("c", "2015", false, "Keller"), Mismatched, "r8", nil},
		{"mismatch names the nearest year", ay("c", "2012", false, "Lund"), Mismatched, "r9", nil},
		{"apostrophes fold", ay("c", "2016", false, "O'Neil"), Resolved, "r11", nil},
		{"misspelt author with the right year", ay("c", "2018", false, "Jonson"), Mismatched, "r12", nil},
		{"nobody of that name", ay("c", "2020", false, "Nobody"), Unresolved, "", nil},
		{"author-page cites by author", Citation{ID: "c", Kind: KindAuthorPage, Authors: []string{"Keller"}, Locator: "45"}, Resolved, "r8", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Link([]Citation{tt.cit}, list)
			require.Len(t, got, 1)
			assert.Equal(t, tt.status, got[0].Status, got[0].Reason)
			assert.Equal(t, tt.ref, got[0].Reference)
			assert.Equal(t, tt.cands, got[0].Candidates)
			assert.Equal(t, "c", got[0].Citation)
		})
	}
}

func TestLinkNumbersFootnotesAndURLs(t *testing.T) {
	labelled := []ReferenceList{{Entries: []Reference{
		{ID: "r1", Label: "1"}, {ID: "r2", Label: "2"}, {ID: "r3", Label: "3", Anchor: "cite_note-3"},
		{ID: "r4", URL: "https://www.example.org/report/", DOI: "10.1000/xyz"},
	}}}
	unlabelled := []ReferenceList{{Entries: []Reference{{ID: "r1"}, {ID: "r2"}}}}
	tests := []struct {
		name   string
		lists  []ReferenceList
		cit    Citation
		status Status
		ref    string
	}{
		{"number to label", labelled, Citation{Kind: KindNumeric, Number: "2"}, Resolved, "r2"},
		{"number past the list", labelled, Citation{Kind: KindNumeric, Number: "9"}, Unresolved, ""},
		{"number to position in an unlabelled list", unlabelled, Citation{Kind: KindNumeric, Number: "2"}, Resolved, "r2"},
		{"footnote to anchor", labelled, Citation{Kind: KindFootnote, Target: "cite_note-3", Number: "3"}, Resolved, "r3"},
		{"footnote with unknown anchor falls back to its number", labelled, Citation{Kind: KindFootnote, Target: "x", Number: "1"}, Resolved, "r1"},
		{"link to a listed URL", labelled, Citation{Kind: KindLink, URL: "http://example.org/report#top"}, Resolved, "r4"},
		{"link to a listed DOI", labelled, Citation{Kind: KindLink, URL: "https://doi.org/10.1000/XYZ"}, Resolved, "r4"},
		{"link not listed", labelled, Citation{Kind: KindLink, URL: "https://elsewhere.net/"}, Unlisted, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Link([]Citation{tt.cit}, tt.lists)
			require.Len(t, got, 1)
			assert.Equal(t, tt.status, got[0].Status)
			assert.Equal(t, tt.ref, got[0].Reference)
		})
	}
}

func TestNormalizeName(t *testing.T) {
	for in, want := range map[string]string{
		"Müller":              "muller",
		"O’Neil":              "oneil",
		"van der  Berg":       "van der berg",
		"Ngũgĩ":               "ngugi",
		"Smith-Jones":         "smith jones",
		"Pew Research Center": "pew research center",
		"Łukasz Øster":        "lukasz oster",
	} {
		assert.Equal(t, want, NormalizeName(in), in)
	}
}

func TestNormalizeURL(t *testing.T) {
	assert.Equal(t, "example.org/a", NormalizeURL("https://www.Example.org/a/#frag"))
	assert.Equal(t, "example.org/a?x=1", NormalizeURL("http://example.org/a?x=1"))
	assert.Equal(t, "", NormalizeURL("/relative"))
	assert.Equal(t, "", NormalizeURL("mailto:a@b.c"))
	assert.Equal(t, "10.1000/abc", DOIFromURL("https://dx.doi.org/10.1000/ABC"))
	assert.Equal(t, "", DOIFromURL("https://example.org/10.1000/abc"))
}
