package citations

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
)

func TestLabelCitations(t *testing.T) {
	labels := []string{"HTTP", "BEARER", "RFC6749", "RFC6750", "Smi19", "BAD10", "O’Co20"}
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
	none, ok := labelCitations("[HTTP]", nil, nil, 2)
	assert.True(t, ok)
	assert.Empty(t, none, "no labels, no label citations")
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
	assert.Equal(t, []string{"HTTP", "HTTPS"}, entryLabels(lists))
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
