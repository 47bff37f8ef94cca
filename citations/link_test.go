package citations

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

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
		entry("r13", "2021a", "Okafor"),
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
		{"a letter the entry lacks is a mismatch", ay("c", "2014b", false, "Keller"), Mismatched, "r8", nil},
		{"a bare year cites the one entry with a letter", ay("c", "2021", false, "Okafor"), Resolved, "r13", nil},
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

// TestLinkDisambiguatingInitials checks that the initial a processor adds
// to tell two authors of one surname apart picks the entry whose given name
// it opens, in the inverted and the direct form.
func TestLinkDisambiguatingInitials(t *testing.T) {
	withText := func(id, year, text string, authors ...string) Reference {
		r := entry(id, year, authors...)
		r.Text = text
		return r
	}
	list := []ReferenceList{{Entries: []Reference{
		withText("r1", "2020", "Okafor, Adaeze. 2020. Ports.", "Okafor"),
		withText("r2", "2020", "Okafor, C. (2020). Roofs.", "Okafor"),
		withText("r3", "2018", "É. Lind, Harbours, 2018.", "Lind"),
		withText("r4", "2018", "Lind, Karl (2018) Docks.", "Lind"),
	}}}
	tests := []struct {
		cit    Citation
		status Status
		ref    string
	}{
		{ay("c", "2020", false, "A. Okafor"), Resolved, "r1"},
		{ay("c", "2020", false, "C. Okafor"), Resolved, "r2"},
		{ay("c", "2020", false, "Okafor"), Ambiguous, ""},
		{ay("c", "2018", false, "E. Lind"), Resolved, "r3"},
		{ay("c", "2018", false, "K. Lind"), Resolved, "r4"},
		{ay("c", "2020", false, "B. Okafor"), Unresolved, ""},
	}
	for _, tt := range tests {
		got := Link([]Citation{tt.cit}, list)
		require.Len(t, got, 1)
		assert.Equal(t, tt.status, got[0].Status, "%v: %s", tt.cit.Authors, got[0].Reason)
		assert.Equal(t, tt.ref, got[0].Reference, "%v", tt.cit.Authors)
	}
}

// TestLinkAuthorPageTitles checks MLA's short titles, which pick one of an
// author's works, and a misspelt author, which is a mismatch with the near
// entry.
func TestLinkAuthorPageTitles(t *testing.T) {
	withTitle := func(id, title string, authors ...string) Reference {
		r := entry(id, "", authors...)
		r.Title = title
		return r
	}
	list := []ReferenceList{{Entries: []Reference{
		withTitle("r1", "Harbour Walls", "Lund"),
		withTitle("r2", "Tide Gates Reconsidered: Sluices and Storms", "Lund"),
		withTitle("r3", "Quays", "Moe"),
	}}}
	ap := func(title string, authors ...string) Citation {
		return Citation{ID: "c", Kind: KindAuthorPage, Authors: authors, Title: title}
	}
	tests := []struct {
		cit    Citation
		status Status
		ref    string
	}{
		{ap("Harbour Walls", "Lund"), Resolved, "r1"},
		{ap("Tide Gates Reconsidered", "Lund"), Resolved, "r2"},
		{ap("", "Lund"), Ambiguous, ""},
		{ap("", "Moe"), Resolved, "r3"},
		{ap("", "Mee"), Unresolved, ""}, // too short to tell from a typo
		{ap("Quays", "Mö"), Unresolved, ""},
		{ap("", "Lunde"), Mismatched, "r1"},
	}
	for _, tt := range tests {
		got := Link([]Citation{tt.cit}, list)
		require.Len(t, got, 1)
		assert.Equal(t, tt.status, got[0].Status, "%v %q: %s", tt.cit.Authors, tt.cit.Title, got[0].Reason)
		assert.Equal(t, tt.ref, got[0].Reference, "%v %q", tt.cit.Authors, tt.cit.Title)
	}
	// citations that differ only in their title link apart
	got := Link([]Citation{ap("Harbour Walls", "Lund"), ap("Tide Gates Reconsidered", "Lund")}, list)
	assert.Equal(t, "r1", got[0].Reference)
	assert.Equal(t, "r2", got[1].Reference)
}

