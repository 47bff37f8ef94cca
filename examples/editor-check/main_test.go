package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckDraft(t *testing.T) {
	for _, name := range []string{"apa.txt", "clean.md", "numeric.txt", "links.html"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("..", "..", "testdata", "articles", name)
			errs, err := checkDraft(context.Background(), path)
			require.NoError(t, err)
			golden, err := os.ReadFile(path[:len(path)-len(filepath.Ext(path))] + ".golden.json")
			require.NoError(t, err)
			var want struct {
				Summary struct{ Errors int }
			}
			require.NoError(t, json.Unmarshal(golden, &want))
			assert.Equal(t, want.Summary.Errors, errs)
		})
	}
	_, err := checkDraft(context.Background(), filepath.Join(t.TempDir(), "missing.md"))
	assert.ErrorIs(t, err, os.ErrNotExist)
}
