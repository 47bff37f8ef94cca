package resolve

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/x509"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

// newTestServer starts a loopback server closed at the end of the test.
func newTestServer(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// newLoopbackFetcher returns a resolver for loopback test servers, with no
// rate limit unless opts set one, and no real DNS.
func newLoopbackFetcher(t *testing.T, opts ...Option) *Fetcher {
	t.Helper()
	all := append([]Option{WithAllowLoopback(), WithPerDomain(2, 0), WithContact("tests@example.org")}, opts...)
	r, err := NewFetcher(all...)
	require.NoError(t, err)
	r.lookup = fakeLookup(nil)
	t.Cleanup(func() { r.Close() })
	return r
}

func TestFetchPage(t *testing.T) {
	var ua, accept atomic.Value
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, req *http.Request) {
		ua.Store(req.Header.Get("User-Agent"))
		accept.Store(req.Header.Get("Accept"))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Last-Modified", "Tue, 03 Nov 2026 10:00:00 GMT")
		w.Header().Set("Set-Cookie", "a=b")
		fmt.Fprint(w, "<html><title>Café</title></html>")
	})
	srv := newTestServer(t, mux)
	r := newLoopbackFetcher(t)

	page, err := r.Fetch(t.Context(), srv.URL+"/article#section")
	require.NoError(t, err)
	assert.Equal(t, srv.URL+"/article#section", page.URL)
	assert.Equal(t, srv.URL+"/article", page.FinalURL, "no redirect: the URL asked, without its fragment")
	assert.Equal(t, 200, page.StatusCode)
	assert.Equal(t, "text/html", page.ContentType)
	assert.Equal(t, "utf-8", page.Charset)
	assert.Equal(t, "<html><title>Café</title></html>", string(page.Body))
	assert.Equal(t, http.Header{"Last-Modified": {"Tue, 03 Nov 2026 10:00:00 GMT"}}, page.Header)
	assert.Empty(t, page.Redirects)
	assert.False(t, page.FetchedAt.IsZero())
	assert.Equal(t, "citecheck/0.1 (+https://github.com/citecheck/citecheck; mailto:tests@example.org)", ua.Load())
	assert.Equal(t, defaultAccept, accept.Load())
}

func TestFetchRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/hop/{n}", func(w http.ResponseWriter, req *http.Request) {
		n, _ := strconv.Atoi(req.PathValue("n"))
		if n == 0 {
			w.Header().Set("Content-Type", "text/plain")
			fmt.Fprint(w, "arrived")
			return
		}
		codes := []int{301, 302, 303, 307, 308}
		http.Redirect(w, req, "/hop/"+strconv.Itoa(n-1), codes[n%len(codes)])
	})
	mux.HandleFunc("/no-location", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusFound) })
	srv := newTestServer(t, mux)
	r := newLoopbackFetcher(t)

	page, err := r.Fetch(t.Context(), srv.URL+"/hop/5")
	require.NoError(t, err)
	assert.Equal(t, "arrived", string(page.Body))
	assert.Equal(t, []string{srv.URL + "/hop/4", srv.URL + "/hop/3", srv.URL + "/hop/2", srv.URL + "/hop/1", srv.URL + "/hop/0"}, page.Redirects)
	assert.Equal(t, srv.URL+"/hop/0", page.FinalURL)

	_, err = r.Fetch(t.Context(), srv.URL+"/hop/6")
	assert.ErrorIs(t, err, ErrTooManyRedirects)

	_, err = r.Fetch(t.Context(), srv.URL+"/no-location")
	var he *HTTPError
	require.ErrorAs(t, err, &he)
	assert.Equal(t, http.StatusFound, he.StatusCode)
}

