package resolve_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources/resolve"
	"github.com/citecheck/citecheck/sources/resolve/cachetest"
)

// TestMemoryCache runs the Cache contract tests on MemoryCache.
func TestMemoryCache(t *testing.T) {
	cachetest.Run(t, func(_ *testing.T, clock *cachetest.Clock) resolve.Cache {
		return resolve.NewMemoryCache(resolve.WithCacheClock(clock.Now))
	})
}

// TestMemoryCacheZero checks that the zero MemoryCache works.
func TestMemoryCacheZero(t *testing.T) {
	var c resolve.MemoryCache
	ctx := t.Context()
	require.NoError(t, c.PutSource(ctx, resolve.CachedSource{Key: "k", ExpiresAt: time.Now().Add(time.Hour)}))
	require.NoError(t, c.AddObservation(ctx, resolve.LinkObservation{URL: "u", Outcome: resolve.OutcomeOK}))
	cs, ok, err := c.GetSource(ctx, "k")
	require.NoError(t, err)
	require.True(t, ok)
	assert.False(t, cs.Stale)
	obs, err := c.Observations(ctx, "u")
	require.NoError(t, err)
	require.Len(t, obs, 1)
	assert.False(t, obs[0].At.IsZero())
}
