package citecheck_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"maps"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/corpus"
	"github.com/citecheck/citecheck/sources/resolve"
)

func TestGenArticle(t *testing.T) {
	for i := range 3 {
		name, body := genArticle(i, 8000)
		assert.GreaterOrEqual(t, len(body), 6000, name)
		assert.LessOrEqual(t, len(body), 12000, name)
		rep, err := citecheck.Check(context.Background(), bytes.NewReader(body), citecheck.Options{Name: name})
		require.NoError(t, err, name)
		assert.Greater(t, rep.Summary.Citations, 5, name)
		assert.Greater(t, rep.Summary.Resolved, 0, name)
	}
}

func TestBatch(t *testing.T) {
	const n, broken = 60, 7
	for _, workers := range []int{1, 3} {
		t.Run(fmt.Sprint(workers), func(t *testing.T) {
			seen := map[string]int{}
			failed := 0
			for r, err := range citecheck.Batch(context.Background(), genCorpus(n, broken), citecheck.BatchOptions{Workers: workers}) {
				require.NotEmpty(t, r.Article.ID)
				seen[r.Article.ID]++
				if err != nil {
					failed++
					assert.ErrorIs(t, err, corpus.ErrMalformed)
					assert.Equal(t, err, r.Err)
					assert.Nil(t, r.Report)
					continue
				}
				require.NotNil(t, r.Report)
				assert.Equal(t, r.Article.Input, r.Report.Input)
				assert.NotEmpty(t, r.Article.Hash)
			}
			assert.Len(t, seen, n)
			for id, k := range seen {
				assert.Equal(t, 1, k, id)
			}
			assert.Equal(t, n/broken, failed)
		})
	}
}

// TestBatchBounded checks that Batch reads ahead of its consumer by a
// bounded number of articles, whatever the corpus size: the jobs queue, one
// article per worker, the results queue and the one being handed over.
func TestBatchBounded(t *testing.T) {
	const workers = 2
	var pulled atomic.Int64
	corpus := func(yield func(corpus.Article, error) bool) {
		for a, err := range genCorpus(200, 0) {
			pulled.Add(1)
			if !yield(a, err) {
				return
			}
		}
	}
	consumed := int64(0)
	for range citecheck.Batch(context.Background(), corpus, citecheck.BatchOptions{Workers: workers}) {
		consumed++
		ahead := pulled.Load() - consumed
		require.LessOrEqual(t, ahead, int64(3*workers+2), "read ahead at result %d", consumed)
	}
	assert.Equal(t, int64(200), consumed)
}

func TestBatchParseError(t *testing.T) {
	articles := func(yield func(corpus.Article, error) bool) {
		yield(corpus.Article{ID: "bin", Input: "bin.txt", Format: sources.FormatText, Body: []byte("a\x00b")}, nil)
	}
	var got []citecheck.BatchResult
	for r, err := range citecheck.Batch(context.Background(), articles, citecheck.BatchOptions{}) {
		assert.ErrorIs(t, err, sources.ErrBinary)
		got = append(got, r)
	}
	require.Equal(t, 1, len(got))
	assert.Equal(t, "bin", got[0].Article.ID)
}

func TestBatchCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	before := runtime.NumGoroutine()
	results, last := 0, error(nil)
	for r, err := range citecheck.Batch(ctx, genCorpus(1_000_000, 0), citecheck.BatchOptions{Workers: 2}) {
		if r.Article.ID == "" {
			last = err
			continue
		}
		results++
		if results == 5 {
			cancel()
		}
	}
	assert.ErrorIs(t, last, context.Canceled)
	assert.Less(t, results, 20)
	assert.LessOrEqual(t, runtime.NumGoroutine(), before+1, "goroutines left running")
}

