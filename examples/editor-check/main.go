// Editor-check is what an editor runs before publishing a draft: it checks
// the citations of each file named on the command line, prints every
// finding as file:line:col, and exits with status 1 if any is an error.
//
//	go run ./examples/editor-check testdata/articles/apa.txt
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/citecheck/citecheck"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: editor-check DRAFT...")
		os.Exit(2)
	}
	failed := false
	for _, path := range os.Args[1:] {
		errs, err := checkDraft(context.Background(), path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		failed = failed || errs > 0
	}
	if failed {
		os.Exit(1)
	}
}

// checkDraft prints the findings of one draft and returns how many are errors.
func checkDraft(ctx context.Context, path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	report, err := citecheck.Check(ctx, f, citecheck.Options{Name: path})
	if err != nil {
		return 0, err
	}
	for _, finding := range report.Findings {
		fmt.Printf("%s:%d:%d: %s: %s [%s]\n", path, finding.Span.Line, finding.Span.Column,
			finding.Severity, finding.Message, finding.Code)
	}
	fmt.Printf("%s: %d citations, %d references, %d errors, %d warnings\n", path,
		report.Summary.Citations, report.Summary.References, report.Summary.Errors, report.Summary.Warnings)
	return report.Summary.Errors, nil
}
