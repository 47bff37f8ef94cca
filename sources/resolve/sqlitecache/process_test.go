package sqlitecache

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources/resolve"
)

// The environment of the writer processes TestCacheProcesses starts: the
// cache file, the writer's name and how many sources it puts.
const (
	writerFileEnv  = "SQLITECACHE_TEST_WRITER_FILE"
	writerNameEnv  = "SQLITECACHE_TEST_WRITER_NAME"
	writerCountEnv = "SQLITECACHE_TEST_WRITER_COUNT"
)

// sharedURL is the link every writer process observes.
const sharedURL = "https://example.com/shared"

// TestHelperCacheWriter is a writer process of TestCacheProcesses: it
// opens the cache and puts sources and observations as fast as it can.
func TestHelperCacheWriter(t *testing.T) {
	path := os.Getenv(writerFileEnv)
	if path == "" {
		t.Skip("run by TestCacheProcesses only")
	}
	name := os.Getenv(writerNameEnv)
	n, err := strconv.Atoi(os.Getenv(writerCountEnv))
	require.NoError(t, err)
	if err := writeCache(context.Background(), path, name, n); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// writeCache opens the cache at path and puts n sources named after
// writer, each with an observation of sharedURL.
func writeCache(ctx context.Context, path, writer string, n int) error {
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := New(ctx, db)
	if err != nil {
		return err
	}
	for i := range n {
		key := fmt.Sprintf("https://example.com/%s/%d", writer, i)
		if err := c.PutSource(ctx, resolve.CachedSource{Key: key, Source: resolve.Source{Status: resolve.StatusOK, Title: key},
			ExpiresAt: t0.Add(time.Hour)}); err != nil {
			return err
		}
		if err := c.AddObservation(ctx, resolve.LinkObservation{URL: sharedURL, At: t0.Add(time.Duration(i) * time.Second),
			Outcome: resolve.OutcomeOK, Status: 200, Detail: writer}); err != nil {
			return err
		}
	}
	return nil
}

// TestCacheProcesses has two processes create and write one cache file at
// once: neither fails, and everything both wrote is there.
func TestCacheProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two processes")
	}
	path := filepath.Join(t.TempDir(), "cache.db")
	const writers, each = 2, 300
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	outs := make([][]byte, writers)
	errs := make([]error, writers)
	var wg sync.WaitGroup
	for i := range writers {
		cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHelperCacheWriter$")
		cmd.Env = append(os.Environ(), writerFileEnv+"="+path, fmt.Sprintf("%s=w%d", writerNameEnv, i),
			fmt.Sprintf("%s=%d", writerCountEnv, each))
		wg.Go(func() { outs[i], errs[i] = cmd.CombinedOutput() })
	}
	wg.Wait()
	for i, err := range errs {
		require.NoError(t, err, "writer %d: %s", i, outs[i])
	}

	c, err := New(ctx, openSQLiteFile(t, path))
	require.NoError(t, err)
	var sources int
	require.NoError(t, c.db.QueryRowContext(ctx, "SELECT count(*) FROM cache_sources").Scan(&sources))
	assert.Equal(t, writers*each, sources)
	var observations int
	require.NoError(t, c.db.QueryRowContext(ctx, "SELECT count(*) FROM cache_observations WHERE url = ?", sharedURL).Scan(&observations))
	assert.Equal(t, writers*each, observations)
}
