package citations

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
)

// labelsOf returns the labels of a list whose entries carry labels.
func labelsOf(labels ...string) labelSet {
	var list ReferenceList
	for _, l := range labels {
		list.Entries = append(list.Entries, Reference{Label: l})
	}
	return entryLabels([]ReferenceList{list})
}

func TestLabelCitations(t *testing.T) {
	// RFC labels beside a few alphabetic ones: only the entries' labels count
	labels := labelsOf("HTTP", "BEARER", "RFC6749", "RFC6750", "Smi19", "BAD10", "O’Co20")
	tests := []struct {
		text string
		want []scanWant
	}{
		{"servers MUST comply with HTTP/1.1 [HTTP].", []scanWant{{Kind: KindLabel, Text: "HTTP", Number: "HTTP"}}},
		{"as defined by [HTTP, section 6] and [BEARER, section 3.1].", []scanWant{
			{Kind: KindLabel, Text: "HTTP", Number: "HTTP", Locator: "section 6"},
			{Kind: KindLabel, Text: "BEARER", Number: "BEARER", Locator: "section 3.1"}}},
		{"bearer tokens [RFC6749][RFC6750] and [RFC6749, RFC6750; Smi19, p. 4]", []scanWant{
			{Kind: KindLabel, Text: "RFC6749", Number: "RFC6749"}, {Kind: KindLabel, Text: "RFC6750", Number: "RFC6750"},
			{Kind: KindLabel, Text: "RFC6749", Number: "RFC6749"}, {Kind: KindLabel, Text: "RFC6750", Number: "RFC6750"},
			{Kind: KindLabel, Text: "Smi19", Number: "Smi19", Locator: "p. 4"}}},
		// not labels of an entry, or not only a label
		{"he wrote [sic] that [http] and [as in HTTP] or [Smi20] or [ HTTP x", []scanWant{}},
		{"an index a[HTTP] is not, a spaced [BAD10 ] is", []scanWant{{Kind: KindLabel, Text: "BAD10", Number: "BAD10"}}},
		{"as mangroves show [see Smi19, p. 4] and [O’Co20]", []scanWant{
			{Kind: KindLabel, Text: "Smi19", Number: "Smi19", Locator: "p. 4"}, {Kind: KindLabel, Text: "O’Co20", Number: "O’Co20"}}},
	}
	for _, tt := range tests {
		got, ok := labelCitations(tt.text, labels, nil, 100)
		require.True(t, ok)
		assert.Equal(t, tt.want, scanSummary(got), tt.text)
		for _, c := range got {
			assert.Equal(t, c.Text, tt.text[c.Span.Start:c.Span.End])
			assert.Equal(t, byte('['), tt.text[c.Group.Start])
			assert.Equal(t, byte(']'), tt.text[c.Group.End-1])
		}
	}
	_, ok := labelCitations("[HTTP] [HTTP] [HTTP]", labels, nil, 2)
	assert.False(t, ok, "past the limit")
	none, ok := labelCitations("[HTTP]", labelSet{}, nil, 2)
	assert.True(t, ok)
	assert.Empty(t, none, "no labels, no label citations")
}

