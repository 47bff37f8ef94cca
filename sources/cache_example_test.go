package sources_test

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/citecheck/citecheck/sources"
)

// ExampleIsDead shows a link that fails three times on two days: dead. One
// 503 in between says nothing either way.
func ExampleIsDead() {
	const u = "https://example.com/story"
	day := func(d, h int) time.Time { return time.Date(2026, 11, 20+d, h, 0, 0, 0, time.UTC) }
	obs := []sources.LinkObservation{
		{URL: u, At: day(0, 9), Outcome: sources.OutcomeOK, Status: 200},
		{URL: u, At: day(1, 9), Outcome: sources.OutcomeFailed, Status: 404},
		{URL: u, At: day(1, 15), Outcome: sources.OutcomeUnreachable, Status: 503},
	}
	dead, evidence := sources.IsDead(obs, sources.DeadRule{})
	fmt.Println(dead, evidence)

	obs = append(obs,
		sources.LinkObservation{URL: u, At: day(1, 18), Outcome: sources.OutcomeFailed, Status: 404},
		sources.LinkObservation{URL: u, At: day(2, 9), Outcome: sources.OutcomeFailed, Status: 410})
	dead, evidence = sources.IsDead(obs, sources.DeadRule{})
	fmt.Println(dead, evidence)
	// Output:
	// false 1 failed check on 2026-11-21: HTTP 404 Not Found (dead after 3 failures on 2 days)
	// true 3 failed checks on 2 days (2026-11-21 to 2026-11-22), last: HTTP 410 Gone
}

// ExampleClassifyOutcome shows how answers are read: a redirect from an
// article to the home page is a soft 404; a 403 is no evidence at all.
func ExampleClassifyOutcome() {
	const asked = "https://news.example.com/2024/03/story"
	page := []byte("<html><head><title>Example News</title></head><body><h1>Today</h1></body></html>")
	fmt.Println(sources.ClassifyOutcome(200, asked, asked, page))
	fmt.Println(sources.ClassifyOutcome(200, "https://news.example.com/", asked, page))
	fmt.Println(sources.SoftNotFoundReason(200, "https://news.example.com/", asked, page))
	fmt.Println(sources.ClassifyOutcome(200, asked, asked, []byte("<title>Page not found</title>")))
	fmt.Println(sources.ClassifyOutcome(404, asked, asked, nil))
	fmt.Println(sources.ClassifyOutcome(403, asked, asked, nil))
	// Output:
	// ok
	// failed
	// soft 404: redirect to site root
	// failed
	// failed
	// unreachable
}

// ExampleMemoryCache stores a resolved source and finds it stale once its
// TTL has passed.
func ExampleMemoryCache() {
	ctx := context.Background()
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	cache := sources.NewMemoryCache(sources.WithCacheClock(func() time.Time { return now }))
	err := cache.PutSource(ctx, sources.SourceRecord{
		Key: "doi:10.1000/xyz", Status: "ok", Title: "A study",
		CheckedAt: now, ExpiresAt: now.Add(7 * 24 * time.Hour),
	})
	if err != nil {
		log.Fatal(err)
	}
	rec, ok, _ := cache.GetSource(ctx, "doi:10.1000/xyz")
	fmt.Println(ok, rec.Title, rec.Stale)
	now = now.Add(8 * 24 * time.Hour)
	rec, ok, _ = cache.GetSource(ctx, "doi:10.1000/xyz")
	fmt.Println(ok, rec.Title, rec.Stale)
	// Output:
	// true A study false
	// true A study true
}

// ExampleNewSQLiteCache opens a cache file, records an observation, and
// reads it back.
func ExampleNewSQLiteCache() {
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
	cache, err := sources.NewSQLiteCache(ctx, db)
	if err != nil {
		log.Fatal(err)
	}
	err = cache.AddObservation(ctx, sources.LinkObservation{
		URL: "https://example.com/a", At: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC),
		Outcome: sources.OutcomeFailed, Status: 404,
	})
	if err != nil {
		log.Fatal(err)
	}
	obs, err := cache.Observations(ctx, "https://example.com/a")
	if err != nil {
		log.Fatal(err)
	}
	for _, o := range obs {
		fmt.Println(o.At.Format(time.RFC3339), o.Outcome, o.Status)
	}
	// Output:
	// 2026-11-25T12:00:00Z failed 404
}
