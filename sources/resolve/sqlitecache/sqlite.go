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
)

// ErrSchemaVersion means the database holds a cache schema newer than this
// version of citecheck knows; the cache refuses it rather than misread it.
var ErrSchemaVersion = errors.New("cache schema is newer than this citecheck")

// ErrSQLiteNotShared means each connection of the *sql.DB sees a different
// database, as with a plain ":memory:" name; use "file::memory:?cache=shared"
// or a file.
var ErrSQLiteNotShared = errors.New("sqlite connections do not share one database")

// sqliteMigrations are the schema changes in order; migration i brings the
// schema from version i to i+1. Append only: never edit a released entry.
//
// Times are INTEGER Unix nanoseconds (NULL for the zero time), so that
// observations sort by time in the index.
var sqliteMigrations = [...]string{
	// 1: sources, robots.txt, link observations.
	`CREATE TABLE cache_sources (
		key          TEXT PRIMARY KEY,
		status       TEXT NOT NULL,
		final_url    TEXT NOT NULL,
		title        TEXT NOT NULL,
		authors      TEXT NOT NULL, -- JSON array of strings
		published    TEXT NOT NULL,
		publisher    TEXT NOT NULL,
		doi          TEXT NOT NULL,
		archived_url TEXT NOT NULL,
		checked_at   INTEGER,
		expires_at   INTEGER,
		raw          BLOB
	);
	CREATE TABLE cache_robots (
		origin     TEXT PRIMARY KEY,
		status     INTEGER NOT NULL,
		body       BLOB,
		fetched_at INTEGER,
		expires_at INTEGER
	);
	CREATE TABLE cache_observations (
		id      INTEGER PRIMARY KEY,
		url     TEXT NOT NULL,
		at      INTEGER NOT NULL,
		outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'failed', 'unreachable')),
		status  INTEGER NOT NULL,
		detail  TEXT NOT NULL
	);
	CREATE INDEX cache_observations_url_at ON cache_observations (url, at, id);`,
}

// SQLiteSchemaVersion is the schema version this citecheck writes.
const SQLiteSchemaVersion = len(sqliteMigrations)

// sqliteBusyTimeout is how long a connection waits for another process's
// lock before failing with SQLITE_BUSY, in milliseconds.
const (
	sqliteBusyTimeout       = "5000"
	sqliteBusyTimeoutMillis = 5000
)

// sqliteConnPragmas are set on every connection the cache uses: database/sql
// pools connections and these pragmas bind one connection only.
// synchronous=NORMAL in WAL mode loses no committed write when the process
// is killed, only, at worst, the last ones on a power cut.
const sqliteConnPragmas = "PRAGMA busy_timeout = " + sqliteBusyTimeout +
	"; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"

// SQLiteCache is a Cache stored in SQLite tables (named cache_*) of a
// database the caller opened. It is safe for concurrent use, also by
// several processes sharing the file.
//
// SQLite lets one connection write at a time, so the cache serialises its
// writes with a mutex, each in its own transaction, committed before the
// method returns: killing the process loses nothing already put. In WAL
// mode reads run concurrently with each other and with the writer; without
// WAL (an in-memory database) reads wait for writes. Other processes'
// writers are waited for up to 5 s (busy_timeout).
//
// Records come back with times in UTC, and Stale set when their ExpiresAt
// is not after the cache's clock: expired records are kept and returned,
// for offline runs; the caller decides whether to refresh them.
type SQLiteCache struct {
	db  *sql.DB
	now func() time.Time
	wal bool
	// mu is held for writing by writes, and for reading by reads when the
	// database is not in WAL mode.
	mu sync.RWMutex
}

var _ Cache = (*SQLiteCache)(nil)

// NewSQLiteCache prepares db for use as a cache and returns the cache: it
// switches the database to WAL journaling (a no-op for in-memory
// databases), and creates or migrates its tables to SQLiteSchemaVersion.
// db stays the caller's to close; the cache must not be used afterwards.
//
// The sources package does not import a driver; the caller does, e.g.
//
//	import _ "github.com/mattn/go-sqlite3"
//	db, err := sql.Open("sqlite3", "file:"+path)
//
// An in-memory database must be shared by the pool's connections
// ("file::memory:?cache=shared", or db.SetMaxOpenConns(1)), and lives only
// while one of them is open; otherwise NewSQLiteCache fails with
// ErrSQLiteNotShared. A database written by a newer citecheck fails with
// ErrSchemaVersion.
func NewSQLiteCache(ctx context.Context, db *sql.DB, opts ...CacheOption) (*SQLiteCache, error) {
	if db == nil {
		return nil, errors.New("sqlite cache: nil *sql.DB")
	}
	cfg := newCacheConfig(opts)
	c := &SQLiteCache{db: db, now: cfg.now}
	conn, err := c.conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("sqlite cache: open: %w", err)
	}
	defer conn.Close()
	mode, err := EnableWAL(ctx, conn)
	if err != nil {
		return nil, fmt.Errorf("sqlite cache: set WAL: %w", err)
	}
	c.wal = strings.EqualFold(mode, "wal")
	if err := c.migrate(ctx, conn); err != nil {
		return nil, fmt.Errorf("sqlite cache: %w", err)
	}
	if db.Stats().MaxOpenConnections != 1 {
		// While conn is held the pool must open another connection, which
		// sees the tables only if it opened the same database.
		other, err := c.conn(ctx)
		if err != nil {
			return nil, fmt.Errorf("sqlite cache: open: %w", err)
		}
		defer other.Close()
		var n int
		err = other.QueryRowContext(ctx,
			"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'cache_schema'").Scan(&n)
		if err != nil {
			return nil, fmt.Errorf("sqlite cache: check: %w", err)
		}
		if n == 0 {
			return nil, fmt.Errorf("sqlite cache: %w", ErrSQLiteNotShared)
		}
	}
	return c, nil
}

