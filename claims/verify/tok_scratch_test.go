package verify

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/citecheck/citecheck/sources"
)

func scratchTexts(b *testing.B) []string {
	dirs, _ := filepath.Glob("../../../shared/data/readability-news-pages/*/source.html")
	var out []string
	for _, d := range dirs {
		raw, _ := os.ReadFile(d)
		doc, err := sources.Read(bytes.NewReader(raw), sources.ReadOptions{Name: "page.html"})
		if err == nil {
			out = append(out, doc.Text)
		}
	}
	return out
}

func BenchmarkScratchTokenize(b *testing.B) {
	texts := scratchTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	var buf []token
	for b.Loop() {
		for _, t := range texts {
			buf = tokenize(buf[:0], t)
		}
	}
}

func BenchmarkScratchPrepare(b *testing.B) {
	texts := scratchTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			Prepare(Source{Text: t})
		}
	}
}

func BenchmarkScratchSplit(b *testing.B) {
	texts := scratchTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			splitSentences(t)
		}
	}
}

func BenchmarkScratchQuantities(b *testing.B) {
	texts := scratchTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			Quantities(t)
		}
	}
}

func TestScratchCount(t *testing.T) {
	texts := scratchTexts(nil)
	n, w := 0, 0
	for _, x := range texts {
		n += len(x)
		w += len(tokenize(nil, x))
	}
	t.Logf("%d texts %d bytes %d words", len(texts), n, w)
}
