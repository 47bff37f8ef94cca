package resolve

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/mail"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"code.dny.dev/ssrf"
)

// Errors returned by Fetcher.Fetch. Callers test them with errors.Is; the
// returned error wraps one of them together with the offending URL.
var (
	// ErrForbiddenAddress means the URL's host is, or resolved to, an
	// address the resolver refuses to reach: loopback, private, link-local,
	// shared (CGNAT), cloud metadata, multicast, broadcast, documentation
	// and other special-purpose ranges, a port other than 80 and 443, or an
	// IP literal written in a non-canonical form (decimal, octal, hex, short).
	ErrForbiddenAddress = errors.New("forbidden address")
	// ErrScheme means the URL is not an absolute http or https URL.
	ErrScheme = errors.New("unsupported URL scheme")
	// ErrCredentialsInURL means the URL carries a user name or password.
	ErrCredentialsInURL = errors.New("credentials in URL")
	// ErrInvalidURL means the URL could not be parsed or has no host.
	ErrInvalidURL = errors.New("invalid URL")
	// ErrTooManyRedirects means the server redirected more than
	// MaxRedirects times.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrBodyTooLarge means the response body exceeded the configured cap.
	ErrBodyTooLarge = errors.New("response body too large")
	// ErrContentType means the response's media type is not one the
	// resolver reads (HTML, XHTML, XML, JSON, plain text, Markdown, PDF).
	ErrContentType = errors.New("unsupported content type")
	// ErrRobotsDisallowed means the site's robots.txt forbids citecheck to
	// fetch the URL.
	ErrRobotsDisallowed = errors.New("disallowed by robots.txt")
	// ErrRobotsUnavailable means the site's robots.txt could not be read
	// (a 429 or 5xx answer, a timeout, a network error), so the URL must
	// not be fetched now; try again later.
	ErrRobotsUnavailable = errors.New("robots.txt unavailable")
	// ErrBackoff means the site asked citecheck (with Retry-After or a
	// Crawl-delay) to wait longer than the resolver's maximum wait or the
	// caller's deadline allows; no request was sent. Try again later.
	ErrBackoff = errors.New("site asked to retry later")
)

// HTTPError is the error for a final response whose status is not 2xx.
type HTTPError struct {
	// URL is the URL that answered with StatusCode (after redirects).
	URL string
	// StatusCode is the HTTP status code.
	StatusCode int
	// RetryAfter is how long the server asked to wait before retrying,
	// from the Retry-After header of a 429 or 503 answer; zero if absent.
	RetryAfter time.Duration
}

// Error implements error.
func (e *HTTPError) Error() string {
	msg := "fetch " + e.URL + ": HTTP " + strconv.Itoa(e.StatusCode)
	if t := http.StatusText(e.StatusCode); t != "" {
		msg += " " + t
	}
	if e.RetryAfter > 0 {
		msg += " (retry after " + e.RetryAfter.String() + ")"
	}
	return msg
}

// Defaults used by NewFetcher.
const (
	// DefaultFetchTimeout bounds the network time of one Fetch, all
	// redirects included.
	DefaultFetchTimeout = 20 * time.Second
	// DefaultMaxBody caps a response body, in bytes as received (after
	// content decoding such as gzip, before transcoding to UTF-8).
	DefaultMaxBody = 10 << 20
	// DefaultMaxPDFBody caps the body of a PDF, which is larger than a
	// page of HTML for the same text: a report of a hundred pages with
	// charts is often 5 to 15 MB.
	DefaultMaxPDFBody = 20 << 20
	// DefaultPerDomainInflight is how many requests may be in flight at
	// once to one registrable domain.
	DefaultPerDomainInflight = 2
	// DefaultPerDomainEvery is the minimum interval between the starts of
	// two requests to one registrable domain.
	DefaultPerDomainEvery = time.Second
	// DefaultMaxWait is the longest the resolver waits for a domain that
	// asked it to slow down (Retry-After, Crawl-delay) before giving up
	// with ErrBackoff.
	DefaultMaxWait = 30 * time.Second
	// MaxRedirects is how many redirects one Fetch follows.
	MaxRedirects = 5
	// userAgentBase names citecheck and where to read about it.
	userAgentBase = "citecheck/0.1 (+https://github.com/citecheck/citecheck"
)

