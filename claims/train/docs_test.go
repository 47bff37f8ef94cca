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

func TestReadDocLabels(t *testing.T) {
	modcache := t.TempDir()
	dir := filepath.Join(modcache, "example.com", "!lib@v1.0.0")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "README.md"), []byte(
		"# Lib\n\nLib parses feeds. It is 2x faster than encoding/xml on our benchmark.\n\n"+
			"```go\nx := lib.Parse(r)\n```\n\n- Fast\n- Small\n\nVersion 1.0 shipped in March 2024.\n"), 0o644))
	sents, err := doclabels.Sentences(filepath.Join(dir, "README.md"))
	require.NoError(t, err)
	// no heading, no code; list items kept for training, as the trainer
	// keeps a page's
	assert.Equal(t, []string{"Lib parses feeds.", "It is 2x faster than encoding/xml on our benchmark.", "Fast", "Small", "Version 1.0 shipped in March 2024."}, sents)
	hash := doclabels.Hash
	const doc = "gomod:example.com/Lib@v1.0.0/README.md"
	t.Setenv("GOPROXY", "off") // a module not in the cache is not fetched
	for _, tc := range []struct {
		name, labels, err string
		want              []claims.Example
	}{
		{name: "good", labels: "# labels\n" + doc + "\t1\t1\t" + hash(sents[1]) + "\n" + doc + "\t0\t0\t" + hash(sents[0]) + "\n",
			want: []claims.Example{{Text: sents[1], Claim: true, Weight: 3}, {Text: sents[0], Weight: 3}}},
		{name: "changed sentence", labels: doc + "\t1\t1\t" + hash(sents[0]) + "\n", err: "not the one labelled"},
		{name: "index past the end", labels: doc + "\t5\t1\t00000000\n", err: "no sentence 5"},
		{name: "module not downloaded", labels: "gomod:example.com/other@v1.0.0/README.md\t0\t1\t00000000\n", err: "go mod download"},
		{name: "bad label", labels: doc + "\t0\tyes\t00000000\n", err: ":1: want DOC"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "labels.tsv")
			require.NoError(t, os.WriteFile(path, []byte(tc.labels), 0o644))
			got, err := readDocLabelsIn(path, "/no/goroot", modcache, 3)
			if tc.err != "" {
				assert.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}
