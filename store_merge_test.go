package citecheck_test

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources/corpus"
)

// dumpResults returns every row of the results tables as text, in a fixed
// order, with or without the articles' checked_at.
func dumpResults(t *testing.T, db *sql.DB, withTimes bool) map[string][]string {
	t.Helper()
	checked := "''"
	if withTimes {
		checked = "checked_at"
	}
	queries := map[string]string{
		"articles": `SELECT id, input, url, outlet, title, published, words, claims, uncited_claims, citations,
			resolved, unresolved, "references", orphans, errors, warnings, infos, quality, status, reason, hash, ` + checked +
			` FROM articles ORDER BY id`,
		"findings":  `SELECT article_id, code, severity, line, "column", message FROM findings ORDER BY 1, 2, 3, 4, 5, 6`,
		"claims":    `SELECT article_id, idx, text, score, cited FROM claims ORDER BY 1, 2`,
		"citations": `SELECT article_id, idx, kind, text, status FROM citations ORDER BY 1, 2`,
	}
	out := map[string][]string{}
	for table, q := range queries {
		rows, err := db.Query(q)
		require.NoError(t, err)
		cols, err := rows.Columns()
		require.NoError(t, err)
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			require.NoError(t, rows.Scan(ptrs...))
			var b strings.Builder
			for i, v := range vals {
				if i > 0 {
					b.WriteByte('|')
				}
				fmt.Fprintf(&b, "%T:%v", v, v) // the type too: merging must keep it
			}
			out[table] = append(out[table], b.String())
		}
		require.NoError(t, rows.Err())
		require.NoError(t, rows.Close())
	}
	return out
}

func setCheckedAt(t *testing.T, db *sql.DB, id, at string) {
	t.Helper()
	_, err := db.Exec("UPDATE articles SET checked_at = ? WHERE id = ?", at, id)
	require.NoError(t, err)
}

func TestStoreMergeConflicts(t *testing.T) {
	ctx := context.Background()
	const early, late = "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z"
	stored := fixtureResult(corpus.Article{ID: "x", URL: "https://a.example/x"},
		citecheck.Summary{Citations: 2, Resolved: 2, References: 2})
	stored.Article.Hash = "hash-m"
	tests := []struct {
		name         string
		inDst        bool
		hash         string
		settings     string // the incoming article's; the stored one's are ""
		dstAt, srcAt string
		want         citecheck.MergeStats
		wantTitle    string
		wantCites    int
	}{
		{"new article", false, "hash-m", "", early, early, citecheck.MergeStats{Added: 1, Rows: 3}, "incoming", 3},
		{"same hash", true, "hash-m", "", early, late, citecheck.MergeStats{Same: 1}, "stored", 2},
		{"newer wins", true, "hash-a", "", early, late, citecheck.MergeStats{Replaced: 1, Rows: 3}, "incoming", 3},
		{"older loses", true, "hash-z", "", late, early, citecheck.MergeStats{Kept: 1}, "stored", 2},
		{"tie: larger hash wins", true, "hash-z", "", early, early, citecheck.MergeStats{Replaced: 1, Rows: 3}, "incoming", 3},
		{"tie: smaller hash loses", true, "hash-a", "", early, early, citecheck.MergeStats{Kept: 1}, "stored", 2},
		{"same hash, other settings: newer wins", true, "hash-m", "0123456789abcdef", early, late, citecheck.MergeStats{Replaced: 1, Rows: 3}, "incoming", 3},
		{"same hash, other settings: older loses", true, "hash-m", "0123456789abcdef", late, early, citecheck.MergeStats{Kept: 1}, "stored", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dst, dstDB := openResultsStore(t)
			if tt.inDst {
				r := stored
				r.Report.Title = "stored"
				require.NoError(t, dst.Save(ctx, r))
				setCheckedAt(t, dstDB, "x", tt.dstAt)
			}
			src, srcDB := openResultsStore(t)
			incoming := fixtureResult(corpus.Article{ID: "x", URL: "https://a.example/x"},
				citecheck.Summary{Citations: 3, Resolved: 3, References: 3})
			incoming.Article.Hash = tt.hash
			incoming.Settings = tt.settings
			incoming.Report.Title = "incoming"
			require.NoError(t, src.Save(ctx, incoming))
			setCheckedAt(t, srcDB, "x", tt.srcAt)
			srcBefore := dumpResults(t, srcDB, true)

			got, err := dst.Merge(ctx, srcDB)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			var title string
			var cites int
			require.NoError(t, dstDB.QueryRow("SELECT title FROM articles WHERE id = 'x'").Scan(&title))
			require.NoError(t, dstDB.QueryRow("SELECT count(*) FROM citations WHERE article_id = 'x'").Scan(&cites))
			assert.Equal(t, tt.wantTitle, title)
			assert.Equal(t, tt.wantCites, cites, "the article's rows move with it")
			assert.Equal(t, srcBefore, dumpResults(t, srcDB, true), "the source is unchanged")
		})
	}
}

