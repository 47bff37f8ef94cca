package resolve_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources/resolve"
)

func TestNewNeedsSomethingToAnswerFrom(t *testing.T) {
	fetcher, err := resolve.NewFetcher()
	require.NoError(t, err)
	tests := []struct {
		name string
		cfg  resolve.Config
		err  error
	}{
		{"nothing", resolve.Config{}, resolve.ErrNoSource},
		{"offline without a cache", resolve.Config{Fetcher: fetcher, Offline: true}, resolve.ErrNoSource},
		{"a fetcher", resolve.Config{Fetcher: fetcher}, nil},
		{"a cache, offline", resolve.Config{Cache: resolve.NewMemoryCache(), Offline: true}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := resolve.New(tt.cfg)
			if tt.err != nil {
				assert.ErrorIs(t, err, tt.err)
				assert.Nil(t, r)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.cfg.Offline || tt.cfg.Fetcher == nil, r.Offline())
		})
	}
}

// TestResolveAllSharesAndBounds resolves, offline, targets of which two
// name one source and one is past the bound on distinct sources.
func TestResolveAllSharesAndBounds(t *testing.T) {
	ctx := context.Background()
	cache := resolve.NewMemoryCache()
	now := time.Now()
	for _, key := range []string{"example.org/a", "example.org/b", "example.org/c"} {
		require.NoError(t, cache.PutSource(ctx, resolve.CachedSource{Key: key, ExpiresAt: now.Add(time.Hour),
			Source: resolve.Source{Status: resolve.StatusOK, Title: key, CheckedAt: now}}))
	}
	r, err := resolve.New(resolve.Config{Cache: cache, Offline: true, MaxTargets: 2})
	require.NoError(t, err)
	var targets []resolve.Target
	for _, u := range []string{"https://example.org/a", "http://www.example.org/a/", "https://example.org/b", "https://example.org/c"} {
		tg, ok := resolve.URLTarget(u)
		require.True(t, ok, u)
		targets = append(targets, tg)
	}
	var progress []int
	got, err := r.ResolveAll(ctx, targets, func(done, total int) {
		assert.Equal(t, 2, total, "two distinct sources within the bound")
		progress = append(progress, done)
	})
	require.NoError(t, err)
	require.Len(t, got, 4)
	require.NotNil(t, got[0])
	assert.Same(t, got[0], got[1], "one source, one resolution")
	assert.Equal(t, "example.org/b", got[2].Source.Title)
	assert.Nil(t, got[3], "past MaxTargets")
	assert.Equal(t, []int{1, 2}, progress)

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	_, err = r.ResolveAll(cctx, targets, nil)
	assert.ErrorIs(t, err, context.Canceled)
}
