package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources/resolve"
	"github.com/citecheck/citecheck/sources/resolve/sqlitecache"
)

// fakeSite serves one page, a 404 and a DOI registry that knows nothing, on
// loopback, counting requests.
func fakeSite(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var n atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/gone", http.NotFound)
	mux.HandleFunc("/ok", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = rw.Write([]byte(`<html><head><meta name="citation_title" content="Sleep and memory in adolescents">` +
			`<meta name="citation_author" content="Smith, Jane"><meta name="citation_publication_date" content="2019"></head><body><p>x</p></body></html>`))
	})
	mux.HandleFunc("/handle/api/handles/", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "application/json")
		rw.WriteHeader(http.StatusNotFound)
		_, _ = rw.Write([]byte(`{"responseCode":100}`))
	})
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		n.Add(1)
		mux.ServeHTTP(rw, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestCheckResolveSQLite(t *testing.T) {
	srv, requests := fakeSite(t)
	dir := t.TempDir()
	article := filepath.Join(dir, "draft.md")
	text := "# Draft\n\nTeenagers remember more after sleep (Smith, 2019). A made-up work (Miss, 2016). Gone (Gone, 2018).\n\n" +
		"## References\n\n" +
		"1. Smith, J. (2019). Sleep and memory in adolescents. Journal of Sleep. " + srv.URL + "/ok\n" +
		"2. Miss, M. (2016). A work with a made-up DOI. Journal of Nothing. doi:10.5555/missing\n" +
		"3. Gone, G. (2018). A report that moved. Reports. " + srv.URL + "/gone\n"
	require.NoError(t, os.WriteFile(article, []byte(text), 0o644))
	cachePath := filepath.Join(dir, "sub", "cache.sqlite")
	opts := []resolve.Option{resolve.WithAllowLoopback(), resolve.WithPerDomain(4, 0),
		resolve.WithHandleBase(srv.URL + "/handle"), resolve.WithDOIBase(srv.URL + "/doi"),
		resolve.WithCrossrefBase(srv.URL + "/crossref")}

	check := func(args ...string) (int, *citecheck.Report, string) {
		t.Helper()
		var out, errOut bytes.Buffer
		code := runCheck(context.Background(), args, strings.NewReader(""), &out, &errOut, opts)
		var rep citecheck.Report
		require.NoError(t, json.Unmarshal(out.Bytes(), &rep), "stdout: %s stderr: %s", out.String(), errOut.String())
		return code, &rep, errOut.String()
	}
	code, rep, stderr := check("--resolve", "--cache", cachePath, "--format", "json", "--contact", "fact@example.org", article)
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, stderr, "resolved 3 sources")
	require.Len(t, rep.References, 3)
	for _, ref := range rep.References {
		assert.NotNil(t, ref.Source, ref.ID)
	}
	assert.Equal(t, resolve.StatusOK, rep.References[0].Source.Status)
	assert.Equal(t, "Sleep and memory in adolescents", rep.References[0].Source.Title)
	codes := map[string]string{}
	for _, f := range rep.Findings {
		codes[f.Code] += f.Reference
	}
	assert.Equal(t, "r2", codes[citecheck.CodeUnresolvableDOI])
	assert.Equal(t, "r3", codes[citecheck.CodeUnreachableSource])
	_, err := os.Stat(cachePath)
	require.NoError(t, err, "the cache file and its directory were created")

	// The second run is served by the SQLite cache.
	n := requests.Load()
	require.NotZero(t, n)
	_, again, _ := check("--resolve", "--cache", cachePath, "--format", "json", article)
	assert.Equal(t, n, requests.Load(), "second run made requests")
	assert.Equal(t, rep.Findings, again.Findings)

	// --offline through run() itself: the same answers, no request.
	var out, errOut bytes.Buffer
	code = run(context.Background(), []string{"check", "--offline", "--cache", cachePath, "--format", "json", article},
		strings.NewReader(""), &out, &errOut)
	assert.Equal(t, exitFindings, code, errOut.String())
	assert.Equal(t, n, requests.Load(), "offline run made requests")
	var off citecheck.Report
	require.NoError(t, json.NewDecoder(bufio.NewReader(&out)).Decode(&off))
	assert.Equal(t, rep.Findings, off.Findings)
}