// A list labelled in DIN 1505-2's alphabetic style: a work with no
// author to abbreviate is labelled by its year alone ("20", "21a"), and a
// bracketed key shaped like the labels is a citation even where no entry
// carries it.
func TestLabelCitationsAlphabetic(t *testing.T) {
	labels := labelsOf("20", "21a", "21b", "22", "Müll19a", "Müll19b", "NaFe20", "BeÓ Çe21", "VrJaBa20", "Lind19")
	require.True(t, labels.alpha)
	tests := []struct {
		text string
		want []scanWant
	}{
		{"from the drains [22; Müll19a, p.112].", []scanWant{
			{Kind: KindLabel, Text: "22", Number: "22"}, {Kind: KindLabel, Text: "Müll19a", Number: "Müll19a", Locator: "p.112"}}},
		{"plausible estimates [20; 21a].", []scanWant{
			{Kind: KindLabel, Text: "20", Number: "20"}, {Kind: KindLabel, Text: "21a", Number: "21a"}}},
		{"after dark [Lind19, chap.6; see also VrJaBa20].", []scanWant{
			{Kind: KindLabel, Text: "Lind19", Number: "Lind19", Locator: "chap.6"}, {Kind: KindLabel, Text: "VrJaBa20", Number: "VrJaBa20"}}},
		// keys of the labels' shape that no entry carries: citations of a
		// missing entry
		{"outfalls [Müll16a] and [23; BeÓ Çe21] and [Kowa22, p. 3]", []scanWant{
			{Kind: KindLabel, Text: "Müll16a", Number: "Müll16a"},
			{Kind: KindLabel, Text: "23", Number: "23"}, {Kind: KindLabel, Text: "BeÓ Çe21", Number: "BeÓ Çe21"},
			{Kind: KindLabel, Text: "Kowa22", Number: "Kowa22", Locator: "p. 3"}}},
		// numbers alone are numeric citations; after a comma a number is
		// a page; other words are not keys
		{"[20] and [20; 22] and [Lind19, 22] and [sic] [RFC6749] [Müll] [müll19] [M 19] [Müll19ab] [Müll2019] [ABCDEFGHI19]", []scanWant{
			{Kind: KindLabel, Text: "Lind19", Number: "Lind19", Locator: "22"}}},
	}
	for _, tt := range tests {
		got, ok := labelCitations(tt.text, labels, nil, 100)
		require.True(t, ok)
		assert.Equal(t, tt.want, scanSummary(got), tt.text)
		for _, c := range got {
			assert.Equal(t, c.Text, tt.text[c.Span.Start:c.Span.End])
		}
	}
}

func TestAlphaLabel(t *testing.T) {
	for s, want := range map[string]bool{
		"Müll19a": true, "BrAh20": true, "AOBM22": true, "O’Co20": true, "BeÓ Çe21": true, "Doe+20": true, "Knu84": true,
		"RFC6749": false, "HTTP": false, "sic": false, "21a": false, "müll19": false, "Müll 19": false, "Müll19ab": false,
		"ABCDEFGHI19": false, "M  19": false, "": false, "Müll1": false,
	} {
		assert.Equal(t, want, alphaLabel(s), s)
	}
	for s, want := range map[string]bool{"19": true, "21a": true, "2": false, "199": false, "21A": false, "a1": false} {
		assert.Equal(t, want, yearLabel(s), s)
	}
}

// An Internet-Draft cites its References by label; Find reads the labels
// the entries carry, and Link links each citation to its entry.
func TestFindLabelCitations(t *testing.T) {
	doc, err := sources.Parse([]byte(`1.  Requests

   Client-to-server requests SHOULD be made over https [HTTPS], as
   [HTTP, Section 6] defines; see [WORDS] for the key words.

2.  References

   [HTTP]   Fielding, R., "HTTP/1.1: Semantics and Content", RFC 7231,
            June 2014.

   [HTTPS]  Rescorla, E., "HTTP Over TLS", RFC 2818, May 2000.
`), sources.ReadOptions{Name: "draft.txt"})
	require.NoError(t, err)
	lists := FindReferences(doc)
	require.Len(t, lists, 1)
	assert.Equal(t, labelSet{known: map[string]bool{"HTTP": true, "HTTPS": true}, numbers: map[string]bool{}}, entryLabels(lists))
	found, err := FindWithOptions(doc, Options{Lists: lists})
	require.NoError(t, err)
	var body []Citation
	for _, c := range found {
		if c.Span.Start < lists[0].HeadingSpan.Start {
			body = append(body, c)
		}
	}
	assert.Equal(t, []scanWant{{Kind: KindLabel, Text: "HTTPS", Number: "HTTPS"}, {Kind: KindLabel, Text: "HTTP", Number: "HTTP", Locator: "Section 6"}},
		scanSummary(body), "[WORDS] labels no entry")
	links := Link(body, lists)
	assert.Equal(t, []LinkResult{{Citation: body[0].ID, Status: Resolved, Reference: "r2"}, {Citation: body[1].ID, Status: Resolved, Reference: "r1"}}, links)
}

