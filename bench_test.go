package citecheck_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources"
)

// newsPages loads the real news pages of ../shared/data, or skips.
func newsPages(b *testing.B) [][]byte {
	b.Helper()
	paths, _ := filepath.Glob("../shared/data/readability-news-pages/*/source.html")
	if len(paths) == 0 {
		b.Skip("the news pages are not here; they live in ../shared/data/readability-news-pages beside the checkout")
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

// BenchmarkCheckNewsPages runs the whole offline check pipeline over the
// real news pages; compare it with BenchmarkHTMLParseNewsPages from the same
// run: go test -run '^$' -bench NewsPages -benchmem .
func BenchmarkCheckNewsPages(b *testing.B) {
	pages := newsPages(b)
	b.SetBytes(totalBytes(pages))
	b.ReportAllocs()
	ctx := context.Background()
	for b.Loop() {
		for _, p := range pages {
			doc, err := sources.Parse(p, sources.ReadOptions{Name: "page.html", Format: sources.FormatHTML})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := citecheck.CheckDocument(ctx, doc, citecheck.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkHTMLParseNewsPages is the yardstick: a bare html.Parse of the
// same pages.
func BenchmarkHTMLParseNewsPages(b *testing.B) {
	pages := newsPages(b)
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
