package main

import (
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden reports in testdata/report")

const reportGoldens = "../../testdata/report/"

// fixtureResult builds the result of a checked article from its summary
// and its findings' codes.
func fixtureResult(a corpus.Article, sum citecheck.Summary, codes ...string) citecheck.BatchResult {
	a.Hash = "h-" + a.ID
	rep := &citecheck.Report{Title: "Title of " + a.ID, Summary: sum}
	for i, code := range codes {
		sev := citecheck.SeverityError
		if code == citecheck.CodeUncitedClaim {
			sev = citecheck.SeverityWarning
		}
		rep.Findings = append(rep.Findings, citecheck.Finding{Code: code, Severity: sev, Message: "m",
			Span: sources.Location{Line: i + 1, Column: 1}})
	}
	for i := range sum.Claims {
		c := citecheck.Claim{Text: "claim", Score: 0.75}
		if i >= sum.UncitedClaims {
			c.Citations = []string{"c1"}
		}
		rep.Claims = append(rep.Claims, c)
	}
	for i := range sum.Citations {
		st := citations.Resolved
		if i < sum.Unresolved {
			st = citations.Unresolved
		}
		rep.Citations = append(rep.Citations, citecheck.Citation{Kind: citations.KindAuthorYear, Text: "A, 2020", Status: st})
	}
	return citecheck.BatchResult{Article: a, Report: rep}
}

// writeReportFixture writes the six articles of the root package's
// TestStoreReport, whose figures are worked out by hand there, into a new
// results database and returns its path.
func writeReportFixture(t *testing.T) string {
	t.Helper()
	const (
		unresolved = citecheck.CodeUnresolvedCitation
		uncited    = citecheck.CodeUncitedClaim
	)
	results := []citecheck.BatchResult{
		fixtureResult(corpus.Article{ID: "a1", URL: "https://www.bbc.co.uk/news/1", Published: "2024-03-01"},
			citecheck.Summary{Citations: 4, Resolved: 3, Unresolved: 1, References: 3, Claims: 2, UncitedClaims: 1, Errors: 1, Warnings: 1},
			unresolved, uncited),
		fixtureResult(corpus.Article{ID: "a2", URL: "https://bbc.co.uk/x", Published: "1 March 2023"},
			citecheck.Summary{Citations: 2, Unresolved: 2, Claims: 1, Errors: 3},
			citecheck.CodeEmptyReferenceList, unresolved, unresolved),
		fixtureResult(corpus.Article{ID: "a3", Outlet: "Reuters"},
			citecheck.Summary{Claims: 3, UncitedClaims: 3, Warnings: 3},
			uncited, uncited, uncited),
		fixtureResult(corpus.Article{ID: "a4", URL: "https://example.org/a", Published: "2024-11-02T10:00:00Z"},
			citecheck.Summary{}),
		{Article: corpus.Article{ID: "feed.jsonl#9", Input: "feed.jsonl#9", URL: "https://www.bbc.co.uk/news/5", Published: "2023-05-05"},
			Err: errors.New("malformed record")},
		fixtureResult(corpus.Article{ID: "a6", URL: "https://www.bbc.co.uk/news/6", Published: "2023-06-01"},
			citecheck.Summary{Citations: 2, Unresolved: 2, Errors: 3},
			citecheck.CodeMissingReferenceList, unresolved, unresolved),
	}
	path := filepath.Join(t.TempDir(), "results.sqlite")
	db, s, err := openStore(context.Background(), path)
	require.NoError(t, err)
	defer db.Close()
	defer s.Close()
	require.NoError(t, s.Save(context.Background(), results...))
	return path
}

// TestReportGolden compares every grouping in every format with its golden
// file in testdata/report; go test ./cmd/citecheck -run ReportGolden
// -update rewrites them.
func TestReportGolden(t *testing.T) {
	db := writeReportFixture(t)
	for _, by := range []string{"", "outlet", "year", "code"} {
		for _, format := range []string{"text", "csv", "json"} {
			name := by
			if name == "" {
				name = "corpus"
			}
			name += "." + map[string]string{"text": "txt", "csv": "csv", "json": "json"}[format]
			t.Run(name, func(t *testing.T) {
				args := []string{"report", "--db", db, "--format", format}
				if by != "" {
					args = append(args, "--by", by)
				}
				code, out, errOut := runTool(t, "", args...)
				require.Equal(t, exitOK, code, errOut)
				golden := reportGoldens + name
				if *update {
					require.NoError(t, os.MkdirAll(reportGoldens, 0o755))
					require.NoError(t, os.WriteFile(golden, []byte(out), 0o644))
					return
				}
				want, err := os.ReadFile(golden)
				require.NoError(t, err, "no golden report; run go test ./cmd/citecheck -run ReportGolden -update")
				assert.Equal(t, string(want), out)
			})
		}
	}
}

// TestReportFigures checks, apart from the golden files, the figures a
// researcher reads first in the CSV, against the hand count of
// TestStoreReport in the root package.
func TestReportFigures(t *testing.T) {
	db := writeReportFixture(t)
	tests := []struct {
		by   string
		want []string
	}{
		{"", []string{"corpus,articles,failed,claims,supported_claims,supported_share,citations,unresolved,unresolved_rate,no_references,reference_list_problems,scored,mean_quality,findings,top_finding,top_finding_count",
			"all,6,1,6,2,0.3333,8,5,0.6250,4,2,4,0.2500,11,unresolved-citation,5"}},
		{"outlet", []string{"bbc.co.uk,4,1,3,2,0.6667,8,5,0.6250,2,2,3,0.3333,8,unresolved-citation,5",
			"Reuters,1,0,3,0,0.0000,0,0,,1,0,1,0.0000,3,uncited-claim,3",
			"example.org,1,0,0,0,,0,0,,1,0,0,,0,,0"}},
		{"year", []string{"2023,3,1,1,1,1.0000,4,4,1.0000,2,2,2,0.1667,6,unresolved-citation,4",
			"2024,2,0,2,1,0.5000,4,1,0.2500,1,0,1,0.6667,2,uncited-claim,1",
			",1,0,3,0,0.0000,0,0,,1,0,1,0.0000,3,uncited-claim,3"}},
		{"code", []string{"code,findings,articles,share",
			"unresolved-citation,5,3,0.6000",
			"uncited-claim,4,2,0.4000",
			"empty-reference-list,1,1,0.2000",
			"missing-reference-list,1,1,0.2000"}},
	}
	for _, tt := range tests {
		t.Run(tt.by, func(t *testing.T) {
			args := []string{"report", "--db", db, "--format", "csv"}
			if tt.by != "" {
				args = append(args, "--by", tt.by)
			}
			code, out, errOut := runTool(t, "", args...)
			require.Equal(t, exitOK, code, errOut)
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if tt.by == "outlet" || tt.by == "year" {
				lines = lines[1:] // the header is checked once, above
			}
			assert.Equal(t, tt.want, lines)
		})
	}
}

func TestReportErrors(t *testing.T) {
	db := writeReportFixture(t)
	dir := t.TempDir()
	newer := filepath.Join(dir, "newer.sqlite")
	src, err := os.ReadFile(db)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(newer, src, 0o644))
	setResultsVersion(t, newer, 99)

	tests := []struct {
		name   string
		args   []string
		want   int
		stderr string
	}{
		{"no --db", []string{"report"}, exitUsage, "Usage:"},
		{"unknown grouping", []string{"report", "--db", db, "--by", "month"}, exitUsage, `not "month"`},
		{"unknown format", []string{"report", "--db", db, "--format", "xml"}, exitUsage, `not "xml"`},
		{"extra argument", []string{"report", "--db", db, "other.sqlite"}, exitUsage, "Usage:"},
		{"missing database", []string{"report", "--db", filepath.Join(dir, "nope.sqlite")}, exitDBError, "nope.sqlite"},
		{"newer schema", []string{"report", "--db", newer}, exitDBError, newer + ": results schema is newer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runTool(t, "", tt.args...)
			assert.Equal(t, tt.want, code, errOut)
			assert.Contains(t, errOut, tt.stderr)
		})
	}
}
