package citecheck_test

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/claims"
	"github.com/citecheck/citecheck/sources"
)

var sentencesOut = flag.String("sentences-out", "", "TestDumpSentences writes the sentences of the real pages to this `folder`, for labelling")

// realPageFiles returns the source.html of each of the 37 real pages of
// ../shared/data by page name, or skips.
func realPageFiles(t testing.TB) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, dir := range []string{"../shared/data/readability-news-pages", "../shared/data/citation-docs/readability-refpages"} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*", "source.html"))
		for _, p := range paths {
			out[filepath.Base(filepath.Dir(p))] = p
		}
	}
	if len(out) == 0 {
		t.Skip("the real pages are not here; they live in ../shared/data beside the checkout")
	}
	return out
}

// TestDumpSentences writes, for each real page, its sentences as citecheck
// reads them (the main content, split into sentences) with their line in
// source.html and the links each holds: what a labeller reads. It writes
// nothing about claims: no score, no finding, so that the labels are
// decided by the definitions alone.
//
//	go test . -run TestDumpSentences -sentences-out /tmp/sentences
func TestDumpSentences(t *testing.T) {
	if *sentencesOut == "" {
		t.Skip("-sentences-out not set")
	}
	require.NoError(t, os.MkdirAll(*sentencesOut, 0o755))
	for page, path := range realPageFiles(t) {
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		doc, err := sources.Parse(src, sources.ReadOptions{Name: path, Format: sources.FormatHTML})
		require.NoError(t, err)
		f, err := os.Create(filepath.Join(*sentencesOut, page+".tsv"))
		require.NoError(t, err)
		w := bufio.NewWriter(f)
		fmt.Fprintf(w, "# %s: line in source.html, sentence, then the links in it\n", page)
		for _, s := range claims.Sentences(doc) {
			text := strings.Join(strings.Fields(doc.Slice(s)), " ")
			var links []string
			for _, l := range doc.Links {
				if l.InBody && l.Span.Overlaps(s) {
					links = append(links, fmt.Sprintf("[%s](%s)", strings.Join(strings.Fields(doc.Slice(l.Span)), " "), l.URL))
				}
			}
			fmt.Fprintf(w, "%d\t%s\t%s\n", doc.Locate(s).Line, text, strings.Join(links, " "))
		}
		require.NoError(t, w.Flush())
		require.NoError(t, f.Close())
	}
}
