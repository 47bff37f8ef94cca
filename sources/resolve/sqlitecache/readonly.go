package sqlitecache

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/citecheck/citecheck/sources/resolve"
	"github.com/citecheck/citecheck/sources/sqlitedb"
)

// ErrReadOnly is what the writes of a cache opened with NewReadOnly fail
// with.
var ErrReadOnly = errors.New("cache is read-only")

// ErrOldSchema means the database holds a cache schema older than this
// version of citecheck reads, or none: NewReadOnly refuses it, since
// bringing it up to date means writing. New upgrades it.
var ErrOldSchema = errors.New("cache schema is older than this citecheck reads")

// NewReadOnly returns a cache that reads db and never writes to it: not to
// switch its journal mode, not to migrate its schema, not to store what
// the resolver learns (PutSource, AddObservation and Prune fail with
// ErrReadOnly). It serves an offline resolver (resolve.Config.Offline),
// which only reads, on a file the process may not write, opened read-only
// (with mattn/go-sqlite3, "file:"+path+"?mode=ro").
//
// SQLite reads a WAL file (every cache New made is one) through its -shm
// file, which it creates next to the database when missing; in a folder
// the process may not write, opening fails with "attempt to write a
// readonly database" unless the URI adds immutable=1, which reads the file
// alone, on the promise that nothing writes it meanwhile.
//
// The schema must be the current one: an older schema, or none, fails with
// ErrOldSchema, a newer with ErrSchemaVersion. A pool whose connections do
// not share one database fails with ErrNotShared, as with New.
func NewReadOnly(ctx context.Context, db *sql.DB, opts ...resolve.CacheOption) (*Cache, error) {
	if db == nil {
		return nil, errors.New("sqlite cache: nil *sql.DB")
	}
	cfg := resolve.NewCacheConfig(opts)
	c := &Cache{db: db, now: cfg.Now, readOnly: true}
	conn, err := c.conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("sqlite cache: open: %w", err)
	}
	defer conn.Close()
	var mode string
	if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return nil, fmt.Errorf("sqlite cache: open: %w", err)
	}
	c.wal = strings.EqualFold(mode, "wal")
	version, _, err := sqlitedb.Version(ctx, conn, versionTable)
	switch {
	case err != nil:
		return nil, fmt.Errorf("sqlite cache: %w", err)
	case version > SchemaVersion:
		return nil, fmt.Errorf("sqlite cache: %w: %w: database has version %d, known %d",
			ErrSchemaVersion, sqlitedb.ErrNewerSchema, version, SchemaVersion)
	case version < SchemaVersion:
		return nil, fmt.Errorf("sqlite cache: %w: database has version %d, current is %d; opening it for writing upgrades it",
			ErrOldSchema, version, SchemaVersion)
	}
	if err := c.checkShared(ctx); err != nil {
		return nil, err
	}
	return c, nil
}
