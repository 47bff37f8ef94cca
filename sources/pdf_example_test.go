package sources_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/citecheck/citecheck/sources"
	"github.com/citecheck/citecheck/sources/pdftest"
)

// ExampleReadPDF reads the text of a PDF report, as the resolver does for
// a cited PDF, and finds the page a sentence is on.
func ExampleReadPDF() {
	data, err := pdftest.Write(pdftest.Doc{Title: "Labour Market Review", Pages: [][]string{
		{"Labour Market Review"},
		{"The unemployment rate fell to 14% in March."},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	pdf, err := sources.ReadPDF(context.Background(), data, sources.PDFOptions{MaxPages: 50})
	if err != nil {
		fmt.Println(err)
		return
	}
	at := strings.Index(pdf.Text, "14%")
	page := 0
	for i, start := range pdf.PageStarts {
		if start <= at {
			page = i + 1
		}
	}
	fmt.Println(pdf.Title)
	fmt.Println(pdf.PageCount, "pages; \"14%\" is on page", page)
	// Output:
	// Labour Market Review
	// 2 pages; "14%" is on page 2
}
