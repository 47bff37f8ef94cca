package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dumpTables returns every row of every table of a results database as
// text, in a fixed order, with the articles' checked_at or without.
func dumpTables(t *testing.T, path string, withTimes bool) map[string][]string {
	t.Helper()
	db := openResults(t, path)
	checked := "''"
	if withTimes {
		checked = "checked_at"
	}
	queries := map[string]string{
		"articles": `SELECT id, input, url, outlet, title, published, words, claims, uncited_claims, citations,
			resolved, unresolved, "references", orphans, errors, warnings, infos, quality, status, reason, hash, ` + checked +
			` FROM articles ORDER BY id`,
		"findings":       `SELECT article_id, code, severity, line, "column", message FROM findings ORDER BY 1, 2, 3, 4, 5, 6`,
		"claims":         `SELECT article_id, idx, text, score, cited FROM claims ORDER BY 1, 2`,
		"citations":      `SELECT article_id, idx, kind, text, status FROM citations ORDER BY 1, 2`,
		"support":        `SELECT article_id, claim_idx, idx, citation, url, verdict, score FROM support ORDER BY 1, 2, 3`,
		"results_schema": `SELECT version FROM results_schema`,
	}
	out := map[string][]string{}
	for table, q := range queries {
		out[table] = queryStrings(t, db, q)
	}
	// A table the queries above miss would go uncompared.
	assert.ElementsMatch(t, []string{"string:articles", "string:findings", "string:claims", "string:citations", "string:support", "string:results_schema"},
		queryStrings(t, db, "SELECT name FROM sqlite_master WHERE type = 'table'"))
	return out
}

// queryStrings returns the rows of q, each as its values with their types.
func queryStrings(t *testing.T, db *sql.DB, q string) []string {
	t.Helper()
	rows, err := db.Query(q)
	require.NoError(t, err)
	defer rows.Close()
	cols, err := rows.Columns()
	require.NoError(t, err)
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var out []string
	for rows.Next() {
		require.NoError(t, rows.Scan(ptrs...))
		cells := make([]string, len(vals))
		for i, v := range vals {
			cells[i] = fmt.Sprintf("%T:%v", v, v)
		}
		out = append(out, strings.Join(cells, "|"))
	}
	require.NoError(t, rows.Err())
	return out
}

// writeMixedCorpus writes a folder of n small articles and an unreadable
// one, and a JSON Lines feed with outlets, dates and a malformed record,
// and returns the two inputs.
func writeMixedCorpus(t *testing.T, n int) []string {
	t.Helper()
	corpus := writeSmallCorpus(t, n)
	require.NoError(t, os.WriteFile(filepath.Join(corpus, "d00", "binary.txt"), []byte("text\x00binary"), 0o644))
	lines := []string{
		`{"id": "bbc-1", "url": "https://www.bbc.co.uk/news/1", "published": "2024-03-01", "text": "Title\n\nIt rose (Okafor, 2021).\n\nReferences\n\nOkafor, C. (2021). Transit demand. Urban Studies, 4, 5-6.\n"}`,
		`{"id": "wire-2", "outlet": "Reuters", "markdown": "# Title\n\nIt fell.[^1]\n\n[^1]: Lewis, M. (2021). \"Free shipping.\" *Journal of Retailing*, 97, 210-224.\n"}`,
		`{not json`,
		`{"id": "empty-3", "url": "https://example.org/3", "published": "5 May 2023", "text": "Title\n\nPrices rose 40 percent (Lee, 2019).\n\nReferences\n"}`,
	}
	feed := filepath.Join(t.TempDir(), "feed.jsonl")
	require.NoError(t, os.WriteFile(feed, []byte(strings.Join(lines, "\n")+"\n"), 0o644))
	return []string{corpus, feed}
}

// setResultsVersion sets the schema version the results database at path
// records, as a newer citecheck would have written it.
func setResultsVersion(t *testing.T, path string, version int) {
	t.Helper()
	db, err := openDB(context.Background(), path, false, nil)
	require.NoError(t, err)
	_, err = db.Exec("UPDATE results_schema SET version = ?", version)
	require.NoError(t, err)
	require.NoError(t, db.Close())
}