// TestLinkMismatchPrefersUncitedEntry checks that a citation with a year
// none of its author's entries has is a mismatch with the near entry no
// other citation cites, so that a wrong year is one finding, not two.
func TestLinkMismatchPrefersUncitedEntry(t *testing.T) {
	list := []ReferenceList{{Entries: []Reference{
		entry("r1", "2012", "Lund"),
		entry("r2", "2018", "Lund"),
	}}}
	got := Link([]Citation{ay("c1", "2012", false, "Lund"), ay("c2", "2011", false, "Lund")}, list)
	assert.Equal(t, Resolved, got[0].Status)
	assert.Equal(t, Mismatched, got[1].Status)
	assert.Equal(t, "r2", got[1].Reference, "2012 is cited as such")
	assert.Equal(t, "c2", got[1].Citation)
	// alone, the nearest year
	got = Link([]Citation{ay("c2", "2011", false, "Lund")}, list)
	assert.Equal(t, "r1", got[0].Reference)
	// every entry cited: the nearest year still
	got = Link([]Citation{ay("c1", "2012", false, "Lund"), ay("c2", "2018", false, "Lund"), ay("c3", "2011", false, "Lund")}, list)
	assert.Equal(t, "r1", got[2].Reference)
}

func TestCutInitials(t *testing.T) {
	tests := []struct {
		in   string
		r    rune
		rest string
	}{
		{"J. Park", 'j', "Park"},
		{"J.-P. Martin", 'j', "Martin"},
		{"É. Lind", 'e', "Lind"},
		{"Park", 0, "Park"},
		{"St. John", 0, "St. John"},
		{"J.", 0, "J."},
	}
	for _, tt := range tests {
		r, rest := cutInitials(tt.in)
		assert.Equal(t, tt.r, r, tt.in)
		assert.Equal(t, tt.rest, rest, tt.in)
	}
}

func TestLinkNumbersFootnotesAndURLs(t *testing.T) {
	labelled := []ReferenceList{{Entries: []Reference{
		{ID: "r1", Label: "1"}, {ID: "r2", Label: "2"}, {ID: "r3", Label: "3", Anchor: "cite_note-3"},
		{ID: "r4", URL: "https://www.example.org/report/", DOI: "10.1000/xyz"},
	}}}
	unlabelled := []ReferenceList{{Entries: []Reference{{ID: "r1"}, {ID: "r2"}}}}
	tests := []linkCase{
		{"number to label", labelled, Citation{Kind: KindNumeric, Number: "2"}, Resolved, "r2"},
		{"number past the list", labelled, Citation{Kind: KindNumeric, Number: "9"}, Unresolved, ""},
		{"number to position in an unlabelled list", unlabelled, Citation{Kind: KindNumeric, Number: "2"}, Resolved, "r2"},
		{"footnote to anchor", labelled, Citation{Kind: KindFootnote, Target: "cite_note-3", Number: "3"}, Resolved, "r3"},
		{"footnote with unknown anchor falls back to its number", labelled, Citation{Kind: KindFootnote, Target: "x", Number: "1"}, Resolved, "r1"},
		{"link to a listed URL", labelled, Citation{Kind: KindLink, URL: "http://example.org/report#top"}, Resolved, "r4"},
		{"link to a listed DOI", labelled, Citation{Kind: KindLink, URL: "https://doi.org/10.1000/XYZ"}, Resolved, "r4"},
		{"link not listed", labelled, Citation{Kind: KindLink, URL: "https://elsewhere.net/"}, Unlisted, ""},
	}
	runLinkCases(t, tests)
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
		"Dvořák":              "dvorak",
		"ÉCOLE NORMALE":       "ecole normale",
		"Œuvre":               "oeuvre",
		"St. John":            "st john",
		"de la Cruz":          "de la cruz",
		"  Lee  ":             "lee",
		"शर्मा":               "शरमा", // the virama is a combining mark too
		"":                    "",
	} {
		assert.Equal(t, want, NormalizeName(in), in)
	}
}

