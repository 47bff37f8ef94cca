package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3" // the driver behind every database the command opens

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
	params := ""
	if readOnly {
		params = "&mode=ro"
	}
	return openDBParams(ctx, path, params, prepare)
}

// openDBParams is openDB with the URI parameters params ("&name=value...")
// added.
func openDBParams(ctx context.Context, path, params string, prepare func(*sql.DB) error) (*sql.DB, error) {
	dsn := "file:" + uriPath.Replace(path) + "?_busy_timeout=" + strconv.FormatInt(dbBusyTimeout.Milliseconds(), 10) + params
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
// needed, or, when readOnly is set, for reading only (sqlitecache.NewReadOnly),
// so that an offline run can use a cache it may not write. Close the
// returned database when done.
func openCache(ctx context.Context, path string, readOnly bool) (cache *sqlitecache.Cache, db *sql.DB, err error) {
	if !readOnly {
		db, err = openDB(ctx, path, false, func(db *sql.DB) (err error) {
			cache, err = sqlitecache.New(ctx, db)
			return err
		})
	} else {
		newCache := func(db *sql.DB) (err error) {
			cache, err = sqlitecache.NewReadOnly(ctx, db)
			return err
		}
		db, err = openDB(ctx, path, true, newCache)
		if needsImmutable(err) {
			// SQLite reads a WAL file through a -shm file it could not
			// create here (a folder we may not write): read the file
			// alone, which is right unless another process writes it
			// meanwhile.
			db, err = openDBParams(ctx, path, "&mode=ro&immutable=1", newCache)
		}
		if errors.Is(err, sqlitecache.ErrOldSchema) {
			err = fmt.Errorf("%w (run once without --offline to upgrade it)", err)
		}
	}
	if err != nil {
		return nil, nil, fmt.Errorf("cache: %w", err)
	}
	return cache, db, nil
}

// needsImmutable reports whether err is SQLite failing to read a file
// opened read-only for want of writing beside it: "attempt to write a
// readonly database" or "unable to open database file".
func needsImmutable(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrReadonly || se.Code == sqlite3.ErrCantOpen)
}
