package resolve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
)

// SourceStatus says what became of an attempt to resolve a cited URL or
// DOI. It describes one attempt: whether a link is dead is decided over
// several attempts on separate days, by whoever keeps the observations.
type SourceStatus string

// The statuses a Source can have.
const (
	// StatusOK means the source answered and was read.
	StatusOK SourceStatus = "ok"
	// StatusNotFound means the server answered 404 or 410, the host name
	// does not exist, or the DOI registry does not know the DOI.
	StatusNotFound SourceStatus = "not-found"
	// StatusUnreachable means the source could not be fetched this time:
	// 401, 403, 408, 429 or 5xx answers, timeouts, refused connections,
	// robots.txt rules or a site asking to retry later. It never means
	// "dead".
	StatusUnreachable SourceStatus = "unreachable"
	// StatusInvalid means the URL or DOI is malformed, uses a scheme other
	// than http or https, or carries credentials.
	StatusInvalid SourceStatus = "invalid"
	// StatusForbidden means the resolver refused the address (loopback,
	// private and other internal ranges; see Fetcher).
	StatusForbidden SourceStatus = "forbidden"
	// StatusError means anything else went wrong: an unsupported content
	// type, a body over the cap, too many redirects, a cancelled context.
	StatusError SourceStatus = "error"
)

// Source is what the resolver learned about one cited URL or DOI. Its JSON
// form is the "source" object of citecheck's report.
type Source struct {
	// Status is the outcome of this attempt.
	Status SourceStatus `json:"status"`
	// URL is what was resolved: the URL as cited, or for a DOI
	// "https://doi.org/" followed by the DOI.
	URL string `json:"url,omitempty"`
	// FinalURL is where URL led after redirects; for a DOI, the landing
	// page the registry points to.
	FinalURL string `json:"final_url,omitempty"`
	// HTTPStatus is the final HTTP status when the server answered.
	HTTPStatus int `json:"http_status,omitempty"`
	// Title, Authors, Published, Publisher and Language are the source's
	// metadata. Published is a date as the source gives it, usually ISO
	// 8601 ("2024-03-01", "2024-03-01T10:00:00Z", or "2024" for a year).
	// Publisher is the site name for a page; for a DOI, the journal or
	// other container when there is one, else the publishing house.
	Title     string   `json:"title,omitempty"`
	Authors   []string `json:"authors,omitempty"`
	Published string   `json:"published,omitempty"`
	Publisher string   `json:"publisher,omitempty"`
	// DOI is the source's DOI in normal form (see sources.ParseDOI), when known.
	DOI      string `json:"doi,omitempty"`
	Language string `json:"language,omitempty"`
	// ArchivedURL is a Wayback Machine copy of the source, when one was
	// looked up and found (see Fetcher.Archived).
	ArchivedURL string `json:"archived_url,omitempty"`
	// CheckedAt is when the resolver got its answer.
	CheckedAt time.Time `json:"checked_at"`
	// Updates lists the retractions, corrections, expressions of concern
	// and other notices Crossref records about the work.
	Updates []Update `json:"updates,omitempty"`
	// UpdatesChecked is true when Crossref answered for the DOI, so that an
	// empty Updates means "none recorded" rather than "unknown".
	UpdatesChecked bool `json:"updates_checked,omitempty"`
	// Text is the readable text of the source as sources.Read gives it
	// (for an HTML page its main content; for a PDF, the text of its first
	// MaxPDFPages pages as sources.ReadPDF gives it), at most MaxSourceText
	// bytes, for checking what the source says. It is not part of the
	// report's JSON; caches keep it.
	Text string `json:"-"`
	// Notes says what could not be learned and why (a registry that did
	// not answer, metadata that did not parse), for the curious reader;
	// they do not change Status.
	Notes []string `json:"notes,omitempty"`
}

// Retracted reports whether an update retracts, withdraws or removes the
// work (see Update.Retracts).
func (s *Source) Retracted() bool {
	for _, u := range s.Updates {
		if u.Retracts() {
			return true
		}
	}
	return false
}

// note records a problem that did not stop resolution.
func (s *Source) note(format string, args ...any) {
	if len(s.Notes) < 16 {
		s.Notes = append(s.Notes, fmt.Sprintf(format, args...))
	}
}

