package sources

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"
)

// Cache is what the resolver remembers between runs: resolved metadata of
// sources, robots.txt per origin, and every observation of a link, from
// which IsDead decides whether the link is dead.
//
// Every method takes a context and is safe for concurrent use. A Get that
// finds nothing returns ok == false and a nil error; an error means the
// store itself failed. Records past their ExpiresAt are still returned,
// with Stale set, so that an offline run can answer from them; an online
// run refreshes stale records.
//
// MemoryCache implements Cache in memory, for tests and one-shot runs;
// SQLiteCache implements it on disk.
type Cache interface {
	// GetSource returns the record stored under key.
	GetSource(ctx context.Context, key string) (rec SourceRecord, ok bool, err error)
	// PutSource stores rec under rec.Key, replacing any earlier record.
	PutSource(ctx context.Context, rec SourceRecord) error
	// GetRobots returns the robots.txt record of origin.
	GetRobots(ctx context.Context, origin string) (rec RobotsRecord, ok bool, err error)
	// PutRobots stores rec under rec.Origin, replacing any earlier record.
	PutRobots(ctx context.Context, rec RobotsRecord) error
	// AddObservation appends one observation of a link; a zero obs.At
	// means now. Observations are never replaced: deciding that a link is
	// dead needs its history.
	AddObservation(ctx context.Context, obs LinkObservation) error
	// Observations returns the observations of url, oldest first (ties in
	// At keep the order they were added in), at most the MaxObservations
	// most recent ones.
	Observations(ctx context.Context, url string) ([]LinkObservation, error)
}

// MaxObservations bounds how many observations of one link
// Cache.Observations returns (the most recent ones). Deciding that a link is
// dead needs only the failures since its last success.
const MaxObservations = 1000

// ErrInvalidRecord means a record or observation handed to a Cache lacks
// its key (Key, Origin, URL) or has an unknown Outcome; nothing was stored.
var ErrInvalidRecord = errors.New("invalid cache record")

// SourceRecord is what the resolver learned about one source: a URL or a
// DOI. Its fields mirror the "source" object of the JSON report.
type SourceRecord struct {
	// Key identifies the source: the normalised URL, or "doi:" followed by
	// the lower-cased DOI ("doi:10.1000/xyz"). The caller normalises; the
	// cache compares keys byte for byte.
	Key string
	// Status is the resolver's verdict for the source (e.g. "ok",
	// "broken", "unreachable"); the cache stores it as given.
	Status string
	// FinalURL is the URL that answered, after redirects.
	FinalURL string
	// Title, Authors, Published, Publisher and DOI are the resolved
	// metadata. Published is a date as precise as the source gives it
	// ("2024", "2024-03", "2024-03-05" or a full RFC 3339 time).
	Title     string
	Authors   []string
	Published string
	Publisher string
	DOI       string
	// ArchivedURL is the closest archived copy, if one was looked up.
	ArchivedURL string
	// CheckedAt is when the source was resolved.
	CheckedAt time.Time
	// ExpiresAt is when the record goes stale; the caller chooses the TTL.
	// A zero ExpiresAt makes the record stale at once.
	ExpiresAt time.Time
	// Raw optionally keeps the answer the metadata came from (CSL-JSON, a
	// JSON-LD block), so that a later version can re-read it offline.
	Raw []byte
	// Stale is set by GetSource when ExpiresAt is not after the cache's
	// clock; PutSource ignores it.
	Stale bool
}

// RobotsRecord is the robots.txt of one origin as last fetched.
type RobotsRecord struct {
	// Origin is the scheme and host, lower-cased ("https://example.com",
	// with a port only when not the scheme's default).
	Origin string
	// Status is the HTTP status robots.txt was fetched with; what it means
	// (4xx: no restrictions; 429, 5xx: try later) is the resolver's rule.
	Status int
	// Body is the robots.txt as received, already capped by the fetcher.
	Body []byte
	// FetchedAt is when it was fetched.
	FetchedAt time.Time
	// ExpiresAt is when the record goes stale (zero: stale at once).
	ExpiresAt time.Time
	// Stale is set by GetRobots when ExpiresAt is not after the cache's
	// clock; PutRobots ignores it.
	Stale bool
}

// Outcome is what one check of a link found, as ClassifyOutcome decides it.
type Outcome string

// The outcomes of checking a link.
const (
	// OutcomeOK means the link led to the page (2xx, not a soft 404).
	OutcomeOK Outcome = "ok"
	// OutcomeFailed means the page is gone: 404, 410, or a soft 404. Only
	// failures count towards a link being dead.
	OutcomeFailed Outcome = "failed"
	// OutcomeUnreachable means the page could not be seen this time: 403,
	// 429, 5xx, a timeout, a network error, robots.txt. It says nothing
	// about the page and never counts towards a link being dead.
	OutcomeUnreachable Outcome = "unreachable"
)

// valid reports whether o is one of the Outcome constants.
func (o Outcome) valid() bool {
	return o == OutcomeOK || o == OutcomeFailed || o == OutcomeUnreachable
}

// LinkObservation is one check of a link.
type LinkObservation struct {
	// URL is the link as checked, normalised by the caller like
	// SourceRecord.Key.
	URL string
	// At is when the check was made. IsDead counts days in UTC.
	At time.Time
	// Outcome is what the check found.
	Outcome Outcome
	// Status is the HTTP status of the final answer, 0 when there was none
	// (timeout, network error, refused by robots.txt).
	Status int
	// Detail says what happened in a few words ("soft 404: redirect to
	// site root", "timeout"), for the evidence of a finding.
	Detail string
}

// CacheOption configures a MemoryCache or a SQLiteCache.
type CacheOption func(*cacheConfig)

// cacheConfig holds what CacheOptions set.
type cacheConfig struct {
	now func() time.Time
}

