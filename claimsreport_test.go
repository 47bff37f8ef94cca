package citecheck_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
)

func codesOf(r *citecheck.Report) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Code)
	}
	return out
}

func TestClaimRules(t *testing.T) {
	refs := "\n\nReferences\n\nLee, K. (2019). Flood losses in coastal cities. Climate Risk, 4, 1–20.\n"
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"a cited statistic is fine",
			"Flood damage in coastal cities rose 40% between 2000 and 2018 (Lee, 2019)." + refs, nil},
		{"an event after every cited work",
			"Flood damage in coastal cities rose 40% in March 2025 (Lee, 2019)." + refs, []string{citecheck.CodeAnachronisticCite}},
		{"a forecast names the years its source looked ahead to",
			"Flood damage in coastal cities is projected to rise 40% by 2050 (Lee, 2019)." + refs, nil},
		{"as does an expectation",
			"Flood damage in coastal cities is expected to rise 40% a year up to 2030 (Lee, 2019)." + refs, nil},
		{"and what analysts expect",
			"Flood damage in coastal cities rose 40% in 2018, and analysts expect it to double by 2030 (Lee, 2019)." + refs, nil},
		{"a claim citing a work that is not listed",
			"Flood damage in coastal cities rose 40% between 2000 and 2018 in Lee's data set (Okafor, 2020)." + refs, []string{citecheck.CodeUnresolvedCitation, citecheck.CodeOrphanReference}},
		{"a statistic with no source at all",
			"Flood damage in coastal cities rose 40% between 2000 and 2018.", []string{citecheck.CodeUncitedClaim}},
		{"a named source supports a claim",
			"Flood damage in coastal cities rose 40% between 2000 and 2018, according to the Insurance Information Institute.", nil},
		{"citation needed",
			"Flood damage in coastal cities rose 40% between 2000 and 2018.[citation needed]", []string{citecheck.CodeUncitedClaim}},
		{"a question is no claim",
			"Will flood damage in coastal cities rise 40% by 2030?", nil},
		{"an unnamed source supports a claim",
			"Flood damage in coastal cities rose 40% between 2000 and 2018, insurance officials said.", nil},
		{"a link to a report supports a claim",
			"Flood damage in coastal cities [rose 40%](https://www.example.org/reports/2019/flood-losses.pdf) between 2000 and 2018.", nil},
		{"a link to an encyclopedia article does not",
			"[Flood](https://en.wikipedia.org/wiki/Flood) damage in coastal cities rose 40% between 2000 and 2018.", []string{citecheck.CodeUncitedClaim}},
		{"nor does a link to a home page",
			"Flood damage in coastal cities rose 40% between 2000 and 2018 for [insurers](https://www.example.com/).", []string{citecheck.CodeUncitedClaim}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := citecheck.Check(context.Background(), strings.NewReader(tt.text), citecheck.Options{Name: "draft.md"})
			require.NoError(t, err)
			assert.Equal(t, tt.want, codesOf(r))
		})
	}
}

func TestClaimsInReport(t *testing.T) {
	text := "Flood damage rose 40% between 2000 and 2018 (Lee, 2019), according to Swiss Re.\n\nReferences\n\nLee, K. (2019). Flood losses. Climate Risk, 4, 1–20.\n"
	r, err := citecheck.Check(context.Background(), strings.NewReader(text), citecheck.Options{Name: "draft.txt"})
	require.NoError(t, err)
	require.Len(t, r.Claims, 1)
	c := r.Claims[0]
	assert.Equal(t, "k1", c.ID)
	assert.Equal(t, []string{"c1"}, c.Citations)
	assert.Contains(t, c.Attributions, "Swiss Re")
	assert.Equal(t, 1, c.Span.Line)
	assert.Equal(t, 1, c.Span.Column)
	assert.Equal(t, 1, r.Summary.Claims)
	assert.Equal(t, 0, r.Summary.UncitedClaims)
}

