package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources/resolve"
)

// warcResponse is a WARC/1.0 response record of an HTTP response with the
// given content type and body, gzipped on its own as Common Crawl writes
// records.
func warcResponse(t *testing.T, uri, contentType, body string) []byte {
	t.Helper()
	block := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", contentType, len(body), body)
	rec := fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-000000000000>\r\n"+
		"WARC-Date: 2024-05-06T07:08:09Z\r\nWARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\n"+
		"Content-Length: %d\r\n\r\n%s\r\n\r\n", len(uri)+len(body), uri, len(block), block)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := zw.Write([]byte(rec))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func TestBatchWARC(t *testing.T) {
	dir := t.TempDir()
	page := func(title, cite string) string {
		return "<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1>" +
			"<p>Fares rose by 12 percent in 2023 " + cite + ".</p><h2>References</h2><ol><li>Lee K. Fares. J Transp. 2023;3:1-9.</li></ol></article></body></html>"
	}
	var warc []byte
	warc = append(warc, warcResponse(t, "https://www.news.example/a", "text/html; charset=utf-8", page("Fares A", "[1]"))...)
	warc = append(warc, warcResponse(t, "https://www.news.example/logo.png", "image/png", "\x89PNG....")...)
	warc = append(warc, warcResponse(t, "https://other.example.co.uk/b", "text/html", page("Fares B", "[2]"))...)
	cut := warcResponse(t, "https://other.example.co.uk/c", "text/html", page("Fares C", "[1]"))
	warc = append(warc, cut[:len(cut)/2]...) // a record cut short, as a crawl killed mid-write leaves it
	path := filepath.Join(dir, "CC-NEWS-test.warc.gz")
	require.NoError(t, os.WriteFile(path, warc, 0o644))

	db := filepath.Join(dir, "r.sqlite")
	code, out, errOut := runTool(t, "", "batch", "--db", db, "--workers", "2", path)
	assert.Equal(t, exitBatchFailed, code, "a truncated record fails the run: %s", errOut)
	assert.Contains(t, out, "2 checked, 0 skipped, 1 failed")

	rows, err := openResults(t, db).Query(`SELECT id, outlet, title, status, citations, unresolved, reason FROM articles ORDER BY status DESC, id`)
	require.NoError(t, err)
	defer rows.Close()
	var got []string
	for rows.Next() {
		var id, outlet, title, status, reason string
		var cites, unresolved int
		require.NoError(t, rows.Scan(&id, &outlet, &title, &status, &cites, &unresolved, &reason))
		if status == "failed" {
			assert.Contains(t, reason, "CC-NEWS-test.warc.gz", "the reason names the file")
			reason = "…"
		}
		got = append(got, fmt.Sprintf("%s|%s|%s|%s|%d|%d|%s", id, outlet, title, status, cites, unresolved, reason))
	}
	require.NoError(t, rows.Err())
	require.Len(t, got, 3)
	assert.Equal(t, []string{
		"https://other.example.co.uk/b|example.co.uk|Fares B|ok|1|1|",
		"https://www.news.example/a|news.example|Fares A|ok|1|0|",
	}, got[:2])
	assert.True(t, strings.HasSuffix(got[2], "|failed|0|0|…"), got[2])

	// A second run skips both articles and reports the broken record again.
	code, out, _ = runTool(t, "", "batch", "--db", db, path)
	assert.Equal(t, exitBatchFailed, code)
	assert.Contains(t, out, "0 checked, 2 skipped, 1 failed")
}

