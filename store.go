package citecheck

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/citecheck/citecheck/sources/site"
	"github.com/citecheck/citecheck/sources/sqlitedb"
)

// ErrStoreVersion means the database holds a results schema newer than this
// version of citecheck knows; OpenStore refuses it rather than misread it.
var ErrStoreVersion = errors.New("results schema is newer than this citecheck")

// storeMigrations are the results schema changes in order; migration i
// brings the schema from version i to i+1, recorded in the table
// results_schema. Append only.
//
// quality is the citation-quality score (see Quality); NULL when the article
// has neither citations nor claims. checked_at is RFC 3339 UTC.
var storeMigrations = [...]sqlitedb.Migration{
	sqlitedb.SQL(`CREATE TABLE articles (
		id             TEXT PRIMARY KEY,
		input          TEXT NOT NULL,
		url            TEXT NOT NULL,
		outlet         TEXT NOT NULL, -- the corpus's outlet, else the URL's registrable domain
		title          TEXT NOT NULL,
		published      TEXT NOT NULL, -- as the corpus or the page gives it
		words          INTEGER NOT NULL,
		claims         INTEGER NOT NULL,
		uncited_claims INTEGER NOT NULL,
		citations      INTEGER NOT NULL,
		resolved       INTEGER NOT NULL,
		unresolved     INTEGER NOT NULL,
		"references"   INTEGER NOT NULL,
		orphans        INTEGER NOT NULL,
		errors         INTEGER NOT NULL,
		warnings       INTEGER NOT NULL,
		infos          INTEGER NOT NULL,
		quality        REAL,
		status         TEXT NOT NULL, -- 'ok' or 'failed'
		reason         TEXT NOT NULL, -- why a failed article has no report
		hash           TEXT NOT NULL, -- hex SHA-256 of the article's bytes
		checked_at     TEXT NOT NULL
	);
	CREATE INDEX articles_outlet ON articles (outlet, published);
	CREATE INDEX articles_published ON articles (published);
	CREATE INDEX articles_status ON articles (status);
	CREATE TABLE findings (
		article_id TEXT NOT NULL,
		code       TEXT NOT NULL,
		severity   TEXT NOT NULL,
		line       INTEGER NOT NULL,
		"column"   INTEGER NOT NULL,
		message    TEXT NOT NULL
	);
	CREATE INDEX findings_article ON findings (article_id);
	CREATE INDEX findings_code ON findings (code, severity);
	CREATE TABLE claims (
		article_id TEXT NOT NULL,
		idx        INTEGER NOT NULL,
		text       TEXT NOT NULL,
		score      REAL NOT NULL,
		cited      INTEGER NOT NULL, -- 1 when a citation or link supports it
		PRIMARY KEY (article_id, idx)
	) WITHOUT ROWID;
	CREATE TABLE citations (
		article_id TEXT NOT NULL,
		idx        INTEGER NOT NULL,
		kind       TEXT NOT NULL,
		text       TEXT NOT NULL,
		status     TEXT NOT NULL,
		PRIMARY KEY (article_id, idx)
	) WITHOUT ROWID;
	CREATE INDEX citations_status ON citations (status);`),
	// 2: what verifying each claim against each of its cited sources gave
	// (citecheck batch --resolve): claim_idx is claims.idx, idx the
	// source's place among the claim's, verdict one of claims/verify's.
	sqlitedb.SQL(`CREATE TABLE support (
		article_id TEXT NOT NULL,
		claim_idx  INTEGER NOT NULL,
		idx        INTEGER NOT NULL,
		citation   TEXT NOT NULL,
		url        TEXT NOT NULL,
		verdict    TEXT NOT NULL,
		score      REAL NOT NULL,
		PRIMARY KEY (article_id, claim_idx, idx)
	) WITHOUT ROWID;
	CREATE INDEX support_verdict ON support (verdict);`),
	// 3: the SettingsKey of the options each article was checked with
	// (rules, severities, min-score, reference headings); '' for the
	// defaults, which is what every article stored before was checked
	// with unless --min-score was given.
	sqlitedb.SQL(`ALTER TABLE articles ADD COLUMN settings TEXT NOT NULL DEFAULT '';`),
}