// EnableWAL switches the SQLite database of conn to WAL journaling and
// returns the journal mode now in force ("memory" for an in-memory
// database). Changing the mode needs the database to itself, and SQLite
// answers "locked" at once rather than wait while another connection reads
// it (busy_timeout does not apply, to avoid a deadlock), so the change is
// retried for up to five seconds. The source cache uses it, and so does
// the batch results store, which opens its database the same way.
func EnableWAL(ctx context.Context, conn *sql.Conn) (string, error) {
	var mode string
	if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return "", err
	}
	if strings.EqualFold(mode, "wal") {
		return mode, nil
	}
	const pause = 50 * time.Millisecond
	for tries := sqliteBusyTimeoutMillis / pause.Milliseconds(); ; tries-- {
		err := conn.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode)
		if err == nil || tries <= 0 || !isSQLiteBusy(err) {
			return mode, err
		}
		timer := time.NewTimer(pause)
		select {
		case <-ctx.Done():
			timer.Stop()
			return "", ctx.Err()
		case <-timer.C:
		}
	}
}

// isSQLiteBusy reports whether err is SQLite's SQLITE_BUSY or SQLITE_LOCKED,
// by message, since this package does not import the driver.
func isSQLiteBusy(err error) bool {
	msg := strings.ToLower(err.Error())
	return strings.Contains(msg, "database is locked") || strings.Contains(msg, "is busy") ||
		strings.Contains(msg, "table is locked")
}

// conn takes a connection from the pool and sets the per-connection
// pragmas on it. The caller closes it.
func (c *SQLiteCache) conn(ctx context.Context) (*sql.Conn, error) {
	conn, err := c.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, sqliteConnPragmas); err != nil {
		conn.Close()
		return nil, fmt.Errorf("set pragmas: %w", err)
	}
	return conn, nil
}

