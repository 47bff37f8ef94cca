package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources/resolve"
)

func TestPruneCache(t *testing.T) {
	dir := t.TempDir()
	cache := filepath.Join(dir, "cache.sqlite")
	c, db, err := openCache(context.Background(), cache, false)
	require.NoError(t, err)
	now := time.Now()
	for _, cs := range []resolve.CachedSource{
		{Key: "old.example/a", Source: resolve.Source{Status: resolve.StatusOK, CheckedAt: now.AddDate(0, 0, -400)}},
		{Key: "new.example/b", Source: resolve.Source{Status: resolve.StatusOK, CheckedAt: now.AddDate(0, 0, -3)}},
	} {
		require.NoError(t, c.PutSource(context.Background(), cs))
		require.NoError(t, c.AddObservation(context.Background(),
			resolve.LinkObservation{URL: cs.Key, At: cs.Source.CheckedAt, Outcome: resolve.OutcomeOK, Status: 200}))
	}
	require.NoError(t, db.Close())

	tests := []struct {
		name   string
		args   []string
		code   int
		out    string
		errOut string
	}{
		{"keep a year", []string{"prune-cache", "--cache", cache}, exitOK, "removed 1 sources, 1 link observations older than 365 days", ""},
		{"again", []string{"prune-cache", "--cache", cache}, exitOK, "removed 0 sources, 0 link observations", ""},
		{"keep a day", []string{"prune-cache", "--cache", cache, "--days", "1"}, exitOK, "removed 1 sources, 1 link observations older than 1 days", ""},
		{"bad days", []string{"prune-cache", "--cache", cache, "--days", "0"}, exitUsage, "", "Usage: citecheck prune-cache"},
		{"extra argument", []string{"prune-cache", "--cache", cache, "x"}, exitUsage, "", "Usage: citecheck prune-cache"},
		{"no such cache", []string{"prune-cache", "--cache", filepath.Join(dir, "none.sqlite")}, exitUsage, "", "none.sqlite"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runTool(t, "", tt.args...)
			assert.Equal(t, tt.code, code, errOut)
			assert.Contains(t, out, tt.out)
			assert.Contains(t, errOut, tt.errOut)
		})
	}
}
