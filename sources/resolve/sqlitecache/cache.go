package sqlitecache

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/citecheck/citecheck/sources/resolve"
	"github.com/citecheck/citecheck/sources/sqlitedb"
)

// ErrSchemaVersion means the database holds a cache schema newer than this
// version of citecheck knows; the cache refuses it rather than misread it.
// Errors that wrap it also wrap sqlitedb.ErrNewerSchema.
var ErrSchemaVersion = errors.New("cache schema is newer than this citecheck")

// ErrNotShared means each connection of the *sql.DB sees a different
// database, as with a plain ":memory:" name; use "file::memory:?cache=shared"
// or a file.
var ErrNotShared = errors.New("sqlite connections do not share one database")

// busyTimeout is how long a connection waits for another process's lock
// before failing with "database is locked".
const busyTimeout = 5 * time.Second

// Cache is a resolve.Cache stored in SQLite tables (named cache_*) of a
// database the caller opened. It is safe for concurrent use, also by
// several processes sharing the file.
//
// SQLite lets one connection write at a time, so the cache serialises its
// writes with a mutex, each in its own transaction, committed before the
// method returns: killing the process loses nothing already put. In WAL
// mode reads run concurrently with each other and with the writer; without
// WAL (an in-memory database) reads wait for writes. Other processes'
// writers are waited for up to 5 s (busy_timeout), and a write that still
// finds the database locked is tried again for up to a minute (see
// sqlitedb.Write).
//
// Sources are kept whole as JSON, without their Text, in the column raw;
// the other columns of cache_sources repeat the main fields for whoever
// queries the file. Records come back with times in UTC, and Stale set
// when their ExpiresAt is not after the cache's clock: expired records are
// kept and returned, for offline runs; the caller decides whether to
// refresh them.
type Cache struct {
	db  *sql.DB
	now func() time.Time
	wal bool
	// readOnly is set by NewReadOnly: every write fails with ErrReadOnly.
	readOnly bool
	// mu is held for writing by writes, and for reading by reads when the
	// database is not in WAL mode.
	mu sync.RWMutex
}

var _ resolve.Cache = (*Cache)(nil)

// New prepares db for use as a cache and returns the cache: it switches
// the database to WAL journaling (a no-op for in-memory databases), and
// creates or migrates its tables to SchemaVersion. db stays the caller's to
// close; the cache must not be used afterwards.
//
// The package does not import a driver; the caller does, e.g.
//
//	import _ "github.com/mattn/go-sqlite3"
//	db, err := sql.Open("sqlite3", "file:"+path)
//
// An in-memory database must be shared by the pool's connections
// ("file::memory:?cache=shared", or db.SetMaxOpenConns(1)), and lives only
// while one of them is open; otherwise New fails with ErrNotShared. A
// database written by a newer citecheck fails with ErrSchemaVersion.
func New(ctx context.Context, db *sql.DB, opts ...resolve.CacheOption) (*Cache, error) {
	if db == nil {
		return nil, errors.New("sqlite cache: nil *sql.DB")
	}
	cfg := resolve.NewCacheConfig(opts)
	c := &Cache{db: db, now: cfg.Now}
	conn, err := c.conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("sqlite cache: open: %w", err)
	}
	defer conn.Close()
	mode, err := sqlitedb.EnableWAL(ctx, conn)
	if err != nil {
		return nil, fmt.Errorf("sqlite cache: %w", err)
	}
	c.wal = strings.EqualFold(mode, "wal")
	if _, err := sqlitedb.Migrate(ctx, conn, versionTable, migrations[:]); err != nil {
		if errors.Is(err, sqlitedb.ErrNewerSchema) {
			err = fmt.Errorf("%w: %w", ErrSchemaVersion, err)
		}
		return nil, fmt.Errorf("sqlite cache: %w", err)
	}
	if err := c.checkShared(ctx); err != nil {
		return nil, err
	}
	return c, nil
}

// checkShared fails with ErrNotShared when another connection of the pool
// does not see the cache's tables. Call it while holding a connection, so
// that the pool must open another.
func (c *Cache) checkShared(ctx context.Context) error {
	if c.db.Stats().MaxOpenConnections == 1 {
		return nil
	}
	other, err := c.conn(ctx)
	if err != nil {
		return fmt.Errorf("sqlite cache: open: %w", err)
	}
	defer other.Close()
	var n int
	err = other.QueryRowContext(ctx,
		"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", versionTable).Scan(&n)
	if err != nil {
		return fmt.Errorf("sqlite cache: check: %w", err)
	}
	if n == 0 {
		return fmt.Errorf("sqlite cache: %w", ErrNotShared)
	}
	return nil
}

