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

const worksCited = "\n\nWorks Cited\n\n" +
	"Eastfield Water Board. Outflows in the 2010 Floods. Eastfield Water Board, 2018.\n\n" +
	"Lund, Karin. Harbour Walls. Kystforlaget, 2015.\n\n" +
	"---. “Tide Gates Reconsidered: Sluices and Storms.” Coastal Works, vol. 12, no. 3, 2016, pp. 40–52.\n\n" +
	"Moe, Per, and Ingrid Berg. “Quays.” Harbour Studies, vol. 4, 2017, pp. 1–9.\n\n" +
	"Ó Cathasaigh, Róisín, et al. “Peat and Water.” Bog Studies, vol. 4, 2018, pp. 1–9.\n\n" +
	"van den Hoek, Jan. Dykes. Polder Press, 2014.\n"

func TestFindMLA(t *testing.T) {
	tests := []struct {
		name string
		body string
		want [][2]string
	}{
		{"author alone, with a particle, two authors, et al.",
			"Walls fail (Lund, Harbour Walls). Dykes hold (van den Hoek). Quays rot (Moe and Berg). Bogs drain (Ó Cathasaigh et al.).",
			[][2]string{{"Lund, Harbour Walls", "r2"}, {"van den Hoek", "r6"}, {"Moe and Berg", "r4"}, {"Ó Cathasaigh et al.", "r5"}}},
		{"a corporate author, a page",
			"Outflows doubled (Eastfield Water Board). Quays rot (Moe and Berg 7).",
			[][2]string{{"Eastfield Water Board", "r1"}, {"Moe and Berg 7", "r4"}}},
		{"short titles tell an author's works apart, with a page or in a group",
			"Walls fail (Lund, Harbour Walls 12). Gates stick (Lund, “Tide Gates Reconsidered”; Moe and Berg).",
			[][2]string{{"Lund, Harbour Walls 12", "r2"}, {"Lund, “Tide Gates Reconsidered”", "r3"}, {"Moe and Berg", "r4"}}},
		{"a year in a title is the title's",
			"Outflows doubled (Eastfield Water Board, Outflows in the 2010 Floods).",
			[][2]string{{"Eastfield Water Board, Outflows in the 2010 Floods", "r1"}}},
		{"the author in the sentence",
			"Lund (“Tide Gates Reconsidered”) doubts it. In Lund’s account, walls fail (14). Bogs drain, as Ó Cathasaigh et al. found.",
			[][2]string{{"Lund (“Tide Gates Reconsidered”)", "r3"}, {"(14)", "-ambiguous"}, {"Ó Cathasaigh et al.", "r5"}}},
		{"names that are no entry's are no citation",
			"Prices rose (Reuters). The mayor (Smith) spoke. Jones et al. disagreed. Numbers (12) vary.",
			nil},
		{"an entry missing from the list is still cited with et al.",
			"Fish returned (Nakamura et al.).",
			[][2]string{{"Nakamura et al.", "-unresolved"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, links := findWithLists(t, tt.body+worksCited)
			if tt.want == nil {
				assert.Empty(t, cs)
				return
			}
			assert.Equal(t, tt.want, citedBy(cs, links))
			for _, c := range cs {
				assert.Equal(t, KindAuthorPage, c.Kind, c.Text)
			}
		})
	}
}

// TestFindMLAOnlyWithWorksCited checks that an author-date list does not
// turn on MLA's forms: "(Lund)" there is an aside.
func TestFindMLAOnlyWithWorksCited(t *testing.T) {
	cs, _ := findWithLists(t, "Walls fail (Lund). Quays decay (Moe, 2016)."+authorDateList)
	require.Len(t, cs, 1)
	assert.Equal(t, "Moe, 2016", cs[0].Text)
}

func TestIsMLALocator(t *testing.T) {
	for _, s := range []string{"88", "9–11", "128–30", "chap. 4", "chap.6", "sec. 2", "p. 7"} {
		assert.True(t, isMLALocator(s), s)
	}
	for _, s := range []string{"", "Quays", "07", "chap.", "4a", "2019 Floods", "12345678901234567"} {
		assert.False(t, isMLALocator(s), s)
	}
}

func TestGivenNameSpelled(t *testing.T) {
	tests := []struct {
		text   string
		author string
		want   bool
	}{
		{"Lund, Karin. Harbour Walls. Kystforlaget, 2015.", "Lund", true},
		{"da Silva, Rafael. “Sewers.” Marine Review, 2016.", "da Silva", true},
		{"Lund K. Harbour walls. Oslo: Kystforlaget; 2015.", "Lund", false},
		{"Lund, K. (2015). Harbour walls. Kystforlaget.", "Lund", false},
		{"Eastfield Water Board. Outflows. 2018.", "Eastfield Water Board", false},
	}
	for _, tt := range tests {
		e := Reference{Text: tt.text, Authors: []string{tt.author}}
		assert.Equal(t, tt.want, givenNameSpelled(&e), tt.text)
	}
}

// FuzzFindWithLists checks FindWithOptions given the document's own lists,
// which turns on the readers of intext_known.go and intext_mla.go: no
// panic, every span inside Text, and linking what it finds.
func FuzzFindWithLists(f *testing.F) {
	f.Add("Walls fail (Lund, Harbour Walls 12). Lund (“Tide Gates”) doubts it (14)." + worksCited)
	f.Add("Quays decay (Moe, 2016). As Lund recounts (2015, chap. 2)." + authorDateList)
	f.Add("Bogs drain, as Ó Cathasaigh et al. found (Moe and Berg; Lund, “T”)." + worksCited)
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := sources.Parse([]byte(src), sources.ReadOptions{Name: "fuzz.txt"})
		if err != nil {
			return
		}
		lists := FindReferences(doc)
		found, err := FindWithOptions(doc, Options{Lists: lists})
		if err != nil {
			return
		}
		for i, c := range found {
			if c.Span.Start < 0 || c.Span.Start > c.Span.End || c.Span.End > len(doc.Text) {
				t.Fatalf("citation %d span %v outside text", i, c.Span)
			}
		}
		if got := Link(found, lists); len(got) != len(found) {
			t.Fatalf("%d links for %d citations", len(got), len(found))
		}
	})
}

