package citecheck_test

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/corpus"
)

// openResultsStore opens a new results database in a temporary file.
func openResultsStore(t *testing.T) (*citecheck.Store, *sql.DB) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(t.TempDir(), "r.sqlite")+"?_busy_timeout=10000")
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	s, err := citecheck.OpenStore(context.Background(), db)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s, db
}

// fixtureResult builds the result of a checked article from its summary
// and its findings' codes; the severities of the codes must add up to the
// summary's errors, warnings and infos.
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
		st := "resolved"
		if i < sum.Unresolved {
			st = "unresolved"
		}
		rep.Citations = append(rep.Citations, citecheck.Citation{Kind: "author-year", Text: "A, 2020", Status: citations.Status(st)})
	}
	return citecheck.BatchResult{Article: a, Report: rep}
}

// reportFixture are six articles whose aggregates the tests below work out
// by hand. Quality: a1 (3+1)/6, a2 1/3, a3 0, a4 none, a5 failed, a6 0.
func reportFixture() []citecheck.BatchResult {
	const (
		unresolved = citecheck.CodeUnresolvedCitation
		uncited    = citecheck.CodeUncitedClaim
	)
	return []citecheck.BatchResult{
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
}

func f(v float64) *float64 { return &v }

// roundReport rounds every share and mean to 9 decimals, so that reports
// compare equal whatever the order of floating-point sums.
func roundReport(r *citecheck.CorpusReport) {
	round := func(p *float64) {
		if p != nil {
			*p = math.Round(*p*1e9) / 1e9
		}
	}
	stats := func(s *citecheck.CorpusStats) {
		round(s.SupportedShare)
		round(s.UnresolvedRate)
		round(s.MeanQuality)
	}
	codes := func(cs []citecheck.CodeStats) {
		for i := range cs {
			round(cs[i].Share)
		}
	}
	stats(&r.Total)
	codes(r.Codes)
	for i := range r.Groups {
		stats(&r.Groups[i].CorpusStats)
		codes(r.Groups[i].Codes)
	}
}

func TestStoreReport(t *testing.T) {
	ctx := context.Background()
	s, _ := openResultsStore(t)
	require.NoError(t, s.Save(ctx, reportFixture()...))

	third, sixth, twoThirds := 1.0/3, 1.0/6, 2.0/3
	total := citecheck.CorpusStats{Articles: 6, Failed: 1, Checked: 5,
		Claims: 6, SupportedClaims: 2, SupportedShare: f(third),
		Citations: 8, Unresolved: 5, UnresolvedRate: f(0.625),
		NoReferences: 4, ReferenceListProblems: 2, Scored: 4, MeanQuality: f(0.25), Findings: 11}
	codes := []citecheck.CodeStats{
		{Code: "unresolved-citation", Findings: 5, Articles: 3, Share: f(0.6)},
		{Code: "uncited-claim", Findings: 4, Articles: 2, Share: f(0.4)},
		{Code: "empty-reference-list", Findings: 1, Articles: 1, Share: f(0.2)},
		{Code: "missing-reference-list", Findings: 1, Articles: 1, Share: f(0.2)},
	}
	reuters := citecheck.CorpusGroup{Key: "Reuters", CorpusStats: citecheck.CorpusStats{Articles: 1, Checked: 1,
		Claims: 3, SupportedShare: f(0), NoReferences: 1, Scored: 1, MeanQuality: f(0), Findings: 3},
		Codes: []citecheck.CodeStats{{Code: "uncited-claim", Findings: 3, Articles: 1, Share: f(1)}}}
	noCodes := []citecheck.CodeStats{}
	tests := []struct {
		by     citecheck.GroupBy
		groups []citecheck.CorpusGroup
	}{
		{citecheck.GroupNone, []citecheck.CorpusGroup{}},
		{citecheck.GroupCode, []citecheck.CorpusGroup{}},
		{citecheck.GroupOutlet, []citecheck.CorpusGroup{
			{Key: "bbc.co.uk", CorpusStats: citecheck.CorpusStats{Articles: 4, Failed: 1, Checked: 3,
				Claims: 3, SupportedClaims: 2, SupportedShare: f(twoThirds),
				Citations: 8, Unresolved: 5, UnresolvedRate: f(0.625),
				NoReferences: 2, ReferenceListProblems: 2, Scored: 3, MeanQuality: f(third), Findings: 8},
				Codes: []citecheck.CodeStats{
					{Code: "unresolved-citation", Findings: 5, Articles: 3, Share: f(1)},
					{Code: "empty-reference-list", Findings: 1, Articles: 1, Share: f(third)},
					{Code: "missing-reference-list", Findings: 1, Articles: 1, Share: f(third)},
					{Code: "uncited-claim", Findings: 1, Articles: 1, Share: f(third)},
				}},
			reuters,
			{Key: "example.org", CorpusStats: citecheck.CorpusStats{Articles: 1, Checked: 1, NoReferences: 1}, Codes: noCodes},
		}},
		{citecheck.GroupYear, []citecheck.CorpusGroup{
			{Key: "2023", CorpusStats: citecheck.CorpusStats{Articles: 3, Failed: 1, Checked: 2,
				Claims: 1, SupportedClaims: 1, SupportedShare: f(1),
				Citations: 4, Unresolved: 4, UnresolvedRate: f(1),
				NoReferences: 2, ReferenceListProblems: 2, Scored: 2, MeanQuality: f(sixth), Findings: 6},
				Codes: []citecheck.CodeStats{
					{Code: "unresolved-citation", Findings: 4, Articles: 2, Share: f(1)},
					{Code: "empty-reference-list", Findings: 1, Articles: 1, Share: f(0.5)},
					{Code: "missing-reference-list", Findings: 1, Articles: 1, Share: f(0.5)},
				}},
			{Key: "2024", CorpusStats: citecheck.CorpusStats{Articles: 2, Checked: 2,
				Claims: 2, SupportedClaims: 1, SupportedShare: f(0.5),
				Citations: 4, Unresolved: 1, UnresolvedRate: f(0.25),
				NoReferences: 1, Scored: 1, MeanQuality: f(twoThirds), Findings: 2},
				Codes: []citecheck.CodeStats{
					{Code: "uncited-claim", Findings: 1, Articles: 1, Share: f(0.5)},
					{Code: "unresolved-citation", Findings: 1, Articles: 1, Share: f(0.5)},
				}},
			{Key: "", CorpusStats: reuters.CorpusStats, Codes: reuters.Codes},
		}},
	}
	for _, tt := range tests {
		t.Run(cmp.Or(string(tt.by), "none"), func(t *testing.T) {
			got, err := s.Report(ctx, tt.by)
			require.NoError(t, err)
			want := &citecheck.CorpusReport{Version: 1, By: tt.by, Total: total, Groups: tt.groups, Codes: codes}
			roundReport(want)
			roundReport(got)
			assert.Equal(t, want, got)
		})
	}
}

func TestStoreReportEmpty(t *testing.T) {
	s, _ := openResultsStore(t)
	got, err := s.Report(context.Background(), citecheck.GroupOutlet)
	require.NoError(t, err)
	assert.Equal(t, &citecheck.CorpusReport{Version: 1, By: citecheck.GroupOutlet,
		Groups: []citecheck.CorpusGroup{}, Codes: []citecheck.CodeStats{}}, got)
}

func TestStoreReportUnknownGrouping(t *testing.T) {
	s, _ := openResultsStore(t)
	_, err := s.Report(context.Background(), "month")
	assert.ErrorIs(t, err, citecheck.ErrGroupBy)
}

// TestReportMatchesChecks stores the reports of the test articles and
// checks the report's totals against the same figures added up from the
// reports themselves.
func TestReportMatchesChecks(t *testing.T) {
	ctx := context.Background()
	paths, err := filepath.Glob("testdata/articles/*")
	require.NoError(t, err)
	var results []citecheck.BatchResult
	var want citecheck.CorpusStats
	var qualitySum float64
	codes := map[string]int{}
	for _, path := range paths {
		if strings.HasSuffix(path, ".golden.json") {
			continue
		}
		rep := checkFile(t, path)
		results = append(results, citecheck.BatchResult{Article: corpus.Article{ID: path, Input: path, Hash: path}, Report: rep})
		sum := rep.Summary
		want.Articles++
		want.Checked++
		want.Claims += sum.Claims
		want.SupportedClaims += sum.Claims - sum.UncitedClaims
		want.Citations += sum.Citations
		want.Unresolved += sum.Unresolved
		if sum.References == 0 {
			want.NoReferences++
		}
		want.Findings += len(rep.Findings)
		if q, ok := citecheck.Quality(sum); ok {
			want.Scored++
			qualitySum += q
		}
		listProblem := false
		for _, f := range rep.Findings {
			codes[f.Code]++
			listProblem = listProblem || f.Code == citecheck.CodeMissingReferenceList || f.Code == citecheck.CodeEmptyReferenceList
		}
		if listProblem {
			want.ReferenceListProblems++
		}
	}
	require.NotEmpty(t, results, "no test articles")
	s, _ := openResultsStore(t)
	require.NoError(t, s.Save(ctx, results...))

	got, err := s.Report(ctx, citecheck.GroupNone)
	require.NoError(t, err)
	require.NotNil(t, got.Total.MeanQuality)
	assert.InDelta(t, qualitySum/float64(want.Scored), *got.Total.MeanQuality, 1e-9)
	got.Total.SupportedShare, got.Total.UnresolvedRate, got.Total.MeanQuality = nil, nil, nil
	assert.Equal(t, want, got.Total)
	gotCodes := map[string]int{}
	for _, c := range got.Codes {
		gotCodes[c.Code] = c.Findings
	}
	assert.Equal(t, codes, gotCodes)
}

func TestPublishedYear(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-03-01", "2024"},
		{"2024-03-01T10:00:00Z", "2024"},
		{"1 March 2024", "2024"},
		{"March 1, 2024 10:00", "2024"},
		{"03/01/2024", "2024"},
		{"20240301", "2024"},
		{"20240301123000", "2024"},
		{"Tue, 05 Nov 2019 08:00:00 GMT", "2019"},
		{"T0930 on 12/05/2021", "2021"},
		{"", ""},
		{"yesterday", ""},
		{"12345", ""},
		{"0999-01-01", ""},
		{"year 3000", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, citecheck.PublishedYear(tt.in), tt.in)
	}
}

