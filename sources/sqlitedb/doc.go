// Package sqlitedb is the one way citecheck opens its SQLite databases: the
// source cache (package sqlitecache) and the batch results store both set
// up their connections, switch to WAL journaling and bring their schema up
// to date through it, so that both files behave alike when several
// processes share them.
//
// The package does not import a SQLite driver; the program does (cmd/citecheck
// imports github.com/mattn/go-sqlite3), and so do the tests. A typical
// opening, on a connection taken from the caller's pool:
//
//	conn, err := db.Conn(ctx)
//	if err != nil {
//		return err
//	}
//	defer conn.Close()
//	if err := sqlitedb.SetPragmas(ctx, conn, 5*time.Second); err != nil {
//		return err
//	}
//	if _, err := sqlitedb.EnableWAL(ctx, conn); err != nil {
//		return err
//	}
//	_, err = sqlitedb.Migrate(ctx, conn, "notes_schema", []sqlitedb.Migration{
//		sqlitedb.SQL(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`),
//	})
//	if errors.Is(err, sqlitedb.ErrNewerSchema) {
//		// written by a newer program: leave it alone
//	}
//
// # Schema versions
//
// Each database records its schema version in a one-row table of its own
// (cache_schema, results_schema). Migrate applies, in one transaction, the
// steps the database has not seen yet, and refuses a database whose version
// is newer than the steps it was given. Steps are appended, never edited:
// step i brings the schema from version i to i+1.
//
// # Writing
//
// Several processes may write one file. A transaction that reads and then
// writes must take SQLite's write lock before its first read, or it fails
// with "database is locked" at once when another process wrote meanwhile,
// busy_timeout notwithstanding. Write runs such a transaction: it begins
// it with BeginImmediate, which takes the lock whatever the driver or the
// DSN, and tries again, for a bounded time, while the database stays
// locked:
//
//	err := sqlitedb.Write(ctx, conn, "notes_schema", func(tx *sql.Tx) error {
//		var n int
//		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM notes").Scan(&n); err != nil {
//			return err
//		}
//		_, err := tx.ExecContext(ctx, "INSERT INTO notes (body) VALUES (?)", fmt.Sprint("note ", n+1))
//		return err
//	})
package sqlitedb