// StatusFor maps an error returned by Fetch, ResolveURL or ResolveDOI to
// the status it means; nil is StatusOK.
func StatusFor(err error) SourceStatus {
	var he *HTTPError
	var dnsErr *net.DNSError
	var opErr *net.OpError
	switch {
	case err == nil:
		return StatusOK
	case errors.Is(err, sources.ErrInvalidDOI), errors.Is(err, ErrScheme),
		errors.Is(err, ErrCredentialsInURL), errors.Is(err, ErrInvalidURL):
		return StatusInvalid
	case errors.Is(err, ErrForbiddenAddress):
		return StatusForbidden
	case errors.Is(err, ErrDOINotFound):
		return StatusNotFound
	case errors.As(err, &he):
		switch {
		case he.StatusCode == http.StatusNotFound || he.StatusCode == http.StatusGone:
			return StatusNotFound
		case he.StatusCode == http.StatusUnauthorized || he.StatusCode == http.StatusForbidden ||
			he.StatusCode == http.StatusRequestTimeout || he.StatusCode == http.StatusTooManyRequests ||
			he.StatusCode >= 500:
			return StatusUnreachable
		}
		return StatusError
	case errors.Is(err, ErrRobotsDisallowed), errors.Is(err, ErrRobotsUnavailable),
		errors.Is(err, ErrBackoff), errors.Is(err, context.DeadlineExceeded):
		return StatusUnreachable
	case errors.Is(err, context.Canceled):
		return StatusError
	case errors.As(err, &dnsErr):
		if dnsErr.IsNotFound {
			return StatusNotFound
		}
		return StatusUnreachable
	case errors.As(err, &opErr):
		return StatusUnreachable
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return StatusUnreachable
	}
	return StatusError
}

// failed returns a Source for a failed attempt on what, with the status
// and HTTP status err carries.
func (r *Fetcher) failed(what string, err error) *Source {
	s := &Source{Status: StatusFor(err), URL: what, CheckedAt: r.now().UTC()}
	var he *HTTPError
	if errors.As(err, &he) {
		s.HTTPStatus = he.StatusCode
	}
	return s
}

// ResolveURL fetches rawURL with Fetch (so every safety and politeness rule
// applies) and reads the page's metadata.
//
// For HTML pages the metadata is the HTML reader's sources.Meta (see sources.Parse), whose
// priority order, first value wins, is: Highwire citation_* tags, then
// OpenGraph and article:* tags, then JSON-LD (NewsArticle,
// ScholarlyArticle, @graph and other article types), then Dublin Core
// (dc.*, dcterms.*), then the page itself (<title>, <h1>, the byline, the
// first <time datetime>); the language comes from <html lang> first. The
// DOI is kept only when sources.ParseDOI accepts it. The readable text of
// HTML (its main content), Markdown and plain text is kept in Text, at most
// MaxSourceText bytes.
//
// A PDF (served as application/pdf, or any body starting with "%PDF-")
// gives the text of its first MaxPDFPages pages (see sources.ReadPDF) and
// the title of its information dictionary. A PDF whose text cannot be read
// (broken, encrypted, a scan) keeps StatusOK, with no text and the reason
// in Notes: the link works. Other content types (JSON, XML) give a Source
// with status and URLs but no metadata or text.
//
// The returned Source is never nil. When the fetch fails, it carries the
// status StatusFor gives the error, and the error is returned too.
func (r *Fetcher) ResolveURL(ctx context.Context, rawURL string) (*Source, error) {
	page, err := r.Fetch(ctx, rawURL)
	if err != nil {
		return r.failed(rawURL, err), fmt.Errorf("resolve url: %w", err)
	}
	return sourceOfPage(ctx, rawURL, page), nil
}

// MaxSourceText bounds Source.Text, in bytes: a long article's text is a
// few tens of kilobytes, and claim-support checks need no more.
const MaxSourceText = 1 << 20

// MaxPDFPages is how many pages of a PDF are read for Source.Text.
const MaxPDFPages = sources.DefaultPDFPages

// sourceOfPage returns the Source of a page fetched for rawURL.
func sourceOfPage(ctx context.Context, rawURL string, page *Page) *Source {
	s := &Source{Status: StatusOK, URL: rawURL, FinalURL: page.FinalURL, HTTPStatus: page.StatusCode, CheckedAt: page.FetchedAt.UTC()}
	s.readPage(ctx, page)
	return s
}

// readPage reads a fetched page into s: its metadata (HTML, the title of a
// PDF) and its readable text (HTML, Markdown, plain text, PDF). ctx bounds
// the reading of a PDF.
func (s *Source) readPage(ctx context.Context, page *Page) {
	if page.ContentType == "application/pdf" {
		p, err := sources.ReadPDF(ctx, page.Body, sources.PDFOptions{MaxPages: MaxPDFPages, MaxText: MaxSourceText})
		if err != nil {
			s.note("pdf: %v", err)
		} else {
			s.Title = p.Title
			s.Text = clipText(p.Text, MaxSourceText)
		}
	} else if format, ok := textFormat(page.ContentType); ok {
		doc, err := sources.Parse(page.Body, sources.ReadOptions{Name: page.FinalURL, Format: format, BaseURL: page.FinalURL})
		if err != nil {
			s.note("%s: %v", format, err)
		} else {
			if format == sources.FormatHTML {
				s.fillMeta(doc.Meta)
			}
			s.Text = clipText(doc.Text, MaxSourceText)
		}
	}
	if s.Language == "" {
		s.Language = firstLanguage(page.Header.Get("Content-Language"))
	}
}

// fillMeta copies what a page says about itself into s; the DOI only when
// sources.ParseDOI accepts it.
func (s *Source) fillMeta(m sources.Meta) {
	s.Title = m.Title
	s.Authors = m.Authors
	s.Published = m.Published
	s.Publisher = m.Publisher
	s.Language = m.Language
	if m.DOI != "" {
		if d, err := sources.ParseDOI(m.DOI); err == nil {
			s.DOI = d
		}
	}
}

