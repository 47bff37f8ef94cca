package resolve

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// robotsSite serves robots.txt with the given status and body and counts
// every request, by path.
type robotsSite struct {
	mu   sync.Mutex
	hits map[string]int
	ua   []string
}

func (s *robotsSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func newRobotsSite(t *testing.T, status int, robots string) (*robotsSite, string) {
	t.Helper()
	s := &robotsSite{hits: make(map[string]int)}
	srv := newTestServer(t, http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		s.mu.Lock()
		s.hits[req.URL.Path]++
		s.ua = append(s.ua, req.Header.Get("User-Agent"))
		s.mu.Unlock()
		if req.URL.Path == "/robots.txt" {
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(status)
			fmt.Fprint(w, robots)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "page")
	}))
	return s, srv.URL
}

func TestRobots(t *testing.T) {
	const rules = "User-agent: *\nDisallow: /private\nAllow: /private/open\n\nUser-agent: citecheck\nDisallow: /no-citecheck\nDisallow: /search?q=\n"
	tests := []struct {
		name   string
		status int
		robots string
		path   string
		want   error // nil: allowed
	}{
		{"allowed path", 200, rules, "/public", nil},
		{"group for citecheck wins over *", 200, rules, "/private", nil},
		{"disallowed for citecheck", 200, rules, "/no-citecheck/page", ErrRobotsDisallowed},
		{"disallowed query", 200, rules, "/search?q=x", ErrRobotsDisallowed},
		{"star group disallow", 200, "User-agent: *\nDisallow: /private\n", "/private/x", ErrRobotsDisallowed},
		{"star group longer allow", 200, "User-agent: *\nDisallow: /private\nAllow: /private/open\n", "/private/open/x", nil},
		{"disallow all", 200, "User-agent: *\nDisallow: /\n", "/", ErrRobotsDisallowed},
		{"other agent only", 200, "User-agent: googlebot\nDisallow: /\n", "/x", nil},
		{"empty robots", 200, "", "/x", nil},
		{"unparseable robots", 200, "User-agent: *\nCrawl-delay: soon\nDisallow: /x\n", "/y", nil},
		{"404 means allowed", 404, "nothing", "/x", nil},
		{"410 means allowed", 410, "gone", "/x", nil},
		{"401 is unavailable, so allowed (RFC 9309)", 401, "", "/x", nil},
		{"403 is unavailable, so allowed (RFC 9309)", 403, "", "/x", nil},
		{"429 means try later", 429, "", "/x", ErrRobotsUnavailable},
		{"500 means try later", 500, "", "/x", ErrRobotsUnavailable},
		{"503 means try later", 503, "", "/x", ErrRobotsUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site, base := newRobotsSite(t, tt.status, tt.robots)
			r := newLoopbackFetcher(t)
			page, err := r.Fetch(t.Context(), base+tt.path)
			if tt.want == nil {
				require.NoError(t, err)
				assert.Equal(t, "page", string(page.Body))
				assert.Equal(t, 1, site.count(strings.SplitN(tt.path, "?", 2)[0]))
			} else {
				assert.ErrorIs(t, err, tt.want)
				assert.Equal(t, 0, site.count(strings.SplitN(tt.path, "?", 2)[0]), "the page was not requested")
			}
			assert.Equal(t, 1, site.count("/robots.txt"))
		})
	}
}

func TestRobotsCachedPerOrigin(t *testing.T) {
	site, base := newRobotsSite(t, 200, "User-agent: *\nDisallow: /private\n")
	r := newLoopbackFetcher(t)
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Go(func() {
			_, err := r.Fetch(t.Context(), fmt.Sprintf("%s/p/%d", base, i))
			assert.NoError(t, err)
		})
	}
	wg.Wait()
	_, err := r.Fetch(t.Context(), base+"/private")
	assert.ErrorIs(t, err, ErrRobotsDisallowed)
	assert.Equal(t, 1, site.count("/robots.txt"), "one read serves every fetch")
	for _, ua := range site.ua {
		assert.Equal(t, r.UserAgent(), ua)
	}

	// an expired entry is read again
	r.mu.Lock()
	for _, e := range r.robots {
		e.expires = time.Time{}
	}
	r.mu.Unlock()
	_, err = r.Fetch(t.Context(), base+"/p/again")
	require.NoError(t, err)
	assert.Equal(t, 2, site.count("/robots.txt"))
}