func TestFetchBodyCap(t *testing.T) {
	const limit = 1000
	mux := http.NewServeMux()
	mux.HandleFunc("/size/{n}", func(w http.ResponseWriter, req *http.Request) {
		n, _ := strconv.Atoi(req.PathValue("n"))
		w.Header().Set("Content-Type", "text/plain")
		if req.URL.Query().Has("chunked") {
			w.(http.Flusher).Flush() // no Content-Length: the cap must hold while reading
		} else {
			w.Header().Set("Content-Length", strconv.Itoa(n))
		}
		w.Write(bytes.Repeat([]byte("a"), n))
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write(make([]byte, 4<<20))
		zw.Close()
	})
	srv := newTestServer(t, mux)
	r := newLoopbackFetcher(t, WithMaxBody(limit))

	page, err := r.Fetch(t.Context(), srv.URL+"/size/1000")
	require.NoError(t, err)
	assert.Len(t, page.Body, limit)
	page, err = r.Fetch(t.Context(), srv.URL+"/size/1000?chunked")
	require.NoError(t, err)
	assert.Len(t, page.Body, limit)
	for _, u := range []string{"/size/1001", "/size/1001?chunked", "/size/50000?chunked", "/bomb"} {
		_, err = r.Fetch(t.Context(), srv.URL+u)
		assert.ErrorIs(t, err, ErrBodyTooLarge, u)
	}
}

func TestFetchContentType(t *testing.T) {
	tests := []struct {
		name, contentType, body string
		want                    string // media type, or "" for ErrContentType
	}{
		{"html", "text/html", "<p>x</p>", "text/html"},
		{"xhtml", "application/xhtml+xml", "<p>x</p>", "application/xhtml+xml"},
		{"xml", "application/xml", "<a/>", "application/xml"},
		{"rss", "application/rss+xml", "<rss/>", "application/rss+xml"},
		{"json", "application/json", "{}", "application/json"},
		{"csl json", "application/vnd.citationstyles.csl+json", "{}", "application/vnd.citationstyles.csl+json"},
		{"plain", "TEXT/PLAIN; charset=us-ascii", "x", "text/plain"},
		{"pdf", "application/pdf", "%PDF-1.7", "application/pdf"},
		{"sniffed html", "", "<!DOCTYPE html><p>x</p>", "text/html"},
		{"png", "image/png", "\x89PNG", ""},
		{"octet stream", "application/octet-stream", "x", ""},
		{"video", "video/mp4", "x", ""},
		{"javascript", "text/javascript", "x", ""},
		{"malformed", "text/html; charset", "x", "text/html"},
		{"garbage", "/", "x", ""},
		{"sniffed binary", "", "\x00\x01\x02\x03PK\x03\x04", ""},
	}
	mux := http.NewServeMux()
	for i, tt := range tests {
		mux.HandleFunc("/"+strconv.Itoa(i), func(w http.ResponseWriter, _ *http.Request) {
			if tt.contentType == "" {
				w.Header()["Content-Type"] = nil // stop net/http sniffing for us
			} else {
				w.Header().Set("Content-Type", tt.contentType)
			}
			fmt.Fprint(w, tt.body)
		})
	}
	srv := newTestServer(t, mux)
	r := newLoopbackFetcher(t)
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := r.Fetch(t.Context(), srv.URL+"/"+strconv.Itoa(i))
			if tt.want == "" {
				assert.ErrorIs(t, err, ErrContentType)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, page.ContentType)
			assert.Equal(t, tt.body, string(page.Body))
		})
	}
}

