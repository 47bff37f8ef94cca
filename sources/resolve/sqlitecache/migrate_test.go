package sqlitecache

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources/resolve"
)

// schemaV1 is the cache schema of version 1, as citecheck wrote it before
// this package had later migrations.
const schemaV1 = `CREATE TABLE cache_schema (
		id      INTEGER PRIMARY KEY CHECK (id = 1),
		version INTEGER NOT NULL
	);
	INSERT INTO cache_schema (id, version) VALUES (1, 1);
	CREATE TABLE cache_sources (
		key          TEXT PRIMARY KEY,
		status       TEXT NOT NULL,
		final_url    TEXT NOT NULL,
		title        TEXT NOT NULL,
		authors      TEXT NOT NULL,
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
	CREATE INDEX cache_observations_url_at ON cache_observations (url, at, id);
	INSERT INTO cache_robots VALUES ('https://example.com', 200, 'User-agent: *', 1, 2);`

// TestMigrateFromV1 opens a version 1 cache holding rows under the old
// keys (the URL as cited without fragment, "doi:" and the lower-cased DOI)
// and checks that every row is found under its new key, that rows whose
// keys collapse keep the one checked last, and that observations are all
// kept under their new URL.
func TestMigrateFromV1(t *testing.T) {
	ctx := t.Context()
	day := func(n int) time.Time { return t0.AddDate(0, 0, n) }
	db := openSQLiteFile(t, filepath.Join(t.TempDir(), "cache.db"))
	_, err := db.ExecContext(ctx, schemaV1)
	require.NoError(t, err)

	// putV1 writes a source row as citecheck's resolver wrote it: the
	// whole Source as JSON in raw, its main fields in the columns.
	putV1 := func(key string, checked time.Time, title string) {
		src := resolve.Source{Status: resolve.StatusOK, Title: title, Authors: []string{"A"}, CheckedAt: checked,
			Updates: []resolve.Update{{Type: "correction"}}, UpdatesChecked: true}
		raw, err := json.Marshal(src)
		require.NoError(t, err)
		_, err = db.ExecContext(ctx, `INSERT INTO cache_sources VALUES (?, 'ok', '', ?, '["A"]', '', '', '', '', ?, ?, ?)`,
			key, title, timeToSQL(checked), timeToSQL(checked.Add(time.Hour)), raw)
		require.NoError(t, err)
	}
	putV1("https://www.example.com/a/", day(-2), "a, older")
	putV1("http://example.com/a?utm_source=feed", day(-1), "a, newest")
	putV1("https://example.com/a", day(-3), "a, oldest")
	putV1("example.com/c", day(-3), "c, already in the new form but older")
	putV1("https://example.com/c/", day(-1), "c, newer")
	putV1("https://example.com/e", day(-1), "e, newer than the row in the new form")
	putV1("example.com/e", day(-5), "e, in the new form")
	putV1("doi:10.1000/abc.", day(-1), "doi with a full stop")
	putV1("doi:10.1000/xyz", day(-1), "doi already normal")
	putV1("not a url", day(-1), "no new form")
	// A new key that is another row's old key, renamed first: the rows
	// must not clash.
	putV1("http://http://x/y", day(-1), "becomes http://x/y")
	putV1("http://x/y", day(-1), "becomes x/y")
	// A NULL checked_at loses to any time.
	_, err = db.ExecContext(ctx, `INSERT INTO cache_sources VALUES ('https://example.com/d', 'ok', '', 'd, never checked',
		'[]', '', '', '', '', NULL, NULL, NULL)`)
	require.NoError(t, err)
	putV1("https://www.example.com/d", day(-9), "d, checked")
	// A row with no raw, as a tool other than the resolver may have
	// written: read back from its columns.
	_, err = db.ExecContext(ctx, `INSERT INTO cache_sources VALUES ('https://example.org/b', 'not-found', 'https://example.org/b/',
		'b from columns', '["X","Y"]', '2024', 'P', '10.1/b', '', ?, ?, NULL)`, timeToSQL(day(-1)), timeToSQL(day(1)))
	require.NoError(t, err)

	for i, url := range []string{"https://www.example.com/a/", "http://example.com/a?utm_source=feed",
		"https://www.example.com/a/", "not a url", "http://http://x/y", "http://x/y"} {
		_, err := db.ExecContext(ctx, `INSERT INTO cache_observations (url, at, outcome, status, detail)
			VALUES (?, ?, 'failed', 404, ?)`, url, timeToSQL(day(i)), url)
		require.NoError(t, err)
	}

	c, err := New(ctx, db, resolve.WithCacheClock(func() time.Time { return t0 }))
	require.NoError(t, err)
	v, err := c.SchemaVersion(ctx)
	require.NoError(t, err)
	assert.Equal(t, SchemaVersion, v)

	var robots int
	require.NoError(t, db.QueryRowContext(ctx,
		"SELECT count(*) FROM sqlite_master WHERE name = 'cache_robots'").Scan(&robots))
	assert.Equal(t, 0, robots, "cache_robots is dropped")

	titles := map[string]string{}
	rows, err := db.QueryContext(ctx, "SELECT key, title FROM cache_sources")
	require.NoError(t, err)
	for rows.Next() {
		var k, title string
		require.NoError(t, rows.Scan(&k, &title))
		titles[k] = title
	}
	require.NoError(t, rows.Err())
	assert.Equal(t, map[string]string{
		"example.com/a":   "a, newest",
		"example.com/c":   "c, newer",
		"example.com/d":   "d, checked",
		"example.com/e":   "e, newer than the row in the new form",
		"example.org/b":   "b from columns",
		"doi:10.1000/abc": "doi with a full stop",
		"doi:10.1000/xyz": "doi already normal",
		"not a url":       "no new form",
		"http://x/y":      "becomes http://x/y",
		"x/y":             "becomes x/y",
	}, titles)

	got, ok, err := c.GetSource(ctx, "example.com/a")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, resolve.CachedSource{Key: "example.com/a",
		Source: resolve.Source{Status: resolve.StatusOK, Title: "a, newest", Authors: []string{"A"}, CheckedAt: day(-1),
			Updates: []resolve.Update{{Type: "correction"}}, UpdatesChecked: true},
		ExpiresAt: day(-1).Add(time.Hour), Stale: true}, got, "read back whole from raw")

	got, ok, err = c.GetSource(ctx, "example.org/b")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, resolve.CachedSource{Key: "example.org/b",
		Source: resolve.Source{Status: resolve.StatusNotFound, FinalURL: "https://example.org/b/", Title: "b from columns",
			Authors: []string{"X", "Y"}, Published: "2024", Publisher: "P", DOI: "10.1/b", CheckedAt: day(-1)},
		ExpiresAt: day(1)}, got, "read back from the columns")

	obsDetails := func(url string) []string {
		obs, err := c.Observations(ctx, url)
		require.NoError(t, err)
		var details []string
		for _, o := range obs {
			details = append(details, o.Detail)
		}
		return details
	}
	assert.Equal(t, []string{"https://www.example.com/a/", "http://example.com/a?utm_source=feed", "https://www.example.com/a/"},
		obsDetails("example.com/a"), "every observation kept, in time order")
	assert.Equal(t, []string{"not a url"}, obsDetails("not a url"))
	assert.Equal(t, []string{"http://http://x/y"}, obsDetails("http://x/y"))
	assert.Equal(t, []string{"http://x/y"}, obsDetails("x/y"))
	assert.Empty(t, obsDetails("https://www.example.com/a/"), "nothing left under the old URL")
}

