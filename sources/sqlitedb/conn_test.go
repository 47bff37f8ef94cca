package sqlitedb_test

import (
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources/sqlitedb"
)

// openDB opens (creating if needed) the SQLite database named by dsn and
// closes it when the test ends.
func openDB(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", dsn)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

// openConn takes a connection of db with the pragmas set, closed when the
// test ends.
func openConn(t *testing.T, db *sql.DB) *sql.Conn {
	t.Helper()
	conn, err := db.Conn(t.Context())
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close() })
	require.NoError(t, sqlitedb.SetPragmas(t.Context(), conn, 5*time.Second))
	return conn
}

// tempFile returns the DSN of a new database file in a temporary folder.
func tempFile(t *testing.T) string {
	return "file:" + filepath.Join(t.TempDir(), "test.db")
}

func TestSetPragmas(t *testing.T) {
	conn := openConn(t, openDB(t, tempFile(t)))
	for pragma, want := range map[string]int{"busy_timeout": 5000, "foreign_keys": 1, "synchronous": 1} {
		var got int
		require.NoError(t, conn.QueryRowContext(t.Context(), "PRAGMA "+pragma).Scan(&got))
		assert.Equal(t, want, got, pragma)
	}
}

func TestEnableWAL(t *testing.T) {
	tests := []struct {
		name, dsn, want string
	}{
		{"file", "", "wal"},
		{"shared memory", "file:wal?mode=memory&cache=shared", "memory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dsn := tt.dsn
			if dsn == "" {
				dsn = tempFile(t)
			}
			conn := openConn(t, openDB(t, dsn))
			mode, err := sqlitedb.EnableWAL(t.Context(), conn)
			require.NoError(t, err)
			assert.Equal(t, tt.want, mode)
			mode, err = sqlitedb.EnableWAL(t.Context(), conn)
			require.NoError(t, err)
			assert.Equal(t, tt.want, mode, "enabling again")
		})
	}
}

// TestEnableWALWaitsForReader checks that EnableWAL retries while another
// connection reads the database, which makes SQLite refuse the change at
// once.
func TestEnableWALWaitsForReader(t *testing.T) {
	ctx := t.Context()
	dsn := tempFile(t)
	reader := openConn(t, openDB(t, dsn))
	_, err := reader.ExecContext(ctx, "CREATE TABLE t (x); INSERT INTO t VALUES (1), (2)")
	require.NoError(t, err)
	tx, err := reader.BeginTx(ctx, nil)
	require.NoError(t, err)
	rows, err := tx.QueryContext(ctx, "SELECT x FROM t")
	require.NoError(t, err)
	require.True(t, rows.Next(), "the reader holds its read lock while the rows are open")

	conn := openConn(t, openDB(t, dsn))
	require.NoError(t, sqlitedb.SetPragmas(ctx, conn, 0), "no busy_timeout: only EnableWAL waits")
	_, err = conn.ExecContext(ctx, "PRAGMA journal_mode = WAL")
	require.Error(t, err)
	require.True(t, sqlitedb.IsBusy(err), "changing the mode under a reader: %v", err)

	released := time.AfterFunc(200*time.Millisecond, func() {
		rows.Close()
		tx.Rollback() //nolint:errcheck // nothing to undo
	})
	defer released.Stop()
	mode, err := sqlitedb.EnableWAL(ctx, conn)
	require.NoError(t, err)
	assert.Equal(t, "wal", mode)
}

func TestIsBusy(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{nil, false},
		{errors.New("database is locked"), true},
		{fmt.Errorf("save: %w", errors.New("database is locked (5) (SQLITE_BUSY)")), true},
		{errors.New("database table is locked"), true},
		{errors.New("database schema is locked: main"), true},
		{errors.New("no such table: t"), false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, sqlitedb.IsBusy(tt.err), "%v", tt.err)
	}
}
