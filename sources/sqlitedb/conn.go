package sqlitedb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// SetPragmas sets on conn the pragmas every citecheck connection uses.
// They bind one connection only, and database/sql pools connections, so
// set them on each connection taken from the pool:
//
//   - busy_timeout: wait up to busyTimeout (rounded down to milliseconds)
//     for another connection's or process's lock instead of failing at once
//     with "database is locked";
//   - foreign_keys = ON;
//   - synchronous = NORMAL: in WAL mode a killed process loses no committed
//     write, and a power cut at worst the last transactions, never the
//     database.
func SetPragmas(ctx context.Context, conn *sql.Conn, busyTimeout time.Duration) error {
	q := fmt.Sprintf("PRAGMA busy_timeout = %d; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
		busyTimeout.Milliseconds())
	if _, err := conn.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("set pragmas: %w", err)
	}
	return nil
}

// walRetry is how long EnableWAL keeps trying while the database is
// locked, and walPause how long it waits between tries.
const (
	walRetry = 5 * time.Second
	walPause = 50 * time.Millisecond
)

// EnableWAL switches the database of conn to WAL journaling, which lets
// readers run alongside the writer, and returns the journal mode now in
// force: "wal", or "memory" for an in-memory database, which has no WAL.
// The mode is stored in the file, so later openings find it set.
//
// Changing the mode needs the database to itself. SQLite may answer
// "locked" at once while another connection reads it, when waiting could
// deadlock, or once the connection's busy_timeout has run out, so the
// change is retried for up to five seconds.
func EnableWAL(ctx context.Context, conn *sql.Conn) (mode string, err error) {
	if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return "", fmt.Errorf("enable wal: %w", err)
	}
	if strings.EqualFold(mode, "wal") {
		return mode, nil
	}
	deadline := time.Now().Add(walRetry)
	for {
		err := conn.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode)
		switch {
		case err == nil:
			return mode, nil
		case !IsBusy(err) || time.Now().After(deadline):
			return "", fmt.Errorf("enable wal: %w", err)
		}
		timer := time.NewTimer(walPause)
		select {
		case <-ctx.Done():
			timer.Stop()
			return "", fmt.Errorf("enable wal: %w", ctx.Err())
		case <-timer.C:
		}
	}
}

// IsBusy reports whether err is SQLite's SQLITE_BUSY or SQLITE_LOCKED: the
// database, a table or the schema is locked by another connection. It
// reads the message, since this package imports no driver.
func IsBusy(err error) bool {
	if err == nil {
		return false
	}
	msg := strings.ToLower(err.Error())
	return strings.Contains(msg, "database is locked") || strings.Contains(msg, "is busy") ||
		strings.Contains(msg, "table is locked") || strings.Contains(msg, "schema is locked")
}