// TestFlatNoteNumbers checks that note numbers whose superscript was lost
// ("…and 1970.1 Most…") are read when they run 1, 2, 3… against a list
// numbered from 1, and that figures are not.
func TestFlatNoteNumbers(t *testing.T) {
	const notes = "\n\nNotes\n1. John Davies, A History of Wales (London: Penguin, 2007), 612.\n2. Ibid., 615.\n" +
		"3. Davies, History of Wales, 618.\n"
	tests := []struct {
		name, body string
		want       [][2]string
	}{
		{"after full stops", "The network shrank by half between 1950 and 1970.1 Most closures followed the report of 1963.2 " +
			"Campaigns saved few lines.3", [][2]string{{"1", "r1"}, {"2", "r2"}, {"3", "r3"}}},
		{"after a comma and a quotation mark", "As Davies wrote,1 the lines were \"a lifeline\".2", [][2]string{{"1", "r1"}, {"2", "r2"}}},
		{"figures are not notes", "Fares rose 2.1 percent in 1970.5 Trains ran at 3.2 Mph.", nil},
		{"out of order is not a run", "Fares rose in 1970.2 Trains ran late.1", nil},
		{"one alone is not a run", "The network shrank by half between 1950 and 1970.1 Most closures followed.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found, links := findWithLists(t, tt.body+notes)
			var got [][2]string
			for i, c := range found {
				if c.Kind == KindNumeric {
					got = append(got, [2]string{c.Number, links[i].Reference})
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