// Store keeps batch results in SQLite tables of a database the caller
// opened: articles, findings, claims and citations (the schema is in
// storeMigrations, documented in the README). Save writes each article with
// all its rows in one transaction, so that after a crash an article is
// either fully there or absent.
//
// A Store has one writer connection; Save must not be called concurrently.
// Has may be called at any time. Other processes may write the same
// database through Stores of their own at the same time.
type Store struct {
	db   *sql.DB
	conn *sql.Conn // the single writer
}

// storeLockTable is the table whose lock every write transaction of a
// Store takes first (sqlitedb.BeginImmediate).
const storeLockTable = "results_schema"

// OpenStore prepares db for results: it switches it to WAL mode, sets a busy
// timeout on its writer connection and creates or upgrades the schema. The
// database must be shared by all of db's connections (a file, or
// "file::memory:?cache=shared"). Close the Store before closing db.
func OpenStore(ctx context.Context, db *sql.DB) (*Store, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	s := &Store{db: db, conn: conn}
	if err := s.init(ctx); err != nil {
		_ = conn.Close()
		return nil, fmt.Errorf("open store: %w", err)
	}
	return s, nil
}

func (s *Store) init(ctx context.Context) error {
	// synchronous = NORMAL (SetPragmas) is durable enough in WAL mode: a
	// power loss may lose the last transactions, never corrupt the
	// database, and a resumed run redoes them.
	if err := sqlitedb.SetPragmas(ctx, s.conn, 10*time.Second); err != nil {
		return err
	}
	if _, err := sqlitedb.EnableWAL(ctx, s.conn); err != nil {
		return err
	}
	if _, err := sqlitedb.Migrate(ctx, s.conn, storeLockTable, storeMigrations[:]); err != nil {
		if errors.Is(err, sqlitedb.ErrNewerSchema) {
			return fmt.Errorf("%w: %w", ErrStoreVersion, err)
		}
		return err
	}
	return nil
}

// Close releases the writer connection; it does not close the database.
func (s *Store) Close() error { return s.conn.Close() }

// Has reports whether the article with this id is stored with this content
// hash and was checked with these settings (Options.SettingsKey), so that
// a resumed run can skip it. An article stored under other settings is
// not had: checking it again replaces it, so that a run's results never
// mix settings.
func (s *Store) Has(ctx context.Context, id, hash, settings string) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, "SELECT 1 FROM articles WHERE id = ? AND hash = ? AND settings = ?", id, hash, settings).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("store: has %s: %w", id, err)
	}
	return true, nil
}

// Save writes results in one transaction, replacing any earlier rows of the
// same articles (an article given twice keeps its later result). A result
// with Err set is stored with status 'failed' and the error as its reason.
// A result without an Article.ID is skipped. Batching a few hundred results
// per call keeps the database from being the bottleneck
// (BenchmarkStoreSave).
//
// The transaction takes the database's write lock before it reads, so
// that several processes can save into one database at once: each waits
// for the others' transactions, and tries again for a while when the
// database stays locked (see sqlitedb.Write); the error then says the
// database is locked, and nothing of results is stored.
func (s *Store) Save(ctx context.Context, results ...BatchResult) error {
	if len(results) == 0 {
		return nil
	}
	now := time.Now().UTC().Format(time.RFC3339)
	err := sqlitedb.Write(ctx, s.conn, storeLockTable, func(tx *sql.Tx) error {
		w := newStoreWriter(tx)
		defer w.close()
		for _, r := range results {
			if r.Article.ID == "" {
				continue
			}
			if err := w.write(ctx, r, now); err != nil {
				return fmt.Errorf("%s: %w", r.Article.ID, err)
			}
		}
		return w.flush(ctx)
	})
	if err != nil {
		return fmt.Errorf("store: save: %w", err)
	}
	return nil
}

