package resolve_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/citecheck/citecheck/sources/resolve"
)

// ExampleIsDead shows a link that fails three times on two days: dead. One
// 503 in between says nothing either way.
func ExampleIsDead() {
	const u = "https://example.com/story"
	day := func(d, h int) time.Time { return time.Date(2026, 11, 20+d, h, 0, 0, 0, time.UTC) }
	obs := []resolve.LinkObservation{
		{URL: u, At: day(0, 9), Outcome: resolve.OutcomeOK, Status: 200},
		{URL: u, At: day(1, 9), Outcome: resolve.OutcomeFailed, Status: 404},
		{URL: u, At: day(1, 15), Outcome: resolve.OutcomeUnreachable, Status: 503},
	}
	dead, evidence := resolve.IsDead(obs, resolve.DeadRule{})
	fmt.Println(dead, evidence)

	obs = append(obs,
		resolve.LinkObservation{URL: u, At: day(1, 18), Outcome: resolve.OutcomeFailed, Status: 404},
		resolve.LinkObservation{URL: u, At: day(2, 9), Outcome: resolve.OutcomeFailed, Status: 410})
	dead, evidence = resolve.IsDead(obs, resolve.DeadRule{})
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
	fmt.Println(resolve.ClassifyOutcome(200, asked, asked, page))
	fmt.Println(resolve.ClassifyOutcome(200, "https://news.example.com/", asked, page))
	fmt.Println(resolve.SoftNotFoundReason(200, "https://news.example.com/", asked, page))
	fmt.Println(resolve.ClassifyOutcome(200, asked, asked, []byte("<title>Page not found</title>")))
	fmt.Println(resolve.ClassifyOutcome(404, asked, asked, nil))
	fmt.Println(resolve.ClassifyOutcome(403, asked, asked, nil))
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
	cache := resolve.NewMemoryCache(resolve.WithCacheClock(func() time.Time { return now }))
	err := cache.PutSource(ctx, resolve.CachedSource{
		Key:       "doi:10.1000/xyz",
		Source:    resolve.Source{Status: resolve.StatusOK, Title: "A study", CheckedAt: now},
		ExpiresAt: now.Add(7 * 24 * time.Hour),
	})
	if err != nil {
		log.Fatal(err)
	}
	cs, ok, _ := cache.GetSource(ctx, "doi:10.1000/xyz")
	fmt.Println(ok, cs.Source.Title, cs.Stale)
	now = now.Add(8 * 24 * time.Hour)
	cs, ok, _ = cache.GetSource(ctx, "doi:10.1000/xyz")
	fmt.Println(ok, cs.Source.Title, cs.Stale)
	// Output:
	// true A study false
	// true A study true
}
