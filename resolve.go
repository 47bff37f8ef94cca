package citecheck

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/sources"
)

// How long a resolved source stays fresh in the cache. A failure is kept
// for less than a day, so that a link checked daily collects the
// observations on separate days that sources.IsDead asks for.
const (
	SourceTTL        = 7 * 24 * time.Hour
	FailedSourceTTL  = 12 * time.Hour
	resolveWorkers   = 4
	maxResolveTarget = 5000
)

// Resolution is what resolving one cited source gave: a reference entry's
// DOI or URL, or a link citation's URL.
type Resolution struct {
	// Key is the cache key: "doi:" and the lower-cased DOI, or the URL
	// without its fragment.
	Key string
	// Target is the DOI or URL as cited.
	Target string
	// DOI is true when Target is a DOI.
	DOI bool
	// Source is what the resolver (or the cache) knows about it.
	Source *sources.Source
	// FromCache is true when the answer came from the cache, with no
	// request.
	FromCache bool
	// Dead is sources.IsDead over the link's observations; Evidence
	// describes the failures counted.
	Dead     bool
	Evidence string
}

// subject is one thing that cites a source: a reference entry or a link
// citation.
type subject struct {
	ref  *citations.Reference // nil for a link citation
	cite *citations.Citation  // nil for an entry
	res  *Resolution
	// shadowed is true for a link citation whose URL an entry also cites;
	// its findings are reported once, on the entry.
	shadowed bool
}

// span is where a finding about the subject goes.
func (s subject) span() sources.Span {
	if s.ref != nil {
		return s.ref.Span
	}
	return s.cite.Span
}

// finding fills the subject's IDs and span into f.
func (p *Pass) subjectFinding(s subject, f Finding) Finding {
	f.Span = p.Locate(s.span())
	if s.ref != nil {
		f.Reference = s.ref.ID
	} else {
		f.Citation = s.cite.ID
	}
	return f
}

// resolveTarget is one unique source to resolve.
type resolveTarget struct {
	key, target string
	doi         bool
	res         *Resolution
}

// normalURL returns the cache key of a cited URL: the URL without its
// fragment, with the scheme and host in lower case; ok is false for
// anything but an absolute http or https URL.
func normalURL(raw string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return "", false
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", false
	}
	u.Host = strings.ToLower(u.Host)
	u.Fragment, u.RawFragment = "", ""
	return u.String(), true
}

