package citecheck_test

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/corpus"
)

var (
	genOut = flag.String("gen-out", "", "TestWriteGeneratedCorpus writes the generated corpus to this JSON Lines `file` (.gz compresses it)")
	genN   = flag.Int("gen-n", 10000, "the number of articles TestWriteGeneratedCorpus writes")
)

// TestWriteGeneratedCorpus writes the benchmark corpus as JSON Lines, for
// measuring the batch command on a corpus of any size:
//
//	go test . -run TestWriteGeneratedCorpus -gen-out /tmp/gen.jsonl -gen-n 100000
//
// Without -gen-out it writes 300 articles to a temporary file and reads
// them back through corpus.Read.
func TestWriteGeneratedCorpus(t *testing.T) {
	path, n := *genOut, *genN
	if path == "" {
		path, n = t.TempDir()+"/gen.jsonl.gz", 300
	}
	require.NoError(t, writeGeneratedCorpus(path, n))
	if *genOut != "" {
		t.Logf("wrote %d generated articles to %s", n, path)
		return
	}
	var want []corpus.Article
	for a := range genCorpus(n, 0) {
		want = append(want, a)
	}
	i := 0
	for a, err := range corpus.Read(t.Context(), []string{path}, corpus.Options{}) {
		require.NoError(t, err)
		require.Less(t, i, n)
		require.Equal(t, want[i].ID, a.ID)
		require.Equal(t, want[i].Hash, a.Hash, a.ID)
		require.Equal(t, want[i].Format, a.Format, a.ID)
		i++
	}
	require.Equal(t, n, i)
}

// writeGeneratedCorpus writes n generated articles to path as JSON Lines.
func writeGeneratedCorpus(path string, n int) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	var w io.Writer = f
	if strings.HasSuffix(path, ".gz") {
		zw := gzip.NewWriter(f)
		defer func() {
			if cerr := zw.Close(); err == nil {
				err = cerr
			}
		}()
		w = zw
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for a := range genCorpus(n, 0) {
		rec := map[string]string{"id": a.ID, "url": a.URL}
		switch a.Format {
		case sources.FormatHTML:
			rec["html"] = string(a.Body)
		case sources.FormatMarkdown:
			rec["markdown"] = string(a.Body)
		default:
			rec["text"] = string(a.Body)
		}
		if err := enc.Encode(rec); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return bw.Flush()
}
