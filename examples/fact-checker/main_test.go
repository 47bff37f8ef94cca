package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources/resolve"
)

func TestFactChecker(t *testing.T) {
	var requests atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/jobs", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "text/html")
		_, _ = rw.Write([]byte(`<html><head><meta property="og:site_name" content="Bureau of Statistics">` +
			`<meta name="citation_title" content="Employment Situation, March 2024">` +
			`<meta name="citation_author" content="Okafor, Chidi"><meta name="citation_publication_date" content="2024-04-05">` +
			`</head><body><article><p>Employers added 275,000 jobs in March 2024, the bureau said on Friday.</p>` +
			`<p>Hiring was strongest in health care and construction.</p></article></body></html>`))
	})
	mux.HandleFunc("/survey", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "text/html")
		_, _ = rw.Write([]byte(`<html><head><title>A survey of something else entirely</title></head><body><p>x</p></body></html>`))
	})
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		mux.ServeHTTP(rw, r)
	}))
	t.Cleanup(srv.Close)

	dir := t.TempDir()
	article := filepath.Join(dir, "jobs.md")
	text := "# Jobs\n\nEmployers added 303,000 jobs in March 2024 (Okafor, 2024). " +
		"Two in three workers said wages lagged prices in 2023 (Brandt, 2023). " +
		"The unemployment rate rose to 3.9 percent in February.\n\n## References\n\n" +
		"Okafor, C. (2024). Employment Situation, March 2024. Bureau of Statistics. " + srv.URL + "/jobs\n\n" +
		"Brandt, L. (2023). Wages and prices in the household survey. Survey Reports. " + srv.URL + "/survey\n"
	require.NoError(t, os.WriteFile(article, []byte(text), 0o644))
	cache := filepath.Join(dir, "cache.sqlite")
	loopback := []resolve.Option{resolve.WithAllowLoopback(), resolve.WithPerDomain(2, 0)}

	var out bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"-cache", cache, article}, &out, loopback))
	got := out.String()
	for _, want := range []string{
		"jobs.md: 3 claims, 2 references",
		`    Okafor, 2024 -> ok: "Employment Situation, March 2024", Okafor, Chidi, 2024-04-05, Bureau of Statistics`,
		`    Brandt, 2023 -> ok: "A survey of something else entirely"`,
		"The unemployment rate rose to 3.9 percent in February.\n    nothing supports it",
		"[reference-mismatch]",
		"/jobs says: contradicted",
		`      number "303,000": the source says "275,000"`,
		"[number-mismatch]",
	} {
		assert.Contains(t, got, want)
	}
	assert.Equal(t, 1, strings.Count(got, "[reference-mismatch]"), got)
	assert.NotContains(t, got, "attributed to Employers", "adding jobs is not saying something")

	// The second run, offline, prints the same from the cache with no request.
	n := requests.Load()
	var again bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"-offline", "-cache", cache, article}, &again, nil))
	assert.Equal(t, got, again.String())
	assert.Equal(t, n, requests.Load())
}

func TestFactCheckerUsage(t *testing.T) {
	tests := [][]string{nil, {"a", "b"}, {"-nope", "a"}}
	for _, args := range tests {
		err := run(context.Background(), args, &bytes.Buffer{}, nil)
		assert.ErrorContains(t, err, "usage: fact-checker")
	}
	err := run(context.Background(), []string{"-offline", filepath.Join(t.TempDir(), "missing.md")}, &bytes.Buffer{}, nil)
	assert.ErrorIs(t, err, os.ErrNotExist)
}
