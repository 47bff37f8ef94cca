package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
)

// TestJSONWriterMatchesEncoder holds the streaming JSON writer to what a
// json.Encoder writes for the same report, byte for byte, on every test
// article and on reports with empty and nil lists.
func TestJSONWriterMatchesEncoder(t *testing.T) {
	paths, err := filepath.Glob(articles + "*")
	require.NoError(t, err)
	var reports []*citecheck.Report
	for _, p := range paths {
		if strings.HasSuffix(p, ".json") {
			continue
		}
		src, err := os.ReadFile(p)
		require.NoError(t, err)
		r, err := citecheck.Check(context.Background(), bytes.NewReader(src), citecheck.Options{Name: p})
		require.NoError(t, err)
		reports = append(reports, r)
	}
	reports = append(reports, &citecheck.Report{Version: 1, Input: "<empty & nil>"})
	require.NotEmpty(t, reports)
	for _, r := range reports {
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(r))
		require.NoError(t, newJSONWriter(&got).write(r))
		assert.Equal(t, want.String(), got.String(), r.Input)
	}
}