func TestBatchBreak(t *testing.T) {
	before := runtime.NumGoroutine()
	n := 0
	for range citecheck.Batch(context.Background(), genCorpus(1_000_000, 0), citecheck.BatchOptions{Workers: 2}) {
		n++
		if n == 3 {
			break
		}
	}
	assert.Equal(t, 3, n)
	assert.LessOrEqual(t, runtime.NumGoroutine(), before+1, "goroutines left running")
}

func openTestStore(t *testing.T, path string) (*citecheck.Store, *sql.DB) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	s, err := citecheck.OpenStore(context.Background(), db)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s, db
}

func TestStoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r.sqlite")
	s, db := openTestStore(t, path)

	var results []citecheck.BatchResult
	for r := range citecheck.Batch(ctx, genCorpus(9, 9), citecheck.BatchOptions{Workers: 2}) {
		results = append(results, r)
	}
	require.Equal(t, 9, len(results))
	require.NoError(t, s.Save(ctx, results...))
	// Saving again replaces, never duplicates.
	require.NoError(t, s.Save(ctx, results...))

	for _, r := range results {
		var status, reason, outlet string
		var citations, resolved, findings, claims, cites int
		require.NoError(t, db.QueryRow("SELECT status, reason, outlet, citations, resolved FROM articles WHERE id = ?", r.Article.ID).
			Scan(&status, &reason, &outlet, &citations, &resolved))
		require.NoError(t, db.QueryRow("SELECT count(*) FROM findings WHERE article_id = ?", r.Article.ID).Scan(&findings))
		require.NoError(t, db.QueryRow("SELECT count(*) FROM claims WHERE article_id = ?", r.Article.ID).Scan(&claims))
		require.NoError(t, db.QueryRow("SELECT count(*) FROM citations WHERE article_id = ?", r.Article.ID).Scan(&cites))
		if r.Err != nil {
			assert.Equal(t, "failed", status)
			assert.Equal(t, r.Err.Error(), reason)
			assert.Zero(t, findings+claims+cites)
			continue
		}
		assert.Equal(t, "ok", status)
		assert.Regexp(t, `^outlet\d\.co\.uk$`, outlet)
		assert.Equal(t, r.Report.Summary.Citations, citations)
		assert.Equal(t, r.Report.Summary.Resolved, resolved)
		assert.Equal(t, len(r.Report.Findings), findings)
		assert.Equal(t, len(r.Report.Claims), claims)
		assert.Equal(t, len(r.Report.Citations), cites)
		has, err := s.Has(ctx, r.Article.ID, r.Article.Hash, "")
		require.NoError(t, err)
		assert.True(t, has)
		has, err = s.Has(ctx, r.Article.ID, "other", "")
		require.NoError(t, err)
		assert.False(t, has)
	}

	// Reopening keeps the data and the schema version.
	require.NoError(t, s.Close())
	s2, err := citecheck.OpenStore(ctx, db)
	require.NoError(t, err)
	defer s2.Close()
	var n int
	require.NoError(t, db.QueryRow("SELECT count(*) FROM articles").Scan(&n))
	assert.Equal(t, 9, n)
}

func TestStoreConcurrentOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.sqlite")
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=10000")
			if err != nil {
				errs <- err
				return
			}
			defer db.Close()
			s, err := citecheck.OpenStore(context.Background(), db)
			if err == nil {
				err = s.Close()
			}
			errs <- err
		}()
	}
	for range 4 {
		assert.NoError(t, <-errs)
	}
}

func TestStoreNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.sqlite")
	_, db := openTestStore(t, path)
	_, err := db.Exec("UPDATE results_schema SET version = 99")
	require.NoError(t, err)
	_, err = citecheck.OpenStore(context.Background(), db)
	assert.ErrorIs(t, err, citecheck.ErrStoreVersion)
}