// resolveSources resolves what the entries and link citations cite, with
// opts.Resolver or, offline, from opts.Cache alone, and fills p.subjects.
func (p *Pass) resolveSources(ctx context.Context, opts Options) error {
	p.Resolved = true
	p.Resolutions = map[string]*Resolution{}
	targets := map[string]*resolveTarget{}
	var order []*resolveTarget
	add := func(key, target string, doi bool) *Resolution {
		if t, ok := targets[key]; ok {
			return t.res
		}
		if len(order) >= maxResolveTarget {
			return nil
		}
		t := &resolveTarget{key: key, target: target, doi: doi, res: &Resolution{Key: key, Target: target, DOI: doi}}
		targets[key] = t
		order = append(order, t)
		return t.res
	}
	entryKeys := map[string]bool{}
	for li := range p.Lists {
		for ei := range p.Lists[li].Entries {
			e := &p.Lists[li].Entries[ei]
			var res *Resolution
			switch {
			case e.DOI != "":
				key := "doi:" + strings.ToLower(strings.TrimSpace(e.DOI))
				if d, err := sources.ParseDOI(e.DOI); err == nil {
					key = "doi:" + strings.ToLower(d)
				}
				res = add(key, e.DOI, true)
			case e.URL != "":
				if key, ok := normalURL(e.URL); ok {
					res = add(key, e.URL, false)
				}
			}
			if res != nil {
				entryKeys[res.Key] = true
				p.Resolutions[e.ID] = res
				p.subjects = append(p.subjects, subject{ref: e, res: res})
			}
		}
	}
	for i := range p.Citations {
		c := &p.Citations[i]
		if c.Kind != citations.KindLink || c.URL == "" {
			continue
		}
		key, ok := normalURL(c.URL)
		if !ok {
			continue
		}
		if res := add(key, c.URL, false); res != nil {
			p.Resolutions[c.ID] = res
			p.subjects = append(p.subjects, subject{cite: c, res: res, shadowed: entryKeys[key]})
		}
	}

	work := make(chan *resolveTarget)
	errs := make(chan error, len(order))
	var wg sync.WaitGroup
	for range min(resolveWorkers, len(order)) {
		wg.Go(func() {
			for t := range work {
				errs <- p.resolveOne(ctx, opts, t)
			}
		})
	}
	var firstErr error
	done := 0
	report := func(err error) {
		done++
		if err != nil && firstErr == nil {
			firstErr = err
		}
		if opts.Progress != nil {
			opts.Progress(done, len(order))
		}
	}
feed:
	for _, t := range order {
		for {
			select {
			case work <- t:
				continue feed
			case err := <-errs:
				report(err)
			case <-ctx.Done():
				break feed
			}
		}
	}
	close(work)
	wg.Wait()
	close(errs)
	for err := range errs {
		report(err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if firstErr != nil {
		return fmt.Errorf("check: resolve sources: %w", firstErr)
	}
	// Drop what could not be answered (offline and not cached).
	for id, r := range p.Resolutions {
		if r.Source == nil {
			delete(p.Resolutions, id)
		}
	}
	return nil
}

// resolveOne answers one target from the cache or the network. Only cache
// failures are returned: a source that cannot be fetched is a finding, not
// an error.
func (p *Pass) resolveOne(ctx context.Context, opts Options, t *resolveTarget) error {
	if ctx.Err() != nil {
		return nil
	}
	res, cache := t.res, opts.Cache
	if t.doi {
		if _, err := sources.ParseDOI(t.target); err != nil {
			// malformed: no registry can know it, online or not
			res.Source = &sources.Source{Status: sources.StatusInvalid, DOI: t.target, CheckedAt: time.Now().UTC(),
				Notes: []string{err.Error()}}
			return nil
		}
	}
	var fresh *sources.LinkObservation
	if cache != nil {
		rec, ok, err := cache.GetSource(ctx, t.key)
		if err != nil {
			return err
		}
		if ok && (!rec.Stale || opts.Offline) {
			res.Source, res.FromCache = sourceFromRecord(rec), true
		}
	}
	if res.Source == nil {
		if opts.Offline || opts.Resolver == nil {
			return nil
		}
		var src *sources.Source
		if t.doi {
			src, _ = opts.Resolver.ResolveDOI(ctx, t.target)
		} else {
			var obs sources.LinkObservation
			src, obs, _ = opts.Resolver.ObserveURL(ctx, t.target)
			if obs.Outcome != "" {
				obs.URL = t.key
				fresh = &obs
			}
		}
		if ctx.Err() != nil {
			return nil // a cancelled run stores nothing it did not finish
		}
		res.Source = src
		if cache != nil {
			if fresh != nil {
				if err := cache.AddObservation(ctx, *fresh); err != nil {
					return err
				}
			}
			if err := cache.PutSource(ctx, recordFromSource(t.key, src)); err != nil {
				return err
			}
		}
	}
	if t.doi {
		return nil
	}
	var obs []sources.LinkObservation
	switch {
	case cache != nil:
		var err error
		if obs, err = cache.Observations(ctx, t.key); err != nil {
			return err
		}
	case fresh != nil:
		obs = []sources.LinkObservation{*fresh}
	}
	res.Dead, res.Evidence = sources.IsDead(obs, opts.DeadRule)
	if res.Dead && res.Source.ArchivedURL == "" && !opts.Offline && opts.Resolver != nil {
		archived, err := opts.Resolver.Archived(ctx, t.target, time.Time{})
		if err == nil {
			res.Source.ArchivedURL = archived
			if cache != nil {
				if err := cache.PutSource(ctx, recordFromSource(t.key, res.Source)); err != nil {
					return err
				}
			}
		} else if !errors.Is(err, sources.ErrNotArchived) || strings.Contains(err.Error(), "HTTP") {
			res.Source.Notes = append(res.Source.Notes, "archive lookup: "+err.Error())
		}
	}
	return nil
}

// recordFromSource is the cache record of src under key; Raw keeps the
// whole Source as JSON, so that updates and notes survive the cache.
func recordFromSource(key string, src *sources.Source) sources.SourceRecord {
	ttl := SourceTTL
	if src.Status != sources.StatusOK {
		ttl = FailedSourceTTL
	}
	raw, _ := json.Marshal(src) // a Source always marshals
	return sources.SourceRecord{Key: key, Status: string(src.Status), FinalURL: src.FinalURL, Title: src.Title,
		Authors: src.Authors, Published: src.Published, Publisher: src.Publisher, DOI: src.DOI,
		ArchivedURL: src.ArchivedURL, CheckedAt: src.CheckedAt, ExpiresAt: src.CheckedAt.Add(ttl), Raw: raw}
}

// sourceFromRecord reads a cache record back into a Source.
func sourceFromRecord(rec sources.SourceRecord) *sources.Source {
	var s sources.Source
	if len(rec.Raw) > 0 && json.Unmarshal(rec.Raw, &s) == nil && s.Status != "" {
		if rec.ArchivedURL != "" {
			s.ArchivedURL = rec.ArchivedURL
		}
		return &s
	}
	return &sources.Source{Status: sources.SourceStatus(rec.Status), FinalURL: rec.FinalURL, Title: rec.Title,
		Authors: rec.Authors, Published: rec.Published, Publisher: rec.Publisher, DOI: rec.DOI,
		ArchivedURL: rec.ArchivedURL, CheckedAt: rec.CheckedAt}
}