// TestMergeShards checks that batch --shard on 3 shards plus merge gives
// the same database as one unsharded run, and that merging again changes
// nothing.
func TestMergeShards(t *testing.T) {
	corpus := writeMixedCorpus(t, 60)
	dir := t.TempDir()
	all := filepath.Join(dir, "all.sqlite")
	code, _, errOut := runTool(t, "", append([]string{"batch", "--db", all}, corpus...)...)
	require.Equal(t, exitBatchFailed, code, errOut) // the unreadable ones
	want := dumpTables(t, all, false)
	require.Len(t, want["articles"], 60+1+4)

	args := []string{"merge", "--db", filepath.Join(dir, "merged.sqlite")}
	for i := range 3 {
		db := filepath.Join(dir, fmt.Sprintf("shard%d.sqlite", i))
		code, _, errOut := runTool(t, "", append([]string{"batch", "--db", db, "--shard", fmt.Sprintf("%d/3", i)}, corpus...)...)
		require.NotEqual(t, exitUsage, code, errOut)
		require.NotEmpty(t, dumpTables(t, db, false)["articles"], "shard %d", i)
		args = append(args, db)
	}
	code, out, errOut := runTool(t, "", args...)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "3 databases: 65 added, 0 replaced, 0 same, 0 kept")
	merged := dumpTables(t, args[2], false)
	for table, rows := range want {
		assert.Equal(t, rows, merged[table], table)
	}

	// Merging again, into the merged database or from it, changes nothing.
	before := dumpTables(t, args[2], true)
	code, out, errOut = runTool(t, "", args...)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "3 databases: 0 added, 0 replaced, 65 same, 0 kept (0 rows)")
	assert.Equal(t, before, dumpTables(t, args[2], true))
	code, out, errOut = runTool(t, "", "merge", "--db", all, args[2])
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "0 added, 0 replaced, 65 same, 0 kept")
}

func TestMergeRefuses(t *testing.T) {
	corpus := writeSmallCorpus(t, 6)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.sqlite")
	code, _, errOut := runTool(t, "", "batch", "--db", good, corpus)
	require.Equal(t, exitOK, code, errOut)
	newer := filepath.Join(dir, "newer.sqlite")
	code, _, errOut = runTool(t, "", "batch", "--db", newer, corpus)
	require.Equal(t, exitOK, code, errOut)
	setResultsVersion(t, newer, 99)
	text := filepath.Join(dir, "notes.txt")
	require.NoError(t, os.WriteFile(text, []byte("not a database, but long enough to have a header of sorts\n"), 0o644))
	out := filepath.Join(dir, "out.sqlite")

	tests := []struct {
		name   string
		args   []string
		want   int
		stderr string
	}{
		{"newer schema", []string{"merge", "--db", out, good, newer}, exitDBError, newer + ": results schema is newer"},
		{"not a database", []string{"merge", "--db", out, good, text}, exitDBError, text + ": "},
		{"missing input", []string{"merge", "--db", out, good, filepath.Join(dir, "nope.sqlite")}, exitDBError, "nope.sqlite"},
		{"input is the output", []string{"merge", "--db", good, good}, exitUsage, good + ": is the output database"},
		{"no inputs", []string{"merge", "--db", out}, exitUsage, "Usage:"},
		{"no --db", []string{"merge", good}, exitUsage, "Usage:"},
		{"unknown flag", []string{"merge", "--nope", "--db", out, good}, exitUsage, "-nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runTool(t, "", tt.args...)
			assert.Equal(t, tt.want, code, errOut)
			assert.Contains(t, errOut, tt.stderr)
			_, err := os.Stat(out)
			assert.True(t, os.IsNotExist(err), "nothing written when an input is refused")
		})
	}

	code, stdout, errOut := runTool(t, "", "merge", "--db", out, good)
	assert.Equal(t, exitOK, code, errOut)
	assert.Equal(t, good+": 6 added, 0 replaced, 0 same, 0 kept (", stdout[:strings.Index(stdout, "(")+1])
}