// Option configures a Fetcher. Options validate their arguments and make
// NewFetcher fail on a bad value.
type Option func(*Fetcher) error

// WithContact sets the e-mail address put in the User-Agent header
// ("citecheck/0.1 (+https://github.com/citecheck/citecheck; mailto:ADDR)"), so
// site operators can reach whoever runs citecheck.
func WithContact(email string) Option {
	return func(r *Fetcher) error {
		a, err := mail.ParseAddress(email)
		if err != nil || a.Name != "" || a.Address != email || strings.ContainsAny(email, "()<>;\\\" \t\r\n") {
			return fmt.Errorf("resolve: invalid contact address %q", email)
		}
		r.userAgent = userAgentBase + "; mailto:" + email + ")"
		return nil
	}
}

// WithUserAgent replaces the whole User-Agent header. Prefer WithContact,
// which keeps citecheck's name in it. The value must be printable ASCII.
func WithUserAgent(ua string) Option {
	return func(r *Fetcher) error {
		if ua == "" || len(ua) > 512 {
			return fmt.Errorf("resolve: invalid user agent %q", ua)
		}
		for i := range len(ua) {
			if ua[i] < 0x20 || ua[i] > 0x7e {
				return fmt.Errorf("resolve: invalid user agent %q", ua)
			}
		}
		r.userAgent = ua
		return nil
	}
}

// WithTimeout sets the total network time allowed to one Fetch, from the
// first dial to the last body byte of the last redirect. Time spent waiting
// for a domain's turn (politeness) is not counted; it is bounded by the
// caller's context and WithMaxWait. Header and TLS handshake timeouts are
// the smaller of this and 10 s.
func WithTimeout(d time.Duration) Option {
	return func(r *Fetcher) error {
		if d <= 0 {
			return fmt.Errorf("resolve: timeout must be positive, got %v", d)
		}
		r.timeout = d
		return nil
	}
}

// WithMaxBody sets the largest response body Fetch reads, in bytes; a
// larger body fails with ErrBodyTooLarge.
func WithMaxBody(n int64) Option {
	return func(r *Fetcher) error {
		if n <= 0 {
			return fmt.Errorf("resolve: max body must be positive, got %d", n)
		}
		r.maxBody = n
		return nil
	}
}

// WithMaxPDFBody sets the largest PDF body Fetch reads, in bytes (default
// DefaultMaxPDFBody); the larger of it and WithMaxBody's cap applies to a
// PDF.
func WithMaxPDFBody(n int64) Option {
	return func(r *Fetcher) error {
		if n <= 0 {
			return fmt.Errorf("resolve: max pdf body must be positive, got %d", n)
		}
		r.maxPDFBody = n
		return nil
	}
}

// WithPerDomain sets the politeness limits per registrable domain (e.g.
// example.co.uk for www.example.co.uk): at most inflight requests at once
// and at most one request started per every. every may be zero (no rate
// limit, for tests); inflight must be at least 1.
func WithPerDomain(inflight int, every time.Duration) Option {
	return func(r *Fetcher) error {
		if inflight < 1 || every < 0 {
			return fmt.Errorf("resolve: invalid per-domain limits (%d, %v)", inflight, every)
		}
		r.inflight, r.every = inflight, every
		return nil
	}
}

// WithMaxWait sets how long Fetch may wait for a domain that asked to slow
// down (Retry-After, robots.txt Crawl-delay) before failing with ErrBackoff.
func WithMaxWait(d time.Duration) Option {
	return func(r *Fetcher) error {
		if d < 0 {
			return fmt.Errorf("resolve: max wait must not be negative, got %v", d)
		}
		r.maxWait = d
		return nil
	}
}