// TestMigrateOldSchemas checks that older databases without rows are
// brought up to date.
func TestMigrateOldSchemas(t *testing.T) {
	tests := []struct{ name, schema string }{
		{"version 0, the version table only", `CREATE TABLE cache_schema (id INTEGER PRIMARY KEY CHECK (id = 1),
			version INTEGER NOT NULL); INSERT INTO cache_schema VALUES (1, 0);`},
		{"version 1, empty", schemaV1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := t.Context()
			db := openSQLiteFile(t, filepath.Join(t.TempDir(), "cache.db"))
			_, err := db.ExecContext(ctx, tt.schema)
			require.NoError(t, err)
			c, err := New(ctx, db)
			require.NoError(t, err)
			v, err := c.SchemaVersion(ctx)
			require.NoError(t, err)
			assert.Equal(t, SchemaVersion, v)
		})
	}
}

func TestNewKey(t *testing.T) {
	tests := []struct{ old, want string }{
		{"https://www.Example.com/a/?utm_source=x&id=1", "example.com/a?id=1"},
		{"http://example.com/a", "example.com/a"},
		{"doi:10.1000/abc", "doi:10.1000/abc"},
		{"doi:10.1000/abc.", "doi:10.1000/abc"},
		{"doi:https://doi.org/10.1000/ABC", "doi:10.1000/abc"},
		{"doi:", ""},
		{"example.com/a", ""},
		{"ftp://example.com/a", ""},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, newKey(tt.old), "newKey(%q)", tt.old)
	}
}

// TestMigrateRekeyRollsBack checks that when re-keying fails the cache is
// left as it was, at version 1: migrations 2 and 3 run in one transaction.
func TestMigrateRekeyRollsBack(t *testing.T) {
	ctx := t.Context()
	db := openSQLiteFile(t, filepath.Join(t.TempDir(), "cache.db"))
	_, err := db.ExecContext(ctx, schemaV1+`;
		INSERT INTO cache_sources VALUES ('https://example.com/a', 'ok', '', 't', '[]', '', '', '', '', 1, 2, NULL);
		CREATE TRIGGER refuse BEFORE UPDATE ON cache_sources BEGIN SELECT RAISE(ABORT, 'refused'); END;`)
	require.NoError(t, err)
	_, err = New(ctx, db)
	require.Error(t, err)
	var (
		version int
		key     string
	)
	require.NoError(t, db.QueryRowContext(ctx, "SELECT version FROM cache_schema").Scan(&version))
	assert.Equal(t, 1, version, "no migration applied")
	require.NoError(t, db.QueryRowContext(ctx, "SELECT key FROM cache_sources").Scan(&key))
	assert.Equal(t, "https://example.com/a", key)
	var robots int
	require.NoError(t, db.QueryRowContext(ctx,
		"SELECT count(*) FROM sqlite_master WHERE name = 'cache_robots'").Scan(&robots))
	assert.Equal(t, 1, robots, "migration 2 rolled back with 3")
}