func TestFetchTranscodesToUTF8(t *testing.T) {
	// "Café – “quoted”" in windows-1252
	cp1252 := "Caf\xe9 \x96 \x93quoted\x94"
	tests := []struct {
		name, contentType, body string
		wantBody, wantCharset   string
	}{
		{"header charset", "text/html; charset=windows-1252", "<p>" + cp1252 + "</p>", "<p>Café – “quoted”</p>", "windows-1252"},
		{"meta charset", "text/html", `<meta charset="windows-1252"><p>` + cp1252, `<meta charset="windows-1252"><p>Café – “quoted”`, "windows-1252"},
		{"latin1 label is windows-1252", "text/plain; charset=ISO-8859-1", cp1252, "Café – “quoted”", "windows-1252"},
		{"undeclared legacy bytes", "text/plain", cp1252, "Café – “quoted”", "windows-1252"},
		{"mislabelled utf-8", "text/html; charset=iso-8859-1", "<p>Café</p>", "<p>Café</p>", "utf-8"},
		{"shift_jis", "text/plain; charset=Shift_JIS", "\x93\xfa\x96\x7b", "日本", "shift_jis"},
		{"utf-8 bom", "text/html", "\xef\xbb\xbf<p>é</p>", "<p>é</p>", "utf-8"},
		{"utf-16le bom", "text/plain", "\xff\xfeh\x00i\x00", "hi", "utf-16le"},
		{"invalid utf-8 json", "application/json", "{\"a\":\"\xff\"}", "{\"a\":\"\uFFFD\"}", "utf-8"},
	}
	mux := http.NewServeMux()
	for i, tt := range tests {
		mux.HandleFunc("/"+strconv.Itoa(i), func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", tt.contentType)
			fmt.Fprint(w, tt.body)
		})
	}
	srv := newTestServer(t, mux)
	r := newLoopbackFetcher(t)
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := r.Fetch(t.Context(), srv.URL+"/"+strconv.Itoa(i))
			require.NoError(t, err)
			assert.Equal(t, tt.wantBody, string(page.Body))
			assert.Equal(t, tt.wantCharset, page.Charset)
		})
	}
}

func TestFetchHTTPErrorAndRetryAfter(t *testing.T) {
	clock := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	var hits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/gone", func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "gone", http.StatusGone) })
	mux.HandleFunc("/busy", func(w http.ResponseWriter, req *http.Request) {
		hits.Add(1)
		w.Header().Set("Retry-After", req.URL.Query().Get("after"))
		code, _ := strconv.Atoi(req.URL.Query().Get("code"))
		http.Error(w, "slow down", code)
	})
	srv := newTestServer(t, mux)

	r := newLoopbackFetcher(t)
	_, err := r.Fetch(t.Context(), srv.URL+"/gone")
	var he *HTTPError
	require.ErrorAs(t, err, &he)
	assert.Equal(t, HTTPError{URL: srv.URL + "/gone", StatusCode: http.StatusGone}, *he)

	tests := []struct {
		name, after string
		code        int
		want        time.Duration
	}{
		{"429 seconds", "120", http.StatusTooManyRequests, 120 * time.Second},
		{"503 http date", clock.Add(90 * time.Second).Format(http.TimeFormat), http.StatusServiceUnavailable, 90 * time.Second},
		{"429 date in the past", clock.Add(-time.Hour).Format(http.TimeFormat), http.StatusTooManyRequests, 0},
		{"429 garbage", "soon", http.StatusTooManyRequests, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newLoopbackFetcher(t, WithMaxWait(time.Second))
			r.now = func() time.Time { return clock }
			before := hits.Load()
			u := fmt.Sprintf("%s/busy?code=%d&after=%s", srv.URL, tt.code, strings.ReplaceAll(tt.after, " ", "+"))
			_, err := r.Fetch(t.Context(), u)
			var he *HTTPError
			require.ErrorAs(t, err, &he)
			assert.Equal(t, tt.code, he.StatusCode)
			assert.Equal(t, tt.want, he.RetryAfter)
			_, err = r.Fetch(t.Context(), u)
			if tt.want > time.Second {
				// the domain asked for longer than WithMaxWait: no second request
				assert.ErrorIs(t, err, ErrBackoff)
				assert.Equal(t, before+1, hits.Load())
			} else {
				require.ErrorAs(t, err, &he)
				assert.Equal(t, before+2, hits.Load())
			}
		})
	}
}

func TestFetchRetryAfterDelaysDomain(t *testing.T) {
	var hits atomic.Int32
	srv := newTestServer(t, http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path == "/robots.txt" {
			http.NotFound(w, req)
			return
		}
		if hits.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "ok")
	}))
	r := newLoopbackFetcher(t)
	_, err := r.Fetch(t.Context(), srv.URL+"/a")
	var he *HTTPError
	require.ErrorAs(t, err, &he)
	assert.Equal(t, time.Second, he.RetryAfter)

	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	_, err = r.Fetch(ctx, srv.URL+"/b")
	assert.ErrorIs(t, err, ErrBackoff, "a deadline before the allowed time fails at once")

	page, err := r.Fetch(t.Context(), srv.URL+"/b")
	require.NoError(t, err, "after waiting, the next request goes out")
	assert.Equal(t, "ok", string(page.Body))
	assert.Equal(t, int32(2), hits.Load())
}

