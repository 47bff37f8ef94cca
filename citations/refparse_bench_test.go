package citations

import (
	"path/filepath"
	"testing"
)

// BenchmarkParseReference parses a mix of styles; the entries/s figure is
// the throughput target (over 100,000 a second).
func BenchmarkParseReference(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, s := range referenceSeeds {
			ParseReference(s)
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "entries/s")
}

// BenchmarkFindReferences finds the reference list of a plain-text article.
func BenchmarkFindReferences(b *testing.B) {
	doc := readTextDoc(b, filepath.Join("..", "testdata", "references", "apa_hanging.txt"))
	b.ReportAllocs()
	for b.Loop() {
		FindReferences(doc)
	}
}