func TestStoreResume(t *testing.T) {
	ctx := context.Background()
	s, _ := openTestStore(t, filepath.Join(t.TempDir(), "r.sqlite"))
	run := func() (checked int) {
		todo := func(yield func(corpus.Article, error) bool) {
			for a, err := range genCorpus(30, 0) {
				has, herr := s.Has(ctx, a.ID, a.Hash, "")
				require.NoError(t, herr)
				if !has && !yield(a, err) {
					return
				}
			}
		}
		var results []citecheck.BatchResult
		for r, err := range citecheck.Batch(ctx, todo, citecheck.BatchOptions{Workers: 2}) {
			require.NoError(t, err)
			results = append(results, r)
		}
		require.NoError(t, s.Save(ctx, results...))
		return len(results)
	}
	assert.Equal(t, 30, run())
	assert.Equal(t, 0, run())
}

// TestStoreResumeSettings checks that a resumed run skips only what was
// checked with its own settings: an article stored under other options
// is checked again and replaced, with the key of the options it was
// checked with.
func TestStoreResumeSettings(t *testing.T) {
	ctx := context.Background()
	s, db := openTestStore(t, filepath.Join(t.TempDir(), "r.sqlite"))
	strict := citecheck.Options{Severities: map[string]citecheck.Severity{citecheck.CodeUncitedClaim: citecheck.SeverityError}}
	run := func(opts citecheck.Options) (checked int) {
		todo := func(yield func(corpus.Article, error) bool) {
			for a, err := range genCorpus(10, 0) {
				has, herr := s.Has(ctx, a.ID, a.Hash, opts.SettingsKey())
				require.NoError(t, herr)
				if !has && !yield(a, err) {
					return
				}
			}
		}
		var results []citecheck.BatchResult
		batch := citecheck.BatchOptions{Workers: 2, ArticleOptions: func(corpus.Article) citecheck.Options { return opts }}
		for r, err := range citecheck.Batch(ctx, todo, batch) {
			require.NoError(t, err)
			assert.Equal(t, opts.SettingsKey(), r.Settings)
			results = append(results, r)
		}
		require.NoError(t, s.Save(ctx, results...))
		return len(results)
	}
	settings := func() []string {
		rows, err := db.Query("SELECT DISTINCT settings FROM articles")
		require.NoError(t, err)
		defer rows.Close()
		var got []string
		for rows.Next() {
			var k string
			require.NoError(t, rows.Scan(&k))
			got = append(got, k)
		}
		require.NoError(t, rows.Err())
		return got
	}
	for _, tt := range []struct {
		name    string
		opts    citecheck.Options
		checked int
	}{
		{"first run, the defaults", citecheck.Options{}, 10},
		{"resumed with the same settings", citecheck.Options{}, 0},
		{"resumed with other severities", strict, 10},
		{"again with them", strict, 0},
		{"back to the defaults", citecheck.Options{}, 10},
	} {
		assert.Equal(t, tt.checked, run(tt.opts), tt.name)
		assert.Equal(t, []string{tt.opts.SettingsKey()}, settings(), tt.name)
	}
	var n int
	require.NoError(t, db.QueryRow("SELECT count(*) FROM articles").Scan(&n))
	assert.Equal(t, 10, n, "each article stored once")
}

