// Package cachetest holds the tests every implementation of resolve.Cache
// must pass. An implementation's test calls Run with a function that makes
// an empty cache on a clock the tests move:
//
//	func TestCache(t *testing.T) {
//		cachetest.Run(t, func(t *testing.T, clock *cachetest.Clock) resolve.Cache {
//			return resolve.NewMemoryCache(resolve.WithCacheClock(clock.Now))
//		})
//	}
package cachetest

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources/resolve"
)

// Clock is a clock the tests move by hand; safe for concurrent use.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock showing t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// T0 is the time the tests start their clocks at.
var T0 = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)

// NewCache makes an empty cache on the given clock for one test.
type NewCache func(t *testing.T, clock *Clock) resolve.Cache

// Run checks what every Cache must do, each behaviour in a subtest of t.
func Run(t *testing.T, newCache NewCache) {
	ctx := context.Background()

	t.Run("source round trip and replace", func(t *testing.T) {
		clock := NewClock(T0)
		c := newCache(t, clock)
		_, ok, err := c.GetSource(ctx, "example.com/a")
		require.NoError(t, err)
		assert.False(t, ok)

		want := resolve.CachedSource{
			Key: "example.com/a",
			Source: resolve.Source{
				Status:         resolve.StatusOK,
				URL:            "https://example.com/a",
				FinalURL:       "https://www.example.com/a",
				HTTPStatus:     200,
				Title:          "A title — with “quotes”",
				Authors:        []string{"Ada Lovelace", "Charles Babbage"},
				Published:      "2024-03-05",
				Publisher:      "Example News",
				DOI:            "10.1000/xyz",
				Language:       "en",
				ArchivedURL:    "https://web.archive.org/web/2024/https://example.com/a",
				CheckedAt:      T0,
				Updates:        []resolve.Update{{Type: "retraction", DOI: "10.1000/notice", Source: "publisher"}},
				UpdatesChecked: true,
				Notes:          []string{"a note"},
			},
			ExpiresAt: T0.Add(24 * time.Hour),
		}
		require.NoError(t, c.PutSource(ctx, want))
		got, ok, err := c.GetSource(ctx, want.Key)
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, want, got)

		// The cache keeps its own copies.
		want.Source.Authors[0] = "changed"
		got.Source.Notes[0] = "changed"
		again, _, err := c.GetSource(ctx, want.Key)
		require.NoError(t, err)
		assert.Equal(t, "Ada Lovelace", again.Source.Authors[0])
		assert.Equal(t, "a note", again.Source.Notes[0])

		replaced := resolve.CachedSource{Key: want.Key, Source: resolve.Source{Status: resolve.StatusUnreachable,
			CheckedAt: T0.Add(time.Hour)}, ExpiresAt: T0.Add(2 * time.Hour)}
		require.NoError(t, c.PutSource(ctx, replaced))
		got, ok, err = c.GetSource(ctx, want.Key)
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, resolve.StatusUnreachable, got.Source.Status)
		assert.Empty(t, got.Source.Authors)
		assert.Empty(t, got.Source.Title)
	})

	t.Run("text is kept, bounded", func(t *testing.T) {
		c := newCache(t, NewClock(T0))
		long := strings.Repeat("é", resolve.MaxSourceText/2) + "tail"
		for key, text := range map[string]string{"k": "what the page says", "none": "", "long": long} {
			require.NoError(t, c.PutSource(ctx, resolve.CachedSource{Key: key,
				Source: resolve.Source{Status: resolve.StatusOK, Text: text}, ExpiresAt: T0.Add(time.Hour)}))
		}
		got, ok, err := c.GetSource(ctx, "k")
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, "what the page says", got.Source.Text)
		got, ok, err = c.GetSource(ctx, "none")
		require.NoError(t, err)
		require.True(t, ok)
		assert.Empty(t, got.Source.Text)
		got, ok, err = c.GetSource(ctx, "long")
		require.NoError(t, err)
		require.True(t, ok)
		assert.LessOrEqual(t, len(got.Source.Text), resolve.MaxSourceText)
		assert.True(t, strings.HasPrefix(long, got.Source.Text))
		assert.True(t, utf8.ValidString(got.Source.Text))
		assert.Greater(t, len(got.Source.Text), resolve.MaxSourceText-4)
	})

	t.Run("source goes stale", func(t *testing.T) {
		clock := NewClock(T0)
		c := newCache(t, clock)
		ok := resolve.Source{Status: resolve.StatusOK, CheckedAt: T0}
		require.NoError(t, c.PutSource(ctx, resolve.CachedSource{Key: "doi:10.1000/xyz", Source: ok, ExpiresAt: T0.Add(time.Hour)}))
		require.NoError(t, c.PutSource(ctx, resolve.CachedSource{Key: "no-ttl", Source: ok}))

		got, found, err := c.GetSource(ctx, "doi:10.1000/xyz")
		require.NoError(t, err)
		require.True(t, found)
		assert.False(t, got.Stale, "fresh before ExpiresAt")

		clock.Advance(59 * time.Minute)
		got, _, err = c.GetSource(ctx, "doi:10.1000/xyz")
		require.NoError(t, err)
		assert.False(t, got.Stale, "fresh a minute before ExpiresAt")

		clock.Advance(time.Minute)
		got, found, err = c.GetSource(ctx, "doi:10.1000/xyz")
		require.NoError(t, err)
		require.True(t, found, "stale records are still returned")
		assert.True(t, got.Stale, "stale at ExpiresAt")
		assert.Equal(t, resolve.StatusOK, got.Source.Status)

		got, found, err = c.GetSource(ctx, "no-ttl")
		require.NoError(t, err)
		require.True(t, found)
		assert.True(t, got.Stale, "a zero ExpiresAt is stale at once")

		// Putting a record marked stale does not store the mark.
		require.NoError(t, c.PutSource(ctx, resolve.CachedSource{Key: "k", Source: ok, Stale: true, ExpiresAt: clock.Now().Add(time.Hour)}))
		got, _, err = c.GetSource(ctx, "k")
		require.NoError(t, err)
		assert.False(t, got.Stale)
	})

	t.Run("observations ordered by time", func(t *testing.T) {
		clock := NewClock(T0)
		c := newCache(t, clock)
		const u = "https://example.com/gone"
		got, err := c.Observations(ctx, u)
		require.NoError(t, err)
		assert.Empty(t, got)

		day := 24 * time.Hour
		added := []resolve.LinkObservation{
			{URL: u, At: T0.Add(2 * day), Outcome: resolve.OutcomeFailed, Status: 404, Detail: "third"},
			{URL: u, At: T0, Outcome: resolve.OutcomeOK, Status: 200, Detail: "first"},
			{URL: u, At: T0.Add(day), Outcome: resolve.OutcomeUnreachable, Status: 503, Detail: "second"},
			{URL: u, At: T0.Add(day), Outcome: resolve.OutcomeFailed, Status: 410, Detail: "second, added later"},
			{URL: "https://example.com/other", At: T0, Outcome: resolve.OutcomeOK, Status: 200},
		}
		for _, o := range added {
			require.NoError(t, c.AddObservation(ctx, o))
		}
		got, err = c.Observations(ctx, u)
		require.NoError(t, err)
		want := []resolve.LinkObservation{added[1], added[2], added[3], added[0]}
		assert.Equal(t, want, got)

		// A zero At is the cache's clock.
		clock.Advance(3 * day)
		require.NoError(t, c.AddObservation(ctx, resolve.LinkObservation{URL: u, Outcome: resolve.OutcomeFailed, Status: 404}))
		got, err = c.Observations(ctx, u)
		require.NoError(t, err)
		require.Len(t, got, 5)
		assert.True(t, clock.Now().Equal(got[4].At), "zero At becomes now: %v", got[4].At)
	})

	t.Run("invalid records", func(t *testing.T) {
		c := newCache(t, NewClock(T0))
		assert.ErrorIs(t, c.PutSource(ctx, resolve.CachedSource{Source: resolve.Source{Status: resolve.StatusOK}}), resolve.ErrInvalidRecord)
		assert.ErrorIs(t, c.AddObservation(ctx, resolve.LinkObservation{Outcome: resolve.OutcomeOK, At: T0}), resolve.ErrInvalidRecord)
		assert.ErrorIs(t, c.AddObservation(ctx, resolve.LinkObservation{URL: "https://example.com/", Outcome: "gone", At: T0}), resolve.ErrInvalidRecord)
		got, err := c.Observations(ctx, "https://example.com/")
		require.NoError(t, err)
		assert.Empty(t, got, "nothing stored")
	})

	t.Run("cancelled context", func(t *testing.T) {
		c := newCache(t, NewClock(T0))
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		_, _, err := c.GetSource(cctx, "k")
		assert.ErrorIs(t, err, context.Canceled)
		assert.ErrorIs(t, c.PutSource(cctx, resolve.CachedSource{Key: "k"}), context.Canceled)
		assert.ErrorIs(t, c.AddObservation(cctx, resolve.LinkObservation{URL: "u", Outcome: resolve.OutcomeOK}), context.Canceled)
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
		c := newCache(t, NewClock(T0))
		const u = "https://example.com/often"
		for i := range resolve.MaxObservations + 5 {
			require.NoError(t, c.AddObservation(ctx, resolve.LinkObservation{URL: u, At: T0.Add(time.Duration(i) * time.Minute),
				Outcome: resolve.OutcomeOK, Status: i}))
		}
		got, err := c.Observations(ctx, u)
		require.NoError(t, err)
		require.Len(t, got, resolve.MaxObservations)
		assert.Equal(t, 5, got[0].Status, "the oldest are dropped")
		assert.Equal(t, resolve.MaxObservations+4, got[len(got)-1].Status)
	})
}