func TestBatchResolve(t *testing.T) {
	srv, requests := fakeSite(t)
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	require.NoError(t, os.MkdirAll(corpus, 0o755))
	for i, ref := range []string{"/ok", "/gone", "/ok"} {
		text := fmt.Sprintf("# Draft %d\n\nTeenagers remember more after sleep (Smith, 2019).\n\n## References\n\n"+
			"1. Smith, J. (2019). Sleep and memory in adolescents. Journal of Sleep. %s%s\n", i, srv.URL, ref)
		require.NoError(t, os.WriteFile(filepath.Join(corpus, fmt.Sprintf("d%d.md", i)), []byte(text), 0o644))
	}
	opts := []resolve.Option{resolve.WithAllowLoopback(), resolve.WithPerDomain(4, 0)}
	batch := func(args ...string) (int, string, string) {
		t.Helper()
		var out, errOut bytes.Buffer
		code := runBatch(context.Background(), args, &out, &errOut, opts)
		return code, out.String(), errOut.String()
	}
	cache := filepath.Join(dir, "cache.sqlite")
	db := filepath.Join(dir, "r.sqlite")
	code, out, errOut := batch("--db", db, "--workers", "1", "--resolve", "--cache", cache, corpus)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "3 checked")
	assert.NotContains(t, errOut, "resolved 1 sources", "no per-article resolve lines in a batch")

	findingsOf := func(db string) []string {
		rows, err := openResults(t, db).Query(`SELECT a.id, f.code FROM findings f JOIN articles a ON a.id = f.article_id
			WHERE f.code IN ('unreachable-source', 'broken-link') ORDER BY a.id`)
		require.NoError(t, err)
		defer rows.Close()
		var got []string
		for rows.Next() {
			var id, code string
			require.NoError(t, rows.Scan(&id, &code))
			got = append(got, filepath.Base(id)+" "+code)
		}
		require.NoError(t, rows.Err())
		return got
	}
	assert.Equal(t, []string{"d1.md unreachable-source"}, findingsOf(db), "the 404 is unreachable now, not yet dead")
	n := requests.Load()
	assert.Positive(t, n)
	assert.Equal(t, int64(3), n, "robots.txt, /ok and /gone, each once: the third article is served from the cache")

	// Offline into a new database: the same findings from the cache alone.
	db2 := filepath.Join(dir, "r2.sqlite")
	code, _, errOut = batch("--db", db2, "--offline", "--cache", cache, corpus)
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, n, requests.Load(), "offline made requests")
	assert.Equal(t, findingsOf(db), findingsOf(db2))

	code, _, errOut = batch("--db", filepath.Join(dir, "r3.sqlite"), "--resolve", "--cache", dir, corpus)
	assert.Equal(t, exitUsage, code, "a directory is not a cache file")
	assert.Contains(t, errOut, "citecheck batch: ")
}

// TestBatchJSONLDuplicateID checks that an id given twice in a JSON Lines
// file keeps its first article in the database and fails the second,
// rather than replace the first silently.
func TestBatchJSONLDuplicateID(t *testing.T) {
	dir := t.TempDir()
	feed := filepath.Join(dir, "feed.jsonl")
	lines := []string{
		`{"id": "story", "url": "https://news.example/first", "text": "First\n\nIt rose (Okafor, 2021).\n\nReferences\n\nOkafor, C. (2021). Transit demand. Urban Studies, 4, 5-6.\n"}`,
		`{"id": "story", "url": "https://news.example/second", "text": "Second\n\nIt fell.\n"}`,
	}
	require.NoError(t, os.WriteFile(feed, []byte(strings.Join(lines, "\n")+"\n"), 0o644))
	db := filepath.Join(dir, "r.sqlite")
	code, out, errOut := runTool(t, "", "batch", "--db", db, feed)
	assert.Equal(t, exitBatchFailed, code, errOut)
	assert.Contains(t, out, "1 checked, 0 skipped, 1 failed")

	var url string
	require.NoError(t, openResults(t, db).QueryRow("SELECT url FROM articles WHERE id = 'story'").Scan(&url))
	assert.Equal(t, "https://news.example/first", url)
	var status, reason string
	require.NoError(t, openResults(t, db).QueryRow("SELECT status, reason FROM articles WHERE id = ?", feed+"#2").Scan(&status, &reason))
	assert.Equal(t, "failed", status)
	assert.Contains(t, reason, "line 1", "the reason names the line kept")
}