// WithLogger sets a logger for debug messages about fetches; nil (the
// default) logs nothing.
func WithLogger(l *slog.Logger) Option {
	return func(r *Fetcher) error {
		r.log = l
		return nil
	}
}

// WithAllowLoopback lets the resolver reach loopback addresses (127.0.0.0/8
// and ::1) on any port. It exists FOR TESTS ONLY, so that they can use
// httptest servers; never set it when reading untrusted articles. Private,
// link-local, metadata and other special-purpose addresses stay refused.
func WithAllowLoopback() Option {
	return func(r *Fetcher) error {
		r.allowLoopback = true
		return nil
	}
}

// Fetcher fetches what articles cite, safely and politely. It is safe for
// concurrent use; create one per program and share it, so that its
// politeness limits and robots.txt cache cover every fetch.
//
// # Security
//
// Articles are untrusted: a draft submitted by anyone must not make citecheck
// reach internal services. The resolver accepts only absolute http and https
// URLs without credentials, on ports 80 and 443. It refuses loopback,
// private (RFC 1918, fc00::/7), link-local, shared (CGNAT), cloud metadata
// (169.254.169.254), multicast, broadcast, documentation, NAT64, 6to4 and
// every other special-purpose range (code.dny.dev/ssrf's lists), and checks
// the address in net.Dialer.Control, that is after DNS resolution and on the
// address actually dialed, for every connection, every redirect and every
// robots.txt, so DNS rebinding and redirects to internal hosts fail. The
// transport ignores HTTP_PROXY and the like (a proxy would dial for us),
// IP literals in non-canonical forms (http://2130706433/, http://0x7f.1/)
// are refused before any lookup, and "localhost" is refused by name. Only
// WithAllowLoopback, for tests, loosens this, and only for loopback.
//
// Fetch bounds everything an answer can make it do: at most MaxRedirects
// redirects, a total network timeout, header and TLS timeouts, 64 KB of
// headers, a body cap, a content-type check before reading the body.
//
// # Politeness
//
// Per registrable domain, at most two requests are in flight and one starts
// per second (WithPerDomain). A 429 or 503 answer with Retry-After delays
// later requests to that domain. robots.txt is read (through the same safe
// client, capped at 512 KB, cached per origin) and obeyed for the agent
// "citecheck", including Crawl-delay (which then spaces all requests to the
// registrable domain); see Fetch for how its status codes are read. The User-Agent names citecheck and the contact set by WithContact.
type Fetcher struct {
	userAgent     string
	timeout       time.Duration
	maxBody       int64
	maxPDFBody    int64
	inflight      int
	every         time.Duration
	maxWait       time.Duration
	allowLoopback bool
	log           *slog.Logger

	guard     *ssrf.Guardian
	dialer    *net.Dialer
	transport *http.Transport
	client    *http.Client
	// lookup resolves a host name; tests replace it so that no test ever
	// asks a real DNS server.
	lookup func(ctx context.Context, network, host string) ([]netip.Addr, error)
	// now is the clock, for Retry-After dates and politeness; sleep waits
	// on it. Tests replace both.
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error

	mu      sync.Mutex
	domains map[string]*domainGate
	robots  map[string]*robotsEntry
	// robotsTTL and robotsRetry say how long a read robots.txt and a failed
	// attempt to read one are kept.
	robotsTTL, robotsRetry time.Duration
	// flight shares one resolution between concurrent callers (flight.go).
	flight flights
	// svc holds the base URLs of the DOI, Crossref and Wayback services
	// (source.go); zero fields mean the public defaults.
	svc services
}

