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

	"github.com/citecheck/citecheck/sources/resolve"
	"github.com/citecheck/citecheck/sources/resolve/cachetest"
	"github.com/citecheck/citecheck/sources/sqlitedb"
)

// t0 is the time the tests start at.
var t0 = cachetest.T0

// openSQLiteFile opens (creating if needed) the SQLite file at path and
// closes it when the test ends.
func openSQLiteFile(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

// newFileCache returns a cache on a new file in a temporary folder.
func newFileCache(t *testing.T, clock *cachetest.Clock) *Cache {
	t.Helper()
	db := openSQLiteFile(t, filepath.Join(t.TempDir(), "cache.db"))
	c, err := New(t.Context(), db, resolve.WithCacheClock(clock.Now))
	require.NoError(t, err)
	return c
}

// TestCacheFile runs the Cache contract tests on SQLite files.
func TestCacheFile(t *testing.T) {
	cachetest.Run(t, func(t *testing.T, clock *cachetest.Clock) resolve.Cache {
		return newFileCache(t, clock)
	})
}

// TestCacheSharedMemory runs the Cache contract tests on shared-cache
// in-memory databases, each test on its own (the names differ), and once on
// the process-wide "file::memory:?cache=shared".
func TestCacheSharedMemory(t *testing.T) {
	n := 0
	cachetest.Run(t, func(t *testing.T, clock *cachetest.Clock) resolve.Cache {
		n++
		db, err := sql.Open("sqlite3", fmt.Sprintf("file:contract%d?mode=memory&cache=shared", n))
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		c, err := New(t.Context(), db, resolve.WithCacheClock(clock.Now))
		require.NoError(t, err)
		return c
	})

	t.Run("file::memory:?cache=shared", func(t *testing.T) {
		db, err := sql.Open("sqlite3", "file::memory:?cache=shared")
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		c, err := New(t.Context(), db)
		require.NoError(t, err)
		assert.False(t, c.wal, "an in-memory database has no WAL")
		require.NoError(t, c.PutSource(t.Context(), resolve.CachedSource{Key: "k", Source: resolve.Source{Status: resolve.StatusOK}}))
		got, ok, err := c.GetSource(t.Context(), "k")
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, resolve.StatusOK, got.Source.Status)
	})
}

// TestCacheUnsharedMemory checks that a plain ":memory:" pool, where every
// connection has its own database, is refused unless the pool has one
// connection.
func TestCacheUnsharedMemory(t *testing.T) {
	db, err := sql.Open("sqlite3", ":memory:")
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	_, err = New(t.Context(), db)
	assert.ErrorIs(t, err, ErrNotShared)

	single, err := sql.Open("sqlite3", ":memory:")
	require.NoError(t, err)
	t.Cleanup(func() { single.Close() })
	single.SetMaxOpenConns(1)
	c, err := New(t.Context(), single)
	require.NoError(t, err)
	require.NoError(t, c.AddObservation(t.Context(), resolve.LinkObservation{URL: "u", At: t0, Outcome: resolve.OutcomeOK}))
	obs, err := c.Observations(t.Context(), "u")
	require.NoError(t, err)
	assert.Len(t, obs, 1)
}

// TestCacheNilDB checks the error for a nil database.
func TestCacheNilDB(t *testing.T) {
	_, err := New(t.Context(), nil)
	assert.Error(t, err)
}

// TestCacheReopen checks that what one cache wrote to a file is there when
// the file is opened again, and that the file is in WAL mode.
func TestCacheReopen(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "cache.db")
	cs := resolve.CachedSource{Key: "doi:10.1000/xyz",
		Source: resolve.Source{Status: resolve.StatusOK, Title: "T", Authors: []string{"A"}, CheckedAt: t0,
			Updates: []resolve.Update{{Type: "retraction", DOI: "10.1000/notice"}}, UpdatesChecked: true},
		ExpiresAt: t0.Add(time.Hour)}
	obs := resolve.LinkObservation{URL: "example.com/a", At: t0, Outcome: resolve.OutcomeFailed, Status: 404, Detail: "d"}

	db, err := sql.Open("sqlite3", "file:"+path)
	require.NoError(t, err)
	c, err := New(ctx, db)
	require.NoError(t, err)
	assert.True(t, c.wal)
	require.NoError(t, c.PutSource(ctx, cs))
	require.NoError(t, c.AddObservation(ctx, obs))
	require.NoError(t, db.Close())

	db = openSQLiteFile(t, path)
	var mode string
	require.NoError(t, db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode))
	assert.Equal(t, "wal", mode, "WAL mode persists in the file")
	c, err = New(ctx, db, resolve.WithCacheClock(func() time.Time { return t0 }))
	require.NoError(t, err)
	assertHolds(t, c, cs, obs)
}