// storeWriter writes the rows of one Save transaction. Rows are inserted
// many per statement (storeChunkRows), which makes writing several times
// cheaper than one statement per row, so that the store keeps ahead of the
// analysis that feeds it.
type storeWriter struct {
	tx                                    *sql.Tx
	del                                   [4]*sql.Stmt // findings, claims, citations, support of one article
	articles, findings, claims, citations *rowInserter
	support                               *rowInserter
}

// storeChunkRows is how many rows one INSERT statement writes at most.
const storeChunkRows = 64

func newStoreWriter(tx *sql.Tx) *storeWriter {
	return &storeWriter{
		tx: tx,
		articles: newRowInserter(tx, `INSERT OR REPLACE INTO articles (id, input, url, outlet, title, published, words,
			claims, uncited_claims, citations, resolved, unresolved, "references", orphans,
			errors, warnings, infos, quality, status, reason, hash, checked_at, settings) VALUES `, 23),
		findings:  newRowInserter(tx, `INSERT INTO findings (article_id, code, severity, line, "column", message) VALUES `, 6),
		claims:    newRowInserter(tx, `INSERT INTO claims (article_id, idx, text, score, cited) VALUES `, 5),
		citations: newRowInserter(tx, `INSERT INTO citations (article_id, idx, kind, text, status) VALUES `, 5),
		support:   newRowInserter(tx, `INSERT INTO support (article_id, claim_idx, idx, citation, url, verdict, score) VALUES `, 7),
	}
}

func (w *storeWriter) close() {
	for _, st := range w.del {
		if st != nil {
			_ = st.Close()
		}
	}
	for _, ri := range []*rowInserter{w.articles, w.findings, w.claims, w.citations, w.support} {
		ri.close()
	}
}

// flush writes the rows still buffered.
func (w *storeWriter) flush(ctx context.Context) error {
	for _, ri := range []*rowInserter{w.articles, w.findings, w.claims, w.citations, w.support} {
		if err := ri.flush(ctx); err != nil {
			return err
		}
	}
	return nil
}