// A DIN 1505-2 article: "[20]" alone is read once, as a number; beside a
// label it is a label; "[Müll16a]", shaped like the labels, is a citation
// no entry resolves.
func TestFindAlphabeticLabelCitations(t *testing.T) {
	doc, err := sources.Parse([]byte(`Drains

The baseline found 41,000 residents exposed [20], fewer than the later
estimates [20; 21a]. Backflow was measured at fourteen outfalls
[Müll16a] and again [Müll19a, p.112; see also NaFe20].

References

[20] NORTHMERE HEALTH OBSERVATORY: Heat and health in Northmere:
baseline report. Northmere : Northmere Health Observatory, 2020

[21a] NORTHMERE HEALTH OBSERVATORY: Hospital admissions during the June
2021 heatwave. Northmere : Northmere Health Observatory, 2021

[Müll19a] MÜLLER, ANNA: Tidal drains under pressure. In: Journal of
Coastal Engineering vol. 41 (2019), Nr. 2, pp. 101–118

[NaFe20] NAKAMURA, HIROSHI ; FERREIRA, LÚCIA: Compound flooding. In:
Water Resources Letters vol. 56 (2020), Nr. 7, pp. 1–19

[Lind19] LINDGREN, SOFIA: The hot city. Northbridge : Northbridge
University Press, 2019
`), sources.ReadOptions{Name: "din.txt"})
	require.NoError(t, err)
	lists := FindReferences(doc)
	require.Len(t, lists, 1)
	require.Len(t, lists[0].Entries, 5)
	found, err := FindWithOptions(doc, Options{Lists: lists})
	require.NoError(t, err)
	var body []Citation
	for _, c := range found {
		if c.Span.Start < lists[0].HeadingSpan.Start {
			body = append(body, c)
		}
	}
	assert.Equal(t, []scanWant{
		{Kind: KindNumeric, Text: "20", Number: "20"},
		{Kind: KindLabel, Text: "20", Number: "20"}, {Kind: KindLabel, Text: "21a", Number: "21a"},
		{Kind: KindLabel, Text: "Müll16a", Number: "Müll16a"},
		{Kind: KindLabel, Text: "Müll19a", Number: "Müll19a", Locator: "p.112"}, {Kind: KindLabel, Text: "NaFe20", Number: "NaFe20"},
	}, scanSummary(body))
	var status []Status
	var refs []string
	for _, l := range Link(body, lists) {
		status, refs = append(status, l.Status), append(refs, l.Reference)
	}
	assert.Equal(t, []Status{Resolved, Resolved, Resolved, Unresolved, Resolved, Resolved}, status)
	assert.Equal(t, []string{"r1", "r1", "r2", "", "r3", "r4"}, refs)
}

// In plain text pandoc writes a note's marker "[2]", glued to an author
// the sentence names: "Müller[2] measured". It is a citation where the
// lists hold notes labelled in brackets, after a capitalised word.
func TestGluedNoteMarker(t *testing.T) {
	notes := []ReferenceList{{Entries: []Reference{{Label: "2", Text: "[2] “Tidal Drains Under Pressure.”"}}}}
	numbered := []ReferenceList{{Entries: []Reference{{Label: "2", Text: "2. Müller A. Tidal drains."}}}}
	tests := []struct {
		name  string
		text  string
		lists []ReferenceList
		want  []scanWant
	}{
		{"glued to a name", "Müller[2] measured backflow", notes, []scanWant{{Kind: KindNumeric, Text: "2", Number: "2"}}},
		{"hyphenated name", "and Sánchez-Ortega[2].", notes, []scanWant{{Kind: KindNumeric, Text: "2", Number: "2"}}},
		{"an index", "the value of data[2] and x[2]", notes, []scanWant{}},
		{"a short word", "in Ab[2]", notes, []scanWant{}},
		{"no bracketed labels", "Müller[2] measured", numbered, []scanWant{}},
		{"no lists", "Müller[2] measured", nil, []scanWant{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := scanText(tt.text, -1, scanLimits{citations: 10, number: DefaultMaxNumber, lists: tt.lists})
			require.True(t, ok)
			assert.Equal(t, tt.want, scanSummary(got))
		})
	}
}
