package resolve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/temoto/robotstxt"
)

// robotsAgent is the product token robots.txt groups are matched against.
const robotsAgent = "citecheck"

// maxRobotsBytes caps a robots.txt; the rest is ignored, as Google does
// beyond 500 KiB.
const maxRobotsBytes = 512 << 10

// robotsEntry is one origin's robots.txt, or the failure to read it. done is
// closed once data or err is set; until then other callers wait on it.
type robotsEntry struct {
	done    chan struct{}
	data    *robotstxt.RobotsData
	err     error
	expires time.Time
}

// robotsAllow reports, as an error, whether robots.txt lets citecheck fetch
// u: nil, ErrRobotsDisallowed or ErrRobotsUnavailable. It records the
// group's Crawl-delay in the domain's gate.
func (r *Fetcher) robotsAllow(ctx context.Context, u *url.URL) error {
	if u.EscapedPath() == "/robots.txt" && u.RawQuery == "" {
		return nil
	}
	e, err := r.robotsFor(ctx, u)
	if err != nil {
		return err
	}
	if e.err != nil {
		return e.err
	}
	if g := e.data.FindGroup(robotsAgent); g != nil && g.CrawlDelay > 0 {
		r.gate(u.Hostname()).setCrawlDelay(g.CrawlDelay)
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !e.data.TestAgent(path, robotsAgent) {
		return fmt.Errorf("%w: %s", ErrRobotsDisallowed, path)
	}
	return nil
}

// robotsFor returns the cached robots.txt entry of u's origin, reading it
// when absent or expired; concurrent callers share one read.
func (r *Fetcher) robotsFor(ctx context.Context, u *url.URL) (*robotsEntry, error) {
	origin := strings.ToLower(u.Scheme + "://" + u.Host)
	for {
		r.mu.Lock()
		e := r.robots[origin]
		if e == nil {
			e = &robotsEntry{done: make(chan struct{})}
			r.robots[origin] = e
			r.mu.Unlock()
			r.readRobots(ctx, origin, e)
			return e, nil
		}
		r.mu.Unlock()
		select {
		case <-e.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if r.now().Before(e.expires) {
			return e, nil
		}
		r.mu.Lock()
		if r.robots[origin] == e {
			delete(r.robots, origin)
		}
		r.mu.Unlock()
	}
}

// readRobots fetches origin's robots.txt into e and closes e.done. The
// status codes are read as Fetch documents.
func (r *Fetcher) readRobots(ctx context.Context, origin string, e *robotsEntry) {
	defer close(e.done)
	data, err := r.fetchRobots(ctx, origin)
	if err != nil {
		e.err = fmt.Errorf("%w: %w", ErrRobotsUnavailable, err)
		if errors.Is(err, ErrForbiddenAddress) {
			// not "try later": the origin is refused for good
			e.err = fmt.Errorf("robots.txt: %w", err)
		}
		e.expires = r.now().Add(r.robotsRetry)
		if ctx.Err() != nil {
			e.expires = time.Time{} // the caller gave up; the next one retries
		}
		return
	}
	e.data = data
	e.expires = r.now().Add(r.robotsTTL)
}

// fetchRobots reads origin/robots.txt through the safe client, following
// up to MaxRedirects redirects (more count as no robots.txt, as in RFC 9309).
func (r *Fetcher) fetchRobots(ctx context.Context, origin string) (*robotstxt.RobotsData, error) {
	u, err := url.Parse(origin + "/robots.txt")
	if err != nil {
		return nil, err
	}
	budget := r.timeout
	for hop := 0; ; hop++ {
		resp, release, err := r.exchange(ctx, u, "text/plain,*/*;q=0.1", &budget)
		if err != nil {
			return nil, err
		}
		if loc, ok := redirectLocation(resp); ok {
			release()
			if hop == MaxRedirects {
				return robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
			}
			next, err := u.Parse(loc)
			if err != nil {
				return nil, fmt.Errorf("redirect: %w: %w", ErrInvalidURL, err)
			}
			if err := r.checkParsed(next); err != nil {
				return nil, fmt.Errorf("redirect: %w", err)
			}
			u = next
			continue
		}
		defer release()
		switch code := resp.StatusCode; {
		case code >= 200 && code <= 299:
			body, err := io.ReadAll(io.LimitReader(resp.Body, maxRobotsBytes))
			if err != nil {
				return nil, fmt.Errorf("read robots.txt: %w", err)
			}
			data, err := robotstxt.FromBytes(body)
			var pe *robotstxt.ParseError
			if errors.As(err, &pe) {
				// an unreadable robots.txt restricts nothing, as RFC 9309
				// has crawlers ignore lines they cannot parse
				return robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
			}
			return data, err
		case code == http.StatusTooManyRequests || code >= 500:
			he := &HTTPError{URL: u.Redacted(), StatusCode: code}
			he.RetryAfter, _ = parseRetryAfter(resp.Header.Get("Retry-After"), r.now())
			return nil, he
		case code >= 400:
			return robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
		default:
			return nil, &HTTPError{URL: u.Redacted(), StatusCode: code}
		}
	}
}
