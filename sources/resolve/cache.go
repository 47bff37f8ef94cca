package resolve

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"
)

// Cache is what resolution remembers between runs: each resolved source
// under its key, and every observation of a link, from which IsDead decides
// whether the link is dead.
//
// Every method takes a context and is safe for concurrent use. A GetSource
// that finds nothing returns ok == false and a nil error; an error means the
// store itself failed. Sources past their ExpiresAt are still returned, with
// Stale set, so that an offline run can answer from them; the Resolver
// refreshes stale ones when it may fetch.
//
// MemoryCache implements Cache in memory, for tests and one-shot runs; the
// sqlitecache package implements it on disk. The cachetest package holds
// the tests every implementation must pass.
type Cache interface {
	// GetSource returns the source stored under key.
	GetSource(ctx context.Context, key string) (cs CachedSource, ok bool, err error)
	// PutSource stores cs under cs.Key, replacing any earlier one.
	PutSource(ctx context.Context, cs CachedSource) error
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

// ErrInvalidRecord means a source or observation handed to a Cache lacks
// its key or URL, or has an unknown Outcome; nothing was stored.
var ErrInvalidRecord = errors.New("invalid cache record")

// CachedSource is a resolved source as a Cache keeps it.
type CachedSource struct {
	// Key identifies the source: a Target's Key ("doi:10.1000/xyz", or a
	// URL in sources.URLKey's form). The cache compares keys byte for byte.
	Key string
	// Source is what resolving it gave. A cache keeps its metadata, status,
	// updates, notes and its Text (at most MaxSourceText bytes), so that
	// claims can be verified against it offline.
	Source Source
	// ExpiresAt is when the record goes stale; the Resolver chooses the
	// time to live. A zero ExpiresAt makes the record stale at once.
	ExpiresAt time.Time
	// Stale is set by GetSource when ExpiresAt is not after the cache's
	// clock; PutSource ignores it.
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
	// CachedSource.Key.
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
type CacheOption func(*CacheConfig)

// CacheConfig holds what CacheOptions set, for the implementations of
// Cache to read.
type CacheConfig struct {
	// Now is the clock ExpiresAt is compared with and a zero
	// LinkObservation.At is taken from.
	Now func() time.Time
}

// NewCacheConfig applies opts over the defaults.
func NewCacheConfig(opts []CacheOption) CacheConfig {
	c := CacheConfig{Now: time.Now}
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
	return func(c *CacheConfig) {
		if now != nil {
			c.Now = now
		}
	}
}

// CheckSource validates cs before a Cache stores it: it fails with
// ErrInvalidRecord when the key is empty.
func CheckSource(cs CachedSource) error {
	if cs.Key == "" {
		return fmt.Errorf("put source: %w: empty key", ErrInvalidRecord)
	}
	return nil
}

// CheckObservation validates obs before a Cache stores it: it fails with
// ErrInvalidRecord when the URL is empty or the Outcome unknown.
func CheckObservation(obs LinkObservation) error {
	if obs.URL == "" {
		return fmt.Errorf("add observation: %w: empty URL", ErrInvalidRecord)
	}
	if !obs.Outcome.valid() {
		return fmt.Errorf("add observation: %w: outcome %q", ErrInvalidRecord, obs.Outcome)
	}
	return nil
}

// SortObservations orders obs by time, keeping the insertion order of ties.
func SortObservations(obs []LinkObservation) {
	slices.SortStableFunc(obs, func(a, b LinkObservation) int { return a.At.Compare(b.At) })
}

// MemoryCache is a Cache kept in maps behind a mutex, for tests and for runs
// that need no memory beyond themselves. The zero value is an empty cache on
// the system clock.
type MemoryCache struct {
	now func() time.Time

	mu      sync.Mutex
	sources map[string]CachedSource
	obs     map[string][]LinkObservation
}

var _ Cache = (*MemoryCache)(nil)

// NewMemoryCache returns an empty MemoryCache.
func NewMemoryCache(opts ...CacheOption) *MemoryCache {
	cfg := NewCacheConfig(opts)
	return &MemoryCache{now: cfg.Now}
}

// clock returns the cache's time; the zero MemoryCache uses time.Now.
func (c *MemoryCache) clock() time.Time {
	if c.now == nil {
		return time.Now()
	}
	return c.now()
}

// GetSource implements Cache.
func (c *MemoryCache) GetSource(ctx context.Context, key string) (CachedSource, bool, error) {
	if err := ctx.Err(); err != nil {
		return CachedSource{}, false, fmt.Errorf("get source: %w", err)
	}
	c.mu.Lock()
	cs, ok := c.sources[key]
	c.mu.Unlock()
	if !ok {
		return CachedSource{}, false, nil
	}
	cs.Source = *cs.Source.clone()
	cs.Stale = !c.clock().Before(cs.ExpiresAt)
	return cs, true, nil
}

// PutSource implements Cache. It stores a copy of cs, its source's Text
// cut to MaxSourceText bytes.
func (c *MemoryCache) PutSource(ctx context.Context, cs CachedSource) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("put source: %w", err)
	}
	if err := CheckSource(cs); err != nil {
		return err
	}
	cs.Source = *cs.Source.clone()
	cs.Source.Text = clipText(cs.Source.Text, MaxSourceText)
	cs.Stale = false
	c.mu.Lock()
	if c.sources == nil {
		c.sources = make(map[string]CachedSource)
	}
	c.sources[cs.Key] = cs
	c.mu.Unlock()
	return nil
}

// AddObservation implements Cache. A zero obs.At is taken as now, by the
// cache's clock.
func (c *MemoryCache) AddObservation(ctx context.Context, obs LinkObservation) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("add observation: %w", err)
	}
	if err := CheckObservation(obs); err != nil {
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
	SortObservations(obs)
	if n := len(obs); n > MaxObservations {
		obs = obs[n-MaxObservations:]
	}
	return obs, nil
}
