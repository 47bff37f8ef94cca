package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/citecheck/citecheck/cmd/internal/results"
)

// exportTable is a table `citecheck export` writes, as DIR/<name>.parquet,
// with the query that reads its rows in a fixed order and the function that
// scans them and writes the file.
type exportTable struct {
	name  string
	query string
	write func(w io.Writer, rows *sql.Rows) (int64, error)
}

// exportTables are the tables `citecheck export` writes.
func exportTables() []exportTable {
	return []exportTable{
		{"articles", `SELECT id, input, url, outlet, title, published, words, claims, uncited_claims, citations,
		resolved, unresolved, "references", orphans, errors, warnings, infos, quality, status, reason, hash, checked_at
		FROM articles ORDER BY id`, func(w io.Writer, rows *sql.Rows) (int64, error) {
			return results.WriteParquet(w, scanRows(rows, func(a *results.Article) error {
				var q sql.NullFloat64
				err := rows.Scan(&a.ID, &a.Input, &a.URL, &a.Outlet, &a.Title, &a.Published, &a.Words, &a.Claims,
					&a.UncitedClaims, &a.Citations, &a.Resolved, &a.Unresolved, &a.References, &a.Orphans, &a.Errors,
					&a.Warnings, &a.Infos, &q, &a.Status, &a.Reason, &a.Hash, &a.CheckedAt)
				if q.Valid {
					a.Quality = &q.Float64
				}
				return err
			}))
		}},
		// Findings have no key: rowid keeps the order they were written in,
		// which is the report's.
		{"findings", `SELECT article_id, code, severity, line, "column", message FROM findings ORDER BY article_id, rowid`,
			func(w io.Writer, rows *sql.Rows) (int64, error) {
				return results.WriteParquet(w, scanRows(rows, func(f *results.Finding) error {
					return rows.Scan(&f.ArticleID, &f.Code, &f.Severity, &f.Line, &f.Column, &f.Message)
				}))
			}},
		{"claims", `SELECT article_id, idx, text, score, cited FROM claims ORDER BY article_id, idx`,
			func(w io.Writer, rows *sql.Rows) (int64, error) {
				return results.WriteParquet(w, scanRows(rows, func(c *results.Claim) error {
					return rows.Scan(&c.ArticleID, &c.Idx, &c.Text, &c.Score, &c.Cited)
				}))
			}},
		{"citations", `SELECT article_id, idx, kind, text, status FROM citations ORDER BY article_id, idx`,
			func(w io.Writer, rows *sql.Rows) (int64, error) {
				return results.WriteParquet(w, scanRows(rows, func(c *results.Citation) error {
					return rows.Scan(&c.ArticleID, &c.Idx, &c.Kind, &c.Text, &c.Status)
				}))
			}},
	}
}

// scanRows turns rows into the row source results.WriteParquet reads,
// scanning each row with scan.
func scanRows[T any](rows *sql.Rows, scan func(*T) error) func() (T, bool, error) {
	return func() (T, bool, error) {
		var row T
		if !rows.Next() {
			return row, false, rows.Err()
		}
		err := scan(&row)
		return row, err == nil, err
	}
}

// runExport runs `citecheck export`.
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	c := newCommand("export", "citecheck export --db results.sqlite [--format parquet] DIR",
		"Writes the tables of a results database (articles, findings, claims, citations) as\n"+
			"DIR/articles.parquet, DIR/findings.parquet, DIR/claims.parquet and DIR/citations.parquet,\n"+
			"with the SQLite columns, for DuckDB, pandas, Polars, Spark or R. DIR is created if absent;\n"+
			"files of those names in it are replaced.\n"+
			"Exit status: 0 done, 1 the database could not be read or a file not written, 2 usage error.",
		stdout, stderr)
	dbPath := c.String("db", "", "the results database (SQLite file written by citecheck batch or merge)")
	format := c.String("format", "parquet", "output `format`: parquet")
	rest, code, ok := c.parse(args)
	switch {
	case !ok:
		return code
	case *dbPath == "":
		return c.usageError("missing --db")
	case len(rest) != 1:
		return c.usageError("want one output folder, not %d arguments", len(rest))
	}
	if err := oneOf("format", *format, "parquet"); err != nil {
		return c.usageError("%v", err)
	}
	dir := rest[0]
	db, err := openStoreReadOnly(ctx, *dbPath)
	if err != nil {
		return c.fail(exitDBError, "%v", err)
	}
	defer db.Close()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return c.fail(exitDBError, "%v", err)
	}
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) // one snapshot for all tables
	if err != nil {
		return c.fail(exitDBError, "%s: %v", *dbPath, err)
	}
	defer func() { _ = tx.Rollback() }()
	tables := exportTables()
	counts := make([]int64, len(tables))
	for i, t := range tables {
		if counts[i], err = exportOne(ctx, tx, dir, t.name, t.query, t.write); err != nil {
			return c.fail(exitDBError, "%s: %v", *dbPath, err)
		}
	}
	fmt.Fprintf(stdout, "citecheck export: %d articles, %d findings, %d claims, %d citations to %s\n",
		counts[0], counts[1], counts[2], counts[3], dir)
	return exitOK
}

// exportOne writes the rows of query as dir/name.parquet, through a
// temporary file renamed into place, so that a failed export leaves no
// half-written file under the final name.
func exportOne(ctx context.Context, tx *sql.Tx, dir, name, query string, write func(io.Writer, *sql.Rows) (int64, error)) (int64, error) {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", name, err)
	}
	defer rows.Close()
	path := filepath.Join(dir, name+".parquet")
	f, err := os.CreateTemp(dir, "."+name+"-*.parquet")
	if err != nil {
		return 0, err
	}
	defer os.Remove(f.Name()) // after the rename, nothing is there
	n, err := write(f, rows)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return n, fmt.Errorf("%s: %w", name, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return n, err
	}
	return n, nil
}
