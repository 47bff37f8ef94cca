package sources_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/citecheck/citecheck/sources"
)

// ExampleResolver_ObserveURL resolves a link and records what the fetch
// found in a cache; one failure does not make the link dead.
func ExampleResolver_ObserveURL() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/moved" {
			http.Redirect(w, r, "/", http.StatusFound) // a soft 404
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<title>Home</title>")
	}))
	defer srv.Close()
	r, err := sources.NewResolver(sources.WithAllowLoopback(), sources.WithPerDomain(2, 0)) // tests only
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Close()
	ctx := context.Background()
	cache := sources.NewMemoryCache()

	src, obs, _ := r.ObserveURL(ctx, srv.URL+"/moved")
	fmt.Println(src.Status, obs.Outcome, obs.Detail)
	if obs.Outcome != "" {
		_ = cache.AddObservation(ctx, obs)
	}
	history, _ := cache.Observations(ctx, srv.URL+"/moved")
	dead, _ := sources.IsDead(history, sources.DeadRule{})
	fmt.Println("dead:", dead)
	// Output:
	// not-found failed soft 404: redirect to site root
	// dead: false
}
