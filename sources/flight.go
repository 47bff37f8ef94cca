package sources

import (
	"context"
	"slices"
)

// flightResult is what one shared resolution returns to every caller.
type flightResult struct {
	src *Source
	obs LinkObservation
	err error
}

// shareFlight runs resolve once for all the callers that ask for the same
// key at the same time (articles of a batch citing one URL), so that a
// source is fetched once, not once per article. The work runs under the
// first caller's context; a caller whose own context ends stops waiting.
// Each caller gets its own copy of the Source, free to change it.
func (r *Resolver) shareFlight(ctx context.Context, kind, target string, resolve func() flightResult) flightResult {
	ch := r.flight.DoChan(kind+" "+target, func() (any, error) {
		return resolve(), nil
	})
	select {
	case res := <-ch:
		fr := res.Val.(flightResult)
		if res.Shared {
			fr.src = fr.src.clone()
		}
		return fr
	case <-ctx.Done():
		s := r.failed(target, ctx.Err())
		if kind == "doi" {
			s.URL, s.DOI = "", target
		}
		return flightResult{src: s, err: ctx.Err()}
	}
}

// clone returns a copy of s that shares no slice with it.
func (s *Source) clone() *Source {
	if s == nil {
		return nil
	}
	c := *s
	c.Authors = slices.Clone(s.Authors)
	c.Updates = slices.Clone(s.Updates)
	c.Notes = slices.Clone(s.Notes)
	return &c
}
