package sqlitecache_test

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/citecheck/citecheck/sources/resolve"
	"github.com/citecheck/citecheck/sources/resolve/sqlitecache"
)

// ExampleNew opens a cache file, records an observation, and reads it
// back.
func ExampleNew() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "citecheck-cache")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(dir, "cache.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	cache, err := sqlitecache.New(ctx, db)
	if err != nil {
		log.Fatal(err)
	}
	err = cache.AddObservation(ctx, resolve.LinkObservation{
		URL: "example.com/a", At: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC),
		Outcome: resolve.OutcomeFailed, Status: 404,
	})
	if err != nil {
		log.Fatal(err)
	}
	obs, err := cache.Observations(ctx, "example.com/a")
	if err != nil {
		log.Fatal(err)
	}
	for _, o := range obs {
		fmt.Println(o.At.Format(time.RFC3339), o.Outcome, o.Status)
	}
	// Output:
	// 2026-11-25T12:00:00Z failed 404
}
