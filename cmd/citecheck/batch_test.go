package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeSmallCorpus writes n small articles in the three citation styles
// (APA text, numeric HTML, Markdown footnotes) under a new directory, in
// subdirectories of 500 files, and returns the directory.
func writeSmallCorpus(t testing.TB, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("d%02d", i/500))
		if i%500 == 0 {
			require.NoError(t, os.MkdirAll(sub, 0o755))
		}
		year := 2000 + i%24
		var name, body string
		switch i % 3 {
		case 0:
			name = fmt.Sprintf("a%05d.txt", i)
			body = fmt.Sprintf("Article %d\n\nRidership fell by %d percent (Okafor, %d). Brandt (2021) found the same.\n\nReferences\n\nBrandt, L. (2021). Commuter rail. Transport, 9, 1-2.\nOkafor, C. (%d). Transit demand. Urban Studies, 4, 5-6.\n", i, i%50, year, year)
		case 1:
			name = fmt.Sprintf("a%05d.html", i)
			body = fmt.Sprintf("<html><head><title>Article %d</title></head><body><article><p>Prices rose by %d percent [1]. A survey agreed [2].</p><h2>References</h2><ol><li>Lee K. Prices. J Econ. %d;3:1-9.</li><li>Ma X. Surveys. Policy. 2020;1:2-3.</li></ol></article></body></html>\n", i, i%50, year)
		default:
			name = fmt.Sprintf("a%05d.md", i)
			body = fmt.Sprintf("# Article %d\n\nShipping costs reached $%d billion.[^1] Most are passed on.[^2]\n\n[^1]: Lewis, M. (%d). \"Free shipping.\" *Journal of Retailing*, 97, 210-224.\n[^2]: Tian, X. (2022). \"Returns.\" *Nature*, 12, 2-3.\n", i, i%90, year)
		}
		require.NoError(t, os.WriteFile(filepath.Join(sub, name), []byte(body), 0o644))
	}
	return dir
}

func openResults(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := openDB(context.Background(), path, true, nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	return db
}

func articleIDs(t *testing.T, path string) []string {
	t.Helper()
	rows, err := openResults(t, path).Query("SELECT id FROM articles ORDER BY id")
	require.NoError(t, err)
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		require.NoError(t, rows.Scan(&id))
		ids = append(ids, id)
	}
	require.NoError(t, rows.Err())
	return ids
}

func TestBatchCommand(t *testing.T) {
	corpus := writeSmallCorpus(t, 30)
	bad := filepath.Join(corpus, "d00", "binary.txt")
	require.NoError(t, os.WriteFile(bad, []byte("text\x00binary"), 0o644))
	unresolved := filepath.Join(corpus, "d00", "unresolved.txt")
	require.NoError(t, os.WriteFile(unresolved, []byte("Title\n\nIt rose (Nobody, 1999). It fell (Okafor, 2001).\n\nReferences\n\nOkafor, C. (2001). Transit demand. Urban Studies, 4, 5-6.\n"), 0o644))
	db := filepath.Join(t.TempDir(), "r.sqlite")

	code, out, errOut := runTool(t, "", "batch", "--db", db, "--workers", "2", corpus)
	assert.Equal(t, exitBatchFailed, code, errOut)
	assert.Contains(t, out, "31 checked, 0 skipped, 1 failed")
	assert.Len(t, articleIDs(t, db), 32)

	var status, reason string
	require.NoError(t, openResults(t, db).QueryRow("SELECT status, reason FROM articles WHERE id = ?", bad).Scan(&status, &reason))
	assert.Equal(t, "failed", status)
	assert.Contains(t, reason, "binary")

	// A second run scores nothing again.
	require.NoError(t, os.Remove(bad))
	code, out, errOut = runTool(t, "", "batch", "--db", db, corpus)
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "0 checked, 31 skipped, 0 failed")

	var n int
	require.NoError(t, openResults(t, db).QueryRow("SELECT count(*) FROM findings WHERE article_id = ?", unresolved).Scan(&n))
	assert.Positive(t, n)
	var unres int
	var quality float64
	require.NoError(t, openResults(t, db).QueryRow("SELECT unresolved, quality FROM articles WHERE id = ?", unresolved).Scan(&unres, &quality))
	assert.Equal(t, 1, unres)
	assert.Less(t, quality, 1.0)
	require.NoError(t, openResults(t, db).QueryRow("SELECT count(*) FROM citations WHERE status = 'resolved'").Scan(&n))
	assert.Positive(t, n)
}

func TestBatchUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"batch"},
		{"batch", dir},
		{"batch", "--db", filepath.Join(dir, "r.sqlite")},
		{"batch", "--db", filepath.Join(dir, "r.sqlite"), "--shard", "3/3", dir},
		{"batch", "--db", filepath.Join(dir, "r.sqlite"), "--shard", "x", dir},
		{"batch", "--db", filepath.Join(dir, "r.sqlite"), "--workers", "0", dir},
		{"batch", "--nope"},
	} {
		code, _, _ := runTool(t, "", args...)
		assert.Equal(t, exitUsage, code, strings.Join(args, " "))
	}
}

