package resolve

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/citecheck/citecheck/sources"
)

// Defaults of a Resolver's Config.
const (
	// DefaultSourceTTL is how long a resolved source stays fresh in the
	// cache.
	DefaultSourceTTL = 7 * 24 * time.Hour
	// DefaultFailedTTL is how long a failed attempt stays fresh: less than
	// a day, so that a link checked daily collects the observations on
	// separate days that IsDead asks for.
	DefaultFailedTTL = 12 * time.Hour
	// DefaultWorkers is how many sources ResolveAll resolves at once.
	DefaultWorkers = 4
	// DefaultMaxTargets bounds the distinct sources ResolveAll resolves
	// for one call (one article).
	DefaultMaxTargets = 5000
)

// ErrNoSource means a Resolver was configured with neither a Fetcher nor a
// Cache, or offline without a Cache: it could never answer.
var ErrNoSource = errors.New("resolve: no fetcher and no cache to answer from")

// Config says how a Resolver answers. Fetcher, Cache or both must be set.
type Config struct {
	// Fetcher fetches sources the cache cannot answer for; nil means no
	// network at all.
	Fetcher *Fetcher
	// Cache answers for sources resolved earlier (a fresh one makes no
	// request) and keeps every link observation, from which a link is
	// called dead (IsDead). Without a cache a link is never dead: one
	// failure is not enough.
	Cache Cache
	// Offline answers from Cache alone, stale sources included; nothing is
	// fetched and uncached sources stay unresolved.
	Offline bool
	// DeadRule says when a link's observations make it dead; the zero
	// value is the default rule.
	DeadRule DeadRule
	// SourceTTL and FailedTTL are how long a resolved source and a failed
	// attempt stay fresh in the cache; zero means DefaultSourceTTL and
	// DefaultFailedTTL.
	SourceTTL, FailedTTL time.Duration
	// Workers is how many sources ResolveAll resolves at once; zero means
	// DefaultWorkers.
	Workers int
	// MaxTargets bounds the distinct sources one ResolveAll call
	// resolves; zero means DefaultMaxTargets.
	MaxTargets int
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Resolver is the one place that decides what to fetch, what the cache
// answers and what is recorded. For each cited source (a Target) it
//
//   - refuses a malformed DOI at once (StatusInvalid; no registry can know
//     it, online or not);
//   - answers from the cache when the cached source is fresh, or when
//     offline, stale or not;
//   - otherwise fetches it (Fetcher.ResolveDOI, or Fetcher.ObserveURL for a
//     URL) and stores the source, with a time to live that depends on
//     whether it succeeded, and the observation of the link;
//   - decides from the link's observations whether it is dead (IsDead), and
//     for a dead link looks up an archived copy (Fetcher.Archived), storing
//     it with the source.
//
// A source that cannot be fetched is a Resolution with a failed Status, not
// an error: errors are the cache's failures and cancellation. A Resolver is
// safe for concurrent use; share one between the articles of a run.
type Resolver struct {
	cfg Config
}

// New returns a Resolver configured by cfg, or ErrNoSource when it could
// never answer.
func New(cfg Config) (*Resolver, error) {
	if cfg.Cache == nil && (cfg.Fetcher == nil || cfg.Offline) {
		return nil, ErrNoSource
	}
	if cfg.SourceTTL <= 0 {
		cfg.SourceTTL = DefaultSourceTTL
	}
	if cfg.FailedTTL <= 0 {
		cfg.FailedTTL = DefaultFailedTTL
	}
	if cfg.Workers <= 0 {
		cfg.Workers = DefaultWorkers
	}
	if cfg.MaxTargets <= 0 {
		cfg.MaxTargets = DefaultMaxTargets
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Offline {
		cfg.Fetcher = nil
	}
	return &Resolver{cfg: cfg}, nil
}

// Offline reports whether the Resolver answers from its cache alone.
func (r *Resolver) Offline() bool { return r.cfg.Fetcher == nil }

// Target is one cited source to resolve: a DOI or a URL.
type Target struct {
	// Key identifies the source in the cache: "doi:" and sources.DOIKey
	// of a DOI, or sources.URLKey of a URL. Two targets with one key are
	// one source.
	Key string
	// Raw is the DOI or URL as cited.
	Raw string
	// DOI is true when Raw is a DOI.
	DOI bool
}

// DOITarget returns the Target of a DOI as cited.
func DOITarget(doi string) Target {
	return Target{Key: "doi:" + sources.DOIKey(doi), Raw: doi, DOI: true}
}

// URLTarget returns the Target of a URL as cited, or false for anything
// but an absolute http or https URL.
func URLTarget(rawURL string) (Target, bool) {
	key := sources.URLKey(rawURL)
	if key == "" {
		return Target{}, false
	}
	return Target{Key: key, Raw: rawURL}, true
}

// Describe names the target for a message: "DOI 10.1000/xyz", or the URL.
func (t Target) Describe() string {
	if t.DOI {
		return "DOI " + t.Raw
	}
	return t.Raw
}

// Resolution is what resolving one Target gave.
type Resolution struct {
	Target Target
	// Source is what the fetcher or the cache knows about it; nil when
	// offline and the cache has nothing.
	Source *Source
	// FromCache is true when the answer came from the cache, with no
	// request.
	FromCache bool
	// Dead is IsDead over the link's observations; Evidence describes the
	// failures counted. Always false for a DOI.
	Dead     bool
	Evidence string
}

// Resolve answers for one target as the Resolver's doc describes. The error
// is a cache failure or the context's; a source that could not be fetched
// is not an error.
func (r *Resolver) Resolve(ctx context.Context, t Target) (*Resolution, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := &Resolution{Target: t}
	if t.DOI {
		if _, err := sources.ParseDOI(t.Raw); err != nil {
			res.Source = &Source{Status: StatusInvalid, DOI: t.Raw, CheckedAt: r.cfg.Now().UTC(), Notes: []string{err.Error()}}
			return res, nil
		}
	}
	cache := r.cfg.Cache
	if cache != nil {
		cs, ok, err := cache.GetSource(ctx, t.Key)
		if err != nil {
			return nil, err
		}
		if ok && (!cs.Stale || r.Offline()) {
			res.Source, res.FromCache = &cs.Source, true
		}
	}
	var fresh *LinkObservation
	if res.Source == nil {
		if r.Offline() {
			return res, nil
		}
		var obs LinkObservation
		if t.DOI {
			res.Source, _ = r.cfg.Fetcher.ResolveDOI(ctx, t.Raw)
		} else {
			res.Source, obs, _ = r.cfg.Fetcher.ObserveURL(ctx, t.Raw)
		}
		if err := ctx.Err(); err != nil {
			return nil, err // a cancelled run stores nothing it did not finish
		}
		if obs.Outcome != "" {
			obs.URL = t.Key
			fresh = &obs
		}
		if cache != nil {
			if fresh != nil {
				if err := cache.AddObservation(ctx, *fresh); err != nil {
					return nil, err
				}
			}
			if err := r.store(ctx, t.Key, res.Source); err != nil {
				return nil, err
			}
		}
	}
	if t.DOI {
		return res, nil
	}
	var obs []LinkObservation
	switch {
	case cache != nil:
		var err error
		if obs, err = cache.Observations(ctx, t.Key); err != nil {
			return nil, err
		}
	case fresh != nil:
		obs = []LinkObservation{*fresh}
	}
	res.Dead, res.Evidence = IsDead(obs, r.cfg.DeadRule)
	if res.Dead && res.Source.ArchivedURL == "" && !r.Offline() {
		if err := r.archive(ctx, t, res.Source); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// archive looks up an archived copy of a dead link and keeps it with the
// source; a lookup that fails is a note on the source.
func (r *Resolver) archive(ctx context.Context, t Target, src *Source) error {
	archived, err := r.cfg.Fetcher.Archived(ctx, t.Raw, time.Time{})
	switch {
	case err == nil:
		src.ArchivedURL = archived
		if r.cfg.Cache != nil {
			return r.store(ctx, t.Key, src)
		}
	case !errors.Is(err, ErrNotArchived) || strings.Contains(err.Error(), "HTTP"):
		src.Notes = append(src.Notes, "archive lookup: "+err.Error())
	}
	return nil
}

// store puts src in the cache under key with the time to live its status
// calls for.
func (r *Resolver) store(ctx context.Context, key string, src *Source) error {
	ttl := r.cfg.SourceTTL
	if src.Status != StatusOK {
		ttl = r.cfg.FailedTTL
	}
	return r.cfg.Cache.PutSource(ctx, CachedSource{Key: key, Source: *src, ExpiresAt: src.CheckedAt.Add(ttl)})
}

// ResolveAll resolves targets on Config.Workers goroutines and returns one
// Resolution per target, in order; targets with one key share one
// Resolution and are resolved once. Distinct keys beyond Config.MaxTargets
// are not resolved and get nil, as does a target the cache cannot answer
// for offline. progress, when set, is called after each distinct source
// with the number done and the total, on the calling goroutine.
//
// The error is the first cache failure, or the context's.
func (r *Resolver) ResolveAll(ctx context.Context, targets []Target, progress func(done, total int)) ([]*Resolution, error) {
	out := make([]*Resolution, len(targets))
	first := map[string]int{} // key to the index of the first target with it
	var order []int           // indexes of the distinct targets, in order
	for i, t := range targets {
		if _, ok := first[t.Key]; ok || len(order) >= r.cfg.MaxTargets {
			continue
		}
		first[t.Key] = i
		order = append(order, i)
	}
	type done struct {
		i   int
		res *Resolution
		err error
	}
	work := make(chan int)
	results := make(chan done, len(order))
	var wg sync.WaitGroup
	for range min(r.cfg.Workers, len(order)) {
		wg.Go(func() {
			for i := range work {
				res, err := r.Resolve(ctx, targets[i])
				results <- done{i, res, err}
			}
		})
	}
	var firstErr error
	finished := 0
	collect := func(d done) {
		finished++
		out[d.i] = d.res
		if d.err != nil && firstErr == nil && ctx.Err() == nil {
			firstErr = d.err
		}
		if progress != nil {
			progress(finished, len(order))
		}
	}
feed:
	for _, i := range order {
		for {
			select {
			case work <- i:
				continue feed
			case d := <-results:
				collect(d)
			case <-ctx.Done():
				break feed
			}
		}
	}
	close(work)
	wg.Wait()
	close(results)
	for d := range results {
		collect(d)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if firstErr != nil {
		return nil, fmt.Errorf("resolve: %w", firstErr)
	}
	for i, t := range targets {
		if j, ok := first[t.Key]; ok {
			out[i] = out[j]
		}
	}
	for i, res := range out {
		if res != nil && res.Source == nil {
			out[i] = nil // offline, and the cache had nothing
		}
	}
	return out, nil
}
