package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/cmd/internal/results"
)

// cells formats values as dumpTables does, %T:%v each, with a nil
// quality as SQLite's NULL.
func cells(vals ...any) string {
	out := make([]string, len(vals))
	for i, v := range vals {
		if q, ok := v.(*float64); ok {
			v = nil
			if q != nil {
				v = *q
			}
		}
		out[i] = fmt.Sprintf("%T:%v", v, v)
	}
	return strings.Join(out, "|")
}

// readParquetStrings reads dir/name.parquet as rows of type T and formats
// each with format.
func readParquetStrings[T any](t *testing.T, dir, name string, format func(T) string) []string {
	t.Helper()
	rows, err := parquet.ReadFile[T](filepath.Join(dir, name+".parquet"))
	require.NoError(t, err)
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		out = append(out, format(r))
	}
	return out
}

func TestExportParquet(t *testing.T) {
	inputs := writeMixedCorpus(t, 12)
	db := filepath.Join(t.TempDir(), "r.sqlite")
	code, _, errOut := runTool(t, "", append([]string{"batch", "--db", db, "--workers", "2"}, inputs...)...)
	require.Equal(t, exitBatchFailed, code, errOut) // the corpus has unreadable records
	want := dumpTables(t, db, true)
	require.NotEmpty(t, want["findings"])

	dir := filepath.Join(t.TempDir(), "out")
	code, out, errOut := runTool(t, "", "export", "--db", db, "--format", "parquet", dir)
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, fmt.Sprintf("citecheck export: %d articles, %d findings, %d claims, %d citations to %s\n",
		len(want["articles"]), len(want["findings"]), len(want["claims"]), len(want["citations"]), dir), out)

	assert.ElementsMatch(t, want["articles"], readParquetStrings(t, dir, "articles", func(a results.Article) string {
		return cells(a.ID, a.Input, a.URL, a.Outlet, a.Title, a.Published, a.Words, a.Claims, a.UncitedClaims, a.Citations,
			a.Resolved, a.Unresolved, a.References, a.Orphans, a.Errors, a.Warnings, a.Infos, a.Quality, a.Status, a.Reason, a.Hash, a.CheckedAt)
	}))
	assert.ElementsMatch(t, want["findings"], readParquetStrings(t, dir, "findings", func(f results.Finding) string {
		return cells(f.ArticleID, f.Code, f.Severity, f.Line, f.Column, f.Message)
	}))
	assert.ElementsMatch(t, want["claims"], readParquetStrings(t, dir, "claims", func(c results.Claim) string {
		return cells(c.ArticleID, c.Idx, c.Text, c.Score, c.Cited)
	}))
	assert.ElementsMatch(t, want["citations"], readParquetStrings(t, dir, "citations", func(c results.Citation) string {
		return cells(c.ArticleID, c.Idx, c.Kind, c.Text, c.Status)
	}))
	left, err := filepath.Glob(filepath.Join(dir, ".*"))
	require.NoError(t, err)
	assert.Empty(t, left, "temporary files left behind")
}

func TestExportErrors(t *testing.T) {
	dir := t.TempDir()
	notResults := filepath.Join(dir, "not.sqlite")
	require.NoError(t, os.WriteFile(notResults, []byte("not a database"), 0o644))
	tests := []struct {
		name string
		args []string
		want int
		msg  string
	}{
		{"no db", []string{"export", dir}, exitUsage, "missing --db"},
		{"no folder", []string{"export", "--db", notResults}, exitUsage, "want one output folder, not 0 arguments"},
		{"two folders", []string{"export", "--db", notResults, dir, dir}, exitUsage, "want one output folder, not 2 arguments"},
		{"format", []string{"export", "--db", notResults, "--format", "csv", dir}, exitUsage, "--format"},
		{"absent db", []string{"export", "--db", filepath.Join(dir, "absent.sqlite"), dir}, exitDBError, "absent.sqlite"},
		{"not a database", []string{"export", "--db", notResults, dir}, exitDBError, notResults},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runTool(t, "", tt.args...)
			assert.Equal(t, tt.want, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tt.msg)
		})
	}
}
