package sqlitedb_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources/sqlitedb"
)

// counterDB makes a WAL database file with a table counter of one row
// (n = 0), and returns its DSN.
func counterDB(t *testing.T) string {
	t.Helper()
	dsn := "file:" + filepath.Join(t.TempDir(), "test.db")
	conn := openConn(t, openDB(t, dsn))
	_, err := sqlitedb.EnableWAL(t.Context(), conn)
	require.NoError(t, err)
	exec(t, conn, "CREATE TABLE counter (n INTEGER NOT NULL); INSERT INTO counter VALUES (0)")
	return dsn
}

// increment reads the counter and writes it back plus one: a transaction
// that reads before it writes.
func increment(ctx context.Context, tx *sql.Tx) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT n FROM counter").Scan(&n); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, "UPDATE counter SET n = ?", n+1)
	return err
}

// lockedCounter makes a counter database whose write lock a transaction
// holds, and returns that transaction, rolled back when the test ends, and
// another connection, which does not wait for locks (no busy_timeout).
func lockedCounter(t *testing.T) (held *sql.Tx, other *sql.Conn) {
	t.Helper()
	dsn := counterDB(t)
	held, err := sqlitedb.BeginImmediate(t.Context(), openConn(t, openDB(t, dsn)), "counter")
	require.NoError(t, err)
	t.Cleanup(func() { _ = held.Rollback() })
	other = openConn(t, openDB(t, dsn))
	require.NoError(t, sqlitedb.SetPragmas(t.Context(), other, 0))
	return held, other
}

func counter(t *testing.T, conn *sql.Conn) int {
	t.Helper()
	var n int
	require.NoError(t, conn.QueryRowContext(t.Context(), "SELECT n FROM counter").Scan(&n))
	return n
}

// TestDeferredCannotWait shows the failure BeginImmediate avoids: a
// deferred transaction that read before another connection committed
// cannot write, and SQLite says so at once, whatever its busy_timeout.
func TestDeferredCannotWait(t *testing.T) {
	ctx := t.Context()
	dsn := counterDB(t)
	a := openConn(t, openDB(t, dsn))
	b := openConn(t, openDB(t, dsn)) // busy_timeout 5 s
	tx, err := b.BeginTx(ctx, nil)
	require.NoError(t, err)
	defer tx.Rollback() //nolint:errcheck // the test's end
	var n int
	require.NoError(t, tx.QueryRowContext(ctx, "SELECT n FROM counter").Scan(&n))
	exec(t, a, "UPDATE counter SET n = 7")
	_, err = tx.ExecContext(ctx, "UPDATE counter SET n = ?", n+1)
	require.Error(t, err)
	assert.True(t, sqlitedb.IsBusy(err), "%v", err)
}

// TestBeginImmediate checks that the transaction holds the write lock
// before it has read or written anything of its own.
func TestBeginImmediate(t *testing.T) {
	ctx := t.Context()
	held, b := lockedCounter(t)
	_, err := b.ExecContext(ctx, "UPDATE counter SET n = 1")
	require.Error(t, err, "another writer is locked out")
	assert.True(t, sqlitedb.IsBusy(err), "%v", err)
	assert.Equal(t, 0, counter(t, b), "readers go on")
	require.NoError(t, held.Rollback())
	exec(t, b, "UPDATE counter SET n = 1")

	_, err = sqlitedb.BeginImmediate(ctx, b, "counter; DROP TABLE counter")
	assert.Error(t, err)
	_, err = sqlitedb.BeginImmediate(ctx, b, "missing")
	assert.Error(t, err)
	assert.Equal(t, 1, counter(t, b))
}

// TestWriteConcurrent has pools standing for processes increment one
// counter at once: no increment fails or is lost.
func TestWriteConcurrent(t *testing.T) {
	dsn := counterDB(t)
	const (
		writers = 6
		each    = 20
	)
	errs := make([]error, writers)
	var wg sync.WaitGroup
	for i := range writers {
		conn := openConn(t, openDB(t, dsn))
		wg.Go(func() {
			ctx := t.Context()
			for range each {
				err := sqlitedb.Write(ctx, conn, "counter", func(tx *sql.Tx) error { return increment(ctx, tx) })
				if err != nil {
					errs[i] = err
					return
				}
			}
		})
	}
	wg.Wait()
	for i, err := range errs {
		require.NoError(t, err, "writer %d", i)
	}
	assert.Equal(t, writers*each, counter(t, openConn(t, openDB(t, dsn))))
}

// TestWriteWaitsForWriter checks that Write tries again while another
// writer holds the lock past the busy_timeout, here none.
func TestWriteWaitsForWriter(t *testing.T) {
	ctx := t.Context()
	held, b := lockedCounter(t)
	released := time.AfterFunc(100*time.Millisecond, func() {
		held.Rollback() //nolint:errcheck // nothing to undo
	})
	defer released.Stop()
	err := sqlitedb.Write(ctx, b, "counter", func(tx *sql.Tx) error { return increment(ctx, tx) })
	require.NoError(t, err)
	assert.Equal(t, 1, counter(t, b))
}

// TestWriteRunsAgain checks that a busy error inside the transaction rolls
// it back and runs f again, and that any other error is returned at once.
func TestWriteRunsAgain(t *testing.T) {
	ctx := t.Context()
	conn := openConn(t, openDB(t, counterDB(t)))
	tries := 0
	err := sqlitedb.Write(ctx, conn, "counter", func(tx *sql.Tx) error {
		tries++
		if err := increment(ctx, tx); err != nil {
			return err
		}
		if tries == 1 {
			return errors.New("database table is locked")
		}
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, 2, tries)
	assert.Equal(t, 1, counter(t, conn), "the first try was rolled back")

	errFailed := errors.New("failed")
	tries = 0
	err = sqlitedb.Write(ctx, conn, "counter", func(tx *sql.Tx) error {
		tries++
		if err := increment(ctx, tx); err != nil {
			return err
		}
		return errFailed
	})
	assert.ErrorIs(t, err, errFailed)
	assert.Equal(t, 1, tries)
	assert.Equal(t, 1, counter(t, conn), "rolled back")
}

// TestWriteGivesUp checks that Write stops trying when its context ends
// and says why.
func TestWriteGivesUp(t *testing.T) {
	_, b := lockedCounter(t)
	ctx, cancel := context.WithCancel(t.Context())
	stop := time.AfterFunc(50*time.Millisecond, cancel)
	defer stop.Stop()
	called := false
	err := sqlitedb.Write(ctx, b, "counter", func(*sql.Tx) error {
		called = true
		return nil
	})
	require.Error(t, err)
	assert.ErrorIs(t, err, context.Canceled)
	assert.True(t, sqlitedb.IsBusy(err), "the error says the database was locked: %v", err)
	assert.False(t, called, "f never ran without the lock")
}
