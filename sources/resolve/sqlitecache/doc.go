// Package sqlitecache keeps what citecheck's resolver learns between runs
// in a SQLite database: a resolve.Cache whose tables (cache_sources,
// cache_observations and the version table cache_schema) live in a
// database the caller opened, typically a file several processes share.
//
// The database is opened, set to WAL journaling and migrated through
// package sqlitedb, as the batch results store is. The package imports no
// driver; the program does:
//
//	import _ "github.com/mattn/go-sqlite3"
//
//	db, err := sql.Open("sqlite3", "file:"+path)
//	if err != nil {
//		return err
//	}
//	defer db.Close()
//	cache, err := sqlitecache.New(ctx, db)
//	if err != nil {
//		return err // sqlitecache.ErrSchemaVersion: written by a newer citecheck
//	}
//	resolver, err := resolve.New(resolve.Config{Cache: cache, Fetcher: fetcher})
//
// NewReadOnly reads a cache without ever writing to it, for an offline
// resolver on a file the process may not write. Cache.Prune removes what
// was learned before a given time, to keep the file from growing without
// end.
package sqlitecache