func TestBatchShards(t *testing.T) {
	corpus := writeSmallCorpus(t, 90)
	dir := t.TempDir()
	all := filepath.Join(dir, "all.sqlite")
	code, _, errOut := runTool(t, "", "batch", "--db", all, corpus)
	require.Equal(t, exitOK, code, errOut)
	want := articleIDs(t, all)
	require.Len(t, want, 90)

	var union []string
	for i := range 3 {
		db := filepath.Join(dir, fmt.Sprintf("shard%d.sqlite", i))
		code, _, errOut := runTool(t, "", "batch", "--db", db, "--shard", fmt.Sprintf("%d/3", i), corpus)
		require.Equal(t, exitOK, code, errOut)
		ids := articleIDs(t, db)
		assert.NotEmpty(t, ids, "shard %d", i)
		union = append(union, ids...)
	}
	slices.Sort(union)
	assert.Equal(t, want, union)
}

// TestBatchKill kills a batch run with SIGKILL once it has written some
// results, runs it again, and checks that every article is stored exactly
// once.
func TestBatchKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and checks 3,000 articles")
	}
	const n = 3000
	bin := filepath.Join(t.TempDir(), "citecheck")
	build := exec.Command("go", "build", "-o", bin, ".")
	out, err := build.CombinedOutput()
	require.NoError(t, err, string(out))
	corpus := writeSmallCorpus(t, n)
	db := filepath.Join(t.TempDir(), "r.sqlite")

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "batch", "--db", db, "--workers", "1", corpus)
	require.NoError(t, cmd.Start())
	stored := 0
	for stored == 0 && ctx.Err() == nil {
		time.Sleep(10 * time.Millisecond)
		if _, err := os.Stat(db); err != nil {
			continue
		}
		// The schema may not exist yet; count errors mean "not yet".
		_ = openResults(t, db).QueryRow("SELECT count(*) FROM articles").Scan(&stored)
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
	err = cmd.Wait()
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "the first run must be killed, not finish: %v", err)
	ids := articleIDs(t, db)
	require.Less(t, len(ids), n, "the first run finished before the kill")
	t.Logf("killed after %d of %d articles were stored", len(ids), n)

	out, err = exec.CommandContext(ctx, bin, "batch", "--db", db, "--workers", "2", corpus).CombinedOutput()
	require.NoError(t, err, string(out))
	assert.Contains(t, string(out), fmt.Sprintf("%d checked, %d skipped, 0 failed", n-len(ids), len(ids)))

	ids = articleIDs(t, db)
	assert.Len(t, ids, n)
	assert.Len(t, slices.Compact(slices.Clone(ids)), n, "an article stored twice")
	var orphans int
	require.NoError(t, openResults(t, db).QueryRow(
		"SELECT count(*) FROM citations WHERE article_id NOT IN (SELECT id FROM articles)").Scan(&orphans))
	assert.Zero(t, orphans, "citation rows without their article")
}

func TestBatchJSONL(t *testing.T) {
	dir := t.TempDir()
	feed := filepath.Join(dir, "feed.jsonl")
	lines := []string{
		`{"id": "bbc-1", "url": "https://www.bbc.co.uk/news/1", "published": "2024-03-01", "text": "Title\n\nIt rose (Okafor, 2021).\n\nReferences\n\nOkafor, C. (2021). Transit demand. Urban Studies, 4, 5-6.\n"}`,
		`{"id": "wire-2", "outlet": "Reuters", "markdown": "# Title\n\nIt fell.[^1]\n\n[^1]: Lewis, M. (2021). \"Free shipping.\" *Journal of Retailing*, 97, 210-224.\n"}`,
		`{not json`,
	}
	require.NoError(t, os.WriteFile(feed, []byte(strings.Join(lines, "\n")+"\n"), 0o644))
	db := filepath.Join(dir, "r.sqlite")
	code, out, errOut := runTool(t, "", "batch", "--db", db, feed)
	assert.Equal(t, exitBatchFailed, code, errOut)
	assert.Contains(t, out, "2 checked, 0 skipped, 1 failed")

	rows, err := openResults(t, db).Query("SELECT id, outlet, published, status FROM articles ORDER BY id")
	require.NoError(t, err)
	defer rows.Close()
	var got []string
	for rows.Next() {
		var id, outlet, published, status string
		require.NoError(t, rows.Scan(&id, &outlet, &published, &status))
		got = append(got, strings.Join([]string{id, outlet, published, status}, "|"))
	}
	require.NoError(t, rows.Err())
	assert.Equal(t, []string{
		feed + "#3|||failed",
		"bbc-1|bbc.co.uk|2024-03-01|ok",
		"wire-2|Reuters||ok",
	}, got)
}

func TestBatchInterrupted(t *testing.T) {
	corpus := writeSmallCorpus(t, 10)
	db := filepath.Join(t.TempDir(), "r.sqlite")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errOut strings.Builder
	code := run(ctx, []string{"batch", "--db", db, corpus}, strings.NewReader(""), &out, &errOut)
	assert.Equal(t, exitBatchFailed, code)
	assert.Contains(t, errOut.String(), context.Canceled.Error())
}
