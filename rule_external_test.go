package citecheck_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
)

// anonymousSource is a rule written outside the package, against the
// exported Pass only: a claim that rests on unnamed officials.
var anonymousSource = &citecheck.Rule{
	Code:     "anonymous-source",
	Severity: citecheck.SeverityInfo,
	Summary:  "A claim rests on officials the article does not name.",
	Fix:      "Name the official or the office.",
	Run: func(p *citecheck.Pass) {
		for i := range p.Claims {
			s := &p.Claims[i]
			if strings.Contains(s.Claim.Text, "officials said") {
				p.ReportClaim(s, citecheck.Finding{Message: "the officials are not named"})
			}
		}
		for i, c := range p.Citations {
			if p.Links[i].Status == "unresolved" {
				p.Reportf(c.Span, "citation %s: no entry, seen by an outside rule", c.ID)
			}
		}
	},
}

func TestRuleFromAnotherPackage(t *testing.T) {
	draft := "# Floods\n\nAt least 40 people died in the floods, officials said.\n\n" +
		"Rainfall was 300 mm above the average in 2023 (Ngata, 2024).\n"
	rules := append(citecheck.DefaultRules(), anonymousSource)
	r, err := citecheck.Check(context.Background(), strings.NewReader(draft), citecheck.Options{Name: "floods.md", Rules: rules})
	require.NoError(t, err)

	var mine []citecheck.Finding
	for _, f := range r.Findings {
		if f.Code == anonymousSource.Code {
			mine = append(mine, f)
		}
	}
	require.Len(t, mine, 2, "%+v", r.Findings)
	claimFinding, citeFinding := mine[0], mine[1]

	assert.Equal(t, citecheck.SeverityInfo, claimFinding.Severity, "the rule's own severity")
	assert.Equal(t, citecheck.DocsURL("anonymous-source"), claimFinding.URL)
	assert.Equal(t, 3, claimFinding.Span.Line)
	claim, ok := r.FindingClaim(&claimFinding)
	require.True(t, ok, "ReportClaim sets the claim")
	assert.Contains(t, claim.Text, "officials said")

	assert.Equal(t, "citation c1: no entry, seen by an outside rule", citeFinding.Message)
	assert.Equal(t, 5, citeFinding.Span.Line)
	assert.Equal(t, "Ngata, 2024", string(r.Document.Src[citeFinding.Span.Start:citeFinding.Span.End]))
	// the default rules still ran
	assert.NotEmpty(t, r.FindingsAbout("c1"))
}
