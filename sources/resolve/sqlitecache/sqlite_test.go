package sqlitecache

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// openSQLiteFile opens (creating if needed) the SQLite file at path and
// closes it when the test ends.
func openSQLiteFile(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

// newSQLiteFileCache returns a cache on a new file in a temporary folder.
func newSQLiteFileCache(t *testing.T, clock *testClock) Cache {
	t.Helper()
	db := openSQLiteFile(t, filepath.Join(t.TempDir(), "cache.db"))
	c, err := NewSQLiteCache(t.Context(), db, WithCacheClock(clock.Now))
	require.NoError(t, err)
	return c
}

// TestSQLiteCacheFile runs the Cache contract tests on SQLite files.
func TestSQLiteCacheFile(t *testing.T) {
	testCacheContract(t, newSQLiteFileCache)
}

// TestSQLiteCacheSharedMemory runs the Cache contract tests on shared-cache
// in-memory databases, each test on its own (the names differ), and once on
// the process-wide "file::memory:?cache=shared".
func TestSQLiteCacheSharedMemory(t *testing.T) {
	n := 0
	testCacheContract(t, func(t *testing.T, clock *testClock) Cache {
		n++
		db, err := sql.Open("sqlite3", fmt.Sprintf("file:contract%d?mode=memory&cache=shared", n))
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		c, err := NewSQLiteCache(t.Context(), db, WithCacheClock(clock.Now))
		require.NoError(t, err)
		return c
	})

	t.Run("file::memory:?cache=shared", func(t *testing.T) {
		db, err := sql.Open("sqlite3", "file::memory:?cache=shared")
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		c, err := NewSQLiteCache(t.Context(), db)
		require.NoError(t, err)
		assert.False(t, c.wal, "an in-memory database has no WAL")
		require.NoError(t, c.PutSource(t.Context(), SourceRecord{Key: "k", Status: "ok"}))
		got, ok, err := c.GetSource(t.Context(), "k")
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, "ok", got.Status)
	})
}

// TestSQLiteCacheUnsharedMemory checks that a plain ":memory:" pool, where
// every connection has its own database, is refused unless the pool has
// one connection.
func TestSQLiteCacheUnsharedMemory(t *testing.T) {
	db, err := sql.Open("sqlite3", ":memory:")
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	_, err = NewSQLiteCache(t.Context(), db)
	assert.ErrorIs(t, err, ErrSQLiteNotShared)

	single, err := sql.Open("sqlite3", ":memory:")
	require.NoError(t, err)
	t.Cleanup(func() { single.Close() })
	single.SetMaxOpenConns(1)
	c, err := NewSQLiteCache(t.Context(), single)
	require.NoError(t, err)
	require.NoError(t, c.AddObservation(t.Context(), LinkObservation{URL: "u", At: cacheT0, Outcome: OutcomeOK}))
	obs, err := c.Observations(t.Context(), "u")
	require.NoError(t, err)
	assert.Len(t, obs, 1)
}

// TestSQLiteCacheNilDB checks the error for a nil database.
func TestSQLiteCacheNilDB(t *testing.T) {
	_, err := NewSQLiteCache(t.Context(), nil)
	assert.Error(t, err)
}

