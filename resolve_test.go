package citecheck_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/resolve"
)

// fakeWeb plays ordinary pages, the DOI registry (handle API and content
// negotiation), Crossref and the Wayback Machine, all on one loopback
// server, and counts the requests it gets.
type fakeWeb struct {
	srv      *httptest.Server
	requests atomic.Int64
}

const okPage = `<!doctype html><html lang="en"><head><title>Sleep and memory | Journal</title>
<meta name="citation_title" content="Sleep and memory consolidation in adolescents">
<meta name="citation_author" content="Smith, Jane">
<meta name="citation_publication_date" content="2019/05/01">
</head><body><h1>Sleep and memory consolidation in adolescents</h1><p>Text of the study.</p></body></html>`

const otherPage = `<!doctype html><html lang="en"><head><title>Trade policy</title>
<meta name="citation_title" content="The economic effects of steel tariffs on small ports">
<meta name="citation_author" content="Jones, Robert">
<meta name="citation_publication_date" content="2010">
</head><body><h1>The economic effects of steel tariffs on small ports</h1></body></html>`

func newFakeWeb(t *testing.T) *fakeWeb {
	t.Helper()
	w := &fakeWeb{}
	mux := http.NewServeMux()
	html := func(body string) http.HandlerFunc {
		return func(rw http.ResponseWriter, _ *http.Request) {
			rw.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = rw.Write([]byte(body))
		}
	}
	jsonAnswer := func(status int, ct, body string) http.HandlerFunc {
		return func(rw http.ResponseWriter, _ *http.Request) {
			rw.Header().Set("Content-Type", ct)
			rw.WriteHeader(status)
			_, _ = rw.Write([]byte(body))
		}
	}
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/ok", html(okPage))
	mux.HandleFunc("/other", html(otherPage))
	mux.HandleFunc("/gone", http.NotFound)
	mux.HandleFunc("/busy", func(rw http.ResponseWriter, _ *http.Request) {
		http.Error(rw, "down for maintenance", http.StatusServiceUnavailable)
	})
	handleOK := `{"responseCode":1,"handle":"%s","values":[{"type":"URL","data":{"format":"string","value":"` + "https://publisher.example/landing" + `"}}]}`
	mux.HandleFunc("/handle/api/handles/10.5555/good", jsonAnswer(200, "application/json", strings.Replace(handleOK, "%s", "10.5555/good", 1)))
	mux.HandleFunc("/handle/api/handles/10.5555/retracted", jsonAnswer(200, "application/json", strings.Replace(handleOK, "%s", "10.5555/retracted", 1)))
	mux.HandleFunc("/handle/api/handles/10.5555/missing", jsonAnswer(404, "application/json", `{"responseCode":100,"handle":"10.5555/missing"}`))
	mux.HandleFunc("/doi/10.5555/good", jsonAnswer(200, "application/vnd.citationstyles.csl+json",
		`{"type":"article-journal","title":"Sleep and memory consolidation in adolescents","author":[{"family":"Smith","given":"Jane"}],"issued":{"date-parts":[[2019]]},"container-title":"Journal of Sleep"}`))
	mux.HandleFunc("/doi/10.5555/retracted", jsonAnswer(200, "application/vnd.citationstyles.csl+json",
		`{"type":"article-journal","title":"Vaccines and autism in a small cohort","author":[{"family":"Retro","given":"Ann"}],"issued":{"date-parts":[[2015]]}}`))
	mux.HandleFunc("/crossref/works/10.5555/good", jsonAnswer(200, "application/json", `{"status":"ok","message":{"DOI":"10.5555/good"}}`))
	mux.HandleFunc("/crossref/works/10.5555/retracted", jsonAnswer(200, "application/json",
		`{"status":"ok","message":{"DOI":"10.5555/retracted","updated-by":[{"DOI":"10.5555/notice","type":"retraction","label":"Retraction","source":"publisher","updated":{"date-parts":[[2021,3,2]]}}]}}`))
	mux.HandleFunc("/wayback/cdx/search/cdx", func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "application/json")
		orig := r.URL.Query().Get("url")
		_, _ = rw.Write([]byte(`[["urlkey","timestamp","original","mimetype","statuscode","digest","length"],["x","20180102030405","` + orig + `","text/html","200","D","1"]]`))
	})
	mux.HandleFunc("/avail/wayback/available", jsonAnswer(200, "application/json", `{"archived_snapshots":{}}`))
	w.srv = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		w.requests.Add(1)
		mux.ServeHTTP(rw, r)
	}))
	t.Cleanup(w.srv.Close)
	return w
}

