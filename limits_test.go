package citecheck_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/citations"
	"github.com/citecheck/citecheck/sources"
)

func TestLimits(t *testing.T) {
	src, err := os.ReadFile("testdata/articles/apa.txt")
	require.NoError(t, err)
	tests := []struct {
		limits citecheck.Limits
		name   string
		max    int64
		cause  error
	}{
		{citecheck.Limits{MaxBytes: 100}, "bytes", 100, sources.ErrTooLarge},
		{citecheck.Limits{MaxCitations: 3}, "citations", 3, citations.ErrTooManyCitations},
		{citecheck.Limits{MaxReferences: 2}, "references", 2, citations.ErrTooManyReferences},
		{citecheck.Limits{MaxFindings: 1}, "findings", 1, sources.ErrLimit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := citecheck.Check(context.Background(), bytesReader(src), citecheck.Options{Name: "apa.txt", Limits: tt.limits})
			require.Error(t, err)
			assert.ErrorIs(t, err, sources.ErrLimit)
			assert.ErrorIs(t, err, tt.cause)
			var le *citecheck.LimitError
			require.True(t, errors.As(err, &le))
			assert.Equal(t, tt.name, le.Limit)
			assert.Equal(t, tt.max, le.Max)
			assert.Equal(t, "apa.txt", le.Input)
			assert.Contains(t, err.Error(), "--max-"+tt.name)
		})
	}
	r, err := citecheck.Check(context.Background(), bytesReader(src), citecheck.Options{Name: "apa.txt"})
	require.NoError(t, err, "the defaults let an ordinary article through")
	assert.NotEmpty(t, r.Citations)
}

// bytesReader reads src, as a file would be read.
func bytesReader(src []byte) *bytes.Reader { return bytes.NewReader(src) }
