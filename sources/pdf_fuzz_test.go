package sources_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/pdftest"
)

// FuzzPDFText checks that ReadPDF never panics or hangs, and that what it
// returns is valid UTF-8 within its bounds, with page starts in order
// inside the text.
func FuzzPDFText(f *testing.F) {
	report, err := pdftest.Report()
	if err != nil {
		f.Fatal(err)
	}
	short, err := pdftest.Write(pdftest.Doc{Title: "T", Pages: [][]string{{"A 14% fall."}, {"Page two."}}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(report)
	f.Add(short)
	f.Add([]byte("%PDF-1.4\n%%EOF\n"))
	f.Add(formDoc("BT /F1 12 Tf 72 700 Td (In a form.) Tj ET /X1 Do", "BT /F1 12 Tf 72 720 Td [(Page) -300 (first.)] TJ ET /X1 Do"))
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := sources.PDFOptions{MaxPages: 5, MaxText: 4096, Timeout: 2 * time.Second}
		p, err := sources.ReadPDF(t.Context(), data, opts)
		if err != nil {
			if p != nil {
				t.Fatalf("error %v with a result", err)
			}
			return
		}
		if len(p.Text) > opts.MaxText || !utf8.ValidString(p.Text) || !utf8.ValidString(p.Title) {
			t.Fatalf("text of %d bytes, valid %v", len(p.Text), utf8.ValidString(p.Text))
		}
		if len(p.PageStarts) > opts.MaxPages {
			t.Fatalf("%d pages", len(p.PageStarts))
		}
		if strings.Contains(p.Text, "\n\n\n") || strings.TrimSpace(p.Text) != p.Text {
			t.Fatalf("untidy text %q", p.Text)
		}
		prev := 0
		for _, s := range p.PageStarts {
			if s < prev || s > len(p.Text) {
				t.Fatalf("page starts %v in %d bytes", p.PageStarts, len(p.Text))
			}
			prev = s
		}
	})
}
