package citecheck_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"golang.org/x/net/html"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/corpus"
)

// realPages loads the 37 real pages of ../shared/data (31 news pages and
// 6 reference-heavy pages: Wikipedia, an IETF document, a book chapter),
// or skips.
func realPages(b *testing.B) [][]byte {
	b.Helper()
	paths, _ := filepath.Glob("../shared/data/readability-news-pages/*/source.html")
	more, _ := filepath.Glob("../shared/data/citation-docs/readability-refpages/*/source.html")
	paths = append(paths, more...)
	if len(paths) == 0 {
		b.Skip("the real pages are not here; they live in ../shared/data beside the checkout")
	}
	var pages [][]byte
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, src)
	}
	return pages
}

func totalBytes(pages [][]byte) int64 {
	var n int64
	for _, p := range pages {
		n += int64(len(p))
	}
	return n
}

// BenchmarkCheckRealPages checks the real pages through the public Check,
// as a user calls it, reading included; compare it with
// BenchmarkHTMLParseRealPages from the same run:
//
//	go test -run '^$' -bench RealPages -benchmem .
func BenchmarkCheckRealPages(b *testing.B) {
	pages := realPages(b)
	b.SetBytes(totalBytes(pages))
	b.ReportAllocs()
	ctx := context.Background()
	for b.Loop() {
		for _, p := range pages {
			if _, err := citecheck.Check(ctx, bytes.NewReader(p), citecheck.Options{Name: "page.html"}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkBatchRealPages checks the real pages as a corpus, on one and on
// two workers.
func BenchmarkBatchRealPages(b *testing.B) {
	pages := realPages(b)
	articles := func(yield func(corpus.Article, error) bool) {
		for i, p := range pages {
			id := "page" + strconv.Itoa(i)
			if !yield(corpus.Article{ID: id, Input: id + ".html", Format: sources.FormatHTML, Body: p}, nil) {
				return
			}
		}
	}
	for _, workers := range []int{1, 2} {
		b.Run("workers="+strconv.Itoa(workers), func(b *testing.B) {
			b.SetBytes(totalBytes(pages))
			b.ReportAllocs()
			for b.Loop() {
				for _, err := range citecheck.Batch(context.Background(), articles, citecheck.BatchOptions{Workers: workers}) {
					if err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkHTMLParseRealPages is the yardstick: a bare html.Parse of the
// same pages.
func BenchmarkHTMLParseRealPages(b *testing.B) {
	pages := realPages(b)
	b.SetBytes(totalBytes(pages))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			if _, err := html.Parse(bytes.NewReader(p)); err != nil {
				b.Fatal(err)
			}
		}
	}
}
