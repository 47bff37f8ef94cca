package citecheck_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
)

// TestStoreConcurrentWriters has three pools, standing for three
// processes, write one results database at once: two Save overlapping
// articles batch by batch, the third merges a shard holding some of them.
// No write fails, and every article is stored once with its rows once.
func TestStoreConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r.sqlite")
	open := func() *citecheck.Store {
		db, err := sql.Open("sqlite3", "file:"+path)
		require.NoError(t, err)
		t.Cleanup(func() { _ = db.Close() })
		s, err := citecheck.OpenStore(ctx, db)
		require.NoError(t, err)
		t.Cleanup(func() { _ = s.Close() })
		return s
	}
	const n, batch = 600, 25
	all := benchResults(n)
	shard, shardDB := openResultsStore(t)
	require.NoError(t, shard.Save(ctx, all[n/3:n/2]...))

	writers := []func(s *citecheck.Store) error{
		func(s *citecheck.Store) error { return saveInBatches(ctx, s, all[:n*2/3], batch) },
		func(s *citecheck.Store) error { return saveInBatches(ctx, s, all[n/3:], batch) },
		func(s *citecheck.Store) error { _, err := s.Merge(ctx, shardDB); return err },
	}
	stores := make([]*citecheck.Store, len(writers))
	for i := range stores {
		stores[i] = open()
	}
	errs := make([]error, len(writers))
	var wg sync.WaitGroup
	for i, write := range writers {
		wg.Go(func() { errs[i] = write(stores[i]) })
	}
	wg.Wait()
	for i, err := range errs {
		require.NoError(t, err, "writer %d", i)
	}

	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	require.NoError(t, err)
	defer db.Close()
	var articles, ids, findings, claims, citations int
	require.NoError(t, db.QueryRow("SELECT count(*), count(DISTINCT id) FROM articles").Scan(&articles, &ids))
	require.NoError(t, db.QueryRow("SELECT count(*) FROM findings").Scan(&findings))
	require.NoError(t, db.QueryRow("SELECT count(*) FROM claims").Scan(&claims))
	require.NoError(t, db.QueryRow("SELECT count(*) FROM citations").Scan(&citations))
	assert.Equal(t, n, articles)
	assert.Equal(t, n, ids)
	assert.Equal(t, 5*n, findings, "each article's findings once")
	assert.Equal(t, 6*n, claims)
	assert.Equal(t, 8*n, citations)
}

// saveInBatches saves results in Save calls of size results each.
func saveInBatches(ctx context.Context, s *citecheck.Store, results []citecheck.BatchResult, size int) error {
	for len(results) > 0 {
		k := min(size, len(results))
		if err := s.Save(ctx, results[:k]...); err != nil {
			return fmt.Errorf("save: %w", err)
		}
		results = results[k:]
	}
	return nil
}
