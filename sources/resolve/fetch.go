package resolve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/time/rate"

	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/site"
)

// Page is a fetched resource.
type Page struct {
	// URL is the URL as the caller asked for it.
	URL string
	// FinalURL is the URL that answered, after redirects, without a
	// fragment.
	FinalURL string
	// StatusCode is the final HTTP status (2xx).
	StatusCode int
	// ContentType is the media type without parameters, e.g. "text/html".
	ContentType string
	// Charset is the character encoding the body was sent in (e.g.
	// "windows-1252"); Body has been transcoded from it to UTF-8. Empty for
	// binary types (PDF).
	Charset string
	// Body is the response body, transcoded to UTF-8 for text types and
	// never longer, as received, than the resolver's body cap.
	Body []byte
	// Header holds the response headers later stages use: Last-Modified,
	// ETag, Content-Language and Retry-After, when present.
	Header http.Header
	// Redirects lists the URLs redirected to, in order; the last is
	// FinalURL.
	Redirects []string
	// FetchedAt is when the final response arrived.
	FetchedAt time.Time
}

// defaultAccept is what Fetch asks for: documents with metadata.
const defaultAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.8,text/plain;q=0.7,application/pdf;q=0.5,*/*;q=0.1"

// keptHeaders are copied into Page.Header.
var keptHeaders = [...]string{"Last-Modified", "Etag", "Content-Language", "Retry-After"}

// Fetch gets rawURL and returns the page it leads to, following at most
// MaxRedirects redirects and checking every hop as described in the
// Fetcher's Security section.
//
// Fetch obeys robots.txt for each origin it visits: a robots.txt answering
// 2xx is parsed; every other 4xx, 401 and 403 included, means no
// restrictions, as RFC 9309 says; 429, 5xx, timeouts and network errors
// make Fetch fail with ErrRobotsUnavailable (try later), never "allowed".
//
// Errors: a final status outside 2xx is an *HTTPError (with RetryAfter from
// a 429 or 503); the conditions in the package's Err variables are wrapped
// so that errors.Is finds them; context and network errors are wrapped as
// they come.
func (r *Fetcher) Fetch(ctx context.Context, rawURL string) (*Page, error) {
	return r.fetch(ctx, rawURL, defaultAccept, true)
}

// fetch is Fetch with a chosen Accept header and robots.txt check.
func (r *Fetcher) fetch(ctx context.Context, rawURL, accept string, robots bool) (*Page, error) {
	u, err := r.checkURL(rawURL)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", redact(rawURL), err)
	}
	u.Fragment, u.RawFragment = "", "" // never sent; FinalURL names the resource
	page := &Page{URL: rawURL}
	budget := r.timeout
	for hop := 0; ; hop++ {
		if robots {
			if err := r.robotsAllow(ctx, u); err != nil {
				return nil, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
			}
		}
		resp, release, err := r.exchange(ctx, u, accept, &budget)
		if err != nil {
			return nil, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
		}
		if loc, ok := redirectLocation(resp); ok {
			release()
			if hop == MaxRedirects {
				return nil, fmt.Errorf("fetch %s: %w (more than %d)", redact(rawURL), ErrTooManyRedirects, MaxRedirects)
			}
			next, err := u.Parse(loc)
			if err != nil {
				return nil, fmt.Errorf("fetch %s: redirect: %w: %w", u.Redacted(), ErrInvalidURL, err)
			}
			next.Fragment, next.RawFragment = "", ""
			if err := r.checkParsed(next); err != nil {
				return nil, fmt.Errorf("fetch %s: redirect: %w", u.Redacted(), err)
			}
			page.Redirects = append(page.Redirects, next.String())
			u = next
			continue
		}
		err = r.readPage(page, u, resp)
		release()
		if err != nil {
			return nil, err
		}
		return page, nil
	}
}

// exchange waits for the domain's turn, sends one GET and returns the
// response; release closes the body, frees the domain slot and charges the
// time spent to *budget.
func (r *Fetcher) exchange(ctx context.Context, u *url.URL, accept string, budget *time.Duration) (*http.Response, func(), error) {
	if *budget <= 0 {
		return nil, nil, fmt.Errorf("fetch timeout (%v): %w", r.timeout, context.DeadlineExceeded)
	}
	gate := r.gate(u.Hostname())
	if err := gate.acquire(ctx, r.maxWait, r.clock()); err != nil {
		return nil, nil, err
	}
	start := time.Now()
	cctx, cancel := context.WithTimeout(ctx, *budget)
	req, err := http.NewRequestWithContext(cctx, http.MethodGet, u.String(), nil)
	if err != nil {
		cancel()
		gate.release()
		return nil, nil, fmt.Errorf("%w: %w", ErrInvalidURL, err)
	}
	req.Header.Set("User-Agent", r.userAgent)
	req.Header.Set("Accept", accept)
	if r.log != nil {
		r.log.DebugContext(ctx, "fetch", "url", u.Redacted())
	}
	resp, err := r.client.Do(req)
	if err != nil {
		cancel()
		gate.release()
		*budget -= time.Since(start)
		return nil, nil, unwrapURLError(err)
	}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), r.now()); ok {
			gate.delay(r.now(), d)
		}
	}
	release := func() {
		resp.Body.Close()
		cancel()
		gate.release()
		*budget -= time.Since(start)
	}
	return resp, release, nil
}

// unwrapURLError drops the *url.Error layer (its message repeats the URL,
// which the caller adds) but keeps the cause for errors.Is.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// redirectLocation reports whether resp is a redirect with a Location.
func redirectLocation(resp *http.Response) (string, bool) {
	switch resp.StatusCode {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		loc := resp.Header.Get("Location")
		return loc, loc != ""
	}
	return "", false
}

// readPage checks the status and media type of resp, reads its body within
// the cap and fills page.
func (r *Fetcher) readPage(page *Page, u *url.URL, resp *http.Response) error {
	page.FinalURL = u.String()
	page.StatusCode = resp.StatusCode
	page.FetchedAt = r.now()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		he := &HTTPError{URL: u.Redacted(), StatusCode: resp.StatusCode}
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
			he.RetryAfter, _ = parseRetryAfter(resp.Header.Get("Retry-After"), r.now())
		}
		return he
	}
	page.Header = make(http.Header)
	for _, k := range keptHeaders {
		if v := resp.Header.Get(k); v != "" {
			page.Header.Set(k, v)
		}
	}
	ct := resp.Header.Get("Content-Type")
	mediaType, params, err := parseContentType(ct)
	if ct != "" && err != nil {
		return fmt.Errorf("fetch %s: %w: %q", u.Redacted(), ErrContentType, ct)
	}
	if ct != "" && !acceptedType(mediaType) && !binaryType(mediaType) {
		return fmt.Errorf("fetch %s: %w: %s", u.Redacted(), ErrContentType, mediaType)
	}
	// A PDF may be larger than other bodies; one sent as a generic binary
	// type, or mislabelled, is known by its first bytes.
	pdfCap := max(r.maxBody, r.maxPDFBody)
	limit := r.maxBody
	if mediaType == "application/pdf" || binaryType(mediaType) {
		limit = pdfCap
	}
	if resp.ContentLength > limit {
		return fmt.Errorf("fetch %s: %w: %d bytes announced, cap %d", u.Redacted(), ErrBodyTooLarge, resp.ContentLength, limit)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err == nil && int64(len(body)) > limit && limit < pdfCap && sources.IsPDF(body) {
		var rest []byte
		rest, err = io.ReadAll(io.LimitReader(resp.Body, pdfCap-int64(len(body))+1))
		body, limit = append(body, rest...), pdfCap
	}
	if err != nil {
		return fmt.Errorf("fetch %s: read body: %w", u.Redacted(), err)
	}
	if int64(len(body)) > limit {
		return fmt.Errorf("fetch %s: %w: more than %d bytes", u.Redacted(), ErrBodyTooLarge, limit)
	}
	switch {
	case sources.IsPDF(body):
		mediaType = "application/pdf"
	case binaryType(mediaType):
		return fmt.Errorf("fetch %s: %w: %s, not a pdf", u.Redacted(), ErrContentType, mediaType)
	case ct == "":
		mediaType, params, _ = parseContentType(http.DetectContentType(body))
		if !acceptedType(mediaType) {
			return fmt.Errorf("fetch %s: %w: %s (sniffed)", u.Redacted(), ErrContentType, mediaType)
		}
	}
	page.ContentType = mediaType
	if mediaType == "application/pdf" {
		page.Body = body
		return nil
	}
	page.Body, page.Charset = toUTF8(body, mediaType, params["charset"])
	return nil
}

// parseContentType returns the lower-case media type and its parameters.
func parseContentType(ct string) (string, map[string]string, error) {
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil && !errors.Is(err, mime.ErrInvalidMediaParameter) {
		return "", nil, err
	}
	return strings.ToLower(mt), params, nil
}

// acceptedType reports whether Fetch reads a media type: documents whose
// text or metadata citecheck can use.
func acceptedType(mt string) bool {
	switch mt {
	case "text/html", "application/xhtml+xml", "text/xml", "application/xml",
		"application/json", "text/plain", "text/markdown", "text/x-markdown",
		"application/pdf":
		return true
	}
	return strings.HasPrefix(mt, "application/") && (strings.HasSuffix(mt, "+xml") || strings.HasSuffix(mt, "+json"))
}

// binaryType reports whether a media type says only "bytes": servers send
// PDFs as these, and Fetch keeps such a body only if it is a PDF.
func binaryType(mt string) bool {
	switch mt {
	case "application/octet-stream", "binary/octet-stream", "application/x-pdf", "application/download",
		"application/x-download", "application/force-download":
		return true
	}
	return false
}

// toUTF8 transcodes body to UTF-8 and returns the source charset's name.
// The order is: byte-order mark, the Content-Type charset, for HTML a
// <meta> charset in the first 1024 bytes, then UTF-8 if the bytes are valid
// UTF-8, else windows-1252 (what browsers assume). A body labelled with a
// legacy charset that is valid UTF-8 with non-ASCII bytes is read as UTF-8:
// mislabelled pages are common and the bytes say more than the label (as in
// the HTML reader). JSON is always UTF-8 (RFC 8259).
func toUTF8(body []byte, mediaType, label string) ([]byte, string) {
	name := "utf-8"
	switch {
	case strings.HasSuffix(mediaType, "json"):
	case mediaType == "text/html" || mediaType == "application/xhtml+xml":
		ct := mediaType
		if label != "" {
			ct += "; charset=" + label
		}
		_, name, _ = charset.DetermineEncoding(body, ct)
	default:
		if bytes.HasPrefix(body, []byte{0xFF, 0xFE}) || bytes.HasPrefix(body, []byte{0xFE, 0xFF}) {
			_, name, _ = charset.DetermineEncoding(body, "")
		} else if label != "" {
			if _, n := charset.Lookup(label); n != "" {
				name = n
			}
		} else if !utf8.Valid(body) {
			name = "windows-1252"
		}
	}
	if name != "utf-8" && !strings.HasPrefix(name, "utf-16") && utf8.Valid(body) && !isASCII(body) {
		name = "utf-8"
	}
	if name == "utf-8" {
		body = bytes.TrimPrefix(body, []byte("\uFEFF"))
		if !utf8.Valid(body) {
			body = bytes.ToValidUTF8(body, []byte("\uFFFD"))
		}
		return body, name
	}
	enc, _ := charset.Lookup(name)
	if enc == nil {
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), "utf-8"
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), "utf-8"
	}
	return bytes.TrimPrefix(out, []byte("\uFEFF")), name
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// maxRetryAfter bounds what a server can ask for.
const maxRetryAfter = 24 * time.Hour

// parseRetryAfter reads a Retry-After value, either delay-seconds or an
// HTTP date (RFC 9110, section 10.2.3), as a duration from now, clamped to
// [0, 24h]. ok is false when the value is neither.
func parseRetryAfter(v string, now time.Time) (d time.Duration, ok bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if v[0] >= '0' && v[0] <= '9' {
		for i := range len(v) {
			if v[i] < '0' || v[i] > '9' {
				return 0, false
			}
		}
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil || n > uint64(maxRetryAfter/time.Second) {
			return maxRetryAfter, true
		}
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	d = t.Sub(now)
	return min(max(d, 0), maxRetryAfter), true
}

// gate returns the politeness gate of host's registrable domain.
func (r *Fetcher) gate(host string) *domainGate {
	key := site.Of(host) // politeness holds per site
	r.mu.Lock()
	defer r.mu.Unlock()
	g := r.domains[key]
	if g == nil {
		lim := rate.NewLimiter(rate.Inf, 1)
		if r.every > 0 {
			lim = rate.NewLimiter(rate.Every(r.every), 1)
		}
		g = &domainGate{sem: make(chan struct{}, r.inflight), limiter: lim}
		r.domains[key] = g
	}
	return g
}

// domainGate enforces the politeness limits of one registrable domain: a
// semaphore for requests in flight, a rate limiter for starts, and the
// earliest next start a site asked for (Retry-After, Crawl-delay).
type domainGate struct {
	sem     chan struct{}
	limiter *rate.Limiter

	mu         sync.Mutex
	next       time.Time     // no request starts before this
	crawlDelay time.Duration // minimum gap between starts, from robots.txt
}

// acquire waits for a free slot and for the domain's turn: the rate
// limiter's next token, then any pause the site asked for (Retry-After,
// Crawl-delay). It fails with ErrBackoff, without waiting, when the site
// asked for a pause longer than maxWait, or when the wait would outlast
// ctx's deadline. clock tells the time and waits, so that tests can check
// the gate's decisions on a clock of their own.
func (g *domainGate) acquire(ctx context.Context, maxWait time.Duration, clock clock) error {
	select {
	case g.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	now := clock.now()
	rsv := g.limiter.ReserveN(now, 1)
	if wait := rsv.DelayFrom(now); wait > 0 {
		var err error
		if dl, ok := ctx.Deadline(); ok && now.Add(wait).After(dl) {
			err = fmt.Errorf("%w: the domain's next turn is %v away, past the deadline", ErrBackoff, wait.Round(time.Millisecond))
		} else {
			err = clock.sleep(ctx, wait)
		}
		if err != nil {
			rsv.Cancel()
			<-g.sem
			return err
		}
	}
	for {
		g.mu.Lock()
		now := clock.now()
		wait := g.next.Sub(now)
		if wait <= 0 {
			if g.crawlDelay > 0 {
				g.next = now.Add(g.crawlDelay)
			}
			g.mu.Unlock()
			return nil
		}
		g.mu.Unlock()
		if dl, ok := ctx.Deadline(); wait > maxWait || ok && now.Add(wait).After(dl) {
			<-g.sem
			return fmt.Errorf("%w: site asked to wait %v", ErrBackoff, wait.Round(time.Millisecond))
		}
		if err := clock.sleep(ctx, wait); err != nil {
			<-g.sem
			return err
		}
	}
}

// clock is the time a Fetcher's politeness reads and waits on.
type clock struct {
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
}

// sleepContext waits for d or until ctx ends.
func sleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// release frees the slot taken by acquire.
func (g *domainGate) release() { <-g.sem }

// delay postpones the domain's next request by d from now (Retry-After).
func (g *domainGate) delay(now time.Time, d time.Duration) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if t := now.Add(d); t.After(g.next) {
		g.next = t
	}
}

// setCrawlDelay records a robots.txt Crawl-delay for the domain.
func (g *domainGate) setCrawlDelay(d time.Duration) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.crawlDelay = min(max(d, 0), maxRetryAfter)
}

// redact returns rawURL without its password, for messages.
func redact(rawURL string) string {
	if u, err := url.Parse(rawURL); err == nil {
		return u.Redacted()
	}
	return strconv.Quote(rawURL)
}