// assertHolds checks that c answers with cs, and with obs as the only
// observation of its URL.
func assertHolds(t *testing.T, c *Cache, cs resolve.CachedSource, obs resolve.LinkObservation) {
	t.Helper()
	got, ok, err := c.GetSource(t.Context(), cs.Key)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, cs, got)
	gotObs, err := c.Observations(t.Context(), obs.URL)
	require.NoError(t, err)
	assert.Equal(t, []resolve.LinkObservation{obs}, gotObs)
}

// TestCacheColumns checks that the descriptive columns of cache_sources
// repeat the source, for whoever queries the file, and that raw holds it
// whole, without its text.
func TestCacheColumns(t *testing.T) {
	ctx := t.Context()
	c := newFileCache(t, cachetest.NewClock(t0))
	src := resolve.Source{Status: resolve.StatusOK, URL: "https://example.com/a", FinalURL: "https://example.com/a/",
		Title: "T", Authors: []string{"A", "B"}, Published: "2024", Publisher: "P", DOI: "10.1000/xyz",
		ArchivedURL: "https://web.archive.org/web/2024/https://example.com/a", CheckedAt: t0,
		Notes: []string{"n"}, Text: "the page's text"}
	require.NoError(t, c.PutSource(ctx, resolve.CachedSource{Key: "example.com/a", Source: src, ExpiresAt: t0.Add(time.Hour)}))

	var (
		status, finalURL, title, authors, published, publisher, doi, archived, raw string
		checked, expires                                                           int64
	)
	err := c.db.QueryRowContext(ctx, `SELECT status, final_url, title, authors, published, publisher, doi,
		archived_url, checked_at, expires_at, raw FROM cache_sources WHERE key = 'example.com/a'`).Scan(
		&status, &finalURL, &title, &authors, &published, &publisher, &doi, &archived, &checked, &expires, &raw)
	require.NoError(t, err)
	assert.Equal(t, []string{"ok", src.FinalURL, "T", `["A","B"]`, "2024", "P", "10.1000/xyz", src.ArchivedURL},
		[]string{status, finalURL, title, authors, published, publisher, doi, archived})
	assert.Equal(t, t0.UnixNano(), checked)
	assert.Equal(t, t0.Add(time.Hour).UnixNano(), expires)
	assert.Contains(t, raw, `"notes":["n"]`)
	assert.NotContains(t, raw, "the page's text")
	var packed []byte
	require.NoError(t, c.db.QueryRowContext(ctx, `SELECT text FROM cache_sources WHERE key = 'example.com/a'`).Scan(&packed))
	assert.NotContains(t, string(packed), "the page's text", "text is stored compressed")
	text, err := unpackText(packed)
	require.NoError(t, err)
	assert.Equal(t, "the page's text", text)
}

// TestCacheSchemaVersion checks the recorded version, that opening again
// migrates nothing, and that a newer schema is refused.
func TestCacheSchemaVersion(t *testing.T) {
	ctx := t.Context()
	db := openSQLiteFile(t, filepath.Join(t.TempDir(), "cache.db"))
	c, err := New(ctx, db)
	require.NoError(t, err)
	v, err := c.SchemaVersion(ctx)
	require.NoError(t, err)
	assert.Equal(t, SchemaVersion, v)
	require.NoError(t, c.PutSource(ctx, resolve.CachedSource{Key: "k", Source: resolve.Source{Status: resolve.StatusOK}}))

	c, err = New(ctx, db)
	require.NoError(t, err, "opening a current database again")
	_, ok, err := c.GetSource(ctx, "k")
	require.NoError(t, err)
	assert.True(t, ok, "reopening keeps the data")

	_, err = db.ExecContext(ctx, "UPDATE cache_schema SET version = ?", SchemaVersion+1)
	require.NoError(t, err)
	_, err = New(ctx, db)
	assert.ErrorIs(t, err, ErrSchemaVersion)
	assert.ErrorIs(t, err, sqlitedb.ErrNewerSchema)
}

// TestCacheConcurrentOpen checks that several processes' worth of pools
// opening one new file at once migrate it once, without error.
func TestCacheConcurrentOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache.db")
	const n = 4
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		db := openSQLiteFile(t, path)
		wg.Go(func() {
			_, errs[i] = New(t.Context(), db)
		})
	}
	wg.Wait()
	for i, err := range errs {
		assert.NoError(t, err, "opener %d", i)
	}
}

