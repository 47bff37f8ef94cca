package citecheck_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources/resolve"
)

// Resolving sources is opt-in: give Check a resolve.Resolver, with a
// Fetcher to reach the web and a Cache to remember what it learned. This
// example plays the web with a loopback server; real runs use
// resolve.NewFetcher(resolve.WithContact(...)).
func Example_resolve() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/study" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><head><meta name="citation_title" content="Coffee and sleep in older adults">`+
			`<meta name="citation_publication_date" content="2012"></head><body><p>…</p></body></html>`)
	}))
	defer srv.Close()
	// WithAllowLoopback is for tests only: articles are untrusted.
	fetcher, err := resolve.NewFetcher(resolve.WithAllowLoopback(), resolve.WithPerDomain(2, 0))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer fetcher.Close()
	resolver, err := resolve.New(resolve.Config{Fetcher: fetcher, Cache: resolve.NewMemoryCache()})
	if err != nil {
		fmt.Println(err)
		return
	}

	article := "# Draft\n\nCoffee keeps people awake (Lee, 2021).\n\n## References\n\n" +
		"1. Lee, K. (2021). Coffee and sleep in older adults. Sleep Journal. " + srv.URL + "/study\n"
	report, err := citecheck.Check(context.Background(), strings.NewReader(article), citecheck.Options{
		Name: "draft.md", Resolver: resolver})
	if err != nil {
		fmt.Println(err)
		return
	}
	ref := report.References[0]
	fmt.Println(ref.Source.Status, ref.Source.Title, ref.Source.Published)
	for _, f := range report.Findings {
		if f.Code == citecheck.CodeReferenceMismatch {
			fmt.Println(f.Code+":", f.Message[strings.Index(f.Message, "year"):])
		}
	}
	// Output:
	// ok Coffee and sleep in older adults 2012
	// reference-mismatch: year: the entry says 2021, the source 2012
}
