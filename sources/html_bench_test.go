package sources

import (
	"bytes"
	"testing"

	"golang.org/x/net/html"
)

// BenchmarkReadHTML reads every evaluation page (charset, tree, extraction,
// text with positions, metadata). Compare it with BenchmarkHTMLParse, a
// bare html.Parse of the same bytes:
//
//	go test ./sources -run '^$' -bench 'ReadHTML|HTMLParse' -benchmem
func BenchmarkReadHTML(b *testing.B) {
	pages := loadEvalPages(b)
	b.SetBytes(evalTotalBytes(pages))
	b.ReportAllocs()
	for b.Loop() {
		for _, pg := range pages {
			if _, err := Parse(pg.src, ReadOptions{Format: FormatHTML, BaseURL: evalBaseURL}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkHTMLParse is the baseline: html.Parse of the same pages.
func BenchmarkHTMLParse(b *testing.B) {
	pages := loadEvalPages(b)
	b.SetBytes(evalTotalBytes(pages))
	b.ReportAllocs()
	for b.Loop() {
		for _, pg := range pages {
			if _, err := html.Parse(bytes.NewReader(pg.src)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func evalTotalBytes(pages []evalPage) int64 {
	var n int64
	for _, pg := range pages {
		n += int64(len(pg.src))
	}
	return n
}

// BenchmarkReadabilityPort times go-readability (html.Parse plus its
// extraction) on the same pages, for comparison with BenchmarkReadHTML.
func BenchmarkReadabilityPort(b *testing.B) {
	pages := loadEvalPages(b)
	b.SetBytes(evalTotalBytes(pages))
	b.ReportAllocs()
	for b.Loop() {
		for _, pg := range pages {
			evalReadabilityText(b, pg.src)
		}
	}
}
