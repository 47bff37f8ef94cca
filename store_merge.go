package citecheck

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/citecheck/citecheck/sources/sqlitedb"
)

// ErrNotStore means a database holds no citecheck results schema.
var ErrNotStore = errors.New("not a citecheck results database")

// mergeBatch is how many articles one Merge transaction writes: enough to
// amortise the commit, few enough that the write-ahead log stays small.
const mergeBatch = 500

// MergeStats counts what Merge did with the articles of its source.
type MergeStats struct {
	// Added are the articles the store did not hold.
	Added int
	// Replaced are the articles the store held with another hash or
	// settings (BatchResult.Settings) and an older checked_at; the
	// source's version took their place.
	Replaced int
	// Same are the articles the store already held with the same hash and
	// settings; they were left alone.
	Same int
	// Kept are the articles the store held with another hash or settings
	// and a newer checked_at (or, on a tie, a larger hash, then larger
	// settings); the source's version was dropped.
	Kept int
	// Rows are the findings, claims and citations written.
	Rows int
}

// Add adds the counts of o to m.
func (m *MergeStats) Add(o MergeStats) {
	m.Added += o.Added
	m.Replaced += o.Replaced
	m.Same += o.Same
	m.Kept += o.Kept
	m.Rows += o.Rows
}

// The columns Merge copies, in the schema's order. Every column of every
// table is copied, checked_at included, so that merging the same source
// twice leaves the store as it was.
var (
	mergeArticleCols = []string{"id", "input", "url", "outlet", "title", "published", "words",
		"claims", "uncited_claims", "citations", "resolved", "unresolved", `"references"`, "orphans",
		"errors", "warnings", "infos", "quality", "status", "reason", "hash", "checked_at", "settings"}
	mergeChildTables = []struct {
		name string
		cols []string
	}{
		{"findings", []string{"article_id", "code", "severity", "line", `"column"`, "message"}},
		{"claims", []string{"article_id", "idx", "text", "score", "cited"}},
		{"citations", []string{"article_id", "idx", "kind", "text", "status"}},
		{"support", []string{"article_id", "claim_idx", "idx", "citation", "url", "verdict", "score"}},
	}
)

// CheckStore reports whether db holds a results database that Merge can
// read as it is, without changing it: ErrNotStore when it has no results
// schema, ErrStoreVersion when its schema is newer than this citecheck
// knows, and another error when it is older (OpenStore upgrades it).
func CheckStore(ctx context.Context, db *sql.DB) error {
	version, ok, err := sqlitedb.Version(ctx, db, "results_schema")
	switch {
	case err != nil:
		return fmt.Errorf("check store: %w", err)
	case !ok:
		return ErrNotStore
	}
	switch known := len(storeMigrations); {
	case version > known:
		return fmt.Errorf("%w: version %d, known %d", ErrStoreVersion, version, known)
	case version < known:
		return fmt.Errorf("check store: results schema version %d is older than %d: open it once with OpenStore (citecheck batch) to upgrade it", version, known)
	}
	return nil
}

// Merge copies the articles of the results database src into s, each with
// its findings, claims and citations, and leaves src unchanged. src is
// typically a shard of a corpus written by another `citecheck batch` run;
// it must pass CheckStore.
//
// An article s already holds with the same id, hash and settings is left
// alone, so merging the same source twice changes nothing. When the hashes
// or settings differ the later checked_at wins, and on a tie the larger
// hash, then the larger settings, so that the outcome
// does not depend on the order sources are merged in. Merge writes a few
// hundred articles per transaction, each article with all its rows: if it
// is interrupted, s holds whole articles only and merging again finishes
// the work.
//
// Like Save, Merge must not run concurrently with another write to s;
// other processes may write the same database meanwhile.
func (s *Store) Merge(ctx context.Context, src *sql.DB) (MergeStats, error) {
	var stats MergeStats
	if err := CheckStore(ctx, src); err != nil {
		return stats, fmt.Errorf("store: merge: %w", err)
	}
	// One read transaction on src, so that an article and its rows come
	// from the same snapshot even while a batch writes into src.
	srcTx, err := src.BeginTx(ctx, nil)
	if err != nil {
		return stats, fmt.Errorf("store: merge: %w", err)
	}
	defer func() { _ = srcTx.Rollback() }()
	m, err := newMerger(ctx, srcTx)
	if err != nil {
		return stats, fmt.Errorf("store: merge: %w", err)
	}
	defer m.close()

	rows, err := srcTx.QueryContext(ctx, "SELECT "+strings.Join(mergeArticleCols, ", ")+" FROM articles ORDER BY id")
	if err != nil {
		return stats, fmt.Errorf("store: merge: %w", err)
	}
	defer rows.Close()
	var batch [][]any
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		st, err := s.mergeArticles(ctx, m, batch)
		if err != nil {
			return err
		}
		stats.Add(st)
		batch = batch[:0]
		return nil
	}
	for rows.Next() {
		vals := make([]any, len(mergeArticleCols))
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return stats, fmt.Errorf("store: merge: %w", err)
		}
		batch = append(batch, vals)
		if len(batch) >= mergeBatch {
			if err := flush(); err != nil {
				return stats, fmt.Errorf("store: merge: %w", err)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return stats, fmt.Errorf("store: merge: %w", err)
	}
	if err := flush(); err != nil {
		return stats, fmt.Errorf("store: merge: %w", err)
	}
	return stats, nil
}

// merger holds the statements that read one article's rows from a source.
type merger struct {
	children []*sql.Stmt // in the order of mergeChildTables
}