// NewFetcher returns a Fetcher configured by opts, or the first option's
// error.
func NewFetcher(opts ...Option) (*Fetcher, error) {
	r := &Fetcher{
		userAgent:   userAgentBase + ")",
		timeout:     DefaultFetchTimeout,
		maxBody:     DefaultMaxBody,
		maxPDFBody:  DefaultMaxPDFBody,
		inflight:    DefaultPerDomainInflight,
		every:       DefaultPerDomainEvery,
		maxWait:     DefaultMaxWait,
		guard:       ssrf.New(),
		lookup:      net.DefaultResolver.LookupNetIP,
		now:         time.Now,
		sleep:       sleepContext,
		domains:     make(map[string]*domainGate),
		robots:      make(map[string]*robotsEntry),
		robotsTTL:   24 * time.Hour,
		robotsRetry: time.Minute,
	}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(r); err != nil {
			return nil, err
		}
	}
	short := min(r.timeout, 10*time.Second)
	r.dialer = &net.Dialer{Timeout: short, KeepAlive: 30 * time.Second, Control: r.control}
	r.transport = &http.Transport{
		Proxy:                  nil, // never http.ProxyFromEnvironment: a proxy would dial for us
		DialContext:            r.dialContext,
		ForceAttemptHTTP2:      true,
		TLSClientConfig:        &tls.Config{MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout:    short,
		ResponseHeaderTimeout:  short,
		ExpectContinueTimeout:  time.Second,
		IdleConnTimeout:        90 * time.Second,
		MaxIdleConns:           64,
		MaxIdleConnsPerHost:    r.inflight,
		MaxResponseHeaderBytes: 64 << 10,
	}
	r.client = &http.Client{
		Transport: r.transport,
		// Fetch follows redirects itself, checking each hop.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return r, nil
}

// clock is the time politeness reads and waits on.
func (r *Fetcher) clock() clock { return clock{now: r.now, sleep: r.sleep} }

// UserAgent returns the User-Agent header the resolver sends.
func (r *Fetcher) UserAgent() string { return r.userAgent }

// Close releases the resolver's idle connections. The resolver stays usable.
func (r *Fetcher) Close() error {
	r.transport.CloseIdleConnections()
	return nil
}

// control is the net.Dialer's Control: it runs after DNS resolution, on the
// address about to be connected, before any packet is sent.
func (r *Fetcher) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s: %w", ErrForbiddenAddress, address, err)
	}
	if r.allowLoopback && ap.Addr().Unmap().IsLoopback() && !ap.Addr().Is4In6() {
		return nil
	}
	if err := r.guard.Safe(network, address, nil); err != nil {
		return fmt.Errorf("%w: %w", ErrForbiddenAddress, err)
	}
	return nil
}

// dialContext resolves the host with r.lookup and dials the addresses in
// turn; r.control checks each one.
func (r *Fetcher) dialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, portStr, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	port, err := strconv.ParseUint(portStr, 10, 16)
	if err != nil {
		return nil, fmt.Errorf("%w: port %q", ErrInvalidURL, portStr)
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else {
		ips, err = r.lookup(ctx, "ip", host)
		if err != nil {
			return nil, err
		}
		if len(ips) == 0 {
			return nil, &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
		}
	}
	var first error
	for _, ip := range ips {
		// Unmapping makes the dialed address the one checked; a mapped
		// loopback address stays refused (control sees 127.x on tcp4).
		c, err := r.dialer.DialContext(ctx, network, netip.AddrPortFrom(ip.Unmap(), uint16(port)).String())
		if err == nil {
			return c, nil
		}
		if first == nil || errors.Is(err, ErrForbiddenAddress) && !errors.Is(first, ErrForbiddenAddress) {
			first = err
		}
		if ctx.Err() != nil {
			break
		}
	}
	return nil, first
}

