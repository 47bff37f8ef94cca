package doclabels_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/claims/doclabels"
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
		got, err := doclabels.Path(tc.name, "/go", "/mod")
		if tc.err != "" {
			assert.ErrorContains(t, err, tc.err, tc.name)
			continue
		}
		require.NoError(t, err, tc.name)
		assert.Equal(t, filepath.FromSlash(tc.want), got, tc.name)
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
		err := doclabels.Fetch(tc.name, tc.file)
		if tc.err != "" {
			assert.ErrorContains(t, err, tc.err, tc.name)
			continue
		}
		assert.NoError(t, err, tc.name)
	}
}