func TestOptionsSettingsKey(t *testing.T) {
	noOrphans := func() []*citecheck.Rule {
		var rules []*citecheck.Rule
		for _, r := range citecheck.DefaultRules() {
			if r.Code != citecheck.CodeOrphanReference {
				rules = append(rules, r)
			}
		}
		return rules
	}
	sev := func(kv ...string) map[string]citecheck.Severity {
		m := map[string]citecheck.Severity{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = citecheck.Severity(kv[i+1])
		}
		return m
	}
	newResolver := func(offline bool) *resolve.Resolver {
		r, err := resolve.New(resolve.Config{Cache: resolve.NewMemoryCache(), Offline: offline})
		require.NoError(t, err)
		return r
	}
	resolver, other := newResolver(true), newResolver(false)
	tests := []struct {
		name string
		a, b citecheck.Options
		same bool
	}{
		{"the zero options", citecheck.Options{}, citecheck.Options{}, true},
		{"the default rules given", citecheck.Options{}, citecheck.Options{Rules: citecheck.DefaultRules()}, true},
		{"not the settings: the name, limits and verification", citecheck.Options{},
			citecheck.Options{Name: "a.md", Limits: citecheck.Limits{MaxBytes: 10}, SkipVerification: true}, true},
		{"a rule off", citecheck.Options{}, citecheck.Options{Rules: noOrphans()}, false},
		{"every rule off", citecheck.Options{}, citecheck.Options{Rules: []*citecheck.Rule{}}, false},
		{"min-score", citecheck.Options{}, citecheck.Options{MinScore: 0.6}, false},
		{"two min-scores", citecheck.Options{MinScore: 0.6}, citecheck.Options{MinScore: 0.7}, false},
		{"a severity", citecheck.Options{}, citecheck.Options{Severities: sev("orphan-reference", "error")}, false},
		{"severities in any order", citecheck.Options{Severities: sev("a", "error", "b", "info")},
			citecheck.Options{Severities: sev("b", "info", "a", "error")}, true},
		{"another severity", citecheck.Options{Severities: sev("a", "error")}, citecheck.Options{Severities: sev("a", "info")}, false},
		{"reference headings", citecheck.Options{}, citecheck.Options{ReferenceHeadings: []string{"Further reading"}}, false},
		{"sources resolved", citecheck.Options{}, citecheck.Options{Resolver: resolver}, false},
		{"sources resolved, not verified", citecheck.Options{Resolver: resolver}, citecheck.Options{Resolver: resolver, SkipVerification: true}, false},
		{"another resolver", citecheck.Options{Resolver: resolver}, citecheck.Options{Resolver: other}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := tt.a.SettingsKey(), tt.b.SettingsKey()
			if tt.same {
				assert.Equal(t, a, b)
			} else {
				assert.NotEqual(t, a, b)
			}
			for _, k := range []string{a, b} {
				assert.Regexp(t, `^([0-9a-f]{16})?$`, k)
			}
		})
	}
	assert.Empty(t, citecheck.Options{}.SettingsKey(), "the defaults: what a store written before settings were kept holds")
}

func TestQuality(t *testing.T) {
	tests := []struct {
		name string
		sum  citecheck.Summary
		want float64
		ok   bool
	}{
		{"empty", citecheck.Summary{}, 0, false},
		{"all good", citecheck.Summary{Citations: 4, Resolved: 4, Claims: 2}, 1, true},
		{"half resolved, no claims", citecheck.Summary{Citations: 4, Resolved: 2}, 0.5, true},
		{"uncited claims only", citecheck.Summary{Claims: 4, UncitedClaims: 4}, 0, true},
		{"pooled", citecheck.Summary{Citations: 2, Resolved: 1, Claims: 2, UncitedClaims: 1}, 0.5, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := citecheck.Quality(tt.sum)
			assert.Equal(t, tt.ok, ok)
			assert.InDelta(t, tt.want, got, 1e-9)
		})
	}
}

func BenchmarkBatch(b *testing.B) {
	const n = 200
	articles := make([]corpus.Article, 0, n)
	size := 0
	for a := range genCorpus(n, 0) {
		articles = append(articles, a)
		size += len(a.Body)
	}
	corpus := func(yield func(corpus.Article, error) bool) {
		for _, a := range articles {
			if !yield(a, nil) {
				return
			}
		}
	}
	// gogc=default is the library as a caller's program runs it; gogc=200
	// is what citecheck batch sets (see batchGCPercent in cmd/citecheck).
	for _, gogc := range []int{0, 200} {
		for _, workers := range []int{1, 2} {
			name := fmt.Sprintf("gogc=%d/workers=%d", gogc, workers)
			if gogc == 0 {
				name = fmt.Sprintf("gogc=default/workers=%d", workers)
			}
			b.Run(name, func(b *testing.B) {
				if gogc > 0 {
					defer debug.SetGCPercent(debug.SetGCPercent(gogc))
				}
				benchmarkBatch(b, corpus, n, size, workers)
			})
		}
	}
}

