package citecheck_test

import (
	"context"
	"fmt"
	"slices"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/corpus"
)

func ExampleBatch() {
	corpus := func(yield func(corpus.Article, error) bool) {
		articles := []corpus.Article{
			{ID: "apa", Input: "apa.txt", Format: sources.FormatText, Body: []byte(
				"Title\n\nTransit ridership fell (Okafor, 2021).\n\nReferences\n\nOkafor, C. (2021). Transit demand. Urban Studies, 4, 5-6.\n")},
			{ID: "missing", Input: "missing.txt", Format: sources.FormatText, Body: []byte(
				"Title\n\nTransit ridership fell (Brandt, 2019).\n\nReferences\n\nOkafor, C. (2021). Transit demand. Urban Studies, 4, 5-6.\n")},
		}
		for _, a := range articles {
			if !yield(a, nil) {
				return
			}
		}
		yield(corpus.Article{}, &corpus.ReadError{Input: "feed.jsonl", Pos: 3, Err: corpus.ErrMalformed})
	}
	var lines []string
	for r, err := range citecheck.Batch(context.Background(), corpus, citecheck.BatchOptions{Workers: 2}) {
		if err != nil {
			lines = append(lines, fmt.Sprintf("%s: failed: %v", r.Article.ID, err))
			continue
		}
		s := r.Report.Summary
		lines = append(lines, fmt.Sprintf("%s: %d citations, %d unresolved", r.Article.ID, s.Citations, s.Unresolved))
	}
	slices.Sort(lines) // results come in the order they finish
	for _, l := range lines {
		fmt.Println(l)
	}
	// Output:
	// apa: 1 citations, 0 unresolved
	// feed.jsonl#3: failed: feed.jsonl#3: malformed record
	// missing: 1 citations, 1 unresolved
}