func TestStoreMergeAll(t *testing.T) {
	ctx := context.Background()
	results := reportFixture()
	// The whole corpus in one store, and the same corpus split in two.
	whole, wholeDB := openResultsStore(t)
	require.NoError(t, whole.Save(ctx, results...))
	first, firstDB := openResultsStore(t)
	require.NoError(t, first.Save(ctx, results[:4]...))
	second, secondDB := openResultsStore(t)
	require.NoError(t, second.Save(ctx, results[2:]...)) // a3 and a4 in both halves

	dst, dstDB := openResultsStore(t)
	st1, err := dst.Merge(ctx, firstDB)
	require.NoError(t, err)
	// Rows: findings + claims + citations: a1 2+2+4, a2 3+1+2, a3 3+3+0, a4 none.
	assert.Equal(t, citecheck.MergeStats{Added: 4, Rows: 20}, st1)
	st2, err := dst.Merge(ctx, secondDB)
	require.NoError(t, err)
	// a5 failed, with no rows; a6 3+0+2.
	assert.Equal(t, citecheck.MergeStats{Added: 2, Same: 2, Rows: 5}, st2)
	assert.Equal(t, dumpResults(t, wholeDB, false), dumpResults(t, dstDB, false))

	// Merging again changes nothing, timestamps included.
	before := dumpResults(t, dstDB, true)
	for _, src := range []*sql.DB{firstDB, secondDB, wholeDB} {
		st, err := dst.Merge(ctx, src)
		require.NoError(t, err)
		assert.Zero(t, st.Added+st.Replaced+st.Rows, "%+v", st)
	}
	assert.Equal(t, before, dumpResults(t, dstDB, true))
}

func TestStoreMergeRefuses(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		prepare func(t *testing.T, db *sql.DB)
		want    error
	}{
		{"newer schema", func(t *testing.T, db *sql.DB) {
			_, err := db.Exec("UPDATE results_schema SET version = 99")
			require.NoError(t, err)
		}, citecheck.ErrStoreVersion},
		{"no results schema", func(t *testing.T, db *sql.DB) {
			_, err := db.Exec("DROP TABLE results_schema")
			require.NoError(t, err)
		}, citecheck.ErrNotStore},
		{"empty results schema", func(t *testing.T, db *sql.DB) {
			_, err := db.Exec("DELETE FROM results_schema")
			require.NoError(t, err)
		}, citecheck.ErrNotStore},
		{"older schema", func(t *testing.T, db *sql.DB) {
			_, err := db.Exec("UPDATE results_schema SET version = 0")
			require.NoError(t, err)
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, srcDB := openResultsStore(t)
			require.NoError(t, src.Save(ctx, reportFixture()...))
			tt.prepare(t, srcDB)
			dst, dstDB := openResultsStore(t)
			st, err := dst.Merge(ctx, srcDB)
			require.Error(t, err)
			if tt.want != nil {
				assert.ErrorIs(t, err, tt.want)
			} else {
				assert.NotErrorIs(t, err, citecheck.ErrStoreVersion)
				assert.NotErrorIs(t, err, citecheck.ErrNotStore)
			}
			assert.Zero(t, st)
			var n int
			require.NoError(t, dstDB.QueryRow("SELECT count(*) FROM articles").Scan(&n))
			assert.Zero(t, n, "nothing merged")
		})
	}
}

