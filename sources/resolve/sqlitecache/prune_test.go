package sqlitecache

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources/resolve"
)

func TestCachePrune(t *testing.T) {
	day := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	c, err := New(t.Context(), openSQLiteFile(t, filepath.Join(t.TempDir(), "c.db")),
		resolve.WithCacheClock(func() time.Time { return day }))
	require.NoError(t, err)
	ctx := t.Context()
	const old = "old.example/a"
	for i, at := range []time.Time{day.AddDate(0, 0, -400), day.AddDate(0, 0, -10), day} {
		key := []string{old, "recent.example/b", "today.example/c"}[i]
		require.NoError(t, c.PutSource(ctx, resolve.CachedSource{Key: key,
			Source: resolve.Source{Status: resolve.StatusOK, CheckedAt: at}, ExpiresAt: at.Add(time.Hour)}))
		require.NoError(t, c.AddObservation(ctx, resolve.LinkObservation{URL: key, At: at, Outcome: resolve.OutcomeFailed, Status: 404}))
		require.NoError(t, c.AddObservation(ctx, resolve.LinkObservation{URL: old, At: at, Outcome: resolve.OutcomeFailed, Status: 404}))
	}

	p, err := c.Prune(ctx, day.AddDate(-1, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, Pruned{Sources: 1, Observations: 2}, p)

	_, ok, err := c.GetSource(ctx, old)
	require.NoError(t, err)
	assert.False(t, ok, "the source checked 400 days ago is gone")
	_, ok, err = c.GetSource(ctx, "recent.example/b")
	require.NoError(t, err)
	assert.True(t, ok)
	obs, err := c.Observations(ctx, old)
	require.NoError(t, err)
	require.Len(t, obs, 2, "the two recent observations of the old URL stay")
	for _, o := range obs {
		assert.True(t, o.At.After(day.AddDate(-1, 0, 0)))
	}

	p, err = c.Prune(ctx, day.AddDate(-1, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, Pruned{}, p, "pruning again removes nothing")

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = c.Prune(cancelled, day)
	assert.ErrorIs(t, err, context.Canceled)
}