// benchmarkBatch checks the n articles of corpus (size bytes in all) with
// the given number of workers.
func benchmarkBatch(b *testing.B, corpus iter.Seq2[corpus.Article, error], n, size, workers int) {
	b.ReportAllocs()
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, err := range citecheck.Batch(context.Background(), corpus, citecheck.BatchOptions{Workers: workers}) {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}

func TestStoreSaveSameArticleTwice(t *testing.T) {
	ctx := context.Background()
	var results []citecheck.BatchResult
	for r := range citecheck.Batch(ctx, genCorpus(80, 0), citecheck.BatchOptions{Workers: 2}) {
		results = append(results, r)
	}
	// Results come in the order they finish; take them in id order, and
	// make a later version of the first with two claims, findings and
	// citations, with one of each fewer: the later result wins, with
	// exactly its rows.
	slices.SortFunc(results, func(a, b citecheck.BatchResult) int { return strings.Compare(a.Article.ID, b.Article.ID) })
	first := slices.IndexFunc(results, func(r citecheck.BatchResult) bool {
		return len(r.Report.Claims) > 1 && len(r.Report.Findings) > 1 && len(r.Report.Citations) > 1
	})
	require.GreaterOrEqual(t, first, 0)
	results[0], results[first] = results[first], results[0]
	later := results[0]
	rep := *later.Report
	rep.Claims, rep.Findings, rep.Citations = rep.Claims[1:], rep.Findings[1:], rep.Citations[1:]
	rep.Summary.Claims = len(rep.Claims)
	later.Report = &rep

	tests := []struct {
		name  string
		saves [][]citecheck.BatchResult
	}{
		{"in one call, far apart", [][]citecheck.BatchResult{append(slices.Clone(results), later)}},
		{"in one call, side by side", [][]citecheck.BatchResult{append([]citecheck.BatchResult{results[0], later}, results[1:]...)}},
		{"in two calls", [][]citecheck.BatchResult{results, {later}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, db := openTestStore(t, filepath.Join(t.TempDir(), "r.sqlite"))
			for _, batch := range tt.saves {
				require.NoError(t, s.Save(ctx, batch...))
			}
			count := func(table string) int {
				var n int
				require.NoError(t, db.QueryRow("SELECT count(*) FROM "+table+" WHERE article_id = ?", later.Article.ID).Scan(&n))
				return n
			}
			assert.Equal(t, len(rep.Claims), count("claims"))
			assert.Equal(t, len(rep.Findings), count("findings"))
			assert.Equal(t, len(rep.Citations), count("citations"))
			var articles, claims int
			require.NoError(t, db.QueryRow("SELECT count(*), sum(claims) FROM articles").Scan(&articles, &claims))
			assert.Equal(t, len(results), articles)
			var rows int
			require.NoError(t, db.QueryRow("SELECT count(*) FROM claims").Scan(&rows))
			assert.Equal(t, claims, rows, "one claim row per claim counted in articles")
		})
	}
}

// TestBatchArticleDeadline checks a corpus in which one article's check
// never ends on its own (a rule blocks on it until the test lets it go):
// that article is given up past its deadline with ErrArticleTimeout, every
// other article is checked, and Batch returns only once the given-up check
// has ended.
func TestBatchArticleDeadline(t *testing.T) {
	release := make(chan struct{})
	var ended atomic.Bool
	stuck := &citecheck.Rule{Code: "stuck", Severity: citecheck.SeverityInfo, Run: func(p *citecheck.Pass) {
		if strings.Contains(p.Doc.Name, "stuck") {
			<-release
			ended.Store(true)
		}
	}}
	articles := func(yield func(corpus.Article, error) bool) {
		for i := range 6 {
			name := fmt.Sprintf("a%d.txt", i)
			if i == 3 {
				name = "stuck.txt"
			}
			if !yield(corpus.Article{ID: name, Input: name, Format: sources.FormatText, Body: []byte("A claim (Smith, 2019).")}, nil) {
				return
			}
		}
	}
	opts := citecheck.BatchOptions{Workers: 2, Timeout: time.Second,
		Check: citecheck.Options{Rules: append(citecheck.DefaultRules(), stuck)}}
	var ok, timedOut []string
	for r := range citecheck.Batch(context.Background(), articles, opts) {
		switch {
		case r.Err == nil:
			ok = append(ok, r.Article.ID)
		case errors.Is(r.Err, citecheck.ErrArticleTimeout):
			assert.ErrorIs(t, r.Err, sources.ErrLimit)
			assert.Contains(t, r.Err.Error(), "--timeout")
			timedOut = append(timedOut, r.Article.ID)
			close(release) // let the given-up check end
		default:
			t.Errorf("%s: %v", r.Article.ID, r.Err)
		}
	}
	assert.True(t, ended.Load(), "Batch returned before the given-up check ended")
	assert.Equal(t, []string{"stuck.txt"}, timedOut)
	slices.Sort(ok)
	assert.Equal(t, []string{"a0.txt", "a1.txt", "a2.txt", "a4.txt", "a5.txt"}, ok)
}

// TestBatchPoisonArticles mixes into 300 ordinary articles the inputs that
// used to take minutes or all the memory, and one more that is past the
// input size: the batch finishes, every ordinary article and every shape
// that is now bounded is stored "ok", and each article past a limit is
// stored "failed" with its reason.
func TestBatchPoisonArticles(t *testing.T) {
	ctx := context.Background()
	poison := map[string]corpus.Article{}
	for _, sh := range shapes {
		src := sh.gen(16 * sh.unit)
		poison["poison-"+sh.name] = corpus.Article{Format: sh.format, Body: src}
	}
	poison["poison-too-large"] = corpus.Article{Format: sources.FormatText, Body: bytes.Repeat([]byte("Words. "), sources.DefaultMaxBytes/7+1)}
	names := slices.Sorted(maps.Keys(poison))
	articles := func(yield func(corpus.Article, error) bool) {
		i := 0
		for a, err := range genCorpus(300, 0) {
			if i%(300/len(names)) == 0 && len(poison) > 0 {
				id := names[len(names)-len(poison)]
				p := poison[id]
				p.ID, p.Input = id, id
				delete(poison, id)
				if !yield(p, nil) {
					return
				}
			}
			i++
			if !yield(a, err) {
				return
			}
		}
	}
	s, db := openTestStore(t, filepath.Join(t.TempDir(), "r.sqlite"))
	var batch []citecheck.BatchResult
	for r := range citecheck.Batch(ctx, articles, citecheck.BatchOptions{Workers: 2}) {
		batch = append(batch, r)
		if len(batch) == 50 {
			require.NoError(t, s.Save(ctx, batch...))
			batch = batch[:0]
		}
	}
	require.NoError(t, s.Save(ctx, batch...))
	require.Empty(t, slices.Collect(maps.Keys(poison)), "every poison article went in")

	rows, err := db.Query("SELECT id, status, reason FROM articles")
	require.NoError(t, err)
	defer rows.Close()
	failed := map[string]string{}
	ok := 0
	for rows.Next() {
		var id, status, reason string
		require.NoError(t, rows.Scan(&id, &status, &reason))
		if status == "ok" {
			ok++
			continue
		}
		failed[id] = reason
	}
	require.NoError(t, rows.Err())
	assert.Equal(t, 300+len(shapes)+1, ok+len(failed), "every article stored once")
	// the shapes past a default limit, and the input past the size limit
	for _, id := range []string{"poison-numeric-ranges", "poison-markdown-footnotes", "poison-too-large"} {
		assert.Contains(t, failed[id], "limit exceeded", id)
		assert.Contains(t, failed[id], "--max-", id)
	}
	assert.Len(t, failed, 3, "%v", failed)
}
