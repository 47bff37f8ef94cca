package sources

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testClock is a clock tests move by hand; safe for concurrent use.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

// newTestClock returns a clock showing t.
func newTestClock(t time.Time) *testClock { return &testClock{t: t} }

// Now returns the clock's time.
func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock forward by d.
func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// cacheT0 is the time the cache tests start at.
var cacheT0 = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)

// newCacheFunc makes an empty cache on the given clock for one test.
type newCacheFunc func(t *testing.T, clock *testClock) Cache

// TestMemoryCache runs the Cache contract tests on MemoryCache.
func TestMemoryCache(t *testing.T) {
	testCacheContract(t, func(_ *testing.T, clock *testClock) Cache {
		return NewMemoryCache(WithCacheClock(clock.Now))
	})
}

// TestMemoryCacheZero checks that the zero MemoryCache works.
func TestMemoryCacheZero(t *testing.T) {
	var c MemoryCache
	ctx := t.Context()
	require.NoError(t, c.PutSource(ctx, SourceRecord{Key: "k", ExpiresAt: time.Now().Add(time.Hour)}))
	require.NoError(t, c.PutRobots(ctx, RobotsRecord{Origin: "https://example.com"}))
	require.NoError(t, c.AddObservation(ctx, LinkObservation{URL: "u", Outcome: OutcomeOK}))
	rec, ok, err := c.GetSource(ctx, "k")
	require.NoError(t, err)
	require.True(t, ok)
	assert.False(t, rec.Stale)
	robots, ok, err := c.GetRobots(ctx, "https://example.com")
	require.NoError(t, err)
	require.True(t, ok)
	assert.True(t, robots.Stale)
	obs, err := c.Observations(ctx, "u")
	require.NoError(t, err)
	require.Len(t, obs, 1)
	assert.False(t, obs[0].At.IsZero())
}