// TestCheckOfflineReadOnlyCache checks that --offline reads a cache the
// process may not write (a read-only file in a read-only folder) without
// writing to it, and refuses one whose schema it would have to upgrade.
func TestCheckOfflineReadOnlyCache(t *testing.T) {
	srv, requests := fakeSite(t)
	dir := t.TempDir()
	article := filepath.Join(dir, "draft.md")
	text := "# Draft\n\nTeenagers remember more after sleep (Smith, 2019).\n\n## References\n\n" +
		"1. Smith, J. (2019). Sleep and memory in adolescents. Journal of Sleep. " + srv.URL + "/ok\n"
	require.NoError(t, os.WriteFile(article, []byte(text), 0o644))
	roDir := filepath.Join(dir, "ro")
	cachePath := filepath.Join(roDir, "cache.sqlite")
	var out, errOut bytes.Buffer
	code := runCheck(context.Background(), []string{"--resolve", "--cache", cachePath, "--format", "json", article},
		strings.NewReader(""), &out, &errOut, []resolve.Option{resolve.WithAllowLoopback(), resolve.WithPerDomain(4, 0)})
	require.Equal(t, exitOK, code, errOut.String())
	var online citecheck.Report
	require.NoError(t, json.Unmarshal(out.Bytes(), &online))
	require.NotNil(t, online.References[0].Source)
	n := requests.Load()

	require.NoError(t, os.Chmod(cachePath, 0o444))
	require.NoError(t, os.Chmod(roDir, 0o555))
	t.Cleanup(func() { _ = os.Chmod(roDir, 0o755) })
	before, err := os.ReadFile(cachePath)
	require.NoError(t, err)
	code, stdout, stderr := runTool(t, "", "check", "--offline", "--cache", cachePath, "--format", "json", article)
	require.Equal(t, exitOK, code, stderr)
	var offline citecheck.Report
	require.NoError(t, json.Unmarshal([]byte(stdout), &offline))
	assert.Equal(t, online.References[0].Source, offline.References[0].Source, "answered from the cache")
	assert.Equal(t, n, requests.Load(), "offline run made requests")
	after, err := os.ReadFile(cachePath)
	require.NoError(t, err)
	assert.Equal(t, before, after, "the cache is unchanged")

	// A cache of an older schema would have to be written to be read.
	require.NoError(t, os.Chmod(roDir, 0o755))
	require.NoError(t, os.Chmod(cachePath, 0o644))
	db, err := openDB(context.Background(), cachePath, false, nil)
	require.NoError(t, err)
	_, err = db.Exec("UPDATE cache_schema SET version = ?", sqlitecache.SchemaVersion-1)
	require.NoError(t, err)
	require.NoError(t, db.Close())
	before, err = os.ReadFile(cachePath)
	require.NoError(t, err)
	code, _, stderr = runTool(t, "", "check", "--offline", "--cache", cachePath, article)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "older")
	assert.Contains(t, stderr, "without --offline")
	after, err = os.ReadFile(cachePath)
	require.NoError(t, err)
	assert.Equal(t, before, after, "the cache is unchanged")
}

func TestCheckResolveFlags(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "a.md")
	require.NoError(t, os.WriteFile(article, []byte("# A\n\nNothing cited.\n"), 0o644))
	code, _, stderr := runTool(t, "", "check", "--resolve", "--cache", filepath.Join(dir, "c.sqlite"), "--contact", "not an address", article)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "invalid contact")
	// Without --resolve no source object appears and no cache is made.
	code, stdout, _ := runTool(t, "", "check", "--format", "json", articles+"clean.md")
	assert.Equal(t, exitOK, code)
	assert.NotContains(t, stdout, `"source"`)
}
