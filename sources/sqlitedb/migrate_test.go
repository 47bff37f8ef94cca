package sqlitedb_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources/sqlitedb"
)

// testSteps are three steps: two in SQL, and one in Go that copies the
// notes into a table of upper-cased ones.
var testSteps = []sqlitedb.Migration{
	sqlitedb.SQL(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`),
	sqlitedb.SQL(`INSERT INTO notes (body) VALUES ('first'); INSERT INTO notes (body) VALUES ('second')`),
	upperNotes,
}

// upperNotes is a step in Go: it reads every note and writes it again in
// upper case into a new table.
func upperNotes(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `CREATE TABLE loud_notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, body FROM notes ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var bodies []string
	for rows.Next() {
		var (
			id   int
			body string
		)
		if err := rows.Scan(&id, &body); err != nil {
			return err
		}
		bodies = append(bodies, body)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, b := range bodies {
		if _, err := tx.ExecContext(ctx, `INSERT INTO loud_notes (body) VALUES (?)`, strings.ToUpper(b)); err != nil {
			return err
		}
	}
	return nil
}

// errStep is the error failing returns.
var errStep = errors.New("step failed")

// failing is a step that fails after changing the database.
func failing(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `CREATE TABLE half_done (x)`); err != nil {
		return err
	}
	return errStep
}

// tables returns the names of the tables of conn's database, sorted.
func tables(t *testing.T, conn *sql.Conn) []string {
	t.Helper()
	return queryStrings(t, conn, `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
}

// queryStrings returns the first column of every row of q.
func queryStrings(t *testing.T, conn *sql.Conn, q string) []string {
	t.Helper()
	rows, err := conn.QueryContext(t.Context(), q)
	require.NoError(t, err)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		require.NoError(t, rows.Scan(&s))
		out = append(out, s)
	}
	require.NoError(t, rows.Err())
	return out
}

// exec runs q on conn.
func exec(t *testing.T, conn *sql.Conn, q string) {
	t.Helper()
	_, err := conn.ExecContext(t.Context(), q)
	require.NoError(t, err)
}

func TestMigrate(t *testing.T) {
	tests := []struct {
		name string
		// setup prepares the database before Migrate runs.
		setup func(t *testing.T, conn *sql.Conn)
		table string
		steps []sqlitedb.Migration
		// wantApplied and wantVersion are what Migrate should return and
		// record; wantErr the error it should fail with instead.
		wantApplied, wantVersion int
		wantErr                  error
		wantTables               []string
		wantRows                 int // rows of the version table
	}{
		{
			name:  "fresh database",
			table: "test_schema", steps: testSteps,
			wantApplied: 3, wantVersion: 3, wantRows: 1,
			wantTables: []string{"loud_notes", "notes", "test_schema"},
		},
		{
			name: "upgrade from an older version",
			setup: func(t *testing.T, conn *sql.Conn) {
				n, err := sqlitedb.Migrate(t.Context(), conn, "test_schema", testSteps[:1])
				require.NoError(t, err)
				require.Equal(t, 1, n)
			},
			table: "test_schema", steps: testSteps,
			wantApplied: 2, wantVersion: 3, wantRows: 1,
			wantTables: []string{"loud_notes", "notes", "test_schema"},
		},
		{
			name: "up to date",
			setup: func(t *testing.T, conn *sql.Conn) {
				_, err := sqlitedb.Migrate(t.Context(), conn, "test_schema", testSteps)
				require.NoError(t, err)
			},
			table: "test_schema", steps: testSteps,
			wantApplied: 0, wantVersion: 3, wantRows: 1,
			wantTables: []string{"loud_notes", "notes", "test_schema"},
		},
		{
			name:        "no steps",
			table:       "test_schema",
			wantApplied: 0, wantVersion: 0, wantRows: 0,
			wantTables: []string{"test_schema"},
		},
		{
			name: "newer version refused",
			setup: func(t *testing.T, conn *sql.Conn) {
				exec(t, conn, `CREATE TABLE test_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
					INSERT INTO test_schema VALUES (1, 4)`)
			},
			table: "test_schema", steps: testSteps,
			wantErr: sqlitedb.ErrNewerSchema, wantVersion: 4, wantRows: 1,
			wantTables: []string{"test_schema"},
		},
		{
			name:  "a failing step rolls back every step",
			table: "test_schema", steps: append(testSteps[:2:2], failing),
			wantErr: errStep, wantVersion: 0, wantRows: 0,
			wantTables: []string{"test_schema"},
		},
		{
			name: "a failing step keeps the older version",
			setup: func(t *testing.T, conn *sql.Conn) {
				_, err := sqlitedb.Migrate(t.Context(), conn, "test_schema", testSteps[:1])
				require.NoError(t, err)
			},
			table: "test_schema", steps: append(testSteps[:2:2], failing),
			wantErr: errStep, wantVersion: 1, wantRows: 1,
			wantTables: []string{"notes", "test_schema"},
		},
		{
			name: "existing single-row table (cache_schema)",
			setup: func(t *testing.T, conn *sql.Conn) {
				exec(t, conn, `CREATE TABLE cache_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
					INSERT INTO cache_schema (id, version) VALUES (1, 1);
					CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`)
			},
			table: "cache_schema", steps: testSteps,
			wantApplied: 2, wantVersion: 3, wantRows: 1,
			wantTables: []string{"cache_schema", "loud_notes", "notes"},
		},
		{
			name: "existing version-only table (results_schema)",
			setup: func(t *testing.T, conn *sql.Conn) {
				exec(t, conn, `CREATE TABLE results_schema (version INTEGER NOT NULL);
					INSERT INTO results_schema (version) VALUES (1);
					CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`)
			},
			table: "results_schema", steps: testSteps,
			wantApplied: 2, wantVersion: 3, wantRows: 1,
			wantTables: []string{"loud_notes", "notes", "results_schema"},
		},
		{
			name: "empty version-only table",
			setup: func(t *testing.T, conn *sql.Conn) {
				exec(t, conn, `CREATE TABLE results_schema (version INTEGER NOT NULL)`)
			},
			table: "results_schema", steps: testSteps[:1],
			wantApplied: 1, wantVersion: 1, wantRows: 1,
			wantTables: []string{"notes", "results_schema"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn := openConn(t, openDB(t, tempFile(t)))
			if tt.setup != nil {
				tt.setup(t, conn)
			}
			applied, err := sqlitedb.Migrate(t.Context(), conn, tt.table, tt.steps)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				assert.Equal(t, 0, applied)
			} else {
				require.NoError(t, err)
				assert.Equal(t, tt.wantApplied, applied)
			}
			assert.Equal(t, tt.wantTables, tables(t, conn))
			versions := queryStrings(t, conn, "SELECT version FROM "+tt.table)
			assert.Len(t, versions, tt.wantRows)
			if tt.wantRows > 0 {
				assert.Equal(t, strconv.Itoa(tt.wantVersion), versions[0])
			}
			if slices.Contains(tt.wantTables, "loud_notes") {
				assert.Equal(t, []string{"FIRST", "SECOND"}, queryStrings(t, conn, "SELECT body FROM loud_notes ORDER BY id"),
					"the Go step saw the rows of the SQL steps before it")
			}
		})
	}
}

func TestMigrateRefusesBadArguments(t *testing.T) {
	conn := openConn(t, openDB(t, tempFile(t)))
	for _, name := range []string{"", "1schema", "schema; DROP TABLE x", `"quoted"`, "main.schema"} {
		_, err := sqlitedb.Migrate(t.Context(), conn, name, testSteps)
		assert.Error(t, err, "table name %q", name)
	}
	_, err := sqlitedb.Migrate(t.Context(), conn, "test_schema", []sqlitedb.Migration{testSteps[0], nil})
	assert.Error(t, err, "a nil step")
	assert.Empty(t, tables(t, conn), "nothing was created")
}

// TestMigrateConcurrent has several pools, standing for several processes,
// open one new file at once: every opening succeeds, and the steps run
// once.
func TestMigrateConcurrent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "test.db")
	// Each step records that it ran, in a table the first step makes.
	var steps []sqlitedb.Migration
	steps = append(steps, sqlitedb.SQL(`CREATE TABLE runs (step INTEGER NOT NULL)`))
	for i := range 4 {
		steps = append(steps, sqlitedb.SQL(fmt.Sprintf(`INSERT INTO runs (step) VALUES (%d)`, i+1)))
	}
	const openers = 8
	applied := make([]int, openers)
	errs := make([]error, openers)
	var wg sync.WaitGroup
	for i := range openers {
		db := openDB(t, "file:"+path)
		wg.Go(func() {
			ctx := t.Context()
			conn, err := db.Conn(ctx)
			if err != nil {
				errs[i] = err
				return
			}
			defer conn.Close()
			if err := sqlitedb.SetPragmas(ctx, conn, 5*time.Second); err != nil {
				errs[i] = err
				return
			}
			if _, err := sqlitedb.EnableWAL(ctx, conn); err != nil {
				errs[i] = err
				return
			}
			applied[i], errs[i] = sqlitedb.Migrate(ctx, conn, "test_schema", steps)
		})
	}
	wg.Wait()
	for i, err := range errs {
		require.NoError(t, err, "opener %d", i)
	}
	slices.Sort(applied)
	want := make([]int, openers)
	want[openers-1] = len(steps)
	assert.Equal(t, want, applied, "one opener applied every step, the others none")
	conn := openConn(t, openDB(t, "file:"+path))
	assert.Equal(t, []string{"1", "2", "3", "4"}, queryStrings(t, conn, "SELECT step FROM runs ORDER BY step"))
}

func TestVersion(t *testing.T) {
	ctx := t.Context()
	db := openDB(t, tempFile(t))
	conn := openConn(t, db)

	_, ok, err := sqlitedb.Version(ctx, db, "schema")
	require.NoError(t, err)
	assert.False(t, ok, "no version table yet")

	exec(t, conn, "CREATE TABLE schema (version INTEGER NOT NULL)")
	_, ok, err = sqlitedb.Version(ctx, db, "schema")
	require.NoError(t, err)
	assert.False(t, ok, "a version table with no row")

	_, err = sqlitedb.Migrate(ctx, conn, "schema", []sqlitedb.Migration{sqlitedb.SQL("CREATE TABLE a (x)"), sqlitedb.SQL("CREATE TABLE b (x)")})
	require.NoError(t, err)
	v, ok, err := sqlitedb.Version(ctx, db, "schema")
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, 2, v)

	_, _, err = sqlitedb.Version(ctx, db, "schema; DROP TABLE a")
	assert.Error(t, err)
	assert.Contains(t, tables(t, conn), "a", "nothing run")
}
