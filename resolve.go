package citecheck

import (
	"context"
	"fmt"

	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/resolve"
)

// resolveSources resolves what the entries and citations cite with r
// and fills p.Sources and p.Resolutions. Which sources to fetch, what the
// cache answers and what is recorded is r's business (resolve.Resolver);
// the pass only says what the document cites: each entry's DOI (else its
// URL), then the URL of each citation that carries one (a link, a DOI
// written out, an author-year citation with its own URL or DOI). A
// citation of a source an entry also cites is shadowed: its findings are
// reported once, on the entry.
func (p *Pass) resolveSources(ctx context.Context, r *resolve.Resolver, progress func(done, total int)) error {
	p.Resolved = true
	p.Resolutions = map[string]*resolve.Resolution{}
	var targets []resolve.Target
	var cited []CitedSource // the source of targets[i] at i
	entryKeys := map[string]bool{}
	for li := range p.Lists {
		for ei := range p.Lists[li].Entries {
			e := &p.Lists[li].Entries[ei]
			t, ok := entryTarget(e)
			if !ok {
				continue
			}
			entryKeys[t.Key] = true
			targets = append(targets, t)
			cited = append(cited, CitedSource{Reference: e})
		}
	}
	for i := range p.Citations {
		c := &p.Citations[i]
		if c.URL == "" {
			continue
		}
		if t, ok := citationTarget(c); ok {
			targets = append(targets, t)
			cited = append(cited, CitedSource{Citation: c, Shadowed: entryKeys[t.Key]})
		}
	}
	resolutions, err := r.ResolveAll(ctx, targets, progress)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("check: resolve sources: %w", err)
	}
	for i, res := range resolutions {
		if res == nil {
			continue // offline and not cached, or past the resolver's bound
		}
		s := cited[i]
		s.Resolution = res
		p.Sources = append(p.Sources, s)
		if s.Reference != nil {
			p.Resolutions[s.Reference.ID] = res
		} else {
			p.Resolutions[s.Citation.ID] = res
		}
	}
	return nil
}

// entryTarget is what an entry cites: its DOI, else its URL.
func entryTarget(e *citations.Reference) (resolve.Target, bool) {
	switch {
	case e.DOI != "":
		return resolve.DOITarget(e.DOI), true
	case e.URL != "":
		return resolve.URLTarget(e.URL)
	}
	return resolve.Target{}, false
}

// citationTarget is what a citation carrying a URL cites: the DOI a
// resolver's URL names ("https://doi.org/10.…", as a DOI written out is
// read), resolved as an entry's DOI is, else the URL.
func citationTarget(c *citations.Citation) (resolve.Target, bool) {
	if d := sources.DOIFromURL(c.URL); d != "" {
		return resolve.DOITarget(d), true
	}
	return resolve.URLTarget(c.URL)
}