func TestRobotsUnavailableIsRetriedLater(t *testing.T) {
	var fail atomic.Bool
	fail.Store(true)
	var robotsHits atomic.Int32
	srv := newTestServer(t, http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		if req.URL.Path == "/robots.txt" {
			robotsHits.Add(1)
			if fail.Load() {
				w.WriteHeader(http.StatusBadGateway)
			}
			return
		}
		fmt.Fprint(w, "page")
	}))
	r := newLoopbackFetcher(t)
	_, err := r.Fetch(t.Context(), srv.URL+"/a")
	require.ErrorIs(t, err, ErrRobotsUnavailable)
	_, err = r.Fetch(t.Context(), srv.URL+"/a")
	require.ErrorIs(t, err, ErrRobotsUnavailable, "the failure is remembered for a while")
	assert.Equal(t, int32(1), robotsHits.Load())

	fail.Store(false)
	r.robotsRetry = 0 // the retry period has passed
	r.mu.Lock()
	for _, e := range r.robots {
		e.expires = time.Time{}
	}
	r.mu.Unlock()
	_, err = r.Fetch(t.Context(), srv.URL+"/a")
	require.NoError(t, err)
	assert.Equal(t, int32(2), robotsHits.Load())
}

func TestRobotsCrawlDelay(t *testing.T) {
	site, base := newRobotsSite(t, 200, "User-agent: citecheck\nCrawl-delay: 5\nDisallow: /private\n")
	r := newLoopbackFetcher(t, WithMaxWait(500*time.Millisecond))
	_, err := r.Fetch(t.Context(), base+"/a")
	require.NoError(t, err)
	_, err = r.Fetch(t.Context(), base+"/b")
	assert.ErrorIs(t, err, ErrBackoff, "the second request would have to wait the 5 s crawl delay")
	assert.Equal(t, 0, site.count("/b"))

	site, base = newRobotsSite(t, 200, "User-agent: *\nCrawl-delay: 0.2\n")
	r = newLoopbackFetcher(t)
	fc := &fakeClock{t: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), advance: true}
	r.now, r.sleep = fc.now, fc.sleep
	var starts []time.Time
	for _, p := range []string{"/a", "/b", "/c"} {
		_, err := r.Fetch(t.Context(), base+p)
		require.NoError(t, err)
		starts = append(starts, fc.now())
	}
	assert.Equal(t, 1, site.count("/c"))
	for i := 1; i < len(starts); i++ {
		assert.Equal(t, 200*time.Millisecond, starts[i].Sub(starts[i-1]), "fetch %d waited for the crawl delay", i)
	}
}

func TestRobotsSizeCap(t *testing.T) {
	// a Disallow beyond the cap is ignored, as crawlers ignore the rest of
	// an oversized robots.txt
	big := "User-agent: *\n" + strings.Repeat("# padding padding padding padding\n", maxRobotsBytes/34+10) + "Disallow: /\n"
	require.Greater(t, len(big), maxRobotsBytes)
	_, base := newRobotsSite(t, 200, big)
	r := newLoopbackFetcher(t)
	_, err := r.Fetch(t.Context(), base+"/x")
	assert.NoError(t, err)
}

func TestRobotsRedirectToInternalAddress(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, req *http.Request) {
		http.Redirect(w, req, "http://169.254.169.254/robots.txt", http.StatusMovedPermanently)
	})
	srv := newTestServer(t, mux)
	r := newLoopbackFetcher(t)
	_, err := r.Fetch(t.Context(), srv.URL+"/x")
	assert.ErrorIs(t, err, ErrForbiddenAddress)
	assert.NotErrorIs(t, err, ErrRobotsUnavailable, "a refused address is not a temporary failure")
}
