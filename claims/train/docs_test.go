package main

import (
	"crypto/sha1"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/claims"
)

func TestDocPath(t *testing.T) {
	for _, tc := range []struct {
		name, want, err string
	}{
		{name: "goroot:doc/go_mem.html", want: "/go/doc/go_mem.html"},
		{name: "gomod:github.com/yuin/goldmark@v1.8.7/README.md", want: "/mod/github.com/yuin/goldmark@v1.8.7/README.md"},
		{name: "gomod:github.com/PuerkitoBio/goquery@v1.13.0/README.md", want: "/mod/github.com/!puerkito!bio/goquery@v1.13.0/README.md"},
		{name: "gomod:github.com/yuin/goldmark/README.md", err: "want gomod:MODULE@VERSION/FILE"},
		{name: "gomod:github.com/yuin/goldmark@v1.8.7", err: "want gomod:MODULE@VERSION/FILE"},
		{name: "web:README.md", err: "want goroot:FILE"},
	} {
		got, err := docPath(tc.name, "/go", "/mod")
		if tc.err != "" {
			assert.ErrorContains(t, err, tc.err, tc.name)
			continue
		}
		require.NoError(t, err, tc.name)
		assert.Equal(t, filepath.FromSlash(tc.want), got, tc.name)
	}
}

func TestReadDocLabels(t *testing.T) {
	modcache := t.TempDir()
	dir := filepath.Join(modcache, "example.com", "!lib@v1.0.0")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "README.md"), []byte(
		"# Lib\n\nLib parses feeds. It is 2x faster than encoding/xml on our benchmark.\n\n"+
			"```go\nx := lib.Parse(r)\n```\n\n- Fast\n- Small\n\nVersion 1.0 shipped in March 2024.\n"), 0o644))
	sents, err := docSentences(filepath.Join(dir, "README.md"))
	require.NoError(t, err)
	// no heading, no code; list items kept for training, as the trainer
	// keeps a page's
	assert.Equal(t, []string{"Lib parses feeds.", "It is 2x faster than encoding/xml on our benchmark.", "Fast", "Small", "Version 1.0 shipped in March 2024."}, sents)
	hash := func(s string) string {
		sum := sha1.Sum([]byte(s))
		return hex.EncodeToString(sum[:])[:8]
	}
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

func TestFetchDoc(t *testing.T) {
	present := filepath.Join(t.TempDir(), "README.md")
	require.NoError(t, os.WriteFile(present, []byte("# x\n"), 0o644))
	// With the proxy off, a module not in the cache cannot be fetched, and
	// the error says what was tried; a file already there, or one of
	// GOROOT, needs no fetch.
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOMODCACHE", t.TempDir())
	t.Setenv("GOFLAGS", "-modcacherw")
	for _, tc := range []struct {
		name, file, err string
	}{
		{name: "gomod:example.com/lib@v1.0.0/README.md", file: present},
		{name: "goroot:doc/missing.html", file: filepath.Join(t.TempDir(), "missing.html")},
		{name: "gomod:example.com/lib@v1.0.0/README.md", file: filepath.Join(t.TempDir(), "missing.md"), err: "go mod download example.com/lib@v1.0.0"},
	} {
		err := fetchDoc(tc.name, tc.file)
		if tc.err != "" {
			assert.ErrorContains(t, err, tc.err, tc.name)
			continue
		}
		assert.NoError(t, err, tc.name)
	}
}
