package sqlitecache

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/sqlitedb"
)

// migrations are the schema changes in order; migration i brings the
// schema from version i to i+1, recorded in the table cache_schema. Append
// only: never edit a released entry.
//
// Times are INTEGER Unix nanoseconds (NULL for the zero time), so that
// observations sort by time in the index.
var migrations = [...]sqlitedb.Migration{
	// 1: sources, robots.txt, link observations.
	sqlitedb.SQL(`CREATE TABLE cache_sources (
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
	CREATE INDEX cache_observations_url_at ON cache_observations (url, at, id);`),
	// 2: robots.txt files are no longer cached.
	sqlitedb.SQL(`DROP TABLE cache_robots`),
	// 3: keys in the form the resolver now looks them up by.
	rekey,
	// 4: the source's readable text, DEFLATE-compressed (see packText);
	// NULL for rows written before, and for sources without text.
	sqlitedb.SQL(`ALTER TABLE cache_sources ADD COLUMN text BLOB`),
}

// SchemaVersion is the schema version this citecheck writes.
const SchemaVersion = len(migrations)

// rekey is migration 3. Versions 1 and 2 keyed sources and observations
// by the URL as cited without its fragment, or "doi:" and the lower-cased
// DOI; the resolver now looks them up by sources.URLKey and sources.DOIKey
// (see newKey). When several old keys of cache_sources give one new key,
// the row checked last keeps it and the others are deleted; observations
// are all kept, under their new URL. A key that has no new form stays as
// it is.
func rekey(ctx context.Context, tx *sql.Tx) error {
	moves, losers, err := planSourceKeys(ctx, tx)
	if err != nil {
		return err
	}
	for _, key := range losers {
		if _, err := tx.ExecContext(ctx, "DELETE FROM cache_sources WHERE key = ?", key); err != nil {
			return fmt.Errorf("delete source %q: %w", key, err)
		}
	}
	if err := rename(ctx, tx, "UPDATE cache_sources SET key = ? WHERE key = ?", moves); err != nil {
		return fmt.Errorf("re-key sources: %w", err)
	}
	if moves, err = planObservationURLs(ctx, tx); err != nil {
		return err
	}
	if err := rename(ctx, tx, "UPDATE cache_observations SET url = ? WHERE url = ?", moves); err != nil {
		return fmt.Errorf("re-key observations: %w", err)
	}
	return nil
}

// newKey returns the key that rekey gives the key old of a version 2
// cache: "doi:" and sources.DOIKey for a DOI, sources.URLKey for a URL,
// and "" when old has no such form.
func newKey(old string) string {
	if doi, ok := strings.CutPrefix(old, "doi:"); ok {
		if k := sources.DOIKey(doi); k != "" {
			return "doi:" + k
		}
		return ""
	}
	return sources.URLKey(old)
}

// move renames one key.
type move struct{ from, to string }

// planSourceKeys decides what becomes of each row of cache_sources: the
// keys to rename, and the keys of the rows to delete because another row
// with the same new key was checked later.
func planSourceKeys(ctx context.Context, tx *sql.Tx) (moves []move, losers []string, err error) {
	type candidate struct {
		key     string
		checked sql.NullInt64
	}
	// beats reports whether a rather than b keeps the key target: it was
	// checked later (NULL is earliest), or as late and already has it.
	beats := func(a, b candidate, target string) bool {
		if a.checked == b.checked {
			return a.key == target
		}
		return a.checked.Valid && (!b.checked.Valid || a.checked.Int64 > b.checked.Int64)
	}
	rows, err := tx.QueryContext(ctx, "SELECT key, checked_at FROM cache_sources ORDER BY key")
	if err != nil {
		return nil, nil, fmt.Errorf("read source keys: %w", err)
	}
	defer rows.Close()
	best := make(map[string]candidate)
	var targets []string // in the order first met, for a repeatable plan
	for rows.Next() {
		var c candidate
		if err := rows.Scan(&c.key, &c.checked); err != nil {
			return nil, nil, fmt.Errorf("read source keys: %w", err)
		}
		target := newKey(c.key)
		if target == "" {
			target = c.key
		}
		b, ok := best[target]
		switch {
		case !ok:
			best[target] = c
			targets = append(targets, target)
		case beats(c, b, target):
			best[target] = c
			losers = append(losers, b.key)
		default:
			losers = append(losers, c.key)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("read source keys: %w", err)
	}
	for _, target := range targets {
		if w := best[target]; w.key != target {
			moves = append(moves, move{from: w.key, to: target})
		}
	}
	return moves, losers, nil
}

// planObservationURLs returns the renames of the URLs of
// cache_observations.
func planObservationURLs(ctx context.Context, tx *sql.Tx) ([]move, error) {
	rows, err := tx.QueryContext(ctx, "SELECT DISTINCT url FROM cache_observations ORDER BY url")
	if err != nil {
		return nil, fmt.Errorf("read observation urls: %w", err)
	}
	defer rows.Close()
	var moves []move
	for rows.Next() {
		var url string
		if err := rows.Scan(&url); err != nil {
			return nil, fmt.Errorf("read observation urls: %w", err)
		}
		if to := newKey(url); to != "" && to != url {
			moves = append(moves, move{from: url, to: to})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read observation urls: %w", err)
	}
	return moves, nil
}

// rename applies moves with update, a statement "UPDATE ... SET k = ?
// WHERE k = ?". It goes through temporary names, so that no row takes a
// name that another row still holds and has yet to leave: a new key may be
// some other row's old key.
func rename(ctx context.Context, tx *sql.Tx, update string, moves []move) error {
	if len(moves) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, update)
	if err != nil {
		return err
	}
	defer stmt.Close()
	temp := func(i int) string { return fmt.Sprintf("\x00rekey %d", i) }
	for i, m := range moves {
		if _, err := stmt.ExecContext(ctx, temp(i), m.from); err != nil {
			return fmt.Errorf("%q: %w", m.from, err)
		}
	}
	for i, m := range moves {
		if _, err := stmt.ExecContext(ctx, m.to, temp(i)); err != nil {
			return fmt.Errorf("%q to %q: %w", m.from, m.to, err)
		}
	}
	return nil
}