func TestFetchTimeout(t *testing.T) {
	srv := newTestServer(t, http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path == "/robots.txt" {
			http.NotFound(w, req)
			return
		}
		if req.URL.Path == "/slow-body" {
			w.Header().Set("Content-Type", "text/plain")
			w.(http.Flusher).Flush()
		}
		<-req.Context().Done()
	}))
	r := newLoopbackFetcher(t, WithTimeout(150*time.Millisecond))
	for _, path := range []string{"/slow-headers", "/slow-body"} {
		_, err := r.Fetch(t.Context(), srv.URL+path)
		assert.ErrorIs(t, err, context.DeadlineExceeded, path)
	}
}

func TestFetchHTTPS(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "secure")
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake below is expected
	srv.StartTLS()
	t.Cleanup(srv.Close)
	r := newLoopbackFetcher(t)
	_, err := r.Fetch(t.Context(), srv.URL)
	require.Error(t, err, "an untrusted certificate is refused")

	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	r = newLoopbackFetcher(t)
	r.transport.TLSClientConfig.RootCAs = pool
	page, err := r.Fetch(t.Context(), srv.URL)
	require.NoError(t, err)
	assert.Equal(t, "secure", string(page.Body))
}

// TestFetchPerDomainConcurrency counts requests in flight in the handler:
// never more than the configured two, for one domain.
func TestFetchPerDomainConcurrency(t *testing.T) {
	var inflight, peak, served atomic.Int32
	srv := newTestServer(t, http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path == "/robots.txt" {
			http.NotFound(w, req)
			return
		}
		n := inflight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond) // keep the slot busy so others queue
		served.Add(1)
		inflight.Add(-1)
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "ok")
	}))
	r := newLoopbackFetcher(t, WithPerDomain(2, 0))
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Go(func() {
			_, err := r.Fetch(t.Context(), srv.URL+"/p/"+strconv.Itoa(i))
			assert.NoError(t, err)
		})
	}
	wg.Wait()
	assert.Equal(t, int32(10), served.Load())
	assert.LessOrEqual(t, peak.Load(), int32(2))
	assert.GreaterOrEqual(t, peak.Load(), int32(1))
}

// fakeClock is a clock for the politeness gate: it records every wait it
// is asked for and, when advance is set, moves its time by the wait, so
// that tests check the gate's decisions rather than a machine's timing.
type fakeClock struct {
	mu      sync.Mutex
	t       time.Time
	advance bool
	waits   []time.Duration
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.waits = append(c.waits, d)
	if c.advance {
		c.t = c.t.Add(d)
	}
	return ctx.Err()
}

func (c *fakeClock) clock() clock { return clock{now: c.now, sleep: c.sleep} }

