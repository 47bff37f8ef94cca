package resolve

import (
	"context"
	"slices"
	"sync"
	"time"
)

// flightResult is what one shared resolution returns to every caller.
type flightResult struct {
	src *Source
	obs LinkObservation
	err error
}

// flight is one resolution in progress, shared by every caller asking for
// its key meanwhile.
type flight struct {
	done    chan struct{} // closed when res is set
	res     flightResult
	waiters int                // callers still waiting; guarded by flights.mu
	cancel  context.CancelFunc // ends the resolution's own context
}

// flights runs one resolution per key at a time for all the callers that
// ask for it (articles of a batch citing one URL), so that a source is
// fetched once, not once per article.
//
// The resolution runs under a context of its own, not under any caller's:
// it keeps the first caller's values but not its cancellation, and is
// bounded by the longest a resolution may take. A caller whose context ends
// stops waiting and gets its own cancellation; the others still get the
// source. Only when every caller has stopped waiting is the resolution
// cancelled, since no one would read its result.
type flights struct {
	mu sync.Mutex
	m  map[string]*flight
}

// do runs resolve for key, or waits for the run already in progress. The
// result's Source is the caller's own copy, free to change.
func (fs *flights) do(ctx context.Context, key string, bound time.Duration, resolve func(context.Context) flightResult) (flightResult, bool) {
	fs.mu.Lock()
	if fs.m == nil {
		fs.m = make(map[string]*flight)
	}
	f, shared := fs.m[key]
	if !shared {
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), bound)
		f = &flight{done: make(chan struct{}), cancel: cancel}
		fs.m[key] = f
		go func() {
			res := resolve(fctx)
			cancel()
			fs.mu.Lock()
			f.res = res
			if fs.m[key] == f {
				delete(fs.m, key)
			}
			fs.mu.Unlock()
			close(f.done)
		}()
	}
	f.waiters++
	fs.mu.Unlock()

	select {
	case <-f.done:
		fs.mu.Lock()
		f.waiters--
		fs.mu.Unlock()
		res := f.res
		res.src = res.src.clone() // the callers share f.res
		return res, true
	case <-ctx.Done():
		fs.mu.Lock()
		f.waiters--
		if f.waiters == 0 { // no one will read it; a later caller starts afresh
			f.cancel()
			if fs.m[key] == f {
				delete(fs.m, key)
			}
		}
		fs.mu.Unlock()
		return flightResult{}, false
	}
}

// waiting counts the callers waiting on a flight, for tests.
func (fs *flights) waiting() int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	n := 0
	for _, f := range fs.m {
		n += f.waiters
	}
	return n
}

// flightBound is the longest one shared resolution may run: a DOI takes up
// to three requests (the handle API, content negotiation, Crossref), each
// of which may wait for its domain's turn and then take the network time
// of a fetch, robots.txt included.
func (r *Fetcher) flightBound() time.Duration {
	return 3 * (2*r.timeout + r.maxWait)
}

// shareFlight runs resolve once for all the callers asking for the same
// kind and target at the same time (see flights). A caller whose context
// ends gets a failed Source carrying its context's error.
func (r *Fetcher) shareFlight(ctx context.Context, kind, target string, resolve func(context.Context) flightResult) flightResult {
	if err := ctx.Err(); err == nil {
		if res, ok := r.flight.do(ctx, kind+" "+target, r.flightBound(), resolve); ok {
			return res
		}
	}
	s := r.failed(target, ctx.Err())
	if kind == "doi" {
		s.URL, s.DOI = "", target
	}
	return flightResult{src: s, err: ctx.Err()}
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