func TestLinkNames(t *testing.T) {
	list := []ReferenceList{{Entries: []Reference{
		entry("r1", "2010", "Allmann", "Baldwin"),
		entry("r2", "2010", "Allmann", "Halitschke", "Schuurink", "Baldwin"),
		entry("r3", "2015", "de la Cruz"),
		entry("r4", "2012", "van der Berg", "Ekl"),
		entry("r5", "2011", "Souza"),
		entry("r6", "2011", "de Souza"),
		entry("r7", "2009", "García Márquez"),
		entry("r8", "2008", "Smith-Jones"),
		entry("r9", "2021", "Pew Research Center"),
		entry("r10", "2019", "World Health Organization (WHO)"),
		entry("r11", "2020", "U.S. Census Bureau"),
		entry("r12", "2004", "Kessler", "Baldwin"),
		entry("r13", "2016", "Berg"),
	}}}
	tests := []struct {
		name   string
		cit    Citation
		status Status
		ref    string
	}{
		{"et al. prefers three authors to two", ay("c", "2010", true, "Allmann"), Resolved, "r2"},
		{"two names prefer the two-author entry", ay("c", "2010", false, "Allmann", "Baldwin"), Resolved, "r1"},
		{"et al. for a two-author entry still links when alone", ay("c", "2004", true, "Kessler"), Resolved, "r12"},
		{"particles dropped in the text", ay("c", "2015", false, "Cruz"), Resolved, "r3"},
		{"particles capitalised", ay("c", "2015", false, "De La Cruz"), Resolved, "r3"},
		{"particles written together", ay("c", "2012", false, "Vanderberg", "Ekl"), Resolved, "r4"},
		{"particles dropped in the list", ay("c", "2016", false, "van den Berg"), Resolved, "r13"},
		{"the exact name wins over the same name without particle", ay("c", "2011", false, "de Souza"), Resolved, "r6"},
		{"and the other way round", ay("c", "2011", false, "Souza"), Resolved, "r5"},
		{"first part of a Spanish double surname", ay("c", "2009", false, "García"), Resolved, "r7"},
		{"hyphen or space", ay("c", "2008", false, "Smith Jones"), Resolved, "r8"},
		{"corporate name with the", ay("c", "2021", false, "the Pew Research Center"), Resolved, "r9"},
		{"acronym given in brackets", ay("c", "2019", false, "WHO"), Resolved, "r10"},
		{"corporate name before its acronym", ay("c", "2019", false, "World Health Organization"), Resolved, "r10"},
		{"abbreviation with and without stops", ay("c", "2020", false, "US Census Bureau"), Resolved, "r11"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Link([]Citation{tt.cit}, list)
			require.Len(t, got, 1)
			assert.Equal(t, tt.status, got[0].Status, "%s %v", got[0].Reason, got[0].Candidates)
			assert.Equal(t, tt.ref, got[0].Reference)
		})
	}
}

func TestLinkYears(t *testing.T) {
	list := []ReferenceList{{Entries: []Reference{
		entry("r1", "n. d.", "Lund"),
		entry("r2", "In Press", "Keller"),
		entry("r3", "(2019a)", "Brandt"),
		entry("r4", "(2019b)", "Brandt"),
		entry("r5", "2018, March 3", "Ortiz"),
		entry("r6", "c. 1850", "Darwin"),
	}}}
	tests := []struct {
		name   string
		cit    Citation
		status Status
		ref    string
	}{
		{"no date, spaced", ay("c", "n.d.", false, "Lund"), Resolved, "r1"},
		{"no date, abbreviated without stops", ay("c", "nd", false, "Lund"), Resolved, "r1"},
		{"in press", ay("c", "in press", false, "Keller"), Resolved, "r2"},
		{"forthcoming for in press", ay("c", "forthcoming", false, "Keller"), Resolved, "r2"},
		{"suffix in brackets", ay("c", "2019b", false, "Brandt"), Resolved, "r4"},
		{"suffix other entry", ay("c", "2019a", false, "Brandt"), Resolved, "r3"},
		{"full date in the list", ay("c", "2018", false, "Ortiz"), Resolved, "r5"},
		{"circa", ay("c", "1850", false, "Darwin"), Resolved, "r6"},
		{"in press is not a year", ay("c", "2020", false, "Keller"), Mismatched, "r2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Link([]Citation{tt.cit}, list)
			require.Len(t, got, 1)
			assert.Equal(t, tt.status, got[0].Status, got[0].Reason)
			assert.Equal(t, tt.ref, got[0].Reference)
		})
	}
}

