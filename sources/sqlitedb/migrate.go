package sqlitedb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrNewerSchema means the database records a schema version newer than
// the migrations Migrate was given know: it was written by a newer
// program, and is refused rather than misread. Callers wrap it in their
// own sentinel, as in fmt.Errorf("%w: %w", ErrSchemaVersion, err), so that
// errors.Is finds either.
var ErrNewerSchema = errors.New("schema is newer than this program knows")

// errUpToDate ends Migrate's transaction, rolling it back, when there is
// nothing to apply.
var errUpToDate = errors.New("schema up to date")

// Migration is one step of a schema: it brings the schema from one version
// to the next, inside the transaction Migrate runs all steps in. Write
// steps as SQL with SQL, and as Go when SQL cannot express them (say,
// recomputing values with a Go function).
type Migration func(ctx context.Context, tx *sql.Tx) error

// SQL returns the Migration that runs query, which may hold several
// statements separated by semicolons.
func SQL(query string) Migration {
	return func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, query)
		return err
	}
}

// Migrate brings the schema of conn's database to version len(steps):
// steps[i] takes it from version i to i+1. It records the version in
// versionTable, which it creates when missing with one row
// (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL); an
// existing table needs only an INTEGER version column and at most one row.
// It returns how many steps it applied, 0 when the database was up to
// date.
//
// The steps and the new version are written in one transaction, run by
// Write: a failing step leaves the database as it was. The transaction
// takes the write lock before reading the version, so that processes
// opening one new database at once take turns (each waits up to the
// connection's busy_timeout, see SetPragmas, then Write tries again) and
// only the first applies the steps; in WAL mode a transaction that read
// first would instead fail with "database is locked". A database whose
// version is greater than len(steps) is left alone and fails with
// ErrNewerSchema.
func Migrate(ctx context.Context, conn *sql.Conn, versionTable string, steps []Migration) (applied int, err error) {
	if !isIdentifier(versionTable) {
		return 0, fmt.Errorf("migrate: invalid version table name %q", versionTable)
	}
	for i, step := range steps {
		if step == nil {
			return 0, fmt.Errorf("migrate %s: step %d is nil", versionTable, i+1)
		}
	}
	// Outside the transaction: when the table exists this reads the schema,
	// which in the transaction would take a read snapshot before the lock.
	_, err = conn.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS "+versionTable+
		" (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)")
	if err != nil {
		return 0, fmt.Errorf("migrate %s: create version table: %w", versionTable, err)
	}
	err = Write(ctx, conn, versionTable, func(tx *sql.Tx) error {
		applied = 0
		// The version table may be new, and empty.
		_, err := tx.ExecContext(ctx, "INSERT INTO "+versionTable+
			" (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM "+versionTable+")")
		if err != nil {
			return err
		}
		var version int
		if err := tx.QueryRowContext(ctx, "SELECT version FROM "+versionTable+" LIMIT 1").Scan(&version); err != nil {
			return fmt.Errorf("read version: %w", err)
		}
		switch {
		case version > len(steps):
			return fmt.Errorf("%w: database has version %d, known %d", ErrNewerSchema, version, len(steps))
		case version == len(steps):
			return errUpToDate // roll back the version row inserted above
		}
		for v := version; v < len(steps); v++ {
			if err := steps[v](ctx, tx); err != nil {
				return fmt.Errorf("to version %d: %w", v+1, err)
			}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE "+versionTable+" SET version = ?", len(steps)); err != nil {
			return fmt.Errorf("write version: %w", err)
		}
		applied = len(steps) - version
		return nil
	})
	if err != nil && !errors.Is(err, errUpToDate) {
		return 0, fmt.Errorf("migrate %s: %w", versionTable, err)
	}
	return applied, nil
}

// isIdentifier reports whether name can stand unquoted in SQL as a table
// name: ASCII letters, digits and underscores, not starting with a digit.
func isIdentifier(name string) bool {
	for i, c := range []byte(name) {
		switch {
		case c == '_', 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return name != ""
}

// Queryer is what Version reads through: a *sql.DB, *sql.Conn or *sql.Tx.
type Queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Version reads the schema version Migrate recorded in versionTable,
// without changing anything; ok is false when the database has no such
// table or it holds no version (Migrate never ran on it).
func Version(ctx context.Context, q Queryer, versionTable string) (version int, ok bool, err error) {
	if !isIdentifier(versionTable) {
		return 0, false, fmt.Errorf("schema version: invalid version table name %q", versionTable)
	}
	var n int
	err = q.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", versionTable).Scan(&n)
	if err != nil {
		return 0, false, fmt.Errorf("schema version: %w", err)
	}
	if n == 0 {
		return 0, false, nil
	}
	switch err := q.QueryRowContext(ctx, "SELECT version FROM "+versionTable+" LIMIT 1").Scan(&version); {
	case errors.Is(err, sql.ErrNoRows):
		return 0, false, nil
	case err != nil:
		return 0, false, fmt.Errorf("schema version: %w", err)
	}
	return version, true, nil
}