// conn takes a connection from the pool and sets the per-connection
// pragmas on it. The caller closes it.
func (c *Cache) conn(ctx context.Context) (*sql.Conn, error) {
	conn, err := c.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if err := sqlitedb.SetPragmas(ctx, conn, busyTimeout); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

// SchemaVersion returns the schema version recorded in the database.
func (c *Cache) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := c.read(ctx, func(conn *sql.Conn) error {
		var err error
		v, _, err = sqlitedb.Version(ctx, conn, versionTable)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("sqlite cache: %w", err)
	}
	return v, nil
}

// read runs f on a pooled connection, under the read lock when the
// database is not in WAL mode.
func (c *Cache) read(ctx context.Context, f func(*sql.Conn) error) error {
	if !c.wal {
		c.mu.RLock()
		defer c.mu.RUnlock()
	}
	conn, err := c.conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return f(conn)
}

// versionTable is where Migrate records the schema version; every write
// transaction takes its lock first (sqlitedb.BeginImmediate).
const versionTable = "cache_schema"

// write runs f in a transaction on a pooled connection, holding the write
// lock, and commits. The transaction takes the database's lock before f
// reads, and is tried again while another process keeps the database
// locked (sqlitedb.Write), so f may run more than once.
func (c *Cache) write(ctx context.Context, f func(*sql.Tx) error) error {
	if c.readOnly {
		return ErrReadOnly
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	conn, err := c.conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return sqlitedb.Write(ctx, conn, versionTable, f)
}

// GetSource implements resolve.Cache.
func (c *Cache) GetSource(ctx context.Context, key string) (resolve.CachedSource, bool, error) {
	var (
		row   sourceRow
		found bool
	)
	err := c.read(ctx, func(conn *sql.Conn) error {
		err := conn.QueryRowContext(ctx, `SELECT status, final_url, title, authors, published,
			publisher, doi, archived_url, checked_at, expires_at, raw, text
			FROM cache_sources WHERE key = ?`, key).Scan(&row.status, &row.finalURL, &row.title, &row.authors,
			&row.published, &row.publisher, &row.doi, &row.archivedURL, &row.checkedAt, &row.expiresAt, &row.raw, &row.text)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		found = err == nil
		return err
	})
	if err != nil {
		return resolve.CachedSource{}, false, fmt.Errorf("sqlite cache: get source %q: %w", key, err)
	}
	if !found {
		return resolve.CachedSource{}, false, nil
	}
	src, err := row.source()
	if err != nil {
		return resolve.CachedSource{}, false, fmt.Errorf("sqlite cache: get source %q: %w", key, err)
	}
	cs := resolve.CachedSource{Key: key, Source: src, ExpiresAt: timeFromSQL(row.expiresAt)}
	cs.Stale = !c.now().Before(cs.ExpiresAt)
	return cs, true, nil
}

// sourceRow is a row of cache_sources as GetSource reads it.
type sourceRow struct {
	status, finalURL, title, authors, published, publisher, doi, archivedURL string
	checkedAt, expiresAt                                                     sql.NullInt64
	raw, text                                                                []byte
}

// source returns the Source the row holds: raw decoded, or, for a row
// whose raw is empty or is not a Source (a row no citecheck resolver
// wrote), what the descriptive columns say.
func (r *sourceRow) source() (resolve.Source, error) {
	var s resolve.Source
	if len(r.raw) > 0 && json.Unmarshal(r.raw, &s) == nil && s.Status != "" {
		s.CheckedAt = s.CheckedAt.UTC()
		text, err := unpackText(r.text)
		if err != nil {
			return resolve.Source{}, err
		}
		s.Text = text
		return s, nil
	}
	s = resolve.Source{Status: resolve.SourceStatus(r.status), FinalURL: r.finalURL, Title: r.title,
		Published: r.published, Publisher: r.publisher, DOI: r.doi, ArchivedURL: r.archivedURL,
		CheckedAt: timeFromSQL(r.checkedAt)}
	if err := json.Unmarshal([]byte(r.authors), &s.Authors); err != nil {
		return resolve.Source{}, fmt.Errorf("authors: %w", err)
	}
	if len(s.Authors) == 0 {
		s.Authors = nil // as a Source put without authors comes back
	}
	return s, nil
}

// PutSource implements resolve.Cache. It stores cs.Source with its Text
// compressed in the column text, at most resolve.MaxSourceText bytes of it.
func (c *Cache) PutSource(ctx context.Context, cs resolve.CachedSource) error {
	if err := resolve.CheckSource(cs); err != nil {
		return err
	}
	src := &cs.Source
	raw, err := json.Marshal(src) // Text is not marshalled
	if err != nil {
		return fmt.Errorf("sqlite cache: put source %q: %w", cs.Key, err)
	}
	authors := src.Authors
	if authors == nil {
		authors = []string{}
	}
	aj, err := json.Marshal(authors)
	if err != nil {
		return fmt.Errorf("sqlite cache: put source %q: authors: %w", cs.Key, err)
	}
	text, err := packText(src.Text)
	if err != nil {
		return fmt.Errorf("sqlite cache: put source %q: %w", cs.Key, err)
	}
	err = c.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO cache_sources (key, status, final_url, title,
			authors, published, publisher, doi, archived_url, checked_at, expires_at, raw, text)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			cs.Key, string(src.Status), src.FinalURL, src.Title, string(aj), src.Published, src.Publisher,
			src.DOI, src.ArchivedURL, timeToSQL(src.CheckedAt), timeToSQL(cs.ExpiresAt), raw, text)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite cache: put source %q: %w", cs.Key, err)
	}
	return nil
}

