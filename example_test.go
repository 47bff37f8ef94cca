package citecheck_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/citecheck/citecheck"
	"github.com/citecheck/citecheck/claims"
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

// A draft may turn a finding off where it stands, with a reason; the
// finding is kept in Report.Suppressed with the comment that turned it off,
// and a comment that turns nothing off is itself reported.
func ExampleCheck_suppressions() {
	draft := `<!-- citecheck-disable-next-line uncited-claim -- the council's own figure -->
The city spent $4.2 million on the new bridge in 2021.

<!-- citecheck-disable-next-line orphan-reference -->
Unemployment rose to 7.4 percent in 2023, the highest level since 1998.
`
	report, err := citecheck.Check(context.Background(), strings.NewReader(draft), citecheck.Options{Name: "draft.md"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range report.Findings {
		fmt.Printf("%d:%d: %s [%s]\n", f.Span.Line, f.Span.Column, f.Message, f.Code)
	}
	for _, s := range report.Suppressed {
		fmt.Printf("suppressed %d:%d [%s] by line %d: %s\n", s.Span.Line, s.Span.Column, s.Code, s.SuppressedBy.Line, s.Reason)
	}
	// Output:
	// 4:1: citecheck-disable-next-line suppresses no orphan-reference finding [unused-suppression]
	// 5:1: claim cites nothing: "Unemployment rose to 7.4 percent in 2023, the highest level since 1998." [uncited-claim]
	// suppressed 2:1 [uncited-claim] by line 1: the council's own figure
}

// ExampleCheck_severities sets a rule's severity and references under
// another heading, as a .citecheck.yaml does for the command.
func ExampleCheck_severities() {
	draft := "# Sleep\n\nSleep consolidates memory (Ma, 2020).\n\n" +
		"## Further reading\n\n- Ma, X. (2020). Sleep and memory. Nature, 5, 1–2.\n- Lee, K. (2019). Dreams. Science, 3, 4–5.\n"
	report, err := citecheck.Check(context.Background(), strings.NewReader(draft), citecheck.Options{
		Name:              "sleep.md",
		ReferenceHeadings: []string{"Further reading"},
		Severities:        map[string]citecheck.Severity{citecheck.CodeOrphanReference: citecheck.SeverityError},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range report.Findings {
		fmt.Printf("%d:%d: %s: %s [%s]\n", f.Span.Line, f.Span.Column, f.Severity, f.Message, f.Code)
	}
	// Output:
	// 8:3: error: reference r2 (Lee, K. (2019). Dreams. Science, 3, 4–5.) is not cited in the text [orphan-reference]
}

// A desk whose articles are of a genre the shipped claim model does not
// know can train its own on sentences it has labelled, and check with it.
func ExampleCheck_claimModel() {
	labelled := []claims.Example{
		{Text: "The club signed the striker for £40 million in 2021.", Claim: true},
		{Text: "Attendance at home games fell 12% last season.", Claim: true},
		{Text: "The league fined the club £2 million for late wages.", Claim: true},
		{Text: "Ticket prices rose by a third between 2019 and 2023.", Claim: true},
		{Text: "What a night it was for the fans.", Claim: false},
		{Text: "Nobody in the stands will forget that goal.", Claim: false},
		{Text: "Read our match report tomorrow.", Claim: false},
		{Text: "It was a joy to watch.", Claim: false},
	}
	model := claims.Train([][]claims.Example{labelled}, claims.TrainConfig{Epochs: 20, Seed: 1}).
		WithCalibration(1, 0, 0.5) // margin 0 is a score of 0.5, the threshold
	draft := "What a season it has been.\nThe club sold 30,000 season tickets this summer.\n"
	report, err := citecheck.Check(context.Background(), strings.NewReader(draft),
		citecheck.Options{Name: "sport.txt", ClaimModel: model})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range report.Claims {
		fmt.Printf("%d: %.2f %s\n", c.Span.Line, c.Score, c.Text)
	}
	// Output:
	// 2: 0.70 The club sold 30,000 season tickets this summer.
}
