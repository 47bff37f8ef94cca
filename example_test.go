package citecheck_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/citecheck/citecheck"
)

func ExampleCheck() {
	draft := `Coral cover on the reef fell by half between 1995 and 2017 (Hughes et al., 2018).
Bleaching events are now five times as frequent as in the 1980s (Oliver, 2019).

References

Hughes, T. P., Kerry, J. T., & Simpson, T. (2018). Large-scale bleaching of corals on the
    Great Barrier Reef. Ecology, 99(2), 501.
`
	report, err := citecheck.Check(context.Background(), strings.NewReader(draft), citecheck.Options{Name: "reef.txt"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range report.Findings {
		fmt.Printf("%s:%d:%d: %s [%s]\n", report.Input, f.Span.Line, f.Span.Column, f.Severity, f.Code)
	}
	// Output:
	// reef.txt:2:66: error [unresolved-citation]
}

func ExampleDefaultRules() {
	for _, r := range citecheck.DefaultRules()[:3] {
		fmt.Println(r.Code, r.Severity)
	}
	// Output:
	// missing-reference-list error
	// empty-reference-list error
	// unresolved-citation error
}