// AddObservation implements resolve.Cache. A zero obs.At is taken as now,
// by the cache's clock.
func (c *Cache) AddObservation(ctx context.Context, obs resolve.LinkObservation) error {
	if err := resolve.CheckObservation(obs); err != nil {
		return err
	}
	if obs.At.IsZero() {
		obs.At = c.now()
	}
	err := c.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO cache_observations (url, at, outcome, status, detail)
			VALUES (?, ?, ?, ?, ?)`, obs.URL, timeToSQL(obs.At), string(obs.Outcome), obs.Status, obs.Detail)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite cache: add observation %q: %w", obs.URL, err)
	}
	return nil
}

// Observations implements resolve.Cache.
func (c *Cache) Observations(ctx context.Context, url string) ([]resolve.LinkObservation, error) {
	var obs []resolve.LinkObservation
	err := c.read(ctx, func(conn *sql.Conn) error {
		rows, err := conn.QueryContext(ctx, `SELECT url, at, outcome, status, detail FROM cache_observations
			WHERE url = ? ORDER BY at DESC, id DESC LIMIT ?`, url, resolve.MaxObservations)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var (
				o       resolve.LinkObservation
				at      sql.NullInt64
				outcome string
			)
			if err := rows.Scan(&o.URL, &at, &outcome, &o.Status, &o.Detail); err != nil {
				return err
			}
			o.At = timeFromSQL(at)
			o.Outcome = resolve.Outcome(outcome)
			obs = append(obs, o)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite cache: observations %q: %w", url, err)
	}
	slices.Reverse(obs)
	return obs, nil
}

// The range of whole seconds whose Unix nanoseconds fit an int64 (years
// 1678 to 2262); times outside it are stored clamped.
const (
	minSQLSeconds = math.MinInt64/int64(time.Second) + 1
	maxSQLSeconds = math.MaxInt64/int64(time.Second) - 1
)

// timeToSQL encodes t as Unix nanoseconds, NULL for the zero time.
func timeToSQL(t time.Time) sql.NullInt64 {
	switch sec := t.Unix(); {
	case t.IsZero():
		return sql.NullInt64{}
	case sec < minSQLSeconds:
		return sql.NullInt64{Int64: minSQLSeconds * int64(time.Second), Valid: true}
	case sec > maxSQLSeconds:
		return sql.NullInt64{Int64: maxSQLSeconds * int64(time.Second), Valid: true}
	}
	return sql.NullInt64{Int64: t.UnixNano(), Valid: true}
}

// timeFromSQL decodes what timeToSQL encoded, in UTC.
func timeFromSQL(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(0, n.Int64).UTC()
}