// TestSQLiteCacheReopen checks that what one cache wrote to a file is there
// when the file is opened again, and that the file is in WAL mode.
func TestSQLiteCacheReopen(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "cache.db")
	rec := SourceRecord{Key: "doi:10.1000/xyz", Status: "ok", Title: "T", Authors: []string{"A"},
		CheckedAt: cacheT0, ExpiresAt: cacheT0.Add(time.Hour)}
	robots := RobotsRecord{Origin: "https://example.com", Status: 200, Body: []byte("User-agent: *\n"),
		FetchedAt: cacheT0, ExpiresAt: cacheT0.Add(time.Hour)}
	obs := LinkObservation{URL: "https://example.com/a", At: cacheT0, Outcome: OutcomeFailed, Status: 404, Detail: "d"}

	db, err := sql.Open("sqlite3", "file:"+path)
	require.NoError(t, err)
	c, err := NewSQLiteCache(ctx, db)
	require.NoError(t, err)
	assert.True(t, c.wal)
	require.NoError(t, c.PutSource(ctx, rec))
	require.NoError(t, c.PutRobots(ctx, robots))
	require.NoError(t, c.AddObservation(ctx, obs))
	require.NoError(t, db.Close())

	db = openSQLiteFile(t, path)
	var mode string
	require.NoError(t, db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode))
	assert.Equal(t, "wal", mode, "WAL mode persists in the file")
	c, err = NewSQLiteCache(ctx, db, WithCacheClock(func() time.Time { return cacheT0 }))
	require.NoError(t, err)
	gotRec, ok, err := c.GetSource(ctx, rec.Key)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, rec, gotRec)
	gotRobots, ok, err := c.GetRobots(ctx, robots.Origin)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, robots, gotRobots)
	gotObs, err := c.Observations(ctx, obs.URL)
	require.NoError(t, err)
	assert.Equal(t, []LinkObservation{obs}, gotObs)
}

// TestSQLiteCacheSchemaVersion checks the recorded version, that opening
// again migrates nothing, and that a newer schema is refused.
func TestSQLiteCacheSchemaVersion(t *testing.T) {
	ctx := t.Context()
	db := openSQLiteFile(t, filepath.Join(t.TempDir(), "cache.db"))
	c, err := NewSQLiteCache(ctx, db)
	require.NoError(t, err)
	v, err := c.SchemaVersion(ctx)
	require.NoError(t, err)
	assert.Equal(t, SQLiteSchemaVersion, v)
	require.NoError(t, c.PutSource(ctx, SourceRecord{Key: "k", Status: "ok"}))

	c, err = NewSQLiteCache(ctx, db)
	require.NoError(t, err, "opening a current database again")
	_, ok, err := c.GetSource(ctx, "k")
	require.NoError(t, err)
	assert.True(t, ok, "reopening keeps the data")

	_, err = db.ExecContext(ctx, "UPDATE cache_schema SET version = ?", SQLiteSchemaVersion+1)
	require.NoError(t, err)
	_, err = NewSQLiteCache(ctx, db)
	assert.ErrorIs(t, err, ErrSchemaVersion)
}

// TestSQLiteCacheMigratesOldSchema checks that a database at version 0 (the
// version table only) is brought up to date.
func TestSQLiteCacheMigratesOldSchema(t *testing.T) {
	ctx := t.Context()
	db := openSQLiteFile(t, filepath.Join(t.TempDir(), "cache.db"))
	_, err := db.ExecContext(ctx, `CREATE TABLE cache_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
		INSERT INTO cache_schema VALUES (1, 0);`)
	require.NoError(t, err)
	c, err := NewSQLiteCache(ctx, db)
	require.NoError(t, err)
	v, err := c.SchemaVersion(ctx)
	require.NoError(t, err)
	assert.Equal(t, SQLiteSchemaVersion, v)
}

// TestSQLiteCacheConcurrentOpen checks that several processes' worth of
// pools opening one new file at once migrate it once, without error.
func TestSQLiteCacheConcurrentOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache.db")
	const n = 4
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		db := openSQLiteFile(t, path)
		wg.Go(func() {
			_, errs[i] = NewSQLiteCache(t.Context(), db)
		})
	}
	wg.Wait()
	for i, err := range errs {
		assert.NoError(t, err, "opener %d", i)
	}
}

