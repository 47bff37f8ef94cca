package resolve_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/citecheck/citecheck/sources/resolve"
)

// ExampleFetcher_ObserveURL resolves a link and records what the fetch
// found in a cache; one failure does not make the link dead.
func ExampleFetcher_ObserveURL() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/moved" {
			http.Redirect(w, r, "/", http.StatusFound) // a soft 404
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<title>Home</title>")
	}))
	defer srv.Close()
	r, err := resolve.NewFetcher(resolve.WithAllowLoopback(), resolve.WithPerDomain(2, 0)) // tests only
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Close()
	ctx := context.Background()
	cache := resolve.NewMemoryCache()

	src, obs, _ := r.ObserveURL(ctx, srv.URL+"/moved")
	fmt.Println(src.Status, obs.Outcome, obs.Detail)
	if obs.Outcome != "" {
		_ = cache.AddObservation(ctx, obs)
	}
	history, _ := cache.Observations(ctx, srv.URL+"/moved")
	dead, _ := resolve.IsDead(history, resolve.DeadRule{})
	fmt.Println("dead:", dead)
	// Output:
	// not-found failed soft 404: redirect to site root
	// dead: false
}
