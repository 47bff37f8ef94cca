package sqlitedb

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// BeginImmediate begins a transaction on conn that holds the database's
// write lock from its start, as SQLite's BEGIN IMMEDIATE does, whatever the
// driver and the DSN say about transactions: its first statement is a
// DELETE from lockTable that matches no row, which changes nothing but
// takes the lock. lockTable must exist (the version table Migrate keeps
// serves).
//
// A transaction begun the ordinary way, deferred, that reads and then
// writes cannot wait for another process's writer: in WAL mode SQLite
// answers "database is locked" at once, busy_timeout or not, since the
// snapshot it read may be stale. Taking the lock before the first read
// makes the transaction wait, up to the connection's busy_timeout (see
// SetPragmas), like any other writer.
func BeginImmediate(ctx context.Context, conn *sql.Conn, lockTable string) (*sql.Tx, error) {
	if !isIdentifier(lockTable) {
		return nil, fmt.Errorf("begin: invalid lock table name %q", lockTable)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM "+lockTable+" WHERE 0"); err != nil {
		_ = tx.Rollback()
		return nil, fmt.Errorf("begin: lock: %w", err)
	}
	return tx, nil
}

// How Write waits between tries: the pause starts at busyPauseMin and
// doubles up to busyPauseMax, and Write gives up once busyRetryFor has
// passed since its first try, or earlier when ctx is done.
const (
	busyPauseMin = 10 * time.Millisecond
	busyPauseMax = time.Second
	busyRetryFor = time.Minute
)

// Write runs f in a transaction begun by BeginImmediate on conn and commits
// it; when f or the commit fails, the transaction is rolled back.
//
// While the database is locked beyond the connection's busy_timeout (IsBusy:
// another process holds the write lock long, or a checkpoint or recovery
// is running), Write rolls back, pauses and runs f again in a new
// transaction: f must do all its work through tx, and may run several
// times. It gives up, returning the last error, when ctx is done or after a
// minute of tries. Any other error of f is returned as it is, at once.
func Write(ctx context.Context, conn *sql.Conn, lockTable string, f func(tx *sql.Tx) error) error {
	deadline := time.Now().Add(busyRetryFor)
	pause := busyPauseMin
	for {
		err := writeOnce(ctx, conn, lockTable, f)
		if err == nil || !IsBusy(err) {
			return err
		}
		if time.Now().Add(pause).After(deadline) {
			return fmt.Errorf("%w (gave up after %v)", err, busyRetryFor)
		}
		timer := time.NewTimer(pause)
		select {
		case <-ctx.Done():
			timer.Stop()
			return fmt.Errorf("%w: %w", ctx.Err(), err)
		case <-timer.C:
		}
		pause = min(2*pause, busyPauseMax)
	}
}

// writeOnce is one try of Write.
func writeOnce(ctx context.Context, conn *sql.Conn, lockTable string, f func(tx *sql.Tx) error) error {
	tx, err := BeginImmediate(ctx, conn, lockTable)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if err := f(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
