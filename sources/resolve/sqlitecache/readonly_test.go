package sqlitecache

import (
	"crypto/sha256"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources/resolve"
	"github.com/citecheck/citecheck/sources/sqlitedb"
)

// fileSum returns the SHA-256 of the file at path.
func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return sha256.Sum256(b)
}

// openReadOnly opens the SQLite file at path read-only, with extra URI
// parameters, and closes it when the test ends.
func openReadOnly(t *testing.T, path, params string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro"+params)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

// TestNewReadOnly reads a cache file opened read-only, from a file the
// process may not write, in a folder it may write and in one it may not
// (where SQLite needs immutable=1 to read a WAL file): reads answer, writes
// fail with ErrReadOnly, and the file is left as it was.
func TestNewReadOnly(t *testing.T) {
	ctx := t.Context()
	cs := resolve.CachedSource{Key: "example.com/a", Source: resolve.Source{Status: resolve.StatusOK, Title: "T", CheckedAt: t0},
		ExpiresAt: t0.Add(time.Hour)}
	obs := resolve.LinkObservation{URL: "example.com/a", At: t0, Outcome: resolve.OutcomeOK, Status: 200}
	tests := []struct {
		name    string
		dirMode os.FileMode
		params  string
	}{
		{"read-only file", 0o755, ""},
		{"read-only folder", 0o555, "&immutable=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "ro")
			require.NoError(t, os.Mkdir(dir, 0o755))
			path := filepath.Join(dir, "cache.db")
			db, err := sql.Open("sqlite3", "file:"+path)
			require.NoError(t, err)
			c, err := New(ctx, db)
			require.NoError(t, err)
			require.NoError(t, c.PutSource(ctx, cs))
			require.NoError(t, c.AddObservation(ctx, obs))
			require.NoError(t, db.Close())
			require.NoError(t, os.Chmod(path, 0o444))
			require.NoError(t, os.Chmod(dir, tt.dirMode))
			t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
			before := fileSum(t, path)

			c, err = NewReadOnly(ctx, openReadOnly(t, path, tt.params), resolve.WithCacheClock(func() time.Time { return t0 }))
			require.NoError(t, err)
			assertHolds(t, c, cs, obs)
			v, err := c.SchemaVersion(ctx)
			require.NoError(t, err)
			assert.Equal(t, SchemaVersion, v)

			assert.ErrorIs(t, c.PutSource(ctx, resolve.CachedSource{Key: "k", Source: resolve.Source{Status: resolve.StatusOK}}), ErrReadOnly)
			assert.ErrorIs(t, c.AddObservation(ctx, obs), ErrReadOnly)
			_, err = c.Prune(ctx, t0.Add(time.Hour))
			assert.ErrorIs(t, err, ErrReadOnly)
			assert.Equal(t, before, fileSum(t, path), "the file is unchanged")
		})
	}
}

// TestNewReadOnlyRefuses checks that a cache whose schema is not the
// current one is refused, and left as it was, rather than migrated.
func TestNewReadOnlyRefuses(t *testing.T) {
	ctx := t.Context()
	tests := []struct {
		name    string
		setup   func(t *testing.T, db *sql.DB)
		wantErr error
	}{
		{"empty database", func(t *testing.T, db *sql.DB) {
			_, err := db.ExecContext(ctx, "CREATE TABLE other (x)")
			require.NoError(t, err)
		}, ErrOldSchema},
		{"version 1", func(t *testing.T, db *sql.DB) {
			_, err := db.ExecContext(ctx, schemaV1)
			require.NoError(t, err)
		}, ErrOldSchema},
		{"older version", func(t *testing.T, db *sql.DB) {
			conn, err := db.Conn(ctx)
			require.NoError(t, err)
			defer conn.Close()
			_, err = sqlitedb.Migrate(ctx, conn, versionTable, migrations[:SchemaVersion-1])
			require.NoError(t, err)
		}, ErrOldSchema},
		{"newer version", func(t *testing.T, db *sql.DB) {
			_, err := New(ctx, db)
			require.NoError(t, err)
			_, err = db.ExecContext(ctx, "UPDATE cache_schema SET version = ?", SchemaVersion+1)
			require.NoError(t, err)
		}, ErrSchemaVersion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "cache.db")
			db, err := sql.Open("sqlite3", "file:"+path)
			require.NoError(t, err)
			tt.setup(t, db)
			require.NoError(t, db.Close())
			before := fileSum(t, path)

			_, err = NewReadOnly(ctx, openReadOnly(t, path, ""))
			assert.ErrorIs(t, err, tt.wantErr)
			assert.Equal(t, before, fileSum(t, path), "the file is unchanged")
		})
	}
}
