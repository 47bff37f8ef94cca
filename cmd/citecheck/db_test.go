package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOpenDB(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	// Characters a SQLite URI would otherwise take for its query, fragment
	// or escapes name the file itself.
	path := filepath.Join(dir, "odd?name#1%41.sqlite")
	db, err := openDB(ctx, path, false, nil)
	require.NoError(t, err)
	_, err = db.Exec("CREATE TABLE t (x)")
	require.NoError(t, err)
	require.NoError(t, db.Close())
	_, err = os.Stat(path)
	require.NoError(t, err, "the database is the file named, not one the URI made of it")

	ro, err := openDB(ctx, path, true, nil)
	require.NoError(t, err)
	defer ro.Close()
	_, err = ro.Exec("INSERT INTO t VALUES (1)")
	assert.Error(t, err, "read-only")

	missing := filepath.Join(dir, "none", "r.sqlite")
	_, err = openDB(ctx, missing, true, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), missing)
}