// TestDomainGateDecisions asks a gate for turns at one instant: the rate
// limiter spaces them one interval apart; a Retry-After pause and a
// crawl delay come on top; a pause past maxWait or the context's deadline
// is refused without waiting.
func TestDomainGateDecisions(t *testing.T) {
	const every = 80 * time.Millisecond
	t0 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	newGate := func() *domainGate {
		return &domainGate{sem: make(chan struct{}, 8), limiter: rate.NewLimiter(rate.Every(every), 1)}
	}

	fc := &fakeClock{t: t0}
	g := newGate()
	for range 5 {
		require.NoError(t, g.acquire(t.Context(), time.Minute, fc.clock()))
	}
	assert.Equal(t, []time.Duration{every, 2 * every, 3 * every, 4 * every}, fc.waits,
		"the first start is free, each later one waits its turn")

	fc = &fakeClock{t: t0, advance: true}
	g = newGate()
	g.delay(t0, 30*time.Second) // a Retry-After
	require.NoError(t, g.acquire(t.Context(), time.Minute, fc.clock()))
	assert.Equal(t, []time.Duration{30 * time.Second}, fc.waits)
	g.setCrawlDelay(5 * time.Second)
	fc.waits = nil
	require.NoError(t, g.acquire(t.Context(), time.Minute, fc.clock()))
	start := fc.now()
	require.NoError(t, g.acquire(t.Context(), time.Minute, fc.clock()))
	assert.Equal(t, 5*time.Second, fc.now().Sub(start), "the crawl delay spaces starts; the limiter's interval is within it")

	fc = &fakeClock{t: t0, advance: true}
	g = newGate()
	g.delay(t0, 2*time.Minute)
	assert.ErrorIs(t, g.acquire(t.Context(), time.Minute, fc.clock()), ErrBackoff, "longer than maxWait")
	assert.Empty(t, fc.waits, "refused without waiting")
	now := time.Now() // a context's deadline is on the real clock
	fc = &fakeClock{t: now, advance: true}
	ctx, cancel := context.WithDeadline(t.Context(), now.Add(10*time.Second))
	defer cancel()
	g = newGate()
	g.delay(now, 30*time.Second)
	assert.ErrorIs(t, g.acquire(ctx, time.Minute, fc.clock()), ErrBackoff, "past the deadline")
	assert.Empty(t, fc.waits)
	assert.Empty(t, g.sem, "a refused turn gives its slot back")
}

// TestFetchPerDomainRate fetches four pages of one domain at once through
// a fetcher on a fake clock: robots.txt and the pages take five turns one
// interval apart, whatever the machine's timing.
func TestFetchPerDomainRate(t *testing.T) {
	const every = 80 * time.Millisecond
	var served atomic.Int32
	srv := newTestServer(t, http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		served.Add(1)
		if req.URL.Path == "/robots.txt" {
			http.NotFound(w, req)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "ok")
	}))
	r := newLoopbackFetcher(t, WithPerDomain(8, every))
	fc := &fakeClock{t: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
	r.now, r.sleep = fc.now, fc.sleep
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			_, err := r.Fetch(t.Context(), srv.URL+"/p/"+strconv.Itoa(i))
			assert.NoError(t, err)
		})
	}
	wg.Wait()
	assert.Equal(t, int32(5), served.Load(), "robots.txt and four pages")
	waits := slices.Sorted(slices.Values(fc.waits))
	assert.Equal(t, []time.Duration{every, 2 * every, 3 * every, 4 * every}, waits)
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		v    string
		want time.Duration
		ok   bool
	}{
		{"0", 0, true},
		{"120", 120 * time.Second, true},
		{" 7 ", 7 * time.Second, true},
		{"99999999999999999999", maxRetryAfter, true},
		{"86401", maxRetryAfter, true},
		{"Wed, 25 Nov 2026 12:01:30 GMT", 90 * time.Second, true},
		{"Wednesday, 25-Nov-26 12:00:10 GMT", 10 * time.Second, true},
		{"Wed Nov 25 12:00:05 2026", 5 * time.Second, true},
		{"Wed, 25 Nov 2026 11:00:00 GMT", 0, true},
		{"Wed, 25 Nov 2099 11:00:00 GMT", maxRetryAfter, true},
		{"", 0, false},
		{"-5", 0, false},
		{"1.5", 0, false},
		{"soon", 0, false},
	}
	for _, tt := range tests {
		d, ok := parseRetryAfter(tt.v, now)
		assert.Equal(t, tt.ok, ok, tt.v)
		assert.Equal(t, tt.want, d, tt.v)
	}
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"0", "120", "Wed, 25 Nov 2026 12:01:30 GMT", "Wednesday, 25-Nov-26 12:00:10 GMT", "", "-1", "1e9"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, v string) {
		d, ok := parseRetryAfter(v, now)
		if d < 0 || d > maxRetryAfter {
			t.Fatalf("%q: %v out of range", v, d)
		}
		if !ok && d != 0 {
			t.Fatalf("%q: not ok but %v", v, d)
		}
	})
}