func FuzzPublishedYear(f *testing.F) {
	for _, s := range []string{"2024-03-01", "1 March 2024", "20240301", "", "x1999y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		y := citecheck.PublishedYear(s)
		if y == "" {
			return
		}
		if len(y) != 4 || y < "1000" || y > "2999" || !strings.Contains(s, y) {
			t.Fatalf("PublishedYear(%q) = %q", s, y)
		}
	})
}

func ExampleStore_Report() {
	ctx := context.Background()
	db, err := sql.Open("sqlite3", "file:example-report?mode=memory&cache=shared")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	store, err := citecheck.OpenStore(ctx, db)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()

	corpus := func(yield func(corpus.Article, error) bool) {
		for _, a := range []corpus.Article{
			{ID: "1", URL: "https://www.bbc.co.uk/news/1", Format: sources.FormatText, Body: []byte(
				"Title\n\nRidership fell by 12 percent (Okafor, 2021).\n\nReferences\n\nOkafor, C. (2021). Transit demand. Urban Studies, 4, 5-6.\n")},
			{ID: "2", URL: "https://news.example.org/2", Format: sources.FormatText, Body: []byte(
				"Title\n\nRidership fell by 12 percent (Brandt, 2019).\n\nReferences\n\nOkafor, C. (2021). Transit demand. Urban Studies, 4, 5-6.\n")},
		} {
			if !yield(a, nil) {
				return
			}
		}
	}
	for r := range citecheck.Batch(ctx, corpus, citecheck.BatchOptions{Workers: 1}) {
		if err := store.Save(ctx, r); err != nil {
			fmt.Println(err)
			return
		}
	}

	rep, err := store.Report(ctx, citecheck.GroupOutlet)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range rep.Groups {
		fmt.Printf("%s: %d article, %d of %d citations unresolved\n", g.Key, g.Articles, g.Unresolved, g.Citations)
	}
	for _, c := range rep.Codes {
		fmt.Printf("%s: %d in %.0f%% of articles\n", c.Code, c.Findings, 100**c.Share)
	}
	// Output:
	// bbc.co.uk: 1 article, 0 of 1 citations unresolved
	// example.org: 1 article, 1 of 1 citations unresolved
	// orphan-reference: 1 in 50% of articles
	// unresolved-citation: 1 in 50% of articles
}

func BenchmarkStoreReport(b *testing.B) {
	const n = 20000
	ctx := context.Background()
	s, _ := openBenchStore(b, "r.sqlite")
	require.NoError(b, s.Save(ctx, benchResults(n)...))
	for _, by := range []citecheck.GroupBy{citecheck.GroupNone, citecheck.GroupOutlet, citecheck.GroupYear, citecheck.GroupCode} {
		b.Run(cmp.Or(string(by), "none"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rep, err := s.Report(ctx, by)
				require.NoError(b, err)
				require.Equal(b, n, rep.Total.Articles)
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
