package main

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	_ "github.com/mattn/go-sqlite3" // the driver behind every database the command opens

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources/resolve/sqlitecache"
)

// dbBusyTimeout is how long a connection waits for another process's lock.
const dbBusyTimeout = 10 * time.Second

// uriPath escapes what SQLite would otherwise read as the end of a URI
// filename's path ('?', '#') or as an escape ('%').
var uriPath = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// openDB opens the SQLite database at path, read-only or read-write (and
// then created if absent), connects, and runs prepare (unless nil) on it,
// such as a schema check; every error names path. Close the database when
// done.
func openDB(ctx context.Context, path string, readOnly bool, prepare func(*sql.DB) error) (*sql.DB, error) {
	dsn := "file:" + uriPath.Replace(path) + "?_busy_timeout=" + strconv.FormatInt(dbBusyTimeout.Milliseconds(), 10)
	if readOnly {
		dsn += "&mode=ro"
	}
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	err = db.PingContext(ctx)
	if err == nil && prepare != nil {
		err = prepare(db)
	}
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return db, nil
}

// openStore opens the results database at path for writing, creating it
// or bringing its schema up to date. Close the store, then the database.
func openStore(ctx context.Context, path string) (db *sql.DB, store *citecheck.Store, err error) {
	db, err = openDB(ctx, path, false, func(db *sql.DB) (err error) {
		store, err = citecheck.OpenStore(ctx, db)
		return err
	})
	return db, store, err
}

// openStoreReadOnly opens the results database at path for reading and
// checks that its schema is one this citecheck can read.
func openStoreReadOnly(ctx context.Context, path string) (*sql.DB, error) {
	return openDB(ctx, path, true, func(db *sql.DB) error { return citecheck.CheckStore(ctx, db) })
}

// openCache opens the SQLite source cache at path, creating the file if
// needed. Close the returned database when done.
func openCache(ctx context.Context, path string) (cache *sqlitecache.Cache, db *sql.DB, err error) {
	db, err = openDB(ctx, path, false, func(db *sql.DB) (err error) {
		cache, err = sqlitecache.New(ctx, db)
		return err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("cache: %w", err)
	}
	return cache, db, nil
}