// newCacheConfig applies opts over the defaults.
func newCacheConfig(opts []CacheOption) cacheConfig {
	c := cacheConfig{now: time.Now}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// WithCacheClock sets the clock a cache compares ExpiresAt with (by
// default time.Now), so that tests can move time forward. A nil now keeps
// the default.
func WithCacheClock(now func() time.Time) CacheOption {
	return func(c *cacheConfig) {
		if now != nil {
			c.now = now
		}
	}
}

// checkSource validates rec before it is stored.
func checkSource(rec SourceRecord) error {
	if rec.Key == "" {
		return fmt.Errorf("put source: %w: empty key", ErrInvalidRecord)
	}
	return nil
}

// checkRobots validates rec before it is stored.
func checkRobots(rec RobotsRecord) error {
	if rec.Origin == "" {
		return fmt.Errorf("put robots: %w: empty origin", ErrInvalidRecord)
	}
	return nil
}

// checkObservation validates obs before it is stored.
func checkObservation(obs LinkObservation) error {
	if obs.URL == "" {
		return fmt.Errorf("add observation: %w: empty URL", ErrInvalidRecord)
	}
	if !obs.Outcome.valid() {
		return fmt.Errorf("add observation: %w: outcome %q", ErrInvalidRecord, obs.Outcome)
	}
	return nil
}

// sortObservations orders obs by time, keeping the insertion order of ties.
func sortObservations(obs []LinkObservation) {
	slices.SortStableFunc(obs, func(a, b LinkObservation) int { return a.At.Compare(b.At) })
}

// MemoryCache is a Cache kept in maps behind a mutex, for tests and for runs
// that need no memory beyond themselves. The zero value is an empty cache on
// the system clock.
type MemoryCache struct {
	now func() time.Time

	mu      sync.Mutex
	sources map[string]SourceRecord
	robots  map[string]RobotsRecord
	obs     map[string][]LinkObservation
}

var _ Cache = (*MemoryCache)(nil)

// NewMemoryCache returns an empty MemoryCache.
func NewMemoryCache(opts ...CacheOption) *MemoryCache {
	cfg := newCacheConfig(opts)
	return &MemoryCache{now: cfg.now}
}

// clock returns the cache's time; the zero MemoryCache uses time.Now.
func (c *MemoryCache) clock() time.Time {
	if c.now == nil {
		return time.Now()
	}
	return c.now()
}

// GetSource implements Cache.
func (c *MemoryCache) GetSource(ctx context.Context, key string) (SourceRecord, bool, error) {
	if err := ctx.Err(); err != nil {
		return SourceRecord{}, false, fmt.Errorf("get source: %w", err)
	}
	c.mu.Lock()
	rec, ok := c.sources[key]
	c.mu.Unlock()
	if !ok {
		return SourceRecord{}, false, nil
	}
	rec.Authors = slices.Clone(rec.Authors)
	rec.Raw = slices.Clone(rec.Raw)
	rec.Stale = !c.clock().Before(rec.ExpiresAt)
	return rec, true, nil
}

// PutSource implements Cache. It stores copies of rec's slices.
func (c *MemoryCache) PutSource(ctx context.Context, rec SourceRecord) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("put source: %w", err)
	}
	if err := checkSource(rec); err != nil {
		return err
	}
	rec.Authors = slices.Clone(rec.Authors)
	rec.Raw = slices.Clone(rec.Raw)
	rec.Stale = false
	c.mu.Lock()
	if c.sources == nil {
		c.sources = make(map[string]SourceRecord)
	}
	c.sources[rec.Key] = rec
	c.mu.Unlock()
	return nil
}

// GetRobots implements Cache.
func (c *MemoryCache) GetRobots(ctx context.Context, origin string) (RobotsRecord, bool, error) {
	if err := ctx.Err(); err != nil {
		return RobotsRecord{}, false, fmt.Errorf("get robots: %w", err)
	}
	c.mu.Lock()
	rec, ok := c.robots[origin]
	c.mu.Unlock()
	if !ok {
		return RobotsRecord{}, false, nil
	}
	rec.Body = slices.Clone(rec.Body)
	rec.Stale = !c.clock().Before(rec.ExpiresAt)
	return rec, true, nil
}

// PutRobots implements Cache. It stores a copy of rec.Body.
func (c *MemoryCache) PutRobots(ctx context.Context, rec RobotsRecord) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("put robots: %w", err)
	}
	if err := checkRobots(rec); err != nil {
		return err
	}
	rec.Body = slices.Clone(rec.Body)
	rec.Stale = false
	c.mu.Lock()
	if c.robots == nil {
		c.robots = make(map[string]RobotsRecord)
	}
	c.robots[rec.Origin] = rec
	c.mu.Unlock()
	return nil
}

// AddObservation implements Cache. A zero obs.At is taken as now, by the
// cache's clock.
func (c *MemoryCache) AddObservation(ctx context.Context, obs LinkObservation) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("add observation: %w", err)
	}
	if err := checkObservation(obs); err != nil {
		return err
	}
	if obs.At.IsZero() {
		obs.At = c.clock()
	}
	c.mu.Lock()
	if c.obs == nil {
		c.obs = make(map[string][]LinkObservation)
	}
	c.obs[obs.URL] = append(c.obs[obs.URL], obs)
	c.mu.Unlock()
	return nil
}

// Observations implements Cache.
func (c *MemoryCache) Observations(ctx context.Context, url string) ([]LinkObservation, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("observations: %w", err)
	}
	c.mu.Lock()
	obs := slices.Clone(c.obs[url])
	c.mu.Unlock()
	sortObservations(obs)
	if n := len(obs); n > MaxObservations {
		obs = obs[n-MaxObservations:]
	}
	return obs, nil
}
