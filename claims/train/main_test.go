package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/claims"
	"github.com/citecheck/citecheck/claims/doclabels"
)

func TestReadWebLabels(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "train.jsonl")
	require.NoError(t, os.WriteFile(src, []byte(
		`{"evidence": ["(meta data) TITLE: x", "The bridge opened in 1932.", "What a view!"], "meta": {"id": "doc-1"}}`+"\n"+
			`{"evidence": ["Sales fell 4% in May.", " "], "meta": {"id": "doc-2"}}`+"\n"), 0o644))
	hash := doclabels.Hash
	good := "# a comment\n" +
		"doc-1\t1\t1\t" + hash("The bridge opened in 1932.") + "\n" +
		"doc-1\t2\t0\t" + hash("What a view!") + "\n" +
		"doc-2\t0\t1\t" + hash("Sales fell 4% in May.") + "\n" +
		"doc-2\t1\t0\t" + hash(" ") + "\n" // an empty line of the page: left out
	for _, tc := range []struct {
		name, labels, err string
		want              [][]claims.Example
	}{
		{name: "good", labels: good, want: [][]claims.Example{
			{{Text: "The bridge opened in 1932.", Claim: true, Weight: 0.4}, {Text: "What a view!", Weight: 2}},
			{{Text: "Sales fell 4% in May.", Claim: true, Weight: 0.4}},
		}},
		{name: "changed sentence", labels: "doc-1\t1\t1\t" + hash("What a view!") + "\n", err: "not the one labelled"},
		{name: "index past the page", labels: "doc-2\t2\t1\t00000000\n", err: "no sentence 2 of page doc-2"},
		{name: "unknown page", labels: "doc-3\t0\t1\t00000000\n", err: "no sentence 0 of page doc-3"},
		{name: "bad label", labels: "doc-2\t0\tyes\t00000000\n", err: ":1: want DOCID"},
		{name: "missing hash", labels: "doc-2\t0\t1\n", err: ":1: want DOCID"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "labels.tsv")
			require.NoError(t, os.WriteFile(path, []byte(tc.labels), 0o644))
			got, err := readWebLabels(path, src, 2, 5)
			if tc.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}
