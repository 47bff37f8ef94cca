package resolve_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/citecheck/citecheck/sources/resolve"
)

// ExampleFetcher_Fetch fetches a page from a local test server. Real
// programs leave WithAllowLoopback out: it exists for tests only.
func ExampleFetcher_Fetch() {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /drafts/\n")
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/story", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/story", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		fmt.Fprint(w, "<title>Caf\xe9 prices rise</title>")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	r, err := resolve.NewFetcher(
		resolve.WithContact("desk@example.org"),
		resolve.WithPerDomain(2, 10*time.Millisecond), // the default is one request a second
		resolve.WithAllowLoopback(),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Close()
	ctx := context.Background()

	page, err := r.Fetch(ctx, srv.URL+"/old")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(page.StatusCode, page.ContentType, page.Charset, len(page.Redirects))
	fmt.Println(string(page.Body))

	_, err = r.Fetch(ctx, srv.URL+"/drafts/secret")
	fmt.Println(errors.Is(err, resolve.ErrRobotsDisallowed))
	_, err = r.Fetch(ctx, "http://169.254.169.254/latest/meta-data/")
	fmt.Println(errors.Is(err, resolve.ErrForbiddenAddress))
	// Output:
	// 200 text/html windows-1252 1
	// <title>Café prices rise</title>
	// true
	// true
}