// textFormat returns the format whose reader gives a media type's readable
// text, and false for types that have none (JSON, XML, PDF).
func textFormat(mt string) (sources.Format, bool) {
	switch {
	case isHTMLType(mt):
		return sources.FormatHTML, true
	case mt == "text/markdown" || mt == "text/x-markdown":
		return sources.FormatMarkdown, true
	case mt == "text/plain":
		return sources.FormatText, true
	}
	return "", false
}

// clipText returns s cut to at most n bytes at a rune boundary.
func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// isHTMLType reports whether a media type is read as HTML.
func isHTMLType(mt string) bool {
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// isJSONType reports whether a media type is JSON.
func isJSONType(mt string) bool {
	return mt == "application/json" || strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json")
}

// firstLanguage returns the first tag of a Content-Language list.
func firstLanguage(v string) string {
	v, _, _ = strings.Cut(v, ",")
	return strings.TrimSpace(v)
}

// Default base URLs of the services the resolver asks about DOIs and
// archived copies.
const (
	// DefaultDOIBase is where DOIs are resolved by content negotiation.
	DefaultDOIBase = "https://doi.org"
	// DefaultHandleBase serves the handle API (/api/handles/{doi}) that
	// says whether a DOI exists.
	DefaultHandleBase = "https://doi.org"
	// DefaultCrossrefBase is Crossref's REST API.
	DefaultCrossrefBase = "https://api.crossref.org"
	// DefaultWaybackBase serves the Wayback Machine's CDX API and its
	// archived copies (/web/{timestamp}/{url}).
	DefaultWaybackBase = "https://web.archive.org"
	// DefaultAvailabilityBase serves the Wayback availability API
	// (/wayback/available).
	DefaultAvailabilityBase = "https://archive.org"
)

// services holds the base URLs the resolver sends DOI and archive
// questions to, without trailing slashes. An empty field means the
// default.
type services struct {
	doi, handle, crossref, wayback, availability string
}

// withDefaults fills the empty fields of s with the default bases.
func (s services) withDefaults() services {
	for _, f := range []struct {
		p   *string
		def string
	}{{&s.doi, DefaultDOIBase}, {&s.handle, DefaultHandleBase}, {&s.crossref, DefaultCrossrefBase},
		{&s.wayback, DefaultWaybackBase}, {&s.availability, DefaultAvailabilityBase}} {
		if *f.p == "" {
			*f.p = f.def
		}
	}
	return s
}

// services returns the base URLs the resolver uses.
func (r *Fetcher) services() services { return r.svc.withDefaults() }

// setServices applies set to the resolver's service base URLs.
func (r *Fetcher) setServices(set func(*services)) error {
	set(&r.svc)
	return nil
}

// WithDOIBase sets the base URL DOIs are resolved against by content
// negotiation (default DefaultDOIBase). For tests and mirrors: requests
// still go through the resolver's safety checks.
func WithDOIBase(base string) Option {
	return serviceOption("doi", base, func(s *services, b string) { s.doi = b })
}

// WithHandleBase sets the base URL of the handle API (default
// DefaultHandleBase), asked at {base}/api/handles/{doi}.
func WithHandleBase(base string) Option {
	return serviceOption("handle", base, func(s *services, b string) { s.handle = b })
}

// WithCrossrefBase sets the base URL of Crossref's REST API (default
// DefaultCrossrefBase), asked at {base}/works/{doi}.
func WithCrossrefBase(base string) Option {
	return serviceOption("crossref", base, func(s *services, b string) { s.crossref = b })
}

// WithWaybackBase sets the base URL of the Wayback Machine (default
// DefaultWaybackBase): its CDX API at {base}/cdx/search/cdx and the
// archived copies at {base}/web/{timestamp}/{url}.
func WithWaybackBase(base string) Option {
	return serviceOption("wayback", base, func(s *services, b string) { s.wayback = b })
}

// WithAvailabilityBase sets the base URL of the Wayback availability API
// (default DefaultAvailabilityBase), asked at {base}/wayback/available.
func WithAvailabilityBase(base string) Option {
	return serviceOption("availability", base, func(s *services, b string) { s.availability = b })
}

// serviceOption validates base and stores it with set.
func serviceOption(name, base string, set func(*services, string)) Option {
	return func(r *Fetcher) error {
		b, err := checkServiceBase(base)
		if err != nil {
			return fmt.Errorf("resolve: %s base: %w", name, err)
		}
		return r.setServices(func(s *services) { set(s, b) })
	}
}

// checkServiceBase checks that base is an absolute http or https URL with
// no credentials, query or fragment, and returns it without a trailing
// slash.
func checkServiceBase(base string) (string, error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrInvalidURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("%w: %q", ErrScheme, base)
	}
	if u.User != nil {
		return "", fmt.Errorf("%w: %s", ErrCredentialsInURL, u.Redacted())
	}
	if u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
		return "", fmt.Errorf("%w: %q is not a base URL", ErrInvalidURL, base)
	}
	return strings.TrimRight(base, "/"), nil
}
