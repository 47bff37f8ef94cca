package sqlitecache

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSQLiteCachePrune(t *testing.T) {
	day := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	clock := newTestClock(day)
	c, err := NewSQLiteCache(t.Context(), openSQLiteFile(t, filepath.Join(t.TempDir(), "c.db")), WithCacheClock(clock.Now))
	require.NoError(t, err)
	ctx := t.Context()
	for i, at := range []time.Time{day.AddDate(0, 0, -400), day.AddDate(0, 0, -10), day} {
		key := []string{"https://old.example/a", "https://recent.example/b", "https://today.example/c"}[i]
		require.NoError(t, c.PutSource(ctx, SourceRecord{Key: key, Status: "ok", CheckedAt: at, ExpiresAt: at.Add(time.Hour)}))
		require.NoError(t, c.PutRobots(ctx, RobotsRecord{Origin: key[:len(key)-2], Status: 404, FetchedAt: at, ExpiresAt: at.Add(time.Hour)}))
		require.NoError(t, c.AddObservation(ctx, LinkObservation{URL: key, At: at, Outcome: OutcomeFailed, Status: 404}))
		require.NoError(t, c.AddObservation(ctx, LinkObservation{URL: "https://old.example/a", At: at, Outcome: OutcomeFailed, Status: 404}))
	}

	p, err := c.Prune(ctx, day.AddDate(-1, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, Pruned{Sources: 1, Robots: 1, Observations: 2}, p)

	_, ok, err := c.GetSource(ctx, "https://old.example/a")
	require.NoError(t, err)
	assert.False(t, ok, "the source checked 400 days ago is gone")
	_, ok, err = c.GetSource(ctx, "https://recent.example/b")
	require.NoError(t, err)
	assert.True(t, ok)
	_, ok, err = c.GetRobots(ctx, "https://old.example")
	require.NoError(t, err)
	assert.False(t, ok)
	obs, err := c.Observations(ctx, "https://old.example/a")
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
	assert.Error(t, err)
}