// checkURL parses rawURL and refuses what Fetch never requests: schemes
// other than http and https, credentials, missing hosts, "localhost",
// non-canonical IP literals and IP literals in refused ranges. The
// authoritative address check happens at dial time.
func (r *Fetcher) checkURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		var scheme string
		if i := strings.IndexByte(rawURL, ':'); i > 0 {
			scheme = strings.ToLower(rawURL[:i])
		}
		if scheme != "" && scheme != "http" && scheme != "https" {
			return nil, fmt.Errorf("%w: %q", ErrScheme, scheme)
		}
		return nil, fmt.Errorf("%w: %w", ErrInvalidURL, err)
	}
	return u, r.checkParsed(u)
}

func (r *Fetcher) checkParsed(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%w: %q in %s", ErrScheme, u.Scheme, u.Redacted())
	}
	if u.User != nil {
		return fmt.Errorf("%w: %s", ErrCredentialsInURL, u.Redacted())
	}
	if u.Opaque != "" {
		return fmt.Errorf("%w: %s", ErrInvalidURL, u.String())
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return fmt.Errorf("%w: no host in %s", ErrInvalidURL, u.String())
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.ParseUint(p, 10, 16); err != nil || n == 0 {
			return fmt.Errorf("%w: port %q", ErrInvalidURL, p)
		}
	}
	if !r.allowLoopback && (host == "localhost" || strings.HasSuffix(host, ".localhost")) {
		return fmt.Errorf("%w: %s", ErrForbiddenAddress, host)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		v4, numeric, ok := parseLaxIPv4(host)
		if !numeric {
			return nil // a name: checked at dial time, after resolution
		}
		if !ok {
			return fmt.Errorf("%w: malformed numeric host %q", ErrForbiddenAddress, host)
		}
		return fmt.Errorf("%w: non-canonical IP literal %q (%s)", ErrForbiddenAddress, host, v4)
	}
	if r.allowLoopback && ip.Unmap().IsLoopback() && !ip.Is4In6() {
		return nil
	}
	if err := r.guard.SafeAddr(ip); err != nil {
		return fmt.Errorf("%w: %w", ErrForbiddenAddress, err)
	}
	return nil
}

// parseLaxIPv4 reads host the way the WHATWG URL standard (and so browsers
// and inet_aton) reads IPv4 hosts: numeric is true when the last label is a
// number (decimal, 0x hex or 0-prefixed octal), in which case host is an IP
// address, not a name, and ok says whether it is a valid one.
func parseLaxIPv4(host string) (ip netip.Addr, numeric, ok bool) {
	parts := strings.Split(host, ".")
	if len(parts) > 1 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	if _, isNum := laxNumber(parts[len(parts)-1]); !isNum {
		return netip.Addr{}, false, false
	}
	if len(parts) > 4 {
		return netip.Addr{}, true, false
	}
	var nums []uint64
	for _, p := range parts {
		n, isNum := laxNumber(p)
		if !isNum {
			return netip.Addr{}, true, false
		}
		nums = append(nums, n)
	}
	var v uint64
	for i, n := range nums[:len(nums)-1] {
		if n > 255 {
			return netip.Addr{}, true, false
		}
		v |= n << (8 * (3 - i))
	}
	last := nums[len(nums)-1]
	if last >= 1<<(8*(5-len(nums))) {
		return netip.Addr{}, true, false
	}
	v |= last
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), true, true
}

// laxNumber parses one WHATWG IPv4 part: "0x1F" (hex, "0x" alone is 0),
// "017" (octal) or "17" (decimal). Values beyond 2^32 report as invalid.
func laxNumber(s string) (uint64, bool) {
	if s == "" {
		return 0, false
	}
	base := 10
	switch {
	case len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'):
		s, base = s[2:], 16
		if s == "" {
			return 0, true
		}
	case len(s) >= 2 && s[0] == '0':
		s, base = s[1:], 8
	}
	n, err := strconv.ParseUint(s, base, 64)
	if err != nil {
		var ne *strconv.NumError
		// a run of valid digits that overflows is still a number
		if errors.As(err, &ne) && errors.Is(ne.Err, strconv.ErrRange) {
			return 1 << 40, true
		}
		return 0, false
	}
	return min(n, 1<<40), true
}