func TestNormYear(t *testing.T) {
	for in, want := range map[string]string{
		"2019":        "2019",
		"2019a":       "2019a",
		"(2019b).":    "2019b",
		"2019, March": "2019",
		"c. 1850":     "1850",
		"[1999]":      "1999",
		"N.D.":        "n.d.",
		"n. d.":       "n.d.",
		"s.f.":        "n.d.",
		"In press":    "in press",
		"":            "",
		"12345":       "12345",
	} {
		assert.Equal(t, want, normYear(in), in)
	}
}

func TestLinkNumbersInferredAndAnchors(t *testing.T) {
	// the parser missed the labels of the third and last entries
	gappy := []ReferenceList{{Entries: []Reference{
		{ID: "r1", Label: "1"}, {ID: "r2", Label: "2"}, {ID: "r3"}, {ID: "r4", Label: "4"}, {ID: "r5"},
	}}}
	// a gap the neighbours do not explain: entry r3 cannot be numbered
	odd := []ReferenceList{{Entries: []Reference{{ID: "r1", Label: "1"}, {ID: "r2"}, {ID: "r3"}, {ID: "r4", Label: "3"}}}}
	plain := []ReferenceList{{Entries: []Reference{{ID: "r1"}, {ID: "r2"}}}}
	// an unlabelled list and a numbered one
	mixed := []ReferenceList{{Entries: []Reference{{ID: "r1"}, {ID: "r2"}}}, {Entries: []Reference{{ID: "r3", Label: "2"}}}}
	anchored := []ReferenceList{{Entries: []Reference{
		{ID: "r1", Anchor: "cite_note-Müller-1"}, {ID: "r2", Anchor: "cite_note-2"},
	}}}
	tests := []linkCase{
		{"number of an entry whose label was missed", gappy, Citation{Kind: KindNumeric, Number: "3"}, Resolved, "r3"},
		{"number of the last entry whose label was missed", gappy, Citation{Kind: KindNumeric, Number: "5"}, Resolved, "r5"},
		{"labelled entries still by label", gappy, Citation{Kind: KindNumeric, Number: "4"}, Resolved, "r4"},
		{"leading zeros", gappy, Citation{Kind: KindNumeric, Number: "02"}, Resolved, "r2"},
		{"no guess when the gap does not fit", odd, Citation{Kind: KindNumeric, Number: "2"}, Unresolved, ""},
		{"percent-escaped footnote target", anchored, Citation{Kind: KindFootnote, Target: "cite_note-M%C3%BCller-1", Number: "1"}, Resolved, "r1"},
		{"footnote target with '#'", anchored, Citation{Kind: KindFootnote, Target: "#cite_note-2", Number: "9"}, Resolved, "r2"},
		{"a missing note is not linked by position", anchored, Citation{Kind: KindFootnote, Target: "cite_note-x", Number: "2"}, Unresolved, ""},
		{"footnotes without anchors link by position", plain, Citation{Kind: KindFootnote, Target: "fn2", Number: "2"}, Resolved, "r2"},
		{"a label wins over a position", mixed, Citation{Kind: KindNumeric, Number: "2"}, Resolved, "r3"},
	}
	runLinkCases(t, tests)
}

