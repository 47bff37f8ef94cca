package claims

import (
	"os"
	"strings"
	"testing"

	"github.com/citecheck/citecheck/sources"
)

// benchDocument returns the seed article, or a built-in text when it is
// absent, repeated to about 200 KB.
func benchDocument(b *testing.B) *sources.Document {
	src, err := os.ReadFile(seedArticle)
	if err != nil {
		src = []byte(strings.Repeat(fuzzSeeds[1]+" "+fuzzSeeds[5]+"\n\n", 20))
	}
	var sb strings.Builder
	for sb.Len() < 200<<10 {
		sb.Write(src)
		sb.WriteString("\n\n")
	}
	doc, err := sources.Parse([]byte(sb.String()), sources.ReadOptions{Name: "bench.txt"})
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// BenchmarkSentencesAndScore segments a document and scores every sentence.
func BenchmarkSentencesAndScore(b *testing.B) {
	doc := benchDocument(b)
	m := DefaultModel()
	n := 0
	b.ReportAllocs()
	b.SetBytes(int64(len(doc.Text)))
	for b.Loop() {
		for _, sp := range Sentences(doc) {
			m.Score(doc.Text[sp.Start:sp.End])
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkExtract runs the whole claim extraction.
func BenchmarkExtract(b *testing.B) {
	doc := benchDocument(b)
	DefaultModel()
	b.ReportAllocs()
	b.SetBytes(int64(len(doc.Text)))
	for b.Loop() {
		Extract(doc, Options{})
	}
}
