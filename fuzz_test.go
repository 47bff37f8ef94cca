package citecheck_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/sources"
)

// FuzzCheck runs the whole pipeline on arbitrary input in each format:
// it must never panic, and every position it reports must lie inside the
// input with lines and columns that agree with the offsets. Its seeds
// include the adversarial shapes (adversarial_gen_test.go) at a twentieth
// of their unit size, so that the fuzzer mutates large inputs too; run it
// with a short minimisation, or it spends its time shrinking them:
//
//	go test -run '^$' -fuzz FuzzCheck -fuzztime 5m -fuzzminimizetime 10s .
func FuzzCheck(f *testing.F) {
	paths, _ := filepath.Glob("testdata/articles/*")
	for _, p := range paths {
		if src, err := os.ReadFile(p); err == nil && filepath.Ext(p) != ".json" {
			f.Add(src, uint8(0))
		}
	}
	f.Add([]byte("Claim (Ma et al., 2020) [3]\n\nReferences\n\n1. Ma X. Title. 2020."), uint8(1))
	// note numbers that lost their superscript, ending sentences
	f.Add([]byte("It shrank in 1970.1 Most closed in 1963.2 Few survived.3\n\nNotes\n1. Davies, Wales, 612.\n2. Ibid.\n3. Ibid.\n"), uint8(0))
	// a quotation led into, and list items with and without a full stop
	f.Add([]byte("<p>Jane Doe said:</p><blockquote><p>Sales rose 6% in 2023.</p><p>We hired 300.</p></blockquote><ul><li>Fast sync</li><li>It shipped in 2021.[4]</li><li>.”]</li></ul>"), uint8(2))
	formats := []sources.Format{sources.FormatText, sources.FormatMarkdown, sources.FormatHTML}
	for _, sh := range shapes {
		f.Add(sh.gen(max(1, sh.unit/20)), uint8(slices.Index(formats, sh.format)))
	}
	f.Fuzz(func(t *testing.T, src []byte, format uint8) {
		opts := citecheck.Options{Name: "fuzz", Format: formats[int(format)%len(formats)]}
		r, err := citecheck.Check(context.Background(), bytes.NewReader(src), opts)
		if err != nil {
			return
		}
		check := func(what string, l sources.Location) {
			if l.Start < 0 || l.End < l.Start || l.End > len(src) || l.Line < 1 || l.Column < 1 {
				t.Fatalf("%s: bad location %+v for %d bytes of input", what, l, len(src))
			}
			if want := bytes.Count(src[:l.Start], []byte("\n")) + 1; l.Line != want {
				t.Fatalf("%s: line %d, want %d", what, l.Line, want)
			}
		}
		for _, c := range r.Citations {
			check("citation "+c.ID, c.Span)
		}
		for _, e := range r.References {
			check("reference "+e.ID, e.Span)
		}
		for _, fi := range r.Findings {
			check("finding "+fi.Code, fi.Span)
		}
	})
}