// TestCacheConcurrent has many goroutines put and get at once; run with
// -race. On a file, two pools stand for two processes; in shared memory
// (no WAL) reads wait for writes.
func TestCacheConcurrent(t *testing.T) {
	t.Run("file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "cache.db")
		var caches []*Cache
		for range 2 {
			c, err := New(t.Context(), openSQLiteFile(t, path))
			require.NoError(t, err)
			caches = append(caches, c)
		}
		testConcurrent(t, caches)
	})
	t.Run("shared memory", func(t *testing.T) {
		db, err := sql.Open("sqlite3", "file:concurrent?mode=memory&cache=shared")
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		c, err := New(t.Context(), db)
		require.NoError(t, err)
		testConcurrent(t, []*Cache{c})
	})
}

// testConcurrent runs the concurrent workload over caches, which share one
// database.
func testConcurrent(t *testing.T, caches []*Cache) {
	ctx := t.Context()
	const (
		workers = 16
		each    = 25
		shared  = "example.com/shared"
	)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		c := caches[w%len(caches)]
		wg.Go(func() {
			for i := range each {
				key := fmt.Sprintf("example.com/%d/%d", w, i)
				if err := c.PutSource(ctx, resolve.CachedSource{Key: key,
					Source: resolve.Source{Status: resolve.StatusOK, Title: key}}); err != nil {
					errs <- err
					return
				}
				if err := c.AddObservation(ctx, resolve.LinkObservation{URL: shared,
					At: t0.Add(time.Duration(w*each+i) * time.Second), Outcome: resolve.OutcomeOK, Status: 200}); err != nil {
					errs <- err
					return
				}
				cs, ok, err := c.GetSource(ctx, key)
				if err != nil {
					errs <- err
					return
				}
				if !ok || cs.Source.Title != key {
					errs <- fmt.Errorf("read back %q: ok=%v title=%q", key, ok, cs.Source.Title)
					return
				}
				if _, err := c.Observations(ctx, shared); err != nil {
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
	obs, err := caches[0].Observations(ctx, shared)
	require.NoError(t, err)
	require.Len(t, obs, workers*each)
	for i := 1; i < len(obs); i++ {
		assert.False(t, obs[i].At.Before(obs[i-1].At), "observations out of order at %d", i)
	}
}

// TestCacheTimes checks how times are stored: the zero time stays zero,
// nanoseconds survive, times come back in UTC, and ExpiresAt (a column of
// Unix nanoseconds) is clamped to the int64 range while CheckedAt (in the
// JSON of the source) is kept as it is.
func TestCacheTimes(t *testing.T) {
	ctx := t.Context()
	c := newFileCache(t, cachetest.NewClock(t0))
	farFuture := time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	farPast := time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name                     string
		in                       time.Time
		wantChecked, wantExpires time.Time
	}{
		{"zero", time.Time{}, time.Time{}, time.Time{}},
		{"nanoseconds", t0.Add(123456789), t0.Add(123456789), t0.Add(123456789)},
		{"other zone", time.Date(2026, 1, 2, 3, 4, 5, 6, time.FixedZone("X", 3600)),
			time.Date(2026, 1, 2, 2, 4, 5, 6, time.UTC), time.Date(2026, 1, 2, 2, 4, 5, 6, time.UTC)},
		{"far future", farFuture, farFuture, time.Unix(maxSQLSeconds, 0).UTC()},
		{"far past", farPast, farPast, time.Unix(minSQLSeconds, 0).UTC()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, c.PutSource(ctx, resolve.CachedSource{Key: tt.name,
				Source: resolve.Source{Status: resolve.StatusOK, CheckedAt: tt.in}, ExpiresAt: tt.in}))
			got, ok, err := c.GetSource(ctx, tt.name)
			require.NoError(t, err)
			require.True(t, ok)
			assert.Equal(t, tt.wantChecked, got.Source.CheckedAt)
			assert.Equal(t, tt.wantExpires, got.ExpiresAt)
		})
	}
}

// BenchmarkCachePutGet measures one PutSource and one GetSource on a file.
func BenchmarkCachePutGet(b *testing.B) {
	ctx := b.Context()
	c, err := New(ctx, openSQLiteFile(b, filepath.Join(b.TempDir(), "cache.db")))
	require.NoError(b, err)
	cs := resolve.CachedSource{Key: "example.com/a",
		Source: resolve.Source{Status: resolve.StatusOK, Title: "T", Authors: []string{"A", "B"}}}
	b.ReportAllocs()
	for b.Loop() {
		if err := c.PutSource(ctx, cs); err != nil {
			b.Fatal(err)
		}
		if _, _, err := c.GetSource(ctx, cs.Key); err != nil {
			b.Fatal(err)
		}
	}
}