// fetcherOptions point a fetcher at the fake web.
func (w *fakeWeb) fetcherOptions() []resolve.Option {
	base := w.srv.URL
	return []resolve.Option{resolve.WithAllowLoopback(), resolve.WithPerDomain(4, 0), resolve.WithTimeout(5 * time.Second),
		resolve.WithDOIBase(base + "/doi"), resolve.WithHandleBase(base + "/handle"),
		resolve.WithCrossrefBase(base + "/crossref"), resolve.WithWaybackBase(base + "/wayback"),
		resolve.WithAvailabilityBase(base + "/avail")}
}

// resolver returns a Resolver configured by cfg that fetches from the fake
// web.
func (w *fakeWeb) resolver(t *testing.T, cfg resolve.Config) *resolve.Resolver {
	t.Helper()
	f, err := resolve.NewFetcher(w.fetcherOptions()...)
	require.NoError(t, err)
	t.Cleanup(func() { _ = f.Close() })
	cfg.Fetcher = f
	return newResolver(t, cfg)
}

func newResolver(t *testing.T, cfg resolve.Config) *resolve.Resolver {
	t.Helper()
	r, err := resolve.New(cfg)
	require.NoError(t, err)
	return r
}

// resolveArticle cites every kind of source the fake web plays. {{BASE}} is
// the server's URL.
const resolveArticle = `# Sources under test

Teenagers remember more after sleep (Smith, 2019). Tariffs hurt ports (Brown, 2020).
A page that went away (Gone, 2018) and a site that is down (Busy, 2017).
A retracted study (Retro, 2015), a DOI nobody registered (Miss, 2016) and a
study with its DOI (Smith, 2019a). The agency also [published a note]({{BASE}}/gone#top).

## References

1. Smith, J. (2019). Sleep and memory consolidation in adolescents. Journal of Sleep. {{BASE}}/ok
2. Brown, A. (2020). Harbour traffic after the trade war. Port Studies. {{BASE}}/other
3. Gone, G. (2018). A report that moved. Example Reports. {{BASE}}/gone
4. Busy, B. (2017). A page on a busy server. Example Pages. {{BASE}}/busy
5. Retro, A. (2015). Vaccines and autism in a small cohort. Journal of Retractions. https://doi.org/10.5555/retracted
6. Miss, M. (2016). A work with a made-up DOI. Journal of Nothing. doi:10.5555/missing
7. Smith, J. (2019a). Sleep and memory consolidation in adolescents. Journal of Sleep. doi:10.5555/good
`

func (w *fakeWeb) article() string { return strings.ReplaceAll(resolveArticle, "{{BASE}}", w.srv.URL) }

func checkResolve(t *testing.T, text string, opts citecheck.Options) *citecheck.Report {
	t.Helper()
	opts.Name = "resolve.md"
	r, err := citecheck.Check(context.Background(), strings.NewReader(text), opts)
	require.NoError(t, err)
	return r
}

// findingsByEntry maps a finding code to the reference IDs (or citation
// IDs) it was reported on.
func findingsBy(r *citecheck.Report, code string) []string {
	var out []string
	for _, f := range r.Findings {
		if f.Code == code {
			out = append(out, f.Reference+f.Citation+":"+string(f.Severity))
		}
	}
	return out
}

func refByURLSuffix(t *testing.T, r *citecheck.Report, suffix string) citecheck.Reference {
	t.Helper()
	for _, ref := range r.References {
		if strings.HasSuffix(ref.URL, suffix) || strings.HasSuffix(ref.DOI, suffix) {
			return ref
		}
	}
	require.Failf(t, "no reference", "none ends in %q", suffix)
	return citecheck.Reference{}
}