func TestNormalizeNameAllocations(t *testing.T) {
	assert.Equal(t, 0.0, testing.AllocsPerRun(100, func() { _ = NormalizeName("van der berg") }), "folded input")
	assert.LessOrEqual(t, testing.AllocsPerRun(100, func() { _ = NormalizeName("Van der Berg-Smith") }), 1.0, "ASCII input")
}

func FuzzNormalizeName(f *testing.F) {
	for _, s := range []string{"Müller", "O’Neil", "van der  Berg", "Smith-Jones", "İstanbul", "Straße", " x ", "a\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeName(s)
		if n != strings.TrimSpace(n) || strings.Contains(n, "  ") {
			t.Fatalf("NormalizeName(%q) = %q: stray spaces", s, n)
		}
		if utf8.ValidString(s) && NormalizeName(n) != n {
			t.Fatalf("NormalizeName(%q) = %q, not a fixed point: %q", s, n, NormalizeName(n))
		}
		_ = normYear(s)
		_ = labelKey(s)
		_ = anchorKey(s)
	})
}

func BenchmarkNormalizeName(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = NormalizeName("Kessler")
		_ = NormalizeName("van der Berg")
	}
}

func BenchmarkLink(b *testing.B) {
	for _, n := range []int{300, 5000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) { benchmarkLink(b, n) })
	}
}

// benchmarkLink links 2n citations, half author-year and half numeric, to
// a list of n entries.
func benchmarkLink(b *testing.B, n int) {
	var list ReferenceList
	var cits []Citation
	for i := range n {
		name := fmt.Sprintf("Author%d", i%(n/2))
		year := strconv.Itoa(1950 + i%60)
		list.Entries = append(list.Entries, Reference{ID: fmt.Sprintf("r%d", i+1), Label: strconv.Itoa(i + 1),
			Authors: []string{name, "Müller"}, Year: year})
		cits = append(cits, ay(fmt.Sprintf("c%d", i), year, true, name),
			Citation{ID: fmt.Sprintf("n%d", i), Kind: KindNumeric, Number: strconv.Itoa(i + 1)})
	}
	lists := []ReferenceList{list}
	b.ReportAllocs()
	for b.Loop() {
		_ = Link(cits, lists)
	}
}

func TestLinkAuthorCounts(t *testing.T) {
	list := []ReferenceList{{Entries: []Reference{
		entry("r1", "2001", "Kessler", "Baldwin"),
		entry("r2", "2001", "Kessler", "Baldwin", "Lee"),
		entry("r3", "2019", "Smith", "Lee"),
		entry("r4", "2017", "Smith", "Jones"),
		entry("r5", "2005", "Ortiz", "Chen", "Park"),
	}}}
	tests := []struct {
		name   string
		cit    Citation
		status Status
		ref    string
	}{
		{"two names prefer two authors to three", ay("c", "2001", false, "Kessler", "Baldwin"), Resolved, "r1"},
		{"two names et al. prefer three authors", ay("c", "2001", true, "Kessler", "Baldwin"), Resolved, "r2"},
		{"all authors in another year beat the first author in this one", ay("c", "2019", false, "Smith", "Jones"), Mismatched, "r4"},
		{"a missing et al. still links", ay("c", "2005", false, "Ortiz"), Resolved, "r5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Link([]Citation{tt.cit}, list)
			require.Len(t, got, 1)
			assert.Equal(t, tt.status, got[0].Status, "%s %v", got[0].Reason, got[0].Candidates)
			assert.Equal(t, tt.ref, got[0].Reference)
		})
	}
}

// sharesKey reports whether two names share a lookup key, as every pair
// sameName accepts must for Link to find it.
func sharesKey(a, b string) bool {
	kb := nameKeys(b, nil)
	for _, k := range nameKeys(a, nil) {
		if slices.Contains(kb, k) {
			return true
		}
	}
	return false
}

