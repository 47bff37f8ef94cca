package citecheck_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/citecheck/citecheck"
)

// BenchmarkStoreSave measures writing batch results, with all their rows,
// to a results database on disk, in transactions of 200 articles as the
// batch command writes them. It reports articles and rows per second: the
// store must outrun the analysis (BenchmarkBatch) so that it is never the
// bottleneck.
func BenchmarkStoreSave(b *testing.B) {
	const n = 200
	ctx := context.Background()
	var results []citecheck.BatchResult
	rows := 0
	for r, err := range citecheck.Batch(ctx, genCorpus(n, 0), citecheck.BatchOptions{}) {
		if err != nil {
			b.Fatal(err)
		}
		r.Article.Body = nil
		results = append(results, r)
		rows += 1 + len(r.Report.Findings) + len(r.Report.Claims) + len(r.Report.Citations)
	}
	dir := b.TempDir()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		db, err := sql.Open("sqlite3", "file:"+filepath.Join(dir, fmt.Sprintf("r%d.sqlite", i)))
		if err != nil {
			b.Fatal(err)
		}
		store, err := citecheck.OpenStore(ctx, db)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := store.Save(ctx, results...); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		_ = store.Close()
		_ = db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
}
