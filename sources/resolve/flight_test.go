package resolve

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConcurrentCallersShareOneFetch(t *testing.T) {
	var pages atomic.Int64
	release := make(chan struct{})
	srv := newTestServer(t, http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(rw, r)
			return
		}
		pages.Add(1)
		<-release // hold the first fetch until every caller is waiting
		rw.Header().Set("Content-Type", "text/html")
		_, _ = rw.Write([]byte(`<html><head><title>Shared page</title></head><body><p>x</p></body></html>`))
	}))
	r := newLoopbackFetcher(t)

	const callers = 8
	var wg sync.WaitGroup
	got := make([]*Source, callers)
	for i := range callers {
		wg.Go(func() {
			s, obs, err := r.ObserveURL(context.Background(), srv.URL+"/story")
			assert.NoError(t, err)
			assert.Equal(t, OutcomeOK, obs.Outcome)
			got[i] = s
		})
	}
	require.Eventually(t, func() bool { return pages.Load() == 1 }, 10*time.Second, time.Millisecond)
	// Release the page only once every caller waits on the flight: one
	// still on its way in would rightly start a second fetch.
	require.Eventually(t, func() bool { return r.flight.waiting() == callers }, 10*time.Second, time.Millisecond)
	close(release)
	wg.Wait()
	assert.Equal(t, int64(1), pages.Load(), "one fetch for all the callers")
	for _, s := range got {
		require.NotNil(t, s)
		assert.Equal(t, "Shared page", s.Title)
	}
	got[0].Notes = append(got[0].Notes, "mine")
	got[0].Title = "changed"
	assert.Equal(t, "Shared page", got[1].Title, "each caller has its own copy")
	assert.Empty(t, got[1].Notes)
}

func TestSharedFetchCallerCancelled(t *testing.T) {
	r := newLoopbackFetcher(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s, err := r.ResolveDOI(ctx, "10.5555/cancelled")
	require.ErrorIs(t, err, context.Canceled)
	require.NotNil(t, s)
	assert.Equal(t, StatusFor(context.Canceled), s.Status)
}

// TestSharedFetchFirstCallerCancels has the caller that started a shared
// fetch give up while a second caller waits on it: the second still gets
// the page, since the fetch runs under its own context, not the first
// caller's.
func TestSharedFetchFirstCallerCancels(t *testing.T) {
	var pages atomic.Int64
	release := make(chan struct{})
	srv := newTestServer(t, http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(rw, r)
			return
		}
		pages.Add(1)
		<-release
		rw.Header().Set("Content-Type", "text/html")
		_, _ = rw.Write([]byte(`<html><head><title>Still here</title></head><body><p>The page.</p></body></html>`))
	}))
	r := newLoopbackFetcher(t)

	firstCtx, cancelFirst := context.WithCancel(context.Background())
	first := make(chan error, 1)
	go func() {
		_, _, err := r.ObserveURL(firstCtx, srv.URL+"/story")
		first <- err
	}()
	require.Eventually(t, func() bool { return pages.Load() == 1 }, 10*time.Second, time.Millisecond)

	type result struct {
		src *Source
		err error
	}
	second := make(chan result, 1)
	go func() {
		s, _, err := r.ObserveURL(context.Background(), srv.URL+"/story")
		second <- result{s, err}
	}()
	require.Eventually(t, func() bool { return r.flight.waiting() == 2 }, 10*time.Second, time.Millisecond)

	cancelFirst()
	assert.ErrorIs(t, <-first, context.Canceled, "the first caller gets its own cancellation")
	close(release)
	got := <-second
	require.NoError(t, got.err)
	assert.Equal(t, StatusOK, got.src.Status)
	assert.Equal(t, "Still here", got.src.Title)
	assert.Equal(t, "The page.", got.src.Text)
	assert.Equal(t, int64(1), pages.Load(), "one fetch for both callers")
}

// TestSharedFetchAbandoned has every caller give up: the fetch is
// cancelled, and a later caller starts a fetch of its own rather than join
// the cancelled one.
func TestSharedFetchAbandoned(t *testing.T) {
	var pages atomic.Int64
	srv := newTestServer(t, http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(rw, r)
			return
		}
		if pages.Add(1) == 1 {
			<-r.Context().Done() // the first fetch hangs until it is cancelled
			return
		}
		rw.Header().Set("Content-Type", "text/html")
		_, _ = rw.Write([]byte(`<html><head><title>Second try</title></head><body><p>x</p></body></html>`))
	}))
	r := newLoopbackFetcher(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _, err := r.ObserveURL(ctx, srv.URL+"/story")
		assert.ErrorIs(t, err, context.Canceled)
	}()
	require.Eventually(t, func() bool { return pages.Load() == 1 }, 10*time.Second, time.Millisecond)
	cancel()
	<-done
	s, _, err := r.ObserveURL(context.Background(), srv.URL+"/story")
	require.NoError(t, err)
	assert.Equal(t, "Second try", s.Title)
}
