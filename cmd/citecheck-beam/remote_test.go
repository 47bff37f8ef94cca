package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs" // memfs://, a Beam filesystem in memory
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/cmd/internal/results"
	"github.com/citecheck/citecheck/sources/resolve"
)

// TestRemoteInputs reads a pattern of files on a Beam filesystem other
// than the local one (memfs://): its records are named by their remote
// paths, not by the local copies the reader reads.
func TestRemoteInputs(t *testing.T) {
	ctx := context.Background()
	good := `{"id": "good-%s", "text": "Title\n\nIt rose (Okafor, 2021).\n\nReferences\n\nOkafor, C. (2021). Transit demand. Urban Studies, 4, 5-6.\n"}`
	files := map[string]string{
		"memfs://remote-corpus/a.jsonl": fmt.Sprintf(good, "a") + "\n{oops\n",
		"memfs://remote-corpus/b.jsonl": fmt.Sprintf(good, "b") + "\n",
		"memfs://remote-corpus/c.txt":   "not matched by the pattern",
	}
	for name, content := range files {
		fsys, err := filesystem.New(ctx, name)
		require.NoError(t, err)
		w, err := fsys.OpenWrite(ctx, name)
		require.NoError(t, err)
		_, err = io.WriteString(w, content)
		require.NoError(t, err)
		require.NoError(t, w.Close())
	}
	out := t.TempDir()
	c := runPipeline(t, Config{Inputs: []string{"memfs://remote-corpus/*.jsonl"}, Output: out})
	assert.Equal(t, int64(3), c.articles)
	var got [][3]string
	for _, a := range readRows[results.Article](t, filepath.Join(out, outArticles, "*.parquet")) {
		got = append(got, [3]string{a.ID, a.Input, a.Status})
	}
	assert.ElementsMatch(t, [][3]string{
		{"good-a", "memfs://remote-corpus/a.jsonl#1", "ok"},
		{"good-b", "memfs://remote-corpus/b.jsonl#1", "ok"},
		{"memfs://remote-corpus/a.jsonl#2", "memfs://remote-corpus/a.jsonl#2", "failed"},
	}, got)
}

func TestWorkerResolversAreShared(t *testing.T) {
	ctx := context.Background()
	pool := &resolverPool{m: map[ResolveConfig]*resolve.Resolver{}}
	a, err := pool.get(ctx, ResolveConfig{Resolve: true, Contact: "a@example.org"})
	require.NoError(t, err)
	again, err := pool.get(ctx, ResolveConfig{Resolve: true, Contact: "a@example.org"})
	require.NoError(t, err)
	other, err := pool.get(ctx, ResolveConfig{Resolve: true, Contact: "b@example.org"})
	require.NoError(t, err)
	assert.Same(t, a, again, "one resolver per worker process for one configuration")
	assert.NotSame(t, a, other)
	cached, err := pool.get(ctx, ResolveConfig{Resolve: true, Offline: true, Cache: filepath.Join(t.TempDir(), "cache.sqlite")})
	require.NoError(t, err)
	assert.True(t, cached.Offline())
}
