package main

import (
	"bytes"
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources/corpus"
)

// lockedBuffer is a bytes.Buffer that the display goroutine and the test
// may use at once.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestStatusDisplay(t *testing.T) {
	tests := []struct {
		name  string
		bar   bool
		total int64
		want  []string
	}{
		{"log line", false, -1, []string{"citecheck batch: 40 checked, 5 skipped, 3 failed, "}},
		{"bar before the count", true, -1, []string{"checking (3 failed)", "48", "articles"}},
		{"bar with the count", true, 96, []string{"checking (3 failed)", "50%", "48/96"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var counts batchCounts
			counts.total.Store(tt.total)
			counts.done.Store(40)
			counts.skipped.Store(5)
			counts.failed.Store(3)
			var w lockedBuffer
			stop := statusDisplay(&w, &counts, time.Now().Add(-time.Second), tt.bar, time.Millisecond)
			require.Eventually(t, func() bool { return w.Len() > 0 }, 10*time.Second, time.Millisecond)
			stop()
			for _, want := range tt.want {
				assert.Contains(t, w.String(), want)
			}
		})
	}
}

func (b *lockedBuffer) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Len()
}

func TestCountCorpus(t *testing.T) {
	dir := writeSmallCorpus(t, 30)
	var counts batchCounts
	counts.total.Store(-1)
	stop := countCorpus(context.Background(), []string{dir}, corpus.Options{}, &counts)
	require.Eventually(t, func() bool { return counts.total.Load() >= 0 }, 10*time.Second, time.Millisecond)
	stop()
	assert.Equal(t, int64(30), counts.total.Load())

	counts.total.Store(-1)
	stop = countCorpus(context.Background(), []string{dir}, corpus.Options{Shard: 1, Shards: 3}, &counts)
	require.Eventually(t, func() bool { return counts.total.Load() >= 0 }, 10*time.Second, time.Millisecond)
	stop()
	assert.Less(t, counts.total.Load(), int64(30), "one shard of three")
	assert.Positive(t, counts.total.Load())
}