func newMerger(ctx context.Context, src *sql.Tx) (*merger, error) {
	m := &merger{}
	for _, t := range mergeChildTables {
		st, err := src.PrepareContext(ctx, "SELECT "+strings.Join(t.cols, ", ")+" FROM "+t.name+" WHERE article_id = ?")
		if err != nil {
			m.close()
			return nil, err
		}
		m.children = append(m.children, st)
	}
	return m, nil
}

func (m *merger) close() {
	for _, st := range m.children {
		_ = st.Close()
	}
}

// mergeArticles writes one transaction's worth of source articles, given as
// the values of mergeArticleCols.
func (s *Store) mergeArticles(ctx context.Context, m *merger, articles [][]any) (MergeStats, error) {
	var stats MergeStats
	err := sqlitedb.Write(ctx, s.conn, storeLockTable, func(tx *sql.Tx) error {
		stats = MergeStats{}
		w, err := prepareMergeWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		for _, a := range articles {
			n, err := w.mergeArticle(ctx, m, a, &stats)
			if err != nil {
				return err
			}
			stats.Rows += n
		}
		return nil
	})
	if err != nil {
		return MergeStats{}, err
	}
	return stats, nil
}

// mergeArticle merges one source article, given as the values of
// mergeArticleCols, counts what became of it in stats and returns how many
// child rows it wrote.
func (w *mergeWriter) mergeArticle(ctx context.Context, m *merger, a []any, stats *MergeStats) (int, error) {
	id, _ := a[slices.Index(mergeArticleCols, "id")].(string)
	hash, _ := a[slices.Index(mergeArticleCols, "hash")].(string)
	checked, _ := a[slices.Index(mergeArticleCols, "checked_at")].(string)
	settings, _ := a[slices.Index(mergeArticleCols, "settings")].(string)
	var oldHash, oldChecked, oldSettings string
	switch err := w.lookup.QueryRowContext(ctx, id).Scan(&oldHash, &oldChecked, &oldSettings); {
	case errors.Is(err, sql.ErrNoRows):
		stats.Added++
	case err != nil:
		return 0, fmt.Errorf("%s: %w", id, err)
	case oldHash == hash && oldSettings == settings:
		stats.Same++
		return 0, nil
	case newerResult(checked, hash+"\x00"+settings, oldChecked, oldHash+"\x00"+oldSettings):
		stats.Replaced++
	default:
		stats.Kept++
		return 0, nil
	}
	n, err := w.copyArticle(ctx, m, id, a)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", id, err)
	}
	return n, nil
}

// newerResult reports whether the result checked at checked with version
// (its hash and settings) supersedes the one checked at oldChecked with
// oldVersion. checked_at is RFC 3339 UTC to the second, as Save writes
// it, so strings compare as times.
func newerResult(checked, version, oldChecked, oldVersion string) bool {
	if checked != oldChecked {
		return checked > oldChecked
	}
	return version > oldVersion
}

// mergeWriter holds the statements of one Merge transaction on the store.
type mergeWriter struct {
	lookup  *sql.Stmt
	article *sql.Stmt
	deletes []*sql.Stmt // in the order of mergeChildTables
	inserts []*sql.Stmt // in the order of mergeChildTables
}

func prepareMergeWriter(ctx context.Context, tx *sql.Tx) (*mergeWriter, error) {
	w := &mergeWriter{}
	var err error
	prepare := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		st, e := tx.PrepareContext(ctx, q)
		if e != nil {
			err = e
		}
		return st
	}
	w.lookup = prepare("SELECT hash, checked_at, settings FROM articles WHERE id = ?")
	w.article = prepare("INSERT OR REPLACE INTO articles (" + strings.Join(mergeArticleCols, ", ") + ") VALUES (" + placeholders(len(mergeArticleCols)) + ")")
	for _, t := range mergeChildTables {
		w.deletes = append(w.deletes, prepare("DELETE FROM "+t.name+" WHERE article_id = ?"))
		w.inserts = append(w.inserts, prepare("INSERT INTO "+t.name+" ("+strings.Join(t.cols, ", ")+") VALUES ("+placeholders(len(t.cols))+")"))
	}
	if err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

func placeholders(n int) string {
	return "?" + strings.Repeat(", ?", n-1)
}

func (w *mergeWriter) close() {
	for _, st := range append([]*sql.Stmt{w.lookup, w.article}, append(w.deletes, w.inserts...)...) {
		if st != nil {
			_ = st.Close()
		}
	}
}

// copyArticle replaces the store's rows of one article with the source's,
// and returns how many child rows it wrote.
func (w *mergeWriter) copyArticle(ctx context.Context, m *merger, id string, article []any) (int, error) {
	for _, del := range w.deletes {
		if _, err := del.ExecContext(ctx, id); err != nil {
			return 0, err
		}
	}
	if _, err := w.article.ExecContext(ctx, article...); err != nil {
		return 0, err
	}
	n := 0
	for i, sel := range m.children {
		c, err := copyRows(ctx, sel, w.inserts[i], id, len(mergeChildTables[i].cols))
		if err != nil {
			return n, fmt.Errorf("%s: %w", mergeChildTables[i].name, err)
		}
		n += c
	}
	return n, nil
}

// copyRows inserts with ins every row sel returns for id. Values are
// scanned into interfaces, so each keeps its SQLite type.
func copyRows(ctx context.Context, sel, ins *sql.Stmt, id string, ncols int) (int, error) {
	rows, err := sel.QueryContext(ctx, id)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	vals := make([]any, ncols)
	ptrs := make([]any, ncols)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, err
		}
		if _, err := ins.ExecContext(ctx, vals...); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}