// TestSQLiteCacheConcurrent has many goroutines put and get at once; run
// with -race. On a file, two pools stand for two processes; in shared
// memory (no WAL) reads wait for writes.
func TestSQLiteCacheConcurrent(t *testing.T) {
	t.Run("file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "cache.db")
		var caches []*SQLiteCache
		for range 2 {
			c, err := NewSQLiteCache(t.Context(), openSQLiteFile(t, path))
			require.NoError(t, err)
			caches = append(caches, c)
		}
		testSQLiteConcurrent(t, caches)
	})
	t.Run("shared memory", func(t *testing.T) {
		db, err := sql.Open("sqlite3", "file:concurrent?mode=memory&cache=shared")
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		c, err := NewSQLiteCache(t.Context(), db)
		require.NoError(t, err)
		testSQLiteConcurrent(t, []*SQLiteCache{c})
	})
}

// testSQLiteConcurrent runs the concurrent workload over caches, which
// share one database.
func testSQLiteConcurrent(t *testing.T, caches []*SQLiteCache) {
	ctx := t.Context()
	const (
		workers = 16
		each    = 25
	)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		c := caches[w%len(caches)]
		wg.Go(func() {
			for i := range each {
				key := fmt.Sprintf("https://example.com/%d/%d", w, i)
				if err := c.PutSource(ctx, SourceRecord{Key: key, Status: "ok", Title: key}); err != nil {
					errs <- err
					return
				}
				if err := c.AddObservation(ctx, LinkObservation{URL: "https://example.com/shared",
					At: cacheT0.Add(time.Duration(w*each+i) * time.Second), Outcome: OutcomeOK, Status: 200}); err != nil {
					errs <- err
					return
				}
				rec, ok, err := c.GetSource(ctx, key)
				if err != nil {
					errs <- err
					return
				}
				if !ok || rec.Title != key {
					errs <- fmt.Errorf("read back %q: ok=%v title=%q", key, ok, rec.Title)
					return
				}
				if _, err := c.Observations(ctx, "https://example.com/shared"); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		assert.NoError(t, err)
	}
	obs, err := caches[0].Observations(ctx, "https://example.com/shared")
	require.NoError(t, err)
	require.Len(t, obs, workers*each)
	for i := 1; i < len(obs); i++ {
		assert.False(t, obs[i].At.Before(obs[i-1].At), "observations out of order at %d", i)
	}
}

// TestSQLiteCacheTimes checks how times are stored: the zero time stays
// zero, times out of the int64-nanosecond range are clamped, nanoseconds
// survive.
func TestSQLiteCacheTimes(t *testing.T) {
	ctx := t.Context()
	c := newSQLiteFileCache(t, newTestClock(cacheT0))
	tests := []struct {
		name     string
		in, want time.Time
	}{
		{"zero", time.Time{}, time.Time{}},
		{"nanoseconds", cacheT0.Add(123456789), cacheT0.Add(123456789)},
		{"other zone", time.Date(2026, 1, 2, 3, 4, 5, 6, time.FixedZone("X", 3600)), time.Date(2026, 1, 2, 2, 4, 5, 6, time.UTC)},
		{"far future", time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), time.Unix(maxSQLSeconds, 0).UTC()},
		{"far past", time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC), time.Unix(minSQLSeconds, 0).UTC()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, c.PutSource(ctx, SourceRecord{Key: tt.name, CheckedAt: tt.in}))
			got, ok, err := c.GetSource(ctx, tt.name)
			require.NoError(t, err)
			require.True(t, ok)
			assert.Equal(t, tt.want, got.CheckedAt)
		})
	}
}

// BenchmarkSQLiteCachePutGet measures one PutSource and one GetSource on a
// file.
func BenchmarkSQLiteCachePutGet(b *testing.B) {
	ctx := b.Context()
	c, err := NewSQLiteCache(ctx, openSQLiteFile(b, filepath.Join(b.TempDir(), "cache.db")))
	require.NoError(b, err)
	rec := SourceRecord{Key: "https://example.com/a", Status: "ok", Title: "T", Authors: []string{"A", "B"}}
	b.ReportAllocs()
	for b.Loop() {
		if err := c.PutSource(ctx, rec); err != nil {
			b.Fatal(err)
		}
		if _, _, err := c.GetSource(ctx, rec.Key); err != nil {
			b.Fatal(err)
		}
	}
}