func TestResolveFindings(t *testing.T) {
	web := newFakeWeb(t)
	cache := resolve.NewMemoryCache()
	opts := citecheck.Options{Resolver: web.resolver(t, resolve.Config{Cache: cache})}
	r := checkResolve(t, web.article(), opts)
	require.Len(t, r.References, 7)
	id := func(suffix string) string { return refByURLSuffix(t, r, suffix).ID }

	assert.Equal(t, []string{id("/gone") + ":info", id("/busy") + ":info"}, findingsBy(r, citecheck.CodeUnreachableSource),
		"a 503 and a 404 seen once are unreachable this time, not dead")
	assert.Empty(t, findingsBy(r, citecheck.CodeBrokenLink), "one failure never makes a link dead")
	assert.Equal(t, []string{id("10.5555/missing") + ":error"}, findingsBy(r, citecheck.CodeUnresolvableDOI))
	assert.Equal(t, []string{id("/other") + ":warning"}, findingsBy(r, citecheck.CodeReferenceMismatch))
	assert.Equal(t, []string{id("10.5555/retracted") + ":error"}, findingsBy(r, citecheck.CodeRetractedSource))
	for _, f := range r.Findings {
		if f.Code == citecheck.CodeReferenceMismatch {
			assert.Contains(t, f.Message, "Harbour traffic after the trade war")
			assert.Contains(t, f.Message, "The economic effects of steel tariffs on small ports")
			assert.Contains(t, f.Message, "the entry says 2020, the source 2010")
			assert.Contains(t, f.Message, `"Brown"`)
		}
	}

	ok := refByURLSuffix(t, r, "/ok")
	require.NotNil(t, ok.Source)
	assert.Equal(t, resolve.StatusOK, ok.Source.Status)
	assert.Equal(t, "Sleep and memory consolidation in adolescents", ok.Source.Title)
	good := refByURLSuffix(t, r, "10.5555/good")
	require.NotNil(t, good.Source)
	assert.Equal(t, "10.5555/good", good.Source.DOI)
	var link *citecheck.Citation
	for i := range r.Citations {
		if r.Citations[i].URL != "" && strings.Contains(r.Citations[i].URL, "/gone#top") {
			link = &r.Citations[i]
		}
	}
	require.NotNil(t, link, "the link citation")
	require.NotNil(t, link.Source, "a link citation gets its source")
	assert.Equal(t, resolve.StatusNotFound, link.Source.Status)

	// The second run is answered by the cache: no request at all.
	before := web.requests.Load()
	again := checkResolve(t, web.article(), opts)
	assert.Equal(t, before, web.requests.Load(), "second run made requests")
	assert.Equal(t, findingCodes(r), findingCodes(again))

	// Without a resolver, the source rules say nothing and no source is set.
	plain := checkResolve(t, web.article(), citecheck.Options{})
	for _, ref := range plain.References {
		assert.Nil(t, ref.Source)
	}
	assert.Empty(t, findingsBy(plain, citecheck.CodeUnreachableSource))
}

func findingCodes(r *citecheck.Report) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Code+"@"+f.Reference+f.Citation)
	}
	return out
}

func TestResolveBrokenAfterSeparateDays(t *testing.T) {
	web := newFakeWeb(t)
	cache := resolve.NewMemoryCache()
	opts := citecheck.Options{Resolver: web.resolver(t, resolve.Config{Cache: cache})}
	r := checkResolve(t, web.article(), opts)
	require.Empty(t, findingsBy(r, citecheck.CodeBrokenLink))

	key := sources.URLKey(web.srv.URL + "/gone")
	obs, err := cache.Observations(context.Background(), key)
	require.NoError(t, err)
	require.Len(t, obs, 1, "one observation of the gone page, under its key without the fragment")
	now := time.Now().UTC()
	for _, days := range []int{3, 2} {
		require.NoError(t, cache.AddObservation(context.Background(), resolve.LinkObservation{URL: key,
			At: now.AddDate(0, 0, -days), Outcome: resolve.OutcomeFailed, Status: http.StatusNotFound}))
	}
	r = checkResolve(t, web.article(), opts)
	gone := refByURLSuffix(t, r, "/gone").ID
	assert.Equal(t, []string{gone + ":error"}, findingsBy(r, citecheck.CodeBrokenLink),
		"the entry, and not again the body link to the same page")
	for _, f := range r.Findings {
		if f.Code == citecheck.CodeBrokenLink {
			assert.Contains(t, f.Message, "3 failed checks on 3 days")
			assert.Contains(t, f.Message, "archived copy: "+web.srv.URL+"/wayback/web/20180102030405/")
		}
	}
	assert.NotContains(t, findingsBy(r, citecheck.CodeUnreachableSource), gone+":info")
	assert.NotEmpty(t, refByURLSuffix(t, r, "/gone").Source.ArchivedURL)
}

func TestResolveOffline(t *testing.T) {
	web := newFakeWeb(t)
	cache := resolve.NewMemoryCache()

	// An empty cache offline: nothing resolved, nothing fetched.
	r := checkResolve(t, web.article(), citecheck.Options{Resolver: newResolver(t, resolve.Config{Cache: cache, Offline: true})})
	assert.Zero(t, web.requests.Load())
	for _, ref := range r.References {
		assert.Nil(t, ref.Source, ref.ID)
	}
	assert.Empty(t, findingsBy(r, citecheck.CodeUnreachableSource))

	online := checkResolve(t, web.article(), citecheck.Options{Resolver: web.resolver(t, resolve.Config{Cache: cache})})
	n := web.requests.Load()
	require.NotZero(t, n)
	// Offline with a resolver given still fetches nothing, and answers
	// as the online run did.
	off := checkResolve(t, web.article(), citecheck.Options{Resolver: web.resolver(t, resolve.Config{Cache: cache, Offline: true})})
	assert.Equal(t, n, web.requests.Load())
	assert.Equal(t, findingCodes(online), findingCodes(off))
}

