package resolve_test

import (
	"context"
	"fmt"
	"time"

	"github.com/citecheck/citecheck/sources/resolve"
)

// ExampleResolver_Resolve answers from a cache alone: an offline Resolver
// needs no Fetcher and never touches the network. A real run gives it a
// Fetcher too, and a cache on disk (sqlitecache).
func ExampleResolver_Resolve() {
	ctx := context.Background()
	cache := resolve.NewMemoryCache()
	checked := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	study := resolve.DOITarget("https://doi.org/10.1000/XYZ.123")
	err := cache.PutSource(ctx, resolve.CachedSource{Key: study.Key, ExpiresAt: checked.Add(7 * 24 * time.Hour),
		Source: resolve.Source{Status: resolve.StatusOK, DOI: "10.1000/xyz.123", Title: "Sleep and memory", CheckedAt: checked}})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := resolve.New(resolve.Config{Cache: cache, Offline: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range []resolve.Target{study, resolve.DOITarget("10.1/too-short")} {
		res, err := r.Resolve(ctx, t)
		if err != nil {
			fmt.Println(err)
			return
		}
		if res.Source == nil {
			fmt.Println(t.Key, "not in the cache")
			continue
		}
		fmt.Println(t.Key, res.Source.Status, res.Source.Title, res.FromCache)
	}
	link, _ := resolve.URLTarget("https://www.example.org/report/?utm_source=feed")
	res, _ := r.Resolve(ctx, link)
	fmt.Println(link.Key, res.Source == nil)
	// Output:
	// doi:10.1000/xyz.123 ok Sleep and memory true
	// doi:10.1/too-short invalid  false
	// example.org/report true
}