// testCacheContract checks what every Cache must do.
func testCacheContract(t *testing.T, newCache newCacheFunc) {
	ctx := context.Background()

	t.Run("source round trip and replace", func(t *testing.T) {
		clock := newTestClock(cacheT0)
		c := newCache(t, clock)
		_, ok, err := c.GetSource(ctx, "https://example.com/a")
		require.NoError(t, err)
		assert.False(t, ok)

		want := SourceRecord{
			Key:         "https://example.com/a",
			Status:      "ok",
			FinalURL:    "https://www.example.com/a",
			Title:       "A title — with “quotes”",
			Authors:     []string{"Ada Lovelace", "Charles Babbage"},
			Published:   "2024-03-05",
			Publisher:   "Example News",
			DOI:         "10.1000/xyz",
			ArchivedURL: "https://web.archive.org/web/2024/https://example.com/a",
			CheckedAt:   cacheT0,
			ExpiresAt:   cacheT0.Add(24 * time.Hour),
			Raw:         []byte(`{"title":"A title"}`),
		}
		require.NoError(t, c.PutSource(ctx, want))
		got, ok, err := c.GetSource(ctx, want.Key)
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, want, got)

		// The cache keeps its own copies.
		want.Authors[0] = "changed"
		got.Raw[0] = 'X'
		again, _, err := c.GetSource(ctx, want.Key)
		require.NoError(t, err)
		assert.Equal(t, "Ada Lovelace", again.Authors[0])
		assert.Equal(t, byte('{'), again.Raw[0])

		replaced := SourceRecord{Key: want.Key, Status: "unreachable", CheckedAt: cacheT0.Add(time.Hour),
			ExpiresAt: cacheT0.Add(2 * time.Hour)}
		require.NoError(t, c.PutSource(ctx, replaced))
		got, ok, err = c.GetSource(ctx, want.Key)
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, "unreachable", got.Status)
		assert.Empty(t, got.Authors)
		assert.Empty(t, got.Raw)
		assert.Empty(t, got.Title)
	})

	t.Run("source goes stale", func(t *testing.T) {
		clock := newTestClock(cacheT0)
		c := newCache(t, clock)
		require.NoError(t, c.PutSource(ctx, SourceRecord{Key: "doi:10.1000/xyz", Status: "ok",
			CheckedAt: cacheT0, ExpiresAt: cacheT0.Add(time.Hour)}))
		require.NoError(t, c.PutSource(ctx, SourceRecord{Key: "no-ttl", Status: "ok", CheckedAt: cacheT0}))

		got, ok, err := c.GetSource(ctx, "doi:10.1000/xyz")
		require.NoError(t, err)
		require.True(t, ok)
		assert.False(t, got.Stale, "fresh before ExpiresAt")

		clock.Advance(59 * time.Minute)
		got, _, err = c.GetSource(ctx, "doi:10.1000/xyz")
		require.NoError(t, err)
		assert.False(t, got.Stale, "fresh a minute before ExpiresAt")

		clock.Advance(time.Minute)
		got, ok, err = c.GetSource(ctx, "doi:10.1000/xyz")
		require.NoError(t, err)
		require.True(t, ok, "stale records are still returned")
		assert.True(t, got.Stale, "stale at ExpiresAt")
		assert.Equal(t, "ok", got.Status)

		got, ok, err = c.GetSource(ctx, "no-ttl")
		require.NoError(t, err)
		require.True(t, ok)
		assert.True(t, got.Stale, "a zero ExpiresAt is stale at once")

		// Putting a record marked stale does not store the mark.
		require.NoError(t, c.PutSource(ctx, SourceRecord{Key: "k", Stale: true, ExpiresAt: clock.Now().Add(time.Hour)}))
		got, _, err = c.GetSource(ctx, "k")
		require.NoError(t, err)
		assert.False(t, got.Stale)
	})

	t.Run("robots round trip and stale", func(t *testing.T) {
		clock := newTestClock(cacheT0)
		c := newCache(t, clock)
		_, ok, err := c.GetRobots(ctx, "https://example.com")
		require.NoError(t, err)
		assert.False(t, ok)

		want := RobotsRecord{Origin: "https://example.com", Status: 200,
			Body:      []byte("User-agent: *\nDisallow: /private\n"),
			FetchedAt: cacheT0, ExpiresAt: cacheT0.Add(24 * time.Hour)}
		require.NoError(t, c.PutRobots(ctx, want))
		got, ok, err := c.GetRobots(ctx, want.Origin)
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, want, got)

		failed := RobotsRecord{Origin: "https://down.example", Status: 503, FetchedAt: cacheT0,
			ExpiresAt: cacheT0.Add(time.Minute)}
		require.NoError(t, c.PutRobots(ctx, failed))
		clock.Advance(time.Minute)
		got, ok, err = c.GetRobots(ctx, failed.Origin)
		require.NoError(t, err)
		require.True(t, ok)
		assert.True(t, got.Stale)
		assert.Equal(t, 503, got.Status)
		assert.Empty(t, got.Body)
		got, _, err = c.GetRobots(ctx, want.Origin)
		require.NoError(t, err)
		assert.False(t, got.Stale)
	})

	t.Run("observations ordered by time", func(t *testing.T) {
		clock := newTestClock(cacheT0)
		c := newCache(t, clock)
		const u = "https://example.com/gone"
		got, err := c.Observations(ctx, u)
		require.NoError(t, err)
		assert.Empty(t, got)

		day := 24 * time.Hour
		added := []LinkObservation{
			{URL: u, At: cacheT0.Add(2 * day), Outcome: OutcomeFailed, Status: 404, Detail: "third"},
			{URL: u, At: cacheT0, Outcome: OutcomeOK, Status: 200, Detail: "first"},
			{URL: u, At: cacheT0.Add(day), Outcome: OutcomeUnreachable, Status: 503, Detail: "second"},
			{URL: u, At: cacheT0.Add(day), Outcome: OutcomeFailed, Status: 410, Detail: "second, added later"},
			{URL: "https://example.com/other", At: cacheT0, Outcome: OutcomeOK, Status: 200},
		}
		for _, o := range added {
			require.NoError(t, c.AddObservation(ctx, o))
		}
		got, err = c.Observations(ctx, u)
		require.NoError(t, err)
		want := []LinkObservation{added[1], added[2], added[3], added[0]}
		assert.Equal(t, want, got)

		// A zero At is the cache's clock.
		clock.Advance(3 * day)
		require.NoError(t, c.AddObservation(ctx, LinkObservation{URL: u, Outcome: OutcomeFailed, Status: 404}))
		got, err = c.Observations(ctx, u)
		require.NoError(t, err)
		require.Len(t, got, 5)
		assert.True(t, clock.Now().Equal(got[4].At), "zero At becomes now: %v", got[4].At)
	})

	t.Run("invalid records", func(t *testing.T) {
		c := newCache(t, newTestClock(cacheT0))
		assert.ErrorIs(t, c.PutSource(ctx, SourceRecord{Status: "ok"}), ErrInvalidRecord)
		assert.ErrorIs(t, c.PutRobots(ctx, RobotsRecord{Status: 200}), ErrInvalidRecord)
		assert.ErrorIs(t, c.AddObservation(ctx, LinkObservation{Outcome: OutcomeOK, At: cacheT0}), ErrInvalidRecord)
		assert.ErrorIs(t, c.AddObservation(ctx, LinkObservation{URL: "https://example.com/", Outcome: "gone", At: cacheT0}), ErrInvalidRecord)
		got, err := c.Observations(ctx, "https://example.com/")
		require.NoError(t, err)
		assert.Empty(t, got, "nothing stored")
	})

	t.Run("cancelled context", func(t *testing.T) {
		c := newCache(t, newTestClock(cacheT0))
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		_, _, err := c.GetSource(cctx, "k")
		assert.ErrorIs(t, err, context.Canceled)
		assert.ErrorIs(t, c.PutSource(cctx, SourceRecord{Key: "k"}), context.Canceled)
		_, _, err = c.GetRobots(cctx, "https://example.com")
		assert.ErrorIs(t, err, context.Canceled)
		assert.ErrorIs(t, c.PutRobots(cctx, RobotsRecord{Origin: "https://example.com"}), context.Canceled)
		assert.ErrorIs(t, c.AddObservation(cctx, LinkObservation{URL: "u", Outcome: OutcomeOK}), context.Canceled)
		_, err = c.Observations(cctx, "u")
		assert.ErrorIs(t, err, context.Canceled)
		_, ok, err := c.GetSource(ctx, "k")
		require.NoError(t, err)
		assert.False(t, ok, "nothing stored under a cancelled context")
	})

	t.Run("observations capped", func(t *testing.T) {
		if testing.Short() {
			t.Skip("slow with SQLite under -short")
		}
		c := newCache(t, newTestClock(cacheT0))
		const u = "https://example.com/often"
		for i := range MaxObservations + 5 {
			require.NoError(t, c.AddObservation(ctx, LinkObservation{URL: u, At: cacheT0.Add(time.Duration(i) * time.Minute),
				Outcome: OutcomeOK, Status: i}))
		}
		got, err := c.Observations(ctx, u)
		require.NoError(t, err)
		require.Len(t, got, MaxObservations)
		assert.Equal(t, 5, got[0].Status, "the oldest are dropped")
		assert.Equal(t, MaxObservations+4, got[len(got)-1].Status)
	})
}
