package citecheck_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
)

// TestReportWalk walks the APA test article's report both as Check returns
// it and as decoded from its JSON form, which is what a fact-checker's tool
// reading `citecheck check --format json` has.
func TestReportWalk(t *testing.T) {
	checked := checkFile(t, "testdata/articles/apa.txt")
	var buf bytes.Buffer
	require.NoError(t, json.NewEncoder(&buf).Encode(checked))
	var decoded citecheck.Report
	require.NoError(t, json.Unmarshal(buf.Bytes(), &decoded))

	for name, r := range map[string]*citecheck.Report{"checked": checked, "decoded": &decoded} {
		t.Run(name, func(t *testing.T) {
			c1, ok := r.Citation("c1")
			require.True(t, ok)
			cited, ok := r.CitationClaim(c1)
			require.True(t, ok)
			byID, ok := r.Claim(cited.ID)
			require.True(t, ok)
			assert.Equal(t, cited.Text, byID.Text)
			assert.True(t, cited.Cited)
			var texts []string
			for _, c := range r.ClaimCitations(cited) {
				texts = append(texts, c.Text)
				back, ok := r.CitationClaim(c)
				require.True(t, ok)
				assert.Equal(t, cited.ID, back.ID, "a claim's citation points back at it")
			}
			assert.Equal(t, []string{"Ma et al., 2020", "Okafor & Lindqvist, 2022", "Brandt, 2021"}, texts)

			entry, ok := r.CitationEntry(c1)
			require.True(t, ok)
			assert.Equal(t, []string{"Ma", "Smith", "Lee"}, entry.Authors)
			var citers []string
			for _, c := range r.EntryCitations(entry) {
				citers = append(citers, c.ID)
			}
			assert.Equal(t, []string{"c1"}, citers)

			// the mismatch: a finding about a citation outside every claim
			var mismatch *citecheck.Finding
			for i := range r.Findings {
				if r.Findings[i].Code == citecheck.CodeCitationMismatch {
					mismatch = &r.Findings[i]
				}
			}
			require.NotNil(t, mismatch)
			c, ok := r.FindingCitation(mismatch)
			require.True(t, ok)
			assert.Equal(t, "Okafor & Lindqvist, 2021", c.Text)
			e, ok := r.FindingEntry(mismatch)
			require.True(t, ok)
			assert.Equal(t, "2022", e.Year, "the near entry")
			k, ok := r.FindingClaim(mismatch)
			require.True(t, ok, "the sentence citing Okafor & Lindqvist, 2021 is a claim")
			assert.Contains(t, k.Text, "(Okafor & Lindqvist, 2021)")
			assert.Equal(t, []*citecheck.Finding{mismatch}, r.FindingsAbout("c7"))

			_, ok = r.Citation("c99")
			assert.False(t, ok)
			_, ok = r.Reference("x")
			assert.False(t, ok)
		})
	}
}

// TestReportWalkOutsideClaims walks from a citation in a sentence that is
// no claim (a question): it has no claim.
func TestReportWalkOutsideClaims(t *testing.T) {
	text := "Did ridership fall by a quarter after 2019 (Lee, 2019)?\n\nReferences\n\nLee, K. (2019). Flood losses. Climate Risk, 4, 1–20.\n"
	r, err := citecheck.Check(context.Background(), strings.NewReader(text), citecheck.Options{Name: "draft.txt"})
	require.NoError(t, err)
	require.Len(t, r.Citations, 1)
	assert.Empty(t, r.Claims)
	_, ok := r.CitationClaim(&r.Citations[0])
	assert.False(t, ok)
}

// TestReportLookupsSurviveRenumbering checks the lookups by ID on a report
// whose slices a caller has filtered, so that IDs no longer match indexes.
func TestReportLookupsSurviveRenumbering(t *testing.T) {
	r := checkFile(t, "testdata/articles/apa.txt")
	r.Citations = r.Citations[2:]
	c, ok := r.Citation("c4")
	require.True(t, ok)
	assert.Equal(t, "c4", c.ID)
	_, ok = r.Citation("c1")
	assert.False(t, ok)
}

// TestCitationJSONReference keeps the JSON contract: a citation with no
// entry has "reference": null, and null decodes to "".
func TestCitationJSONReference(t *testing.T) {
	for _, tt := range []struct {
		ref  string
		want string
	}{{"", `"reference":null`}, {"r3", `"reference":"r3"`}} {
		b, err := json.Marshal(citecheck.Citation{ID: "c1", Text: "<b>&", Reference: tt.ref})
		require.NoError(t, err)
		assert.Contains(t, string(b), tt.want)
		assert.Contains(t, string(b), `"\u003cb\u003e\u0026"`, "json.Marshal escapes HTML as it does elsewhere")
		var back citecheck.Citation
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, tt.ref, back.Reference)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(citecheck.Citation{Text: "<b>&"}))
	assert.Contains(t, b.String(), `"<b>&"`, "an encoder that does not escape HTML gets it unescaped")
}

// ExampleReport_ClaimCitations shows, for each claim of a draft, the works
// it cites as their reference entries give them.
func ExampleReport_ClaimCitations() {
	draft := `Ridership fell by a quarter between 2019 and 2022 (Ma et al., 2020).

References

Ma, X., Smith, J., & Lee, K. (2020). Mobility shocks and transit demand. Transport Policy, 12, 1–9.
`
	r, err := citecheck.Check(context.Background(), bytes.NewReader([]byte(draft)), citecheck.Options{Name: "draft.txt"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := range r.Claims {
		claim := &r.Claims[i]
		fmt.Printf("%s %q cited=%v\n", claim.ID, claim.Text, claim.Cited)
		for _, c := range r.ClaimCitations(claim) {
			if e, ok := r.CitationEntry(c); ok {
				fmt.Printf("  %s -> %s: %s (%s)\n", c.Text, e.ID, e.Title, e.Year)
			}
		}
	}
	// Output:
	// k1 "Ridership fell by a quarter between 2019 and 2022 (Ma et al., 2020)." cited=true
	//   Ma et al., 2020 -> r1: Mobility shocks and transit demand (2020)
}
