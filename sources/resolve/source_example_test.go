package resolve_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/resolve"
)

// ExampleParseDOI normalises DOIs as articles write them.
func ExampleParseDOI() {
	for _, s := range []string{
		"https://doi.org/10.1038/NATURE12373",
		"doi:10.1016/S0140-6736(97)11096-0).",
		"http://dx.doi.org/10.1002%2F%28SICI%291097-4571",
		"10.12/too-short",
	} {
		doi, err := sources.ParseDOI(s)
		fmt.Println(doi, errors.Is(err, sources.ErrInvalidDOI))
	}
	// Output:
	// 10.1038/nature12373 false
	// 10.1016/s0140-6736(97)11096-0 false
	// 10.1002/(sici)1097-4571 false
	//  true
}

// ExampleFetcher_ResolveURL reads a cited page's metadata from a local
// test server. Real programs leave WithAllowLoopback out: it exists for
// tests only.
func ExampleFetcher_ResolveURL() {
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html lang="en"><head>
<meta name="citation_title" content="Sleep and memory in adolescents">
<meta name="citation_author" content="Jane Doe">
<meta name="citation_publication_date" content="2021-03-09">
<meta name="citation_doi" content="10.1234/ABC">
<meta property="og:site_name" content="Journal of Sleep">
</head><body><p>Abstract.</p></body></html>`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	r, err := resolve.NewFetcher(
		resolve.WithContact("desk@example.org"),
		resolve.WithPerDomain(2, 10*time.Millisecond),
		resolve.WithAllowLoopback(),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Close()
	ctx := context.Background()

	s, err := r.ResolveURL(ctx, srv.URL+"/story")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Status, s.Title)
	fmt.Println(s.Authors, s.Published, s.Publisher, s.DOI, s.Language)

	s, err = r.ResolveURL(ctx, srv.URL+"/moved-away")
	fmt.Println(s.Status, s.HTTPStatus, resolve.StatusFor(err))
	// Output:
	// ok Sleep and memory in adolescents
	// [Jane Doe] 2021-03-09 Journal of Sleep 10.1234/abc en
	// not-found 404 not-found
}