func TestNameKeysCoverSameName(t *testing.T) {
	names := []string{"Müller", "de la Cruz", "Cruz", "van der Berg", "Vanderberg", "Berg", "García Márquez", "García",
		"Smith-Jones", "Smith", "World Health Organization", "WHO", "World Health Organization (WHO)",
		"the Pew Research Center", "Pew Research Center", "U.S. Census Bureau", "US Census Bureau", "Le", "van", "O'Neil"}
	for _, a := range names {
		for _, b := range names {
			na, nb := NormalizeName(a), NormalizeName(b)
			if sameName(na, nb) {
				assert.True(t, sharesKey(na, nb), "%q and %q", a, b)
			}
		}
	}
}

func FuzzNameKeys(f *testing.F) {
	f.Add("World Health Organization", "WHO")
	f.Add("de la Cruz", "Cruz")
	f.Add("van der Berg", "Vanderberg")
	f.Add(" ", " ")
	f.Fuzz(func(t *testing.T, a, b string) {
		na, nb := NormalizeName(a), NormalizeName(b)
		if sameName(na, nb) && !sharesKey(na, nb) {
			t.Fatalf("sameName(%q, %q) but no shared key: %v %v", na, nb, nameKeys(na, nil), nameKeys(nb, nil))
		}
	})
}

func ExampleLink() {
	lists := []ReferenceList{{Heading: "References", Entries: []Reference{
		{ID: "r1", Authors: []string{"Allmann", "Baldwin"}, Year: "2010"},
		{ID: "r2", Authors: []string{"Allmann", "Halitschke", "Baldwin"}, Year: "2010"},
		{ID: "r3", Authors: []string{"van der Berg"}, Year: "2019"},
	}}}
	cits := []Citation{
		{ID: "c1", Kind: KindAuthorYear, Authors: []string{"Allmann"}, EtAl: true, Year: "2010"},
		{ID: "c2", Kind: KindAuthorYear, Authors: []string{"Allmann", "Baldwin"}, Year: "2010"},
		{ID: "c3", Kind: KindAuthorYear, Authors: []string{"Van der Berg"}, Year: "2018"},
	}
	for _, r := range Link(cits, lists) {
		fmt.Println(strings.TrimSpace(fmt.Sprint(r.Citation, " ", r.Status, " ", r.Reference, " ", r.Reason)))
	}
	// Output:
	// c1 resolved r2
	// c2 resolved r1
	// c3 mismatched r3 the year differs: cited 2018, listed 2019
}

func TestLinkDOIs(t *testing.T) {
	lists := []ReferenceList{{Entries: []Reference{
		{ID: "r1", DOI: "doi:10.1000/ABC."},
		{ID: "r2", URL: "https://doi.org/10.1000/def"},
		{ID: "r3", DOI: "https://dx.doi.org/10.1000/ghi"},
	}}}
	for url, want := range map[string]string{
		"https://doi.org/10.1000/abc":     "r1",
		"http://dx.doi.org/10.1000/DEF":   "r2",
		"https://www.doi.org/10.1000/ghi": "r3",
	} {
		got := Link([]Citation{{Kind: KindLink, URL: url}}, lists)
		require.Len(t, got, 1)
		assert.Equal(t, Resolved, got[0].Status, url)
		assert.Equal(t, want, got[0].Reference, url)
	}
}