func TestResolveMalformedDOI(t *testing.T) {
	web := newFakeWeb(t)
	text := "# T\n\nA claim (Bad, 2014).\n\n## References\n\n1. Bad, B. (2014). A work. Journal. https://doi.org/10.1/abc\n"
	r := checkResolve(t, text, citecheck.Options{Resolver: web.resolver(t, resolve.Config{})})
	require.Len(t, r.References, 1)
	require.Equal(t, "10.1/abc", r.References[0].DOI, "the entry keeps the DOI as written")
	_, err := sources.ParseDOI("10.1/abc")
	require.Error(t, err, "a registrant code of one digit is malformed")
	assert.Equal(t, []string{r.References[0].ID + ":error"}, findingsBy(r, citecheck.CodeUnresolvableDOI))
	require.NotNil(t, r.References[0].Source)
	assert.Equal(t, resolve.StatusInvalid, r.References[0].Source.Status)
	assert.Zero(t, web.requests.Load())
}

func TestResolveCancelled(t *testing.T) {
	web := newFakeWeb(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := citecheck.Check(ctx, strings.NewReader(web.article()), citecheck.Options{Resolver: web.resolver(t, resolve.Config{})})
	require.ErrorIs(t, err, context.Canceled)
}

func TestResolveFiftyReferences(t *testing.T) {
	var requests, inflight, peak atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		n := inflight.Add(1)
		defer inflight.Add(-1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		if r.URL.Path == "/robots.txt" {
			http.NotFound(rw, r)
			return
		}
		time.Sleep(2 * time.Millisecond) // let requests overlap
		rw.Header().Set("Content-Type", "text/html")
		_, _ = rw.Write([]byte(`<html><head><meta name="citation_title" content="Report ` + r.URL.Path[1:] + `"></head><body><p>x</p></body></html>`))
	}))
	t.Cleanup(srv.Close)
	fetcher, err := resolve.NewFetcher(resolve.WithAllowLoopback(), resolve.WithPerDomain(8, 0))
	require.NoError(t, err)
	t.Cleanup(func() { _ = fetcher.Close() })

	var b strings.Builder
	b.WriteString("# Fifty\n\nA claim (Author1, 2020).\n\n## References\n\n")
	for i := 1; i <= 50; i++ {
		b.WriteString(strings.NewReplacer("N", strconv.Itoa(i), "BASE", srv.URL).Replace("N. AuthorN, A. (2020). Report N. Reports. BASE/rN\n"))
	}
	cache := resolve.NewMemoryCache()
	var progress []int
	opts := citecheck.Options{Resolver: newResolver(t, resolve.Config{Fetcher: fetcher, Cache: cache}), Progress: func(done, total int) {
		assert.Equal(t, 50, total)
		progress = append(progress, done)
	}}
	r := checkResolve(t, b.String(), opts)
	require.Len(t, r.References, 50)
	for _, ref := range r.References {
		require.NotNil(t, ref.Source, ref.ID)
		assert.Equal(t, resolve.StatusOK, ref.Source.Status, ref.ID)
	}
	assert.Empty(t, findingsBy(r, citecheck.CodeReferenceMismatch))
	assert.Len(t, progress, 50)
	assert.Equal(t, 50, progress[len(progress)-1])
	assert.LessOrEqual(t, peak.Load(), int64(4), "at most four sources resolved at once")
	assert.Equal(t, int64(51), requests.Load(), "50 pages and one robots.txt")

	opts.Progress = nil
	checkResolve(t, b.String(), opts)
	assert.Equal(t, int64(51), requests.Load(), "the second run is served from the cache")
}

func TestResolveRefreshesStale(t *testing.T) {
	web := newFakeWeb(t)
	now := time.Now()
	cache := resolve.NewMemoryCache(resolve.WithCacheClock(func() time.Time { return now }))
	opts := citecheck.Options{Resolver: web.resolver(t, resolve.Config{Cache: cache})}
	checkResolve(t, web.article(), opts)
	n := web.requests.Load()
	now = now.Add(resolve.DefaultFailedTTL + time.Minute) // failures are stale, successes fresh
	checkResolve(t, web.article(), opts)
	refetched := web.requests.Load() - n
	assert.Positive(t, refetched)
	obs, err := cache.Observations(context.Background(), sources.URLKey(web.srv.URL+"/gone"))
	require.NoError(t, err)
	assert.Len(t, obs, 2, "the stale 404 was checked again")
	obs, err = cache.Observations(context.Background(), sources.URLKey(web.srv.URL+"/ok"))
	require.NoError(t, err)
	assert.Len(t, obs, 1, "the fresh page was not")
}