func ExampleStore_Merge() {
	ctx := context.Background()
	// open opens a results database in memory, as a stand-in for a file.
	open := func(name string) (*citecheck.Store, *sql.DB) {
		db, err := sql.Open("sqlite3", "file:"+name+"?mode=memory&cache=shared")
		if err != nil {
			log.Fatal(err)
		}
		s, err := citecheck.OpenStore(ctx, db)
		if err != nil {
			log.Fatal(err)
		}
		return s, db
	}
	article := func(id string) citecheck.BatchResult {
		return citecheck.BatchResult{
			Article: corpus.Article{ID: id, Hash: "hash-" + id},
			Report:  &citecheck.Report{Summary: citecheck.Summary{Citations: 1, Resolved: 1}},
		}
	}
	// Two shards of a corpus, written by two machines.
	shard0, db0 := open("example-shard0")
	defer db0.Close()
	defer shard0.Close()
	shard1, db1 := open("example-shard1")
	defer db1.Close()
	defer shard1.Close()
	_ = shard0.Save(ctx, article("a"), article("b"))
	_ = shard1.Save(ctx, article("c"))

	// Merge them into one database; merging a shard twice adds nothing.
	all, allDB := open("example-all")
	defer allDB.Close()
	defer all.Close()
	for _, db := range []*sql.DB{db0, db1, db0} {
		st, err := all.Merge(ctx, db)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%d added, %d already there\n", st.Added, st.Same)
	}
	// Output:
	// 2 added, 0 already there
	// 1 added, 0 already there
	// 0 added, 2 already there
}

// benchResults are n articles of 5 findings, 6 claims and 8 citations each,
// spread over 20 outlets and 10 years.
func benchResults(n int) []citecheck.BatchResult {
	results := make([]citecheck.BatchResult, n)
	for i := range results {
		a := corpus.Article{ID: fmt.Sprintf("article-%06d", i), URL: fmt.Sprintf("https://outlet%02d.example.com/%d", i%20, i),
			Published: fmt.Sprintf("%d-01-02", 2015+i%10)}
		results[i] = fixtureResult(a, citecheck.Summary{Citations: 8, Resolved: 6, Unresolved: 2, References: 6,
			Claims: 6, UncitedClaims: 3, Errors: 2, Warnings: 3},
			citecheck.CodeUnresolvedCitation, citecheck.CodeUnresolvedCitation,
			citecheck.CodeUncitedClaim, citecheck.CodeUncitedClaim, citecheck.CodeUncitedClaim)
	}
	return results
}

func BenchmarkStoreMerge(b *testing.B) {
	const n = 5000
	ctx := context.Background()
	src, srcDB := openBenchStore(b, "src.sqlite")
	require.NoError(b, src.Save(ctx, benchResults(n)...))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		dst, _ := openBenchStore(b, fmt.Sprintf("dst%d.sqlite", i))
		st, err := dst.Merge(ctx, srcDB)
		require.NoError(b, err)
		require.Equal(b, n, st.Added)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}

func openBenchStore(b *testing.B, name string) (*citecheck.Store, *sql.DB) {
	b.Helper()
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(b.TempDir(), name)+"?_busy_timeout=10000")
	require.NoError(b, err)
	b.Cleanup(func() { _ = db.Close() })
	s, err := citecheck.OpenStore(context.Background(), db)
	require.NoError(b, err)
	b.Cleanup(func() { _ = s.Close() })
	return s, db
}
