package sources

import (
	"context"
	"net/http"
	"runtime"
	"strings"
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
	r := newLoopbackResolver(t)

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
	require.Eventually(t, func() bool { return waitingInFlight() == callers }, 10*time.Second, time.Millisecond)
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
	r := newLoopbackResolver(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s, err := r.ResolveDOI(ctx, "10.5555/cancelled")
	require.ErrorIs(t, err, context.Canceled)
	require.NotNil(t, s)
	assert.Equal(t, StatusFor(context.Canceled), s.Status)
}

// waitingInFlight counts the goroutines blocked in shareFlight's select,
// from a dump of every goroutine's stack.
func waitingInFlight() int {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	n := 0
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, "[select") && strings.Contains(g, "(*Resolver).shareFlight(") {
			n++
		}
	}
	return n
}