func TestExhibitSupportsClaim(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"Ridership fell 24% in all six cities studied (see Table 1).", "Table 1"},
		{"As Figure 2b shows, ridership fell 24% in 2021.", "Figure 2b"},
		{"The model (Appendix A) predicts a 24% fall by 2030.", "Appendix A"},
		{"Ridership fell 24% at the Table Mountain station in 2021.", ""},
		{"Ridership fell 24% in 2021 (Figures 1990 to 2021 are in the archive).", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			r, err := citecheck.Check(context.Background(), strings.NewReader(tt.text), citecheck.Options{Name: "draft.txt"})
			require.NoError(t, err)
			require.Len(t, r.Claims, 1)
			assert.Equal(t, tt.want != "", r.Claims[0].Cited)
			assert.Equal(t, tt.want, r.Claims[0].Exhibit)
		})
	}
}

// TestFirstHandClaimRestsOnTheWriter reads each sentence as a claim (a
// low --min-score: what is tested is where the claim rests, not its
// score) and checks that a first-hand one has no uncited-claim.
func TestFirstHandClaimRestsOnTheWriter(t *testing.T) {
	tests := []struct {
		text      string
		firstHand bool
	}{
		{"I received an email from Facebook in 2019 that lists 312 people.", true},
		{"In 2019 my landlord raised the rent by 40%.", true},
		{"Facebook keeps a profile of me that lists 312 contacts.", true},
		// a comparison with the writer does not make the writer the source
		{"Facebook has a profile of 300 million non-users like me.", false},
		{"Apple sells prescription inserts for people like us for $99.", false},
		{"World War I killed about 20 million people.", false},
		{"Elizabeth I reigned for 44 years, from 1558 to 1603.", false},
		{"\"I lost 40% of my savings in 2008,\" the farmer said of the crash.", false},
		{"The company lost 40% of its value in 2008.", false},
		{"That's a total of 10^5 * 300 = 30,000,000 lists.", true},
		{"The 2019 budget was 4 + 3 percent higher, the council said.", false},
		{"In 2023 we moved 40% of our storage to the new cluster.", true},
		{"Our survey of 1,200 readers found that 62% read on a phone.", true},
		{"The US lost 40% of its wetlands between 1780 and 1980.", false},
		{"\"We lost 40% of our customers in 2020,\" the owner said.", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			// a low MinScore: what is tested is who the claim rests on,
			// not how check-worthy the model finds it (the arithmetic
			// scores 0.16)
			r, err := citecheck.Check(context.Background(), strings.NewReader(tt.text), citecheck.Options{Name: "draft.txt", MinScore: 0.05})
			require.NoError(t, err)
			require.Len(t, r.Claims, 1)
			assert.Equal(t, tt.firstHand, r.Claims[0].FirstHand)
			uncited := 0
			for _, f := range r.Findings {
				if f.Code == citecheck.CodeUncitedClaim {
					uncited++
				}
			}
			assert.Equal(t, !tt.firstHand && !r.Claims[0].Cited, uncited == 1, "uncited-claim findings: %d", uncited)
			// the summary counts the uncited first-hand claims apart
			assert.Equal(t, tt.firstHand && !r.Claims[0].Cited, r.Summary.FirstHandClaims == 1, "summary: %+v", r.Summary)
		})
	}
}

// TestUncitedClaimSeverityInTechnicalDocuments holds that an uncited claim
// of a document with code blocks (a README, a manual) is an info, not a
// warning, unless it is marked "citation needed".
func TestUncitedClaimSeverityInTechnicalDocuments(t *testing.T) {
	const claim = "The cache cut median latency by 40% in 2023 across 12,000 servers."
	code := "```\ngo get example.com/cache\n```\n\n"
	tests := []struct {
		name, text string
		want       citecheck.Severity
	}{
		{"prose", claim + "\n", citecheck.SeverityWarning},
		{"one code block", code + claim + "\n", citecheck.SeverityWarning},
		{"two code blocks", code + claim + "\n\n" + code, citecheck.SeverityInfo},
		{"two code blocks, citation needed", code + claim + "[citation needed]\n\n" + code, citecheck.SeverityWarning},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := citecheck.Check(context.Background(), strings.NewReader(tt.text), citecheck.Options{Name: "README.md"})
			require.NoError(t, err)
			var got []citecheck.Severity
			for _, f := range r.Findings {
				if f.Code == citecheck.CodeUncitedClaim {
					got = append(got, f.Severity)
				}
			}
			assert.Equal(t, []citecheck.Severity{tt.want}, got)
		})
	}
}
