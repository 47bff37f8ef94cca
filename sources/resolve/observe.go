package resolve

import (
	"context"
	"errors"
	"fmt"
)

// ObserveURL is ResolveURL that also says what the fetch found about the
// link, as one LinkObservation for a Cache: its Outcome is ClassifyOutcome
// of the final answer (the body included, so that a 200 page saying "not
// found" counts as a failure), and its Detail says why in a few words.
//
// A soft 404 also gives the Source StatusNotFound, with the reason in its
// Notes. When the fetch says nothing about the link (an invalid or
// refused URL, a cancelled context, an unsupported content type), the
// observation's Outcome is empty and it should not be stored.
//
// As with ResolveURL, the Source is never nil and a failed fetch returns
// its error too. The observation's URL is rawURL; the caller may replace it
// with its normalised key.
func (r *Fetcher) ObserveURL(ctx context.Context, rawURL string) (*Source, LinkObservation, error) {
	fr := r.shareFlight(ctx, "url", rawURL, func(ctx context.Context) flightResult {
		s, obs, err := r.observeURL(ctx, rawURL)
		return flightResult{s, obs, err}
	})
	return fr.src, fr.obs, fr.err
}

// observeURL is ObserveURL for one caller.
func (r *Fetcher) observeURL(ctx context.Context, rawURL string) (*Source, LinkObservation, error) {
	page, err := r.Fetch(ctx, rawURL)
	if err != nil {
		s := r.failed(rawURL, err)
		return s, observeError(rawURL, s, err), fmt.Errorf("resolve url: %w", err)
	}
	s := sourceOfPage(ctx, rawURL, page)
	var body []byte
	if isHTMLType(page.ContentType) {
		body = page.Body
	}
	outcome, why := classifyOutcome(page.StatusCode, page.FinalURL, rawURL, body)
	if outcome == OutcomeFailed {
		s.Status = StatusNotFound
		s.note("%s", why)
	}
	return s, LinkObservation{URL: rawURL, At: s.CheckedAt, Outcome: outcome, Status: page.StatusCode, Detail: why}, nil
}

// observeError turns a failed fetch into an observation; the Outcome is
// empty when the failure says nothing about the link.
func observeError(rawURL string, s *Source, err error) LinkObservation {
	obs := LinkObservation{URL: rawURL, At: s.CheckedAt, Status: s.HTTPStatus}
	var he *HTTPError
	switch {
	case errors.As(err, &he):
		obs.Outcome, obs.Detail = classifyOutcome(he.StatusCode, he.URL, rawURL, nil)
		if he.RetryAfter > 0 {
			obs.Detail = "retry after " + he.RetryAfter.String()
		}
	case s.Status == StatusNotFound:
		obs.Outcome, obs.Detail = OutcomeFailed, "host not found"
	case s.Status == StatusUnreachable:
		obs.Outcome = OutcomeUnreachable
		switch {
		case errors.Is(err, ErrRobotsDisallowed):
			obs.Detail = "disallowed by robots.txt"
		case errors.Is(err, ErrRobotsUnavailable):
			obs.Detail = "robots.txt unavailable"
		case errors.Is(err, ErrBackoff):
			obs.Detail = "site asked to retry later"
		case errors.Is(err, context.DeadlineExceeded):
			obs.Detail = "timeout"
		default:
			obs.Detail = "network error"
		}
	}
	if obs.Status == 0 && he != nil {
		obs.Status = he.StatusCode
	}
	return obs
}
