// Package resolve finds out what the sources an article cites are: whether
// a link still leads to its page, what a DOI names, whether a work was
// retracted, where an archived copy of a dead page is. It is the only part
// of citecheck that touches the network, and it does so only when asked.
//
//	fetcher, err := resolve.NewFetcher(resolve.WithContact("desk@example.org"))
//	if err != nil {
//		return err
//	}
//	defer fetcher.Close()
//	resolver, err := resolve.New(resolve.Config{Fetcher: fetcher, Cache: resolve.NewMemoryCache()})
//	if err != nil {
//		return err
//	}
//	res, err := resolver.Resolve(ctx, resolve.DOITarget("10.1038/nature12373"))
//	if err != nil {
//		return err // the cache failed, or ctx ended
//	}
//	fmt.Println(res.Source.Status, res.Source.Title)
//
// # Two types
//
// A Fetcher talks to the web: it fetches a URL (Fetch, ResolveURL,
// ObserveURL), resolves a DOI through the handle system, content
// negotiation and Crossref (ResolveDOI), and finds archived copies in the
// Wayback Machine (Archived). A Resolver is the policy over it, in one
// place: what the Cache answers, what is fetched, for how long an answer
// stays fresh, what is recorded, and when a link is dead (IsDead over its
// observations on separate days). citecheck.Options takes a Resolver.
//
// A Source is what resolving gave: its status, its metadata, the notices
// about it (retractions, corrections) and, for a page, its readable text
// (Source.Text, bounded by MaxSourceText), for checking what the source
// says. The Cache interface is small and declared here; MemoryCache
// implements it in memory, the sqlitecache package on disk, and the
// cachetest package holds the tests every implementation must pass.
//
// # Security Considerations
//
// Articles are untrusted. The Fetcher dials only public addresses, checked
// after DNS resolution on every connection and redirect, ignores proxies
// from the environment, refuses credentials in URLs and non-canonical IP
// literals, and bounds time, redirects, header and body sizes; see Fetcher.
//
// # Politeness
//
// Per site (sources/site), at most two requests are in flight and one
// starts per second; Retry-After and robots.txt, with its Crawl-delay, are
// obeyed; the User-Agent names citecheck and the contact given with
// WithContact. Concurrent callers asking for one source share one fetch,
// which runs under its own bounded context: one caller giving up does not
// cancel it for the others.
package resolve