// migrate brings the schema to SQLiteSchemaVersion in one transaction.
func (c *SQLiteCache) migrate(ctx context.Context, conn *sql.Conn) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS cache_schema (
		id      INTEGER PRIMARY KEY CHECK (id = 1),
		version INTEGER NOT NULL
	)`)
	if err != nil {
		return fmt.Errorf("create schema table: %w", err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	// Writing first takes the write lock before reading the version, so two
	// processes opening a new file cannot both migrate it.
	_, err = tx.ExecContext(ctx, "INSERT INTO cache_schema (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var version int
	if err := tx.QueryRowContext(ctx, "SELECT version FROM cache_schema WHERE id = 1").Scan(&version); err != nil {
		return fmt.Errorf("migrate: read version: %w", err)
	}
	if version > SQLiteSchemaVersion {
		return fmt.Errorf("%w: database has version %d, this citecheck %d", ErrSchemaVersion, version, SQLiteSchemaVersion)
	}
	if version == SQLiteSchemaVersion {
		return nil
	}
	for v := version; v < SQLiteSchemaVersion; v++ {
		if _, err := tx.ExecContext(ctx, sqliteMigrations[v]); err != nil {
			return fmt.Errorf("migrate to version %d: %w", v+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, "UPDATE cache_schema SET version = ? WHERE id = 1", SQLiteSchemaVersion); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate: commit: %w", err)
	}
	return nil
}

// SchemaVersion returns the schema version recorded in the database.
func (c *SQLiteCache) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := c.read(ctx, func(conn *sql.Conn) error {
		return conn.QueryRowContext(ctx, "SELECT version FROM cache_schema WHERE id = 1").Scan(&v)
	})
	if err != nil {
		return 0, fmt.Errorf("sqlite cache: schema version: %w", err)
	}
	return v, nil
}

// read runs f on a pooled connection, under the read lock when the
// database is not in WAL mode.
func (c *SQLiteCache) read(ctx context.Context, f func(*sql.Conn) error) error {
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

// write runs f in a transaction on a pooled connection, holding the write
// lock, and commits.
func (c *SQLiteCache) write(ctx context.Context, f func(*sql.Tx) error) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	conn, err := c.conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if err := f(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// GetSource implements Cache.
func (c *SQLiteCache) GetSource(ctx context.Context, key string) (SourceRecord, bool, error) {
	var (
		rec              SourceRecord
		authors          string
		checked, expires sql.NullInt64
		found            bool
	)
	err := c.read(ctx, func(conn *sql.Conn) error {
		err := conn.QueryRowContext(ctx, `SELECT key, status, final_url, title, authors, published,
			publisher, doi, archived_url, checked_at, expires_at, raw
			FROM cache_sources WHERE key = ?`, key).Scan(&rec.Key, &rec.Status, &rec.FinalURL, &rec.Title,
			&authors, &rec.Published, &rec.Publisher, &rec.DOI, &rec.ArchivedURL, &checked, &expires, &rec.Raw)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		found = err == nil
		return err
	})
	if err != nil {
		return SourceRecord{}, false, fmt.Errorf("sqlite cache: get source %q: %w", key, err)
	}
	if !found {
		return SourceRecord{}, false, nil
	}
	if err := json.Unmarshal([]byte(authors), &rec.Authors); err != nil {
		return SourceRecord{}, false, fmt.Errorf("sqlite cache: get source %q: authors: %w", key, err)
	}
	if len(rec.Authors) == 0 {
		rec.Authors = nil // as MemoryCache returns a record put without authors
	}
	rec.CheckedAt = timeFromSQL(checked)
	rec.ExpiresAt = timeFromSQL(expires)
	rec.Stale = !c.now().Before(rec.ExpiresAt)
	return rec, true, nil
}

// PutSource implements Cache.
func (c *SQLiteCache) PutSource(ctx context.Context, rec SourceRecord) error {
	if err := checkSource(rec); err != nil {
		return err
	}
	authors := rec.Authors
	if authors == nil {
		authors = []string{}
	}
	aj, err := json.Marshal(authors)
	if err != nil {
		return fmt.Errorf("sqlite cache: put source %q: authors: %w", rec.Key, err)
	}
	err = c.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO cache_sources (key, status, final_url, title,
			authors, published, publisher, doi, archived_url, checked_at, expires_at, raw)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			rec.Key, rec.Status, rec.FinalURL, rec.Title, string(aj), rec.Published, rec.Publisher,
			rec.DOI, rec.ArchivedURL, timeToSQL(rec.CheckedAt), timeToSQL(rec.ExpiresAt), rec.Raw)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite cache: put source %q: %w", rec.Key, err)
	}
	return nil
}

// GetRobots implements Cache.
func (c *SQLiteCache) GetRobots(ctx context.Context, origin string) (RobotsRecord, bool, error) {
	var (
		rec            RobotsRecord
		fetched, expir sql.NullInt64
		found          bool
	)
	err := c.read(ctx, func(conn *sql.Conn) error {
		err := conn.QueryRowContext(ctx,
			"SELECT origin, status, body, fetched_at, expires_at FROM cache_robots WHERE origin = ?",
			origin).Scan(&rec.Origin, &rec.Status, &rec.Body, &fetched, &expir)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		found = err == nil
		return err
	})
	if err != nil {
		return RobotsRecord{}, false, fmt.Errorf("sqlite cache: get robots %q: %w", origin, err)
	}
	if !found {
		return RobotsRecord{}, false, nil
	}
	rec.FetchedAt = timeFromSQL(fetched)
	rec.ExpiresAt = timeFromSQL(expir)
	rec.Stale = !c.now().Before(rec.ExpiresAt)
	return rec, true, nil
}

// PutRobots implements Cache.
func (c *SQLiteCache) PutRobots(ctx context.Context, rec RobotsRecord) error {
	if err := checkRobots(rec); err != nil {
		return err
	}
	body := rec.Body
	if body == nil {
		body = []byte{}
	}
	err := c.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO cache_robots (origin, status, body, fetched_at, expires_at)
			VALUES (?, ?, ?, ?, ?)`,
			rec.Origin, rec.Status, body, timeToSQL(rec.FetchedAt), timeToSQL(rec.ExpiresAt))
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite cache: put robots %q: %w", rec.Origin, err)
	}
	return nil
}

// AddObservation implements Cache. A zero obs.At is taken as now, by the
// cache's clock.
func (c *SQLiteCache) AddObservation(ctx context.Context, obs LinkObservation) error {
	if err := checkObservation(obs); err != nil {
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

// Observations implements Cache.
func (c *SQLiteCache) Observations(ctx context.Context, url string) ([]LinkObservation, error) {
	var obs []LinkObservation
	err := c.read(ctx, func(conn *sql.Conn) error {
		rows, err := conn.QueryContext(ctx, `SELECT url, at, outcome, status, detail FROM cache_observations
			WHERE url = ? ORDER BY at DESC, id DESC LIMIT ?`, url, MaxObservations)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var (
				o       LinkObservation
				at      sql.NullInt64
				outcome string
			)
			if err := rows.Scan(&o.URL, &at, &outcome, &o.Status, &o.Detail); err != nil {
				return err
			}
			o.At = timeFromSQL(at)
			o.Outcome = Outcome(outcome)
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