// FuzzLink links citations to a small list, and to the same list with a
// dozen more entries by the listed name and year (the ambiguous shape of
// bounds_test.go, small): every ID is one of the list's, an ambiguous
// citation has two candidates or more and at most MaxCandidates, and a
// citation repeated links as it did.
func FuzzLink(f *testing.F) {
	f.Add("van der Berg", "2019a", "3", "Berg", "n.d.", "cite_note-3")
	f.Add("WHO", "2020", "03", "World Health Organization", "2020", "%zz")
	f.Add("Smith", "2001", "1", "Smith", "2001", "1")
	f.Fuzz(func(t *testing.T, citedName, citedYear, number, listedName, listedYear, target string) {
		entries := []Reference{
			{ID: "r1", Authors: []string{listedName}, Year: listedYear, Label: number},
			{ID: "r2", Authors: []string{listedName, citedName}, Year: citedYear, Anchor: target},
			{ID: "r3", Year: listedYear, URL: "https://example.org/" + target},
		}
		many := slices.Clone(entries)
		for i := 4; i <= 15; i++ {
			many = append(many, Reference{ID: "r" + strconv.Itoa(i), Authors: []string{listedName}, Year: listedYear,
				Title: "Title " + strconv.Itoa(i), Label: number})
		}
		cits := []Citation{
			{ID: "c1", Kind: KindAuthorYear, Authors: []string{citedName}, Year: citedYear, EtAl: true},
			{ID: "c2", Kind: KindAuthorYear, Authors: []string{citedName, listedName}, Year: listedYear},
			{ID: "c3", Kind: KindNumeric, Number: number},
			{ID: "c4", Kind: KindFootnote, Target: target, Number: number},
			{ID: "c5", Kind: KindLink, URL: "https://example.org/" + target},
			{ID: "c6", Kind: KindAuthorPage, Authors: []string{citedName}},
			{ID: "c7", Kind: KindAuthorYear, Authors: []string{listedName}, Year: listedYear},
		}
		for _, l := range [][]Reference{entries, many} {
			ids := []string{""}
			for _, e := range l {
				ids = append(ids, e.ID)
			}
			repeated := append(slices.Clone(cits), cits...)
			got := Link(repeated, []ReferenceList{{Entries: l}})
			require.Len(t, got, len(repeated))
			for i, r := range got {
				assert.Equal(t, repeated[i].ID, r.Citation)
				for _, id := range append([]string{r.Reference}, r.Candidates...) {
					assert.Contains(t, ids, id)
				}
				if r.Status == Ambiguous {
					assert.GreaterOrEqual(t, len(r.Candidates), 2)
					assert.LessOrEqual(t, len(r.Candidates), MaxCandidates)
					assert.GreaterOrEqual(t, r.CandidateCount, len(r.Candidates))
				} else {
					assert.Zero(t, r.CandidateCount)
				}
			}
			assert.Equal(t, got[:len(cits)], got[len(cits):], "a citation repeated links as it did")
		}
	})
}

// linkCase is one citation linked against some lists, with the outcome
// expected.
type linkCase struct {
	name   string
	lists  []ReferenceList
	cit    Citation
	status Status
	ref    string
}

func runLinkCases(t *testing.T, tests []linkCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Link([]Citation{tt.cit}, tt.lists)
			require.Len(t, got, 1)
			assert.Equal(t, tt.status, got[0].Status)
			assert.Equal(t, tt.ref, got[0].Reference)
		})
	}
}

// TestLinkNumberInAnAuthorYearText checks that a number names an entry of
// an unlabelled list by its position only where the text cites by number:
// in a text that cites by author and year, the list is in the authors'
// order and "[3]" is a stray.
func TestLinkNumberInAnAuthorYearText(t *testing.T) {
	list := []ReferenceList{{Heading: "References", Entries: []Reference{
		entry("r1", "2023", "Ballester"), entry("r2", "1982", "Oke"), entry("r3", "2015", "Santamouris"),
	}}}
	num := func(id, n string) Citation { return Citation{ID: id, Kind: KindNumeric, Number: n} }
	tests := []struct {
		name   string
		cits   []Citation
		status Status
		ref    string
	}{
		{"a text citing by number", []Citation{num("c1", "1"), num("c2", "3"), ay("c3", "1982", false, "Oke")}, Resolved, "r3"},
		{"a text citing by author and year", []Citation{ay("c1", "2023", true, "Ballester"), num("c2", "3"), ay("c3", "1982", false, "Oke")}, Unresolved, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Link(tt.cits, list)[1]
			assert.Equal(t, tt.status, got.Status, got.Reason)
			assert.Equal(t, tt.ref, got.Reference)
		})
	}
}
