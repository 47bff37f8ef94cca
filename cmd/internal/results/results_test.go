package results_test

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3" // the results database's driver
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/cmd/internal/results"
	"github.com/citecheck/citecheck/sources/corpus"
)

// checkCorpus checks the golden articles and a JSON Lines feed with
// outlets, dates and bad records, and returns the results.
func checkCorpus(t *testing.T) []citecheck.BatchResult {
	t.Helper()
	dir := t.TempDir()
	var lines []string
	for i := range 40 {
		body := fmt.Sprintf(`"text": "Title %d\n\nIt rose by %d percent (Okafor, 2021). It fell (Nobody, 1999).\n\nReferences\n\nOkafor, C. (2021). Transit demand. Urban Studies, 4, 5-6.\n"`, i, i)
		if i%4 == 1 {
			body = fmt.Sprintf(`"markdown": "# T%d\n\nShipping reached $%d billion.[^1] Nothing else.\n\n[^1]: Lewis, M. (2021). \"Free shipping.\" *Journal of Retailing*, 97, 210-224.\n"`, i, i)
		}
		if i%7 == 3 {
			body = `"text": "A plain note with no claim."`
		}
		lines = append(lines, fmt.Sprintf(`{"id": "n-%d", "outlet": "%s", "published": "%s", %s}`,
			i, []string{"Reuters", "", "BBC"}[i%3], []string{"2023-01-02", "5 May 2024", ""}[i%3], body))
		if i%13 == 5 {
			lines = append(lines, `{"id": broken`, `{"id": "nobody"}`)
		}
	}
	feed := filepath.Join(dir, "feed.jsonl")
	require.NoError(t, os.WriteFile(feed, []byte(strings.Join(lines, "\n")+"\n"), 0o644))

	var out []citecheck.BatchResult
	ctx := context.Background()
	articles := corpus.Read(ctx, []string{"../../../testdata/articles", feed}, corpus.Options{})
	for r := range citecheck.Batch(ctx, articles, citecheck.BatchOptions{Workers: 2}) {
		out = append(out, r)
	}
	return out
}

// openSaved saves rs into a new results database.
func openSaved(t *testing.T, rs []citecheck.BatchResult) *sql.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(t.TempDir(), "r.sqlite"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	store, err := citecheck.OpenStore(ctx, db)
	require.NoError(t, err)
	defer store.Close()
	require.NoError(t, store.Save(ctx, rs...))
	return db
}

// query returns the rows of q, each as its values, %v separated by |.
func query(t *testing.T, db *sql.DB, q string) []string {
	t.Helper()
	rows, err := db.Query(q)
	require.NoError(t, err)
	defer rows.Close()
	cols, err := rows.Columns()
	require.NoError(t, err)
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		require.NoError(t, rows.Scan(ptrs...))
		out = append(out, join(vals...))
	}
	require.NoError(t, rows.Err())
	return out
}

func join(vals ...any) string {
	s := make([]string, len(vals))
	for i, v := range vals {
		if q, ok := v.(*float64); ok {
			v = nil
			if q != nil {
				v = *q
			}
		}
		s[i] = fmt.Sprintf("%v", v)
	}
	return strings.Join(s, "|")
}

func TestFromResultIsWhatStoreWrites(t *testing.T) {
	rs := checkCorpus(t)
	db := openSaved(t, rs)
	var articles, findings, claims, citations []string
	for _, r := range rs {
		rows, ok := results.FromResult(r, "")
		if !ok {
			continue
		}
		a := rows.Article
		articles = append(articles, join(a.ID, a.Input, a.URL, a.Outlet, a.Title, a.Published, a.Words, a.Claims,
			a.UncitedClaims, a.Citations, a.Resolved, a.Unresolved, a.References, a.Orphans, a.Errors, a.Warnings,
			a.Infos, a.Quality, a.Status, a.Reason, a.Hash))
		for _, f := range rows.Findings {
			findings = append(findings, join(f.ArticleID, f.Code, f.Severity, f.Line, f.Column, f.Message))
		}
		for _, c := range rows.Claims {
			claims = append(claims, join(c.ArticleID, c.Idx, c.Text, c.Score, c.Cited))
		}
		for _, c := range rows.Citations {
			citations = append(citations, join(c.ArticleID, c.Idx, c.Kind, c.Text, c.Status))
		}
	}
	want := query(t, db, `SELECT id, input, url, outlet, title, published, words, claims, uncited_claims, citations,
		resolved, unresolved, "references", orphans, errors, warnings, infos, quality, status, reason, hash FROM articles`)
	require.Len(t, want, len(rs)) // the golden articles, 40 records, 3 malformed and 3 bodiless ones
	assert.ElementsMatch(t, want, articles)
	assert.ElementsMatch(t, query(t, db, `SELECT article_id, code, severity, line, "column", message FROM findings`), findings)
	assert.ElementsMatch(t, query(t, db, `SELECT article_id, idx, text, score, cited FROM claims`), claims)
	assert.ElementsMatch(t, query(t, db, `SELECT article_id, idx, kind, text, status FROM citations`), citations)
}

// rounded returns rep with every share and mean rounded to 12 places: a
// sum of scores taken in another order may differ in its last bits.
func rounded(rep *citecheck.CorpusReport) *citecheck.CorpusReport {
	round := func(p *float64) *float64 {
		if p == nil {
			return nil
		}
		r := math.Round(*p*1e12) / 1e12
		return &r
	}
	stats := func(s *citecheck.CorpusStats) {
		s.SupportedShare, s.UnresolvedRate, s.MeanQuality = round(s.SupportedShare), round(s.UnresolvedRate), round(s.MeanQuality)
	}
	codes := func(cs []citecheck.CodeStats) {
		for i := range cs {
			cs[i].Share = round(cs[i].Share)
		}
	}
	stats(&rep.Total)
	codes(rep.Codes)
	for i := range rep.Groups {
		stats(&rep.Groups[i].CorpusStats)
		codes(rep.Groups[i].Codes)
	}
	return rep
}

func TestReportIsReportResults(t *testing.T) {
	rs := checkCorpus(t)
	db := openSaved(t, rs)
	for _, by := range []citecheck.GroupBy{citecheck.GroupNone, citecheck.GroupOutlet, citecheck.GroupYear, citecheck.GroupCode} {
		t.Run(cmp.Or(string(by), "none"), func(t *testing.T) {
			want, err := citecheck.ReportResults(context.Background(), db, by)
			require.NoError(t, err)
			// One Stats an article, added up in halves as a combiner
			// would, in another order than the database's.
			var halves [2]results.Stats
			for i, r := range rs {
				rows, ok := results.FromResult(r, "")
				if !ok {
					continue
				}
				halves[i%2].Add(results.StatsOf(results.KeyOf(by, rows.Article), rows.Article, rows.Findings))
			}
			var parts []results.Stats
			for i := len(rs) - 1; i >= 0; i-- {
				rows, ok := results.FromResult(rs[i], "")
				if ok {
					parts = append(parts, results.StatsOf(results.KeyOf(by, rows.Article), rows.Article, rows.Findings))
				}
			}
			got := results.Report(by, parts)
			require.Equal(t, len(rs), got.Total.Articles)
			assert.Equal(t, rounded(want), rounded(got))
			if by == citecheck.GroupNone || by == citecheck.GroupCode {
				halves[0].Add(halves[1])
				assert.Equal(t, rounded(want), rounded(results.Report(by, []results.Stats{halves[0]})))
			}
		})
	}
}
