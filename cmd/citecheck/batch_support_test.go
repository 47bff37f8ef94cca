package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources/resolve"
)

// jobsSite serves, on loopback, a page at /labour/2026/march-survey that gives the youth
// unemployment rate as 14%, for the tests that verify claims against it.
func jobsSite(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/labour/2026/march-survey", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = rw.Write([]byte(`<html><head><title>Jobs</title></head><body><article>
<p>The statistics office published its quarterly survey of the labour market on Tuesday.</p>
<p>The unemployment rate among young workers fell to 14% in March, the lowest level since the survey began.</p>
</article></body></html>`))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// TestBatchStoresSupport runs batch --resolve on a feed whose articles
// cite a loopback page, one saying what the page says and one giving
// another figure, and checks the support rows and report's shares by
// outlet and year.
func TestBatchStoresSupport(t *testing.T) {
	srv := jobsSite(t)

	dir := t.TempDir()
	feed := filepath.Join(dir, "feed.jsonl")
	article := func(id, outlet, published, figure string) string {
		b, err := json.Marshal(map[string]string{"id": id, "outlet": outlet, "published": published,
			"markdown": "# Jobs\n\nThe unemployment rate among young workers fell to " + figure +
				" in March, according to the [statistics office](" + srv.URL + "/labour/2026/march-survey).\n"})
		require.NoError(t, err)
		return string(b) + "\n"
	}
	require.NoError(t, os.WriteFile(feed, []byte(article("a1", "Daily", "2024-05-01", "14%")+
		article("a2", "Daily", "2025-01-02", "40%")+article("a3", "Weekly", "2025-03-04", "14%")), 0o644))
	db := filepath.Join(dir, "r.sqlite")
	var out, errOut bytes.Buffer
	code := runBatch(context.Background(), []string{"--db", db, "--workers", "1", "--resolve", "--cache",
		filepath.Join(dir, "cache.sqlite"), feed}, &out, &errOut, []resolve.Option{resolve.WithAllowLoopback()})
	require.Equal(t, exitOK, code, errOut.String())

	rows, err := openResults(t, db).Query(`SELECT article_id, claim_idx, verdict FROM support ORDER BY 1, 2, 3`)
	require.NoError(t, err)
	var got []string
	for rows.Next() {
		var id, verdict string
		var idx int
		require.NoError(t, rows.Scan(&id, &idx, &verdict))
		got = append(got, id+":"+verdict)
	}
	require.NoError(t, rows.Err())
	require.NoError(t, rows.Close())
	assert.Equal(t, []string{"a1:supported", "a2:contradicted", "a3:supported"}, got)

	shares := func(by string) map[string][2]int {
		var out, errOut bytes.Buffer
		require.Equal(t, exitOK, runReport(context.Background(), []string{"--db", db, "--by", by, "--format", "json"}, &out, &errOut), errOut.String())
		var rep citecheck.CorpusReport
		require.NoError(t, json.Unmarshal(out.Bytes(), &rep))
		m := map[string][2]int{"TOTAL": {rep.Total.VerifiedClaims, rep.Total.SourceSupportedClaims}}
		for _, g := range rep.Groups {
			m[g.Key] = [2]int{g.VerifiedClaims, g.SourceSupportedClaims}
		}
		return m
	}
	assert.Equal(t, map[string][2]int{"TOTAL": {3, 2}, "Daily": {2, 1}, "Weekly": {1, 1}}, shares("outlet"))
	assert.Equal(t, map[string][2]int{"TOTAL": {3, 2}, "2024": {1, 1}, "2025": {2, 1}}, shares("year"))

	out.Reset()
	require.Equal(t, exitOK, runReport(context.Background(), []string{"--db", db, "--by", "outlet"}, &out, &errOut))
	assert.Contains(t, out.String(), "SOURCE SUPPORTS")
	assert.Regexp(t, `Daily\s+2\s+1\s+50`, out.String())
	assert.True(t, strings.Contains(out.String(), "TOTAL"))
}

// jobsFeed writes, in a new folder, a JSON Lines feed of one article
// whose claim cites a page of jobsSite, and returns the folder and the
// feed's path.
func jobsFeed(t *testing.T) (dir, feed string) {
	srv := jobsSite(t)
	dir = t.TempDir()
	feed = filepath.Join(dir, "feed.jsonl")
	b, err := json.Marshal(map[string]string{"id": "a1", "markdown": "# Jobs\n\nThe unemployment rate among young workers fell to 40%" +
		" in March, according to the [statistics office](" + srv.URL + "/labour/2026/march-survey).\n"})
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(feed, append(b, '\n'), 0o644))
	return dir, feed
}

// TestBatchNoVerify runs batch --offline --no-verify over an article whose
// claim cites a cached page: the article is checked and stored, its source
// looked up, and no verdict is stored.
func TestBatchNoVerify(t *testing.T) {
	dir, feed := jobsFeed(t)
	cache := filepath.Join(dir, "cache.sqlite")
	count := func(db, table string) int {
		var n int
		require.NoError(t, openResults(t, db).QueryRow(`SELECT count(*) FROM `+table).Scan(&n))
		return n
	}
	for _, tt := range []struct {
		flags    []string
		verdicts int
	}{
		{[]string{"--resolve"}, 1}, // fills the cache
		{[]string{"--offline", "--no-verify"}, 0},
		{[]string{"--offline"}, 1},
	} {
		db := filepath.Join(t.TempDir(), "r.sqlite")
		var out, errOut bytes.Buffer
		args := append(append([]string{"--db", db, "--workers", "1", "--cache", cache}, tt.flags...), feed)
		require.Equal(t, exitOK, runBatch(context.Background(), args, &out, &errOut, []resolve.Option{resolve.WithAllowLoopback()}), errOut.String())
		assert.Equal(t, 1, count(db, "articles"), tt.flags)
		assert.Equal(t, tt.verdicts, count(db, "support"), tt.flags)
	}
}

// TestBatchResumeResolve runs batch on one database with and without
// resolving and verifying: an article stored by a run that did not
// resolve its sources is checked again by one that does, and its verdicts
// stored; a run with the same settings skips it.
func TestBatchResumeResolve(t *testing.T) {
	dir, feed := jobsFeed(t)
	cache := filepath.Join(dir, "cache.sqlite")
	db := filepath.Join(dir, "r.sqlite")
	for _, tt := range []struct {
		flags    []string
		skipped  bool
		verdicts int
	}{
		{nil, false, 0},
		{[]string{"--resolve"}, false, 1}, // resolved and verified: checked again
		{[]string{"--offline"}, true, 1},  // the same settings, from the cache
		{[]string{"--offline", "--no-verify"}, false, 0},
		{nil, false, 0},
	} {
		var out, errOut bytes.Buffer
		args := append(append([]string{"--db", db, "--workers", "1", "--cache", cache}, tt.flags...), feed)
		require.Equal(t, exitOK, runBatch(context.Background(), args, &out, &errOut, []resolve.Option{resolve.WithAllowLoopback()}), errOut.String())
		conn := openResults(t, db)
		var articles, support int
		require.NoError(t, conn.QueryRow(`SELECT count(*) FROM articles`).Scan(&articles))
		require.NoError(t, conn.QueryRow(`SELECT count(*) FROM support`).Scan(&support))
		assert.Equal(t, 1, articles, tt.flags)
		assert.Equal(t, tt.verdicts, support, tt.flags)
		if tt.skipped {
			assert.Contains(t, out.String()+errOut.String(), "1 skipped", tt.flags)
		} else {
			assert.NotContains(t, out.String()+errOut.String(), "1 skipped", tt.flags)
		}
	}
}