// deleteRows removes what an earlier run stored for the article id. The
// buffered rows are written first, in case they are the article's own.
func (w *storeWriter) deleteRows(ctx context.Context, id string) error {
	if err := w.flush(ctx); err != nil {
		return err
	}
	for i, table := range [...]string{"findings", "claims", "citations", "support"} {
		if w.del[i] == nil {
			st, err := w.tx.PrepareContext(ctx, "DELETE FROM "+table+" WHERE article_id = ?")
			if err != nil {
				return err
			}
			w.del[i] = st
		}
		if _, err := w.del[i].ExecContext(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

func (w *storeWriter) write(ctx context.Context, r BatchResult, now string) error {
	a := r.Article
	// Rows of an earlier result for the same id go first. An article
	// stored before with another hash, or given twice, is rare: look
	// before deleting, so that the common case costs one lookup.
	var old int
	if err := w.tx.QueryRowContext(ctx, "SELECT count(*) FROM articles WHERE id = ?", a.ID).Scan(&old); err != nil {
		return err
	}
	if old > 0 || w.articles.has(a.ID) {
		if err := w.deleteRows(ctx, a.ID); err != nil {
			return err
		}
	}
	outlet := a.Outlet
	if outlet == "" {
		outlet = site.OfURL(a.URL) // the corpus names no outlet: the site
	}
	if r.Err != nil || r.Report == nil {
		reason := "no report"
		if r.Err != nil {
			reason = r.Err.Error()
		}
		return w.articles.add(ctx, a.ID, a.Input, a.URL, outlet, "", a.Published, 0,
			0, 0, 0, 0, 0, 0, 0, 0, 0, 0, nil, "failed", reason, a.Hash, now, r.Settings)
	}
	rep := r.Report
	sum := rep.Summary
	published := a.Published
	if published == "" {
		published = rep.Meta.Published
	}
	words := 0
	if rep.Document != nil {
		words = rep.Document.Words()
	}
	var quality any
	if q, ok := Quality(sum); ok {
		quality = q
	}
	if err := w.articles.add(ctx, a.ID, a.Input, a.URL, outlet, rep.Title, published, words,
		sum.Claims, sum.UncitedClaims, sum.Citations, sum.Resolved, sum.Unresolved, sum.References, sum.Orphans,
		sum.Errors, sum.Warnings, sum.Infos, quality, "ok", "", a.Hash, now, r.Settings); err != nil {
		return err
	}
	for _, f := range rep.Findings {
		if err := w.findings.add(ctx, a.ID, f.Code, string(f.Severity), f.Span.Line, f.Span.Column, f.Message); err != nil {
			return err
		}
	}
	for i, c := range rep.Claims {
		cited := len(c.Citations) > 0 || len(c.Links) > 0
		if err := w.claims.add(ctx, a.ID, i, c.Text, c.Score, cited); err != nil {
			return err
		}
		for j, sup := range c.Support {
			if err := w.support.add(ctx, a.ID, i, j, sup.Citation, sup.URL, string(sup.Verdict), sup.Score); err != nil {
				return err
			}
		}
	}
	for i, c := range rep.Citations {
		if err := w.citations.add(ctx, a.ID, i, string(c.Kind), c.Text, string(c.Status)); err != nil {
			return err
		}
	}
	return nil
}

// rowInserter buffers the rows of one table and inserts them up to
// storeChunkRows at a time with one multi-row INSERT.
type rowInserter struct {
	tx    *sql.Tx
	head  string // the INSERT up to VALUES
	cols  int
	args  []any
	stmts map[int]*sql.Stmt // by number of rows
}

func newRowInserter(tx *sql.Tx, head string, cols int) *rowInserter {
	return &rowInserter{tx: tx, head: head, cols: cols, args: make([]any, 0, cols*storeChunkRows), stmts: map[int]*sql.Stmt{}}
}

// has reports whether a buffered row's first column is id.
func (ri *rowInserter) has(id string) bool {
	for i := 0; i < len(ri.args); i += ri.cols {
		if ri.args[i] == id {
			return true
		}
	}
	return false
}

// add buffers one row and writes the buffer when it is full.
func (ri *rowInserter) add(ctx context.Context, vals ...any) error {
	ri.args = append(ri.args, vals...)
	if len(ri.args) >= ri.cols*storeChunkRows {
		return ri.flush(ctx)
	}
	return nil
}

// flush writes the buffered rows.
func (ri *rowInserter) flush(ctx context.Context) error {
	n := len(ri.args) / ri.cols
	if n == 0 {
		return nil
	}
	st := ri.stmts[n]
	if st == nil {
		var b strings.Builder
		b.WriteString(ri.head)
		row := "(?" + strings.Repeat(", ?", ri.cols-1) + ")"
		for i := range n {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(row)
		}
		var err error
		if st, err = ri.tx.PrepareContext(ctx, b.String()); err != nil {
			return err
		}
		ri.stmts[n] = st
	}
	_, err := st.ExecContext(ctx, ri.args...)
	clear(ri.args)
	ri.args = ri.args[:0]
	return err
}

func (ri *rowInserter) close() {
	for _, st := range ri.stmts {
		_ = st.Close()
	}
}

// Quality is the citation-quality score stored with each article: the share
// of good items among the article's citations and claims,
//
//	(resolved + (claims - uncited_claims)) / (citations + claims)
//
// that is, citations that resolve to a reference and claims that carry a
// citation or link, pooled. It lies in [0, 1]; 1 means every citation
// resolves and every claim is cited. ok is false, and the database stores
// NULL, when the article has neither citations nor claims.
func Quality(s Summary) (q float64, ok bool) {
	den := s.Citations + s.Claims
	if den <= 0 {
		return 0, false
	}
	good := s.Resolved + s.Claims - s.UncitedClaims
	return min(max(float64(good)/float64(den), 0), 1), true
}
